package id.kypso.provisioning.kiosk;

import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.Enrollment;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.http.AggregatorFailures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk rotate-key}: replaces the kiosk key with a new key of the next version. Unsent
 * records are pushed with the old key first, since the aggregator checks that a record's kiosk
 * is the one pushing it. The new key is enrolled with a fresh token before it replaces the old
 * one, so a failed enrollment leaves the kiosk as it was.
 *
 * <p>An aggregator that keeps one key per kiosk id rejects a new key for the same id with
 * 409, so {@code --new-kiosk} enrolls the new key under a new kiosk id.
 */
@Command(name = "rotate-key", mixinStandardHelpOptions = true)
final class KioskRotateKeyCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(KioskRotateKeyCommand.class);

    private final Context context;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR")
    Path dataDir;

    @Option(names = "--token", required = true, paramLabel = "TOKEN")
    String token;

    @Option(names = "--new-kiosk", paramLabel = "KIOSK_ID")
    String newKiosk;

    KioskRotateKeyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        KioskIdentity old = KioskFolder.identity(dataDir);
        KioskId kioskId = newKiosk == null ? old.kioskId()
                : KioskCreateCommand.parseKiosk(newKiosk);
        if (!kioskId.office().equals(old.kioskId().office())) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "rotate.otherOffice", kioskId,
                    old.kioskId().office());
        }
        int keyVersion = old.keyVersion() + 1;
        if (keyVersion > 255) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "rotate.versionExhausted",
                    old.kioskId());
        }
        AggregatorClient client = KioskPullConfigCommand.client(context, old);

        // Records made under the old identity must reach the aggregator under it.
        Path databaseFile = dataDir.resolve("kiosk.db");
        if (Files.exists(databaseFile)) {
            KioskDatabase database = KioskDatabase.open(databaseFile);
            OutboxTransfer.PushCount pushed = OutboxTransfer.pushPending(client, old, database,
                    context.clock());
            long left = new id.kypso.core.store.Outbox(database, context.clock(), () -> {
                throw new IllegalStateException("provisioning never appends records");
            }).count("PENDING");
            if (left > 0) {
                if (pushed.failure() != null) {
                    throw AggregatorFailures.of(pushed.failure(), "rotate.pushFirst");
                }
                throw new CliFailure(ExitCode.AGGREGATOR_REJECTED, "rotate.pending", left);
            }
        }

        KeyPair keys = Ed25519.generate();
        Enrollment.Response response;
        try {
            response = client.post("/api/v1/enroll", new Enrollment.Request(token.strip(),
                    kioskId.toString(), Ed25519.toBase64(keys.getPublic()), keyVersion),
                    Enrollment.Response.class);
        } catch (AggregatorException e) {
            if (e.status() == 409) {
                throw new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, "rotate.conflict",
                        e.url(), e.status(), e.detail(), kioskId);
            }
            if (e.status() == 401) {
                throw new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, "enroll.tokenRejected",
                        e.url(), e.status(), e.detail());
            }
            throw AggregatorFailures.of(e, "enroll.rejected");
        }

        // Enrolled: only now does the new key replace the old one.
        KioskFolder.writeKeys(dataDir, keys);
        Map<String, String> properties = KioskFolder.properties(dataDir);
        properties.put("kiosk.id", kioskId.toString());
        properties.put("kiosk.keyVersion", Integer.toString(keyVersion));
        properties.put("kiosk.enrolledAt", context.clock().instant().toString());
        properties.put("office.id", String.valueOf(response.officeId()));
        KioskFolder.writeProperties(dataDir, properties);
        log.info("Rotated the key of kiosk {} to {} key {}", old.kioskId(), kioskId, keyVersion);
        context.say("rotate.done", kioskId, keyVersion);
        context.say("rotate.revoke", old.kioskId(), old.keyVersion());

        KioskIdentity rotated = KioskFolder.identity(dataDir);
        ConfigBundle bundle = ConfigPull.pullAndInstall(client, rotated, dataDir);
        context.say("config.installed", bundle.officeName(), bundle.roster().size(),
                bundle.survey().id(), bundle.survey().version());
        return 0;
    }
}
