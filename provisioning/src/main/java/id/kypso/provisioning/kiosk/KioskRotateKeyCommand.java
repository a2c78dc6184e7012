package id.kypso.provisioning.kiosk;

import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.Enrollment;
import id.kypso.core.sync.KeyRotation;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.cli.SecureFiles;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.http.AggregatorFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk rotate-key}: replaces the kiosk key with a new key of the next version. Unsent
 * records are pushed with the old key first, since the aggregator checks that a record's kiosk
 * is the one pushing it.
 *
 * <p>By default the kiosk keeps its id: the request is signed with the old key and carries a
 * proof signed with the new one. The new key is saved to {@code kiosk.key.new} before the
 * request and replaces the old key only after the aggregator took it, so a run cut off at any
 * point is finished by running it again. With {@code --new-kiosk} and a token, the new key is
 * enrolled under a new kiosk id instead.
 */
@Command(name = "rotate-key", mixinStandardHelpOptions = true)
final class KioskRotateKeyCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(KioskRotateKeyCommand.class);

    /** The new key pair, kept here until the aggregator has taken it. */
    static final String PENDING_KEY_FILE = "kiosk.key.new";

    private final Context context;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR")
    Path dataDir;

    @Option(names = "--token", paramLabel = "TOKEN")
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

        if (newKiosk == null) {
            return rotateInPlace(client, old, keyVersion);
        }
        if (token == null || token.isBlank()) {
            throw new CliFailure(ExitCode.USAGE, "rotate.tokenNeeded");
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

    private int rotateInPlace(AggregatorClient client, KioskIdentity old, int keyVersion)
            throws CliFailure {
        Path pendingFile = dataDir.resolve(PENDING_KEY_FILE);
        boolean resumed = Files.exists(pendingFile);
        KeyPair keys = resumed ? readPending(pendingFile) : Ed25519.generate();
        if (!resumed) {
            writePending(pendingFile, keys);
        }
        String publicKey = Ed25519.toBase64(keys.getPublic());
        KeyRotation rotation = new KeyRotation(keyVersion, publicKey,
                Base64.getEncoder().encodeToString(Ed25519.sign(keys.getPrivate(),
                        KeyRotation.proofText(old.kioskId().toString(), keyVersion,
                                publicKey))));
        KioskIdentity renewed = new KioskIdentity(old.kioskId(), keyVersion,
                old.aggregatorUrl(), keys.getPrivate());
        try {
            client.signed(old, "POST", "/api/v1/kiosk/key", rotation);
        } catch (AggregatorException e) {
            // An earlier run may have been cut off after the aggregator took the new key:
            // then only the new key is accepted, and repeating the rotation with it is harmless.
            if (!resumed || e.status() != 401) {
                throw AggregatorFailures.of(e, "rotate.rejected");
            }
            try {
                client.signed(renewed, "POST", "/api/v1/kiosk/key", rotation);
            } catch (AggregatorException again) {
                throw AggregatorFailures.of(again, "rotate.rejected");
            }
        }

        KioskFolder.writeKeys(dataDir, keys);
        Map<String, String> properties = KioskFolder.properties(dataDir);
        properties.put("kiosk.keyVersion", Integer.toString(keyVersion));
        KioskFolder.writeProperties(dataDir, properties);
        try {
            Files.deleteIfExists(pendingFile);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", pendingFile,
                    e.getMessage());
        }
        log.info("Rotated the key of kiosk {} to version {}", old.kioskId(), keyVersion);
        context.say("rotate.doneInPlace", old.kioskId(), keyVersion);

        ConfigBundle bundle = ConfigPull.pullAndInstall(client, KioskFolder.identity(dataDir),
                dataDir);
        context.say("config.installed", bundle.officeName(), bundle.roster().size(),
                bundle.survey().id(), bundle.survey().version());
        return 0;
    }

    private static void writePending(Path file, KeyPair keys) throws CliFailure {
        try {
            SecureFiles.writePrivate(file, (Ed25519.toBase64(keys.getPrivate()) + "\n"
                    + Ed25519.toBase64(keys.getPublic()) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", file, e.getMessage());
        }
    }

    private static KeyPair readPending(Path file) throws CliFailure {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return new KeyPair(Ed25519.publicKey(lines.get(1).strip()),
                    Ed25519.privateKey(lines.get(0).strip()));
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "rotate.pendingDamaged", file);
        }
    }
}
