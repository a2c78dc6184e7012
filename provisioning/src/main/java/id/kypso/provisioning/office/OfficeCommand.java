package id.kypso.provisioning.office;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code office}: the office identity on the perekaman desk PC and its aggregator record. */
@Command(name = "office", mixinStandardHelpOptions = true,
        subcommands = {OfficeCreateCommand.class, OfficeRegisterCommand.class,
                OfficeEnrollmentTokenCommand.class})
public final class OfficeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
