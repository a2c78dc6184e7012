package id.kypso.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/run --headless}: one scripted citizen from slip to rapor-el, no display. */
@Command(name = "kypso-demo", mixinStandardHelpOptions = true,
        description = "Plays one citizen through provisioning, slip, survey, ticket, sync,"
                + " rapor-el and pickup, and prints each step. Times are in WIB"
                + " (Asia/Jakarta), as at an office in Kota Bandung.")
public final class HeadlessDemo implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--work-dir", defaultValue = "run/headless",
            description = "Folder for the demo's databases, keys, slip and printer output;"
                    + " emptied first (default: ${DEFAULT-VALUE}).")
    Path workDir;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "kypso-demo-logback.xml");
        }
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new HeadlessDemo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        emptyFolder(workDir);
        Files.createDirectories(workDir);
        System.setProperty("kypso.demo.log", workDir.resolve("demo.log").toString());
        System.out.println("KYPSO headless demo; files in " + workDir.toAbsolutePath()
                + ", module logs in " + workDir.resolve("demo.log"));
        DemoResult result = new DemoRun(workDir, StepLog.printingTo(System.out),
                Clock.system(ZoneId.of("Asia/Jakarta"))).run();
        System.out.println();
        System.out.println("Done: ticket " + result.ticket().ticketId() + " surveyed, printed,"
                + " synced and redeemed once.");
        return 0;
    }

    private static void emptyFolder(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
