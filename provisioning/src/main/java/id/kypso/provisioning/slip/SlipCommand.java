package id.kypso.provisioning.slip;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code slip}: registration slips for the perekaman desk. */
@Command(name = "slip", mixinStandardHelpOptions = true, subcommands = {SlipIssueCommand.class,
        SlipUploadCommand.class})
public final class SlipCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
