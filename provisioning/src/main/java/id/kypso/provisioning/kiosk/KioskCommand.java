package id.kypso.provisioning.kiosk;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk}: a kiosk's identity, enrollment, config, key rotation and retirement. */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        subcommands = {KioskCreateCommand.class, KioskEnrollCommand.class,
                KioskPullConfigCommand.class, KioskRotateKeyCommand.class,
                KioskDecommissionCommand.class, KioskPushExportCommand.class})
public final class KioskCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
