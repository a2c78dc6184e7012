package id.kypso.provisioning.selftest;

import id.kypso.core.codec.PayloadException;
import id.kypso.core.config.BundleStore;
import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KeyRings;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.cli.Messages;
import id.kypso.provisioning.cli.SecureFiles;
import id.kypso.provisioning.device.DeviceSpec;
import id.kypso.provisioning.device.PrinterOutput;
import id.kypso.provisioning.device.ScannerInput;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.pin.PinHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code selftest}: checks a kiosk's data folder, outbox, agent, printer, scanner, GPIO,
 * aggregator and clock, and prints one line per check with what to do when it fails. Exits 7
 * when any check fails; warnings alone still exit 0.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true)
public final class SelftestCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(SelftestCommand.class);
    /** Signed requests are rejected beyond 5 minutes of skew; warn well before. */
    static final Duration SKEW_WARN = Duration.ofSeconds(30);
    static final Duration SKEW_FAIL = Duration.ofMinutes(4);
    static final long MIN_FREE_BYTES = 500L * 1024 * 1024;
    /** The agent syncs every 30 seconds while it can; an hour of waiting means it cannot. */
    static final Duration MAX_PENDING_AGE = Duration.ofHours(1);

    private final Context context;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR")
    Path dataDir;

    @Option(names = "--printer", paramLabel = "SPEC")
    String printer;

    @Option(names = "--scanner", paramLabel = "SPEC")
    String scanner;

    @Option(names = "--scan-timeout", paramLabel = "SECONDS", defaultValue = "30")
    int scanTimeout;

    @Option(names = "--gpio-chip", paramLabel = "PATH", defaultValue = "/dev/gpiochip0")
    Path gpioChip;

    @Option(names = "--aggregator", paramLabel = "URL")
    String aggregator;

    @Option(names = "--offline")
    boolean offline;

    @Option(names = "--agent-port", paramLabel = "PORT", defaultValue = "8765")
    int agentPort;

    SelftestCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<CheckResult> results = new ArrayList<>();
        Optional<KioskIdentity> identity = checkIdentity(results);
        Optional<ConfigBundle> bundle = checkConfig(results);
        results.add(checkPin());
        results.add(checkDisk());
        results.add(checkOutbox());
        results.add(checkAgent());
        results.add(checkPrinter(identity));
        results.add(checkScanner(bundle));
        results.add(checkGpio());
        checkAggregator(identity, results);

        boolean failed = false;
        for (CheckResult result : results) {
            print(result);
            failed |= result.status() == CheckResult.Status.FAIL;
        }
        log.info("Self-test of {} finished: {}", dataDir, failed ? "failed" : "passed");
        context.say(failed ? "selftest.failed" : "selftest.passed");
        return failed ? ExitCode.CHECK_FAILED.code() : 0;
    }

    private Optional<KioskIdentity> checkIdentity(List<CheckResult> results) {
        try {
            KioskIdentity identity = KioskIdentity.load(dataDir);
            String permissions = SecureFiles.permissions(dataDir.resolve(KioskIdentity.KEY_FILE));
            if (!permissions.equals("rw-------") && !permissions.equals("r--------")
                    && !permissions.equals("?")) {
                results.add(CheckResult.fail("identity", "check.identity.permissions",
                        dataDir.resolve(KioskIdentity.KEY_FILE), permissions));
            } else {
                results.add(CheckResult.pass("identity", "check.identity", identity.kioskId(),
                        identity.keyVersion()));
            }
            return Optional.of(identity);
        } catch (ConfigException | IOException e) {
            results.add(CheckResult.fail("identity", "check.identity", e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<ConfigBundle> checkConfig(List<CheckResult> results) {
        try {
            Optional<ConfigBundle> bundle = new BundleStore(dataDir).load();
            if (bundle.isEmpty()) {
                results.add(CheckResult.fail("config", "check.config.missing"));
            } else {
                results.add(CheckResult.pass("config", "check.config", bundle.get().officeName(),
                        bundle.get().roster().size(), bundle.get().survey().id(),
                        bundle.get().survey().version()));
            }
            return bundle;
        } catch (ConfigException e) {
            results.add(CheckResult.fail("config", "check.config", e.getMessage()));
            return Optional.empty();
        }
    }

    private CheckResult checkPin() {
        if (!Files.exists(dataDir.resolve(PinHash.FILE))) {
            return CheckResult.fail("pin", "check.pin.missing");
        }
        try {
            return CheckResult.pass("pin", "check.pin", PinHash.read(dataDir).iterations());
        } catch (id.kypso.provisioning.cli.CliFailure e) {
            return CheckResult.fail("pin", "check.pin", dataDir.resolve(PinHash.FILE));
        }
    }

    private CheckResult checkDisk() {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            long megabytes = free / (1024 * 1024);
            return free < MIN_FREE_BYTES ? CheckResult.warn("disk", "check.disk", megabytes)
                    : CheckResult.pass("disk", "check.disk", megabytes);
        } catch (IOException e) {
            return CheckResult.fail("disk", "check.disk", e.getMessage());
        }
    }

    // Reads the outbox directly, so it works with the agent stopped.
    private CheckResult checkOutbox() {
        Path databaseFile = dataDir.resolve("kiosk.db");
        if (!Files.exists(databaseFile)) {
            return CheckResult.skip("outbox", "check.outbox.none");
        }
        try {
            Outbox outbox = new Outbox(KioskDatabase.open(databaseFile), context.clock(), () -> {
                throw new IllegalStateException("the self-test never appends records");
            });
            long pending = outbox.count("PENDING");
            long rejected = outbox.count("REJECTED");
            Optional<Duration> age = outbox.oldestPending()
                    .map(oldest -> Duration.between(oldest, context.clock().instant()));
            long minutes = age.map(Duration::toMinutes).orElse(0L);
            if (rejected > 0) {
                return CheckResult.warn("outbox", "check.outbox.rejected", pending, rejected);
            }
            if (age.isPresent() && age.get().compareTo(MAX_PENDING_AGE) > 0) {
                return CheckResult.warn("outbox", "check.outbox.old", pending, minutes);
            }
            if (pending == 0) {
                return CheckResult.pass("outbox", "check.outbox.empty");
            }
            return CheckResult.pass("outbox", "check.outbox", pending, minutes);
        } catch (RuntimeException e) {
            log.warn("Outbox check of {} failed", databaseFile, e);
            return CheckResult.fail("outbox", "check.outbox", databaseFile, e.getMessage());
        }
    }

    private CheckResult checkAgent() {
        if (agentPort <= 0) {
            return CheckResult.skip("agent", "check.agent.notAsked");
        }
        java.net.URI status = java.net.URI.create("http://127.0.0.1:" + agentPort + "/status");
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            java.net.http.HttpResponse<String> response = http.send(
                    java.net.http.HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(5))
                            .GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return CheckResult.warn("agent", "check.agent.status", status,
                        response.statusCode());
            }
            com.fasterxml.jackson.databind.JsonNode json =
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            String message = json.path("message").asText(json.path("state").asText("?"));
            int failures = json.path("consecutiveFailures").asInt(0);
            return failures > 0
                    ? CheckResult.warn("agent", "check.agent.failing", failures, message)
                    : CheckResult.pass("agent", "check.agent", message);
        } catch (IOException e) {
            return CheckResult.warn("agent", "check.agent.down", status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.warn("agent", "check.agent.down", status);
        }
    }

    private CheckResult checkPrinter(Optional<KioskIdentity> identity) {
        if (printer == null) {
            return CheckResult.skip("printer", "check.printer.notAsked");
        }
        DeviceSpec spec;
        try {
            spec = DeviceSpec.parse(printer);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail("printer", "check.printer.spec", e.getMessage());
        }
        byte[] page = TestPage.build(identity.map(i -> i.kioskId().toString()).orElse("?"),
                context.clock().instant(), version());
        try {
            PrinterOutput.send(spec, page, Duration.ofSeconds(5));
            return CheckResult.pass("printer", "check.printer", page.length, spec);
        } catch (IOException e) {
            log.warn("Printer test page to {} failed: {}", spec, e.toString());
            return CheckResult.fail("printer", "check.printer", spec, e.getMessage());
        }
    }

    private CheckResult checkScanner(Optional<ConfigBundle> bundle) {
        if (scanner == null) {
            return CheckResult.skip("scanner", "check.scanner.notAsked");
        }
        DeviceSpec spec;
        try {
            spec = DeviceSpec.parse(scanner);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail("scanner", "check.scanner.spec", e.getMessage());
        }
        context.say("check.scanner.prompt", scanTimeout, spec);
        try {
            Optional<String> scan = ScannerInput.readOne(spec, context.in(),
                    Duration.ofSeconds(scanTimeout));
            if (scan.isEmpty()) {
                return CheckResult.fail("scanner", "check.scanner.timeout", scanTimeout, spec);
            }
            return describeScan(scan.get(), bundle);
        } catch (IOException e) {
            log.warn("Scanner check on {} failed: {}", spec, e.toString());
            return CheckResult.fail("scanner", "check.scanner", spec, e.getMessage());
        }
    }

    // Says what kind of code was scanned without repeating its content, which may be personal.
    private CheckResult describeScan(String text, Optional<ConfigBundle> bundle) {
        if (text.startsWith("KS1:") && bundle.isPresent()) {
            try {
                RegistrationSlip slip = SlipCodec.decode(text, KeyRings.offices(bundle.get()));
                return CheckResult.pass("scanner", "check.scanner.slip", slip.office(),
                        slip.registrationNumber());
            } catch (PayloadException e) {
                return CheckResult.warn("scanner", "check.scanner.slipInvalid", e.reason());
            }
        }
        String kind = text.startsWith("KS") ? "slip" : text.startsWith("KT") ? "ticket"
                : text.startsWith("KYPSO-ENROLL:") ? "enrollment" : "other";
        return CheckResult.pass("scanner", "check.scanner.read", text.length(), kind);
    }

    private CheckResult checkGpio() {
        if (!Files.exists(gpioChip)) {
            return CheckResult.skip("gpio", "check.gpio.absent", gpioChip);
        }
        boolean usable = Files.isReadable(gpioChip) && Files.isWritable(gpioChip);
        if (!usable) {
            return CheckResult.fail("gpio", "check.gpio", gpioChip);
        }
        // The agent holds the GPIO lines, so it runs the light's test pattern on request.
        Optional<Boolean> light = startLightTest();
        if (light.isEmpty()) {
            return CheckResult.pass("gpio", "check.gpio", gpioChip);
        }
        return light.get() ? CheckResult.pass("gpio", "check.gpio.light", gpioChip)
                : CheckResult.warn("gpio", "check.gpio.noLight", gpioChip);
    }

    /**
     * Asks the agent to run the status light's test pattern; returns whether the kiosk has a
     * light, or empty when the agent could not be asked.
     */
    private Optional<Boolean> startLightTest() {
        if (agentPort <= 0) {
            return Optional.empty();
        }
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + agentPort + "/light-test");
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            java.net.http.HttpResponse<String> response = http.send(
                    java.net.http.HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(response.body()).path("light").asBoolean(false));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void checkAggregator(Optional<KioskIdentity> identity, List<CheckResult> results) {
        String url = aggregator != null ? aggregator
                : identity.map(KioskIdentity::aggregatorUrl).orElse("");
        if (offline) {
            results.add(CheckResult.skip("aggregator", "check.aggregator.offline"));
            return;
        }
        if (url.isBlank()) {
            results.add(CheckResult.fail("aggregator", "check.aggregator.noUrl"));
            return;
        }
        AggregatorClient client;
        try {
            client = AggregatorClient.create(url, context.httpTimeout(), context.clock());
        } catch (IllegalArgumentException e) {
            results.add(CheckResult.fail("aggregator", "check.aggregator.url", url));
            return;
        }

        AggregatorClient.Health health;
        try {
            health = client.health();
        } catch (AggregatorException e) {
            results.add(CheckResult.fail("aggregator", "check.aggregator", url, e.detail()));
            return;
        }
        if (health.status() != 200 || health.protocol() == null) {
            results.add(CheckResult.fail("aggregator", "check.aggregator.notKypso", url,
                    health.status(), health.protocol() == null ? "-" : health.protocol()));
        } else {
            results.add(CheckResult.pass("aggregator", "check.aggregator", url));
        }
        results.add(checkClock(health));
        identity.ifPresent(kiosk -> results.add(checkEnrollment(client, kiosk)));
    }

    private CheckResult checkClock(AggregatorClient.Health health) {
        Optional<Duration> skew = health.clockSkew();
        if (skew.isEmpty()) {
            return CheckResult.warn("clock", "check.clock.unknown");
        }
        long seconds = skew.get().toSeconds();
        Duration size = skew.get().abs();
        if (size.compareTo(SKEW_FAIL) > 0) {
            return CheckResult.fail("clock", "check.clock", seconds);
        }
        if (size.compareTo(SKEW_WARN) > 0) {
            return CheckResult.warn("clock", "check.clock", seconds);
        }
        return CheckResult.pass("clock", "check.clock", seconds);
    }

    private CheckResult checkEnrollment(AggregatorClient client, KioskIdentity identity) {
        try {
            client.signed(identity, "GET", "/api/v1/config", null);
            return CheckResult.pass("enrollment", "check.enrollment", identity.kioskId());
        } catch (AggregatorException e) {
            if (e.status() == 401 || e.status() == 403) {
                return CheckResult.fail("enrollment", "check.enrollment.rejected",
                        identity.kioskId(), e.detail());
            }
            return CheckResult.fail("enrollment", "check.enrollment", identity.kioskId(),
                    e.detail());
        }
    }

    private void print(CheckResult result) {
        Messages messages = context.messages();
        String status = messages.text("check.status." + result.status().name());
        String label = messages.text("check.label." + result.check());
        String detailKey = result.key() + "." + result.status().name().toLowerCase(
                java.util.Locale.ROOT);
        String detail = messages.has(detailKey) ? messages.text(detailKey, result.arguments())
                : messages.text(result.key(), result.arguments());
        context.out().printf("%-6s %-11s %s%n", status, label, detail);
        boolean needsRemedy = result.status() == CheckResult.Status.FAIL
                || result.status() == CheckResult.Status.WARN;
        if (needsRemedy && messages.has(result.key() + ".remedy")) {
            context.out().printf("%-18s %s%n", "",
                    "-> " + messages.text(result.key() + ".remedy", result.arguments()));
        }
        context.out().flush();
    }

    private static String version() {
        String version = SelftestCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
