package id.kypso.provisioning.kiosk;

import id.kypso.core.config.KioskIdentity;
import id.kypso.core.sync.SyncJson;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorFailures;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk push-export}: pushes the unsent records of a decommission export, signed with
 * the key of the kiosk that made them. Pushing twice is harmless because the aggregator
 * returns DUPLICATE for records it already has.
 */
@Command(name = "push-export", mixinStandardHelpOptions = true)
final class KioskPushExportCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(KioskPushExportCommand.class);

    private final Context context;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR")
    Path dataDir;

    @Option(names = "--file", required = true, paramLabel = "FILE")
    Path file;

    KioskPushExportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        KioskIdentity identity = KioskFolder.identity(dataDir);
        OutboxTransfer.Export export = read();
        if (!OutboxTransfer.EXPORT_FORMAT.equals(export.format())) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "pushExport.format", file,
                    export.format());
        }
        if (!identity.kioskId().toString().equals(export.kioskId())) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "pushExport.otherKiosk", file,
                    export.kioskId(), identity.kioskId());
        }
        AggregatorClient client = KioskPullConfigCommand.client(context, identity);
        List<String> rejections = new ArrayList<>();
        OutboxTransfer.PushCount pushed = OutboxTransfer.pushRecords(client, identity,
                export.pending(), rejections::add);
        log.info("Pushed export {} of kiosk {}: {} stored, {} rejected", file,
                identity.kioskId(), pushed.stored(), pushed.rejected());
        context.say("decommission.pushed", pushed.stored(), pushed.rejected(),
                client.baseUrl());
        for (String rejection : rejections) {
            context.out().println("  " + rejection);
        }
        context.out().flush();
        if (pushed.failure() != null) {
            throw AggregatorFailures.of(pushed.failure(), "decommission.pushRejected");
        }
        context.say("pushExport.done", export.pending().size(), identity.kioskId());
        return 0;
    }

    private OutboxTransfer.Export read() throws CliFailure {
        try {
            return SyncJson.newMapper().readValue(file.toFile(), OutboxTransfer.Export.class);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.missing", file);
        } catch (IOException e) {
            if (!file.toFile().exists()) {
                throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.missing", file);
            }
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "pushExport.format", file,
                    e.getMessage());
        }
    }
}
