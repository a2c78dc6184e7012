package id.kypso.provisioning.kiosk;

import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.Enrollment;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.http.AggregatorFailures;
import id.kypso.provisioning.device.DeviceSpec;
import id.kypso.provisioning.device.ScannerInput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk enroll}: sends the kiosk public key to the aggregator with a one-time token,
 * then downloads and installs the kiosk's config so it is ready before the agent first runs.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true)
final class KioskEnrollCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(KioskEnrollCommand.class);

    private final Context context;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR")
    Path dataDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenSource source;

    @Option(names = "--aggregator", paramLabel = "URL")
    String aggregator;

    @Option(names = "--skip-config")
    boolean skipConfig;

    /** The source of the one-time token: exactly one of these options. */
    static final class TokenSource {
        @Option(names = "--token", paramLabel = "TOKEN")
        String token;

        @Option(names = "--qr-text", paramLabel = "TEXT")
        String qrText;

        @Option(names = "--qr-image", paramLabel = "FILE")
        Path qrImage;

        @Option(names = "--scan", paramLabel = "SPEC")
        String scan;
    }

    @Option(names = "--scan-timeout", paramLabel = "SECONDS", defaultValue = "60")
    int scanTimeout;

    KioskEnrollCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        KioskIdentity identity = KioskFolder.identity(dataDir);
        PublicKey publicKey = KioskFolder.publicKey(dataDir);
        Optional<EnrollmentQr> qr = enrollmentQr();
        String token = qr.map(EnrollmentQr::token).orElse(source.token == null ? ""
                : source.token.strip());
        String url = chooseUrl(identity, qr);
        AggregatorClient client = AggregatorClient.create(url, context.httpTimeout(),
                context.clock());

        Enrollment.Response response;
        try {
            response = client.post("/api/v1/enroll", new Enrollment.Request(token,
                    identity.kioskId().toString(), Ed25519.toBase64(publicKey),
                    identity.keyVersion()), Enrollment.Response.class);
        } catch (AggregatorException e) {
            throw enrollFailure(e, identity);
        }
        Map<String, String> properties = KioskFolder.properties(dataDir);
        properties.put("aggregator.url", client.baseUrl());
        properties.put("office.id", String.valueOf(response.officeId()));
        properties.put("office.name", String.valueOf(response.officeName()));
        properties.put("kiosk.enrolledAt", context.clock().instant().toString());
        KioskFolder.writeProperties(dataDir, properties);
        log.info("Enrolled kiosk {} key {} at {} for office {}", identity.kioskId(),
                identity.keyVersion(), client.baseUrl(), response.officeId());
        context.say("enroll.done", identity.kioskId(), response.officeId(),
                response.officeName(), client.baseUrl());

        if (skipConfig) {
            return 0;
        }
        ConfigBundle bundle = ConfigPull.pullAndInstall(client, identity, dataDir);
        context.say("config.installed", bundle.officeName(), bundle.roster().size(),
                bundle.survey().id(), bundle.survey().version());
        return 0;
    }

    private Optional<EnrollmentQr> enrollmentQr() throws CliFailure {
        String text = source.qrText;
        if (source.qrImage != null) {
            text = readQrImage(source.qrImage);
        }
        if (source.scan != null) {
            text = scanQr(source.scan);
        }
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EnrollmentQr.parse(text));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "enroll.qrInvalid", e.getMessage());
        }
    }

    private String chooseUrl(KioskIdentity identity, Optional<EnrollmentQr> qr)
            throws CliFailure {
        String url = aggregator != null ? aggregator
                : qr.map(EnrollmentQr::aggregatorUrl).orElse(identity.aggregatorUrl());
        if (url == null || url.isBlank()) {
            throw new CliFailure(ExitCode.USAGE, "enroll.noUrl", dataDir);
        }
        return KioskCreateCommand.normalizeUrl(url);
    }

    private String scanQr(String specText) throws CliFailure {
        DeviceSpec spec;
        try {
            spec = DeviceSpec.parse(specText);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "enroll.scanSpec", e.getMessage());
        }
        context.say("enroll.scanPrompt", scanTimeout, spec);
        try {
            return ScannerInput.readOne(spec, context.in(), Duration.ofSeconds(scanTimeout))
                    .orElseThrow(() -> new CliFailure(ExitCode.INVALID_INPUT,
                            "enroll.scanTimeout", scanTimeout, spec));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "enroll.scanFailed", spec,
                    e.getMessage());
        }
    }

    static String readQrImage(Path file) throws CliFailure {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", file, e.getMessage());
        }
        if (image == null) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "qr.notImage", file);
        }
        return QrCodes.read(image).orElseThrow(() -> new CliFailure(ExitCode.INVALID_INPUT,
                "qr.notFound", file));
    }

    private static CliFailure enrollFailure(AggregatorException e, KioskIdentity identity) {
        if (e.status() == 401) {
            return new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, "enroll.tokenRejected",
                    e.url(), e.status(), e.detail());
        }
        if (e.status() == 409) {
            return new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, "enroll.conflict",
                    e.url(), e.status(), e.detail(), identity.kioskId());
        }
        return AggregatorFailures.of(e, "enroll.rejected");
    }
}
