package id.kypso.provisioning.kiosk;

import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.StoreException;
import id.kypso.core.sync.SyncJson;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.cli.SecureFiles;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.http.AggregatorFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk decommission}: retires a kiosk without losing a survey. Pushes every unsent
 * record with the kiosk key, exports whatever is still unsent (and whatever the aggregator
 * rejected) to a file, then reports what to revoke, revoking it when asked and safe.
 */
@Command(name = "decommission", mixinStandardHelpOptions = true)
final class KioskDecommissionCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(KioskDecommissionCommand.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern(
            "yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Context context;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR")
    Path dataDir;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Option(names = "--offline")
    boolean offline;

    @Option(names = "--revoke")
    boolean revoke;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            defaultValue = "${env:KYPSO_ADMIN_TOKEN}")
    String adminToken;

    KioskDecommissionCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        KioskIdentity identity = KioskFolder.identity(dataDir);
        Path databaseFile = dataDir.resolve("kiosk.db");
        if (revoke && (adminToken == null || adminToken.isBlank())) {
            throw new CliFailure(ExitCode.USAGE, "admin.tokenMissing");
        }
        Path exportFile = out != null ? out : dataDir.resolve("decommission-"
                + identity.kioskId() + "-" + STAMP.format(context.clock().instant()) + ".json");

        AggregatorClient client = offline ? null : KioskPullConfigCommand.client(context,
                identity);
        OutboxTransfer.Export export;
        AggregatorException pushFailure = null;
        if (Files.exists(databaseFile)) {
            KioskDatabase database = open(databaseFile);
            if (client != null) {
                OutboxTransfer.PushCount pushed = OutboxTransfer.pushPending(client, identity,
                        database, context.clock());
                pushFailure = pushed.failure();
                context.say("decommission.pushed", pushed.stored(), pushed.rejected(),
                        client.baseUrl());
                if (pushFailure != null) {
                    context.say("decommission.pushStopped", pushFailure.detail());
                }
            }
            export = OutboxTransfer.export(identity, database, context.clock());
        } else {
            context.say("decommission.noDatabase", databaseFile);
            export = new OutboxTransfer.Export(OutboxTransfer.EXPORT_FORMAT,
                    identity.kioskId().toString(), identity.keyVersion(),
                    context.clock().instant(), java.util.List.of(), java.util.List.of());
        }
        writeExport(exportFile, export);
        log.info("Decommissioning kiosk {}: {} records unsent, {} rejected, exported to {}",
                identity.kioskId(), export.pending().size(), export.rejected().size(),
                exportFile);
        context.say("decommission.exported", export.pending().size(), export.rejected().size(),
                exportFile.toAbsolutePath());

        String fingerprint = Ed25519.toBase64(KioskFolder.publicKey(dataDir));
        context.say("decommission.revokeWhat", identity.kioskId(), identity.keyVersion(),
                fingerprint);
        if (!export.pending().isEmpty()) {
            context.say("decommission.notYet", export.pending().size(), exportFile);
            if (pushFailure != null) {
                throw AggregatorFailures.of(pushFailure, "decommission.pushRejected");
            }
            throw new CliFailure(ExitCode.AGGREGATOR_UNREACHABLE, "decommission.unsent",
                    export.pending().size(), exportFile);
        }
        if (revoke) {
            revoke(client, identity);
        } else {
            context.say("decommission.revokeHow", identity.kioskId());
        }
        return 0;
    }

    private KioskDatabase open(Path databaseFile) throws CliFailure {
        try {
            return KioskDatabase.open(databaseFile);
        } catch (StoreException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", databaseFile,
                    e.getMessage());
        }
    }

    private void writeExport(Path file, OutboxTransfer.Export export) throws CliFailure {
        try {
            SecureFiles.writePrivate(file, SyncJson.newMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(export));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", file, e.getMessage());
        }
    }

    private void revoke(AggregatorClient client, KioskIdentity identity) throws CliFailure {
        if (client == null) {
            throw new CliFailure(ExitCode.USAGE, "decommission.revokeOffline");
        }
        try {
            client.admin("POST", "/api/v1/admin/kiosks/" + identity.kioskId() + "/revoke",
                    adminToken.strip(), java.util.Map.of());
        } catch (AggregatorException e) {
            throw AggregatorFailures.ofAdmin(e, "decommission.revokeRejected");
        }
        log.info("Revoked kiosk {} at {}", identity.kioskId(), client.baseUrl());
        context.say("decommission.revoked", identity.kioskId(), client.baseUrl());
    }
}
