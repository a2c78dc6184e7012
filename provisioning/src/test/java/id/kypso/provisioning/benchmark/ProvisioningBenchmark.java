package id.kypso.provisioning.benchmark;

import id.kypso.provisioning.ProvisioningMain;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.Messages;
import id.kypso.provisioning.pin.PinHash;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the two costs an operator waits for: checking a maintenance PIN at the default
 * PBKDF2 iteration count, and issuing one slip (sign, draw, encode PNG, read the QR back,
 * verify, write). Run with the module's test class path:
 * {@code java -cp ... id.kypso.provisioning.benchmark.ProvisioningBenchmark}. Results go to
 * docs/benchmarks/provisioning.md by hand.
 */
public final class ProvisioningBenchmark {

    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int pinRuns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int slipRuns = args.length > 1 ? Integer.parseInt(args[1]) : 100;

        // PIN: warm up once, then time each check.
        PinHash hash = PinHash.create("583920".toCharArray(), PinHash.DEFAULT_ITERATIONS,
                new SecureRandom());
        hash.matches("583920".toCharArray());
        long[] pinMillis = new long[pinRuns];
        for (int i = 0; i < pinRuns; i++) {
            long start = System.nanoTime();
            hash.matches("583920".toCharArray());
            pinMillis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        report("PIN check, PBKDF2-HMAC-SHA256 x " + PinHash.DEFAULT_ITERATIONS, pinMillis);

        // Slips: through the command, as the desk runs it, after 10 warm-up slips.
        Path folder = Files.createTempDirectory("kypso-benchmark");
        run("office", "create", "--office-dir", folder.resolve("office").toString(),
                "--office", "3273-01", "--name", "Disdukcapil Kota Bandung");
        for (int i = 0; i < 10; i++) {
            issue(folder, i);
        }
        long[] slipMillis = new long[slipRuns];
        for (int i = 0; i < slipRuns; i++) {
            long start = System.nanoTime();
            issue(folder, 1000 + i);
            slipMillis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        report("slip issue (sign, draw 576 dots wide, PNG, read back, verify, write)",
                slipMillis);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap used after the run: %d MiB%n",
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private static void issue(Path folder, int number) {
        run("slip", "issue", "--office-dir", folder.resolve("office").toString(), "--nik",
                "3273014506900001", "--registration", "REG-" + number, "--officer",
                "VERIFIKASI=198503122010011001", "--officer", "PEREKAMAN=199001052015032002",
                "--out", folder.resolve("slip-" + number + ".png").toString());
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        Context context = new Context(new PrintWriter(out), new PrintWriter(out),
                new BufferedReader(new StringReader("")), Optional.empty(), Clock.systemUTC(),
                new SecureRandom(), Map.of(), Messages.forLanguage("en"), Duration.ofSeconds(5));
        int code = ProvisioningMain.run(args, context);
        if (code != 0) {
            throw new IllegalStateException("exit " + code + ": " + out);
        }
    }

    private static void report(String operation, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: runs %d, median %d ms, p90 %d ms, max %d ms%n", operation,
                sorted.length, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)],
                sorted[sorted.length - 1]);
    }
}
