package id.kypso.provisioning.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Prints failures in plain words, what went wrong and then what to do, and returns the exit
 * code of {@link ExitCode}. Unexpected exceptions are logged with their stack trace and shown
 * by class and message only.
 */
public final class FailureHandler implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

    private final Context context;

    public FailureHandler(Context context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command,
            CommandLine.ParseResult parseResult) {
        if (e instanceof CliFailure failure) {
            print(failure);
            log.debug("Command {} failed with {}", command.getCommandName(), failure.key(),
                    failure);
            return failure.exitCode().code();
        }
        log.error("Command {} failed unexpectedly", command.getCommandName(), e);
        Messages messages = context.messages();
        context.err().println(messages.text("failure.heading") + " "
                + messages.text("internal.problem", e.getClass().getSimpleName(),
                        String.valueOf(e.getMessage())));
        context.err().println(messages.text("failure.remedyHeading") + " "
                + messages.text("internal.remedy"));
        context.err().flush();
        return ExitCode.INTERNAL.code();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = context.err();
        Messages messages = context.messages();
        err.println(messages.text("failure.heading") + " " + e.getMessage());
        err.println(messages.text("failure.remedyHeading") + " "
                + messages.text("usage.remedy", e.getCommandLine().getCommandSpec()
                        .qualifiedName()));
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** Prints a failure as two lines: the problem, then the remedy. */
    public void print(CliFailure failure) {
        Messages messages = context.messages();
        PrintWriter err = context.err();
        err.println(messages.text("failure.heading") + " "
                + messages.text(failure.key() + ".problem", failure.arguments()));
        err.println(messages.text("failure.remedyHeading") + " "
                + messages.text(failure.key() + ".remedy", failure.arguments()));
        err.flush();
    }
}
