package id.kypso.demo;

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
import java.util.Map;
import java.util.Optional;

/** Runs provisioning command lines in this process, as IT staff would type them. */
final class Provisioning {
    private final Clock clock;

    Provisioning(Clock clock) {
        this.clock = clock;
    }

    /** Runs one command line and returns its standard output; fails with its error output. */
    String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Optional.empty(), clock,
                new SecureRandom(), Map.of(), Messages.forLanguage("id"), Duration.ofSeconds(10));
        int exitCode = ProvisioningMain.run(args, context);
        if (exitCode != 0) {
            throw new IllegalStateException("provisioning " + String.join(" ", args)
                    + " failed with exit code " + exitCode + ": " + err.toString().strip());
        }
        return out.toString().strip();
    }
}
