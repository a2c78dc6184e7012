package id.kypso.provisioning.testing;

import id.kypso.provisioning.ProvisioningMain;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.Messages;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Runs the provisioning command line in-process over captured streams and a fixed clock. */
public final class Cli {
    public static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");

    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private String input = "";
    private String language = "en";
    private Duration httpTimeout = Duration.ofSeconds(5);

    public Cli clock(Clock value) {
        clock = value;
        return this;
    }

    public Cli input(String value) {
        input = value;
        return this;
    }

    public Cli language(String value) {
        language = value;
        return this;
    }

    public Cli httpTimeout(Duration value) {
        httpTimeout = value;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(input)), Optional.empty(), clock,
                new SecureRandom(), Map.of(), Messages.forLanguage(language), httpTimeout);
        int code = ProvisioningMain.run(args, context);
        return new Result(code, out.toString(), err.toString());
    }

    /** The exit code and what the command wrote. */
    public record Result(int code, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
