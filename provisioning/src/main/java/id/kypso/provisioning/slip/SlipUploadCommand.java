package id.kypso.provisioning.slip;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.office.OfficeFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slip upload}: sends the slips that {@code slip issue --aggregator} could not send, for
 * example after the desk's network was down.
 */
@Command(name = "upload", mixinStandardHelpOptions = true)
final class SlipUploadCommand implements Callable<Integer> {

    private final Context context;

    @Option(names = "--office-dir", required = true, paramLabel = "DIR")
    Path officeDir;

    @Option(names = "--aggregator", required = true, paramLabel = "URL")
    String aggregator;

    SlipUploadCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        OfficeFolder office = OfficeFolder.load(officeDir);
        SlipUpload upload = new SlipUpload(context, officeDir);
        SlipUpload.Sent sent = upload.send(aggregator, office.officeId().toString());
        report(context, sent, office);
        return sent.rejected().isEmpty() ? 0 : ExitCode.AGGREGATOR_REJECTED.code();
    }

    /**
     * Reports what a send did. Slips signed with a key the aggregator does not know are a
     * failure: kiosks hold the same keys, so they would refuse those slips when scanned too.
     */
    static void report(Context context, SlipUpload.Sent sent, OfficeFolder office)
            throws CliFailure {
        if (sent.pending() == 0) {
            context.say("slip.nothingToSend");
        } else if (sent.stored() > 0) {
            context.say("slip.uploaded", sent.stored());
        }
        for (String rejected : sent.rejected()) {
            context.warn("slip.uploadSlipRejected", rejected, UnsentSlips.REJECTED_FILE);
        }
        if (sent.unknownKey() > 0) {
            throw new CliFailure(ExitCode.AGGREGATOR_REJECTED, "slip.keyNotRegistered",
                    sent.unknownKey(), office.officeId(), office.keyVersion());
        }
    }
}
