package id.kypso.provisioning.kiosk;

import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk create}: a kiosk key pair and kiosk.properties in the data folder. */
@Command(name = "create", mixinStandardHelpOptions = true)
final class KioskCreateCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(KioskCreateCommand.class);

    private final Context context;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR")
    Path dataDir;

    @Option(names = "--kiosk", required = true, paramLabel = "KIOSK_ID")
    String kiosk;

    @Option(names = "--aggregator", paramLabel = "URL")
    String aggregator;

    KioskCreateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        KioskId kioskId = parseKiosk(kiosk);
        String url = aggregator == null ? "" : normalizeUrl(aggregator);
        Path keyFile = dataDir.resolve(KioskIdentity.KEY_FILE);
        if (Files.exists(keyFile)) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, "kiosk.exists", keyFile);
        }

        KioskFolder.writeKeys(dataDir, Ed25519.generate());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kiosk.id", kioskId.toString());
        properties.put("kiosk.keyVersion", "1");
        properties.put("aggregator.url", url);
        KioskFolder.writeProperties(dataDir, properties);

        log.info("Created kiosk {} in {}", kioskId, dataDir);
        context.say("kiosk.created", kioskId, dataDir.toAbsolutePath());
        context.say(url.isEmpty() ? "kiosk.created.nextWithoutUrl" : "kiosk.created.next");
        return 0;
    }

    static KioskId parseKiosk(String text) throws CliFailure {
        try {
            return KioskId.parse(text == null ? null : text.strip());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "kiosk.idInvalid", text);
        }
    }

    static String normalizeUrl(String url) throws CliFailure {
        try {
            return AggregatorClient.normalize(url);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "aggregator.urlInvalid", url);
        }
    }
}
