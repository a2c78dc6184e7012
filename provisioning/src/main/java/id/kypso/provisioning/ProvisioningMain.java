package id.kypso.provisioning;

import ch.qos.logback.classic.Level;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ContextFactory;
import id.kypso.provisioning.cli.FailureHandler;
import id.kypso.provisioning.cli.Messages;
import id.kypso.provisioning.kiosk.KioskCommand;
import id.kypso.provisioning.office.OfficeCommand;
import id.kypso.provisioning.pin.PinCommand;
import id.kypso.provisioning.selftest.SelftestCommand;
import id.kypso.provisioning.slip.SlipCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code kypso-provisioning} command line for IT staff: office and kiosk identities,
 * enrollment, the maintenance PIN, self-tests and registration slips. Exit codes are those of
 * {@link id.kypso.provisioning.cli.ExitCode}.
 */
@Command(name = "kypso-provisioning",
        mixinStandardHelpOptions = true,
        versionProvider = ProvisioningMain.Version.class,
        subcommands = {OfficeCommand.class, KioskCommand.class, SlipCommand.class,
                PinCommand.class, SelftestCommand.class})
public final class ProvisioningMain implements Runnable {
    static final String LANGUAGE_VARIABLE = "KYPSO_LANG";

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "id|en")
    String language;

    @Option(names = "--verbose", scope = ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out,
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err,
                StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8));
        Map<String, String> environment = System.getenv();
        Context context = new Context(out, err, in, Optional.ofNullable(System.console()),
                Clock.systemUTC(), new SecureRandom(), environment,
                Messages.forLanguage(language(args, environment)), Duration.ofSeconds(15));
        System.exit(run(args, context));
    }

    /** Runs one command line and returns its exit code; tests call this with their context. */
    public static int run(String[] args, Context context) {
        if (hasFlag(args, "--verbose")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                    org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        }
        FailureHandler failures = new FailureHandler(context);
        CommandLine commandLine = new CommandLine(new ProvisioningMain(),
                new ContextFactory(context));
        commandLine.setResourceBundle(context.messages().bundle());
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionExceptionHandler(failures);
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** Returns the language from {@code --lang} or the KYPSO_LANG variable, else "id". */
    static String language(String[] args, Map<String, String> environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return environment.getOrDefault(LANGUAGE_VARIABLE, "id");
    }

    private static boolean hasFlag(String[] args, String flag) {
        for (String arg : args) {
            if (arg.equals(flag)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the version Maven stamps into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kypso-provisioning " + version()};
        }

        static String version() {
            String version = ProvisioningMain.class.getPackage().getImplementationVersion();
            return version == null ? "development build" : version;
        }
    }
}
