package id.kypso.provisioning.pin;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import java.io.Console;
import java.io.IOException;
import java.util.Arrays;

/** Reads a PIN without echo from the console, or as one line when input is piped. */
final class PinInput {

    private PinInput() {
    }

    static char[] read(Context context, String promptKey, boolean confirm) throws CliFailure {
        if (context.console().isPresent()) {
            Console console = context.console().get();
            char[] first = console.readPassword("%s", context.messages().text(promptKey));
            if (first == null) {
                throw new CliFailure(ExitCode.INVALID_INPUT, "pin.noInput");
            }
            if (confirm) {
                char[] second = console.readPassword("%s",
                        context.messages().text("pin.promptAgain"));
                boolean same = second != null && Arrays.equals(first, second);
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
                if (!same) {
                    Arrays.fill(first, '\0');
                    throw new CliFailure(ExitCode.INVALID_INPUT, "pin.different");
                }
            }
            return first;
        }
        try {
            String line = context.in().readLine();
            if (line == null) {
                throw new CliFailure(ExitCode.INVALID_INPUT, "pin.noInput");
            }
            return line.strip().toCharArray();
        } catch (IOException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "pin.noInput");
        }
    }
}
