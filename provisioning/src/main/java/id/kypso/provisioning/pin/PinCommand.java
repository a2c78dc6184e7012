package id.kypso.provisioning.pin;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pin}: the maintenance PIN of a kiosk, stored as a PBKDF2 hash in its data folder. */
@Command(name = "pin", mixinStandardHelpOptions = true,
        subcommands = {PinCommand.Set.class, PinCommand.Check.class})
public final class PinCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code pin set}: prompts for the PIN twice (or reads one line from piped input). */
    @Command(name = "set", mixinStandardHelpOptions = true)
    static final class Set implements Callable<Integer> {
        private static final Logger log = LoggerFactory.getLogger(Set.class);
        private final Context context;

        @Option(names = "--data-dir", required = true, paramLabel = "DIR")
        Path dataDir;

        @Option(names = "--iterations", paramLabel = "N",
                defaultValue = "" + PinHash.DEFAULT_ITERATIONS)
        int iterations;

        Set(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws CliFailure {
            if (!Files.isDirectory(dataDir)) {
                throw new CliFailure(ExitCode.FILE_PROBLEM, "kiosk.missing", dataDir);
            }
            if (iterations < PinHash.MIN_ITERATIONS) {
                throw new CliFailure(ExitCode.INVALID_INPUT, "pin.iterations",
                        PinHash.MIN_ITERATIONS);
            }
            char[] pin = PinInput.read(context, "pin.prompt", true);
            try {
                String weakness = PinHash.weakness(pin);
                if (weakness != null) {
                    throw new CliFailure(ExitCode.INVALID_INPUT, weakness, PinHash.MIN_LENGTH,
                            PinHash.MAX_LENGTH);
                }
                PinHash hash = PinHash.create(pin, iterations, context.random());
                hash.write(dataDir);
            } catch (IOException e) {
                throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write",
                        dataDir.resolve(PinHash.FILE), e.getMessage());
            } finally {
                Arrays.fill(pin, '\0');
            }
            log.info("Set the maintenance PIN in {}", dataDir);
            context.say("pin.set", dataDir.resolve(PinHash.FILE).toAbsolutePath());
            return 0;
        }
    }

    /** {@code pin check}: exits 0 when the PIN matches the stored hash, 3 when it does not. */
    @Command(name = "check", mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        private final Context context;

        @Option(names = "--data-dir", required = true, paramLabel = "DIR")
        Path dataDir;

        Check(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws CliFailure {
            PinHash stored = PinHash.read(dataDir);
            char[] pin = PinInput.read(context, "pin.promptCheck", false);
            try {
                if (!stored.matches(pin)) {
                    throw new CliFailure(ExitCode.INVALID_INPUT, "pin.mismatch");
                }
            } finally {
                Arrays.fill(pin, '\0');
            }
            context.say("pin.matches");
            return 0;
        }
    }
}
