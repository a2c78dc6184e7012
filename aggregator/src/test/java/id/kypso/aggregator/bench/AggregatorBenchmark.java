package id.kypso.aggregator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import id.kypso.aggregator.Aggregator;
import id.kypso.aggregator.AggregatorOptions;
import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.testing.PostgresServer;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.survey.OfficerRating;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.sync.Enrollment;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.SyncRecord;
import id.kypso.core.ticket.TicketIssued;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole-server benchmarks over loopback HTTP, printed as Markdown table rows:
 *
 * <ul>
 * <li>{@code ingest ENGINE RECORDS}: records/s through {@code POST /api/v1/records}, against a
 * plain batched JDBC insert of the same rows into a bare table on the same engine;
 * <li>{@code rapor RESPONSES}: office rapor-el page and JSON times with that many stored
 * survey responses (each with its ticket) on SQLite;
 * <li>{@code recovery ENGINE KIOSKS RECORDS_PER_KIOSK}: every kiosk enrolled, then all of them
 * pushing their backlog at once; time until all are stored, then a count of lost and doubled
 * records.
 * </ul>
 *
 * Server and load generator share one JVM and the machine's cores, so the numbers are a
 * floor for a server with a machine of its own.
 */
public final class AggregatorBenchmark {
    static final int BATCH = 500;
    static final List<String> QUESTIONS = List.of("persyaratan", "prosedur", "waktu", "biaya",
            "produk", "kompetensi", "perilaku", "sarana", "pengaduan");
    static final String ADMIN = "benchmark-admin-token-0123456789";
    static final ObjectMapper JSON = SyncJson.newMapper();
    static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();
    static final AtomicLong RETRIES = new AtomicLong();

    private final Path folder;
    private final Aggregator aggregator;
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    AggregatorBenchmark(Path folder, String engine) throws Exception {
        this.folder = folder;
        AggregatorOptions.Builder builder = AggregatorOptions.builder().port(0)
                .dataDir(folder.resolve("data")).adminToken(ADMIN).rateLimit(1000, 1000)
                .minimumResponses(30);
        if (engine.equals("postgresql")) {
            PostgresServer postgres = PostgresServer.shared();
            builder.database(postgres.newDatabase(), postgres.user(), "").databasePoolSize(16);
        }
        aggregator = new Aggregator(builder.build());
        url = aggregator.start();
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("kypso-aggregator-bench");
        String mode = args[0];
        switch (mode) {
            case "ingest" -> ingest(folder, args[1], Integer.parseInt(args[2]));
            case "rapor" -> rapor(folder, Integer.parseInt(args[1]));
            case "recovery" -> recovery(folder, args[1], Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown benchmark " + mode);
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
        System.exit(0);
    }

    /** A kiosk of the benchmark: its id, key and the next record sequence. */
    record Kiosk(String id, KeyPair keys, AtomicLong sequence, AtomicLong serial) {
    }

    Kiosk enroll(String kioskId) throws Exception {
        String office = kioskId.substring(0, 7);
        send("POST", "/api/v1/admin/offices", Map.of("officeId", office, "name",
                "Kantor " + office, "publicKey", Ed25519.toBase64(Ed25519.generate().getPublic()),
                "keyVersion", 1), null, true);
        JsonNode token = JSON.readTree(send("POST", "/api/v1/admin/offices/" + office
                + "/enrollment-tokens", null, null, true).body());
        KeyPair keys = Ed25519.generate();
        HttpResponse<String> enrolled = send("POST", "/api/v1/enroll", new Enrollment.Request(
                token.get("token").asText(), kioskId, Ed25519.toBase64(keys.getPublic()), 1),
                null, false);
        if (enrolled.statusCode() != 200) {
            throw new IllegalStateException("enroll " + kioskId + ": " + enrolled.body());
        }
        return new Kiosk(kioskId, keys, new AtomicLong(), new AtomicLong());
    }

    /** Returns a survey response and its ticket, as the kiosk app records them. */
    static List<SyncRecord> surveyAndTicket(Kiosk kiosk, Instant at, Random random) {
        String nip = String.format("19850312201001100%d", 1 + random.nextInt(9));
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            answers.put(question, 2 + random.nextInt(3));
        }
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        SurveyResponse response = new SurveyResponse(UUID.randomUUID(), kiosk.id(),
                kiosk.id().substring(0, 7), "kypso-ktpel", 1, true, hour,
                hour.minus(1, ChronoUnit.HOURS), "id", List.of(new OfficerRating(nip,
                        "PEREKAMAN", true, answers, null)), List.of());
        long serial = kiosk.serial().incrementAndGet();
        TicketIssued ticket = new TicketIssued(kiosk.id() + "/" + serial, kiosk.id(), serial,
                at.minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES),
                at.truncatedTo(ChronoUnit.MINUTES));
        return List.of(
                new SyncRecord(UUIDS.generate(), kiosk.sequence().incrementAndGet(),
                        "survey-response", at, JSON.valueToTree(response)),
                new SyncRecord(UUIDS.generate(), kiosk.sequence().incrementAndGet(),
                        "ticket-issued", at, JSON.valueToTree(ticket)));
    }

    /**
     * Pushes one batch, retrying as an agent would (Retry-After when given, else doubling
     * delays up to 5 s); returns the records acknowledged as stored or duplicate.
     */
    long push(Kiosk kiosk, List<SyncRecord> records) throws Exception {
        byte[] body = JSON.writeValueAsBytes(new PushRequest(kiosk.id(), records));
        Duration delay = Duration.ofMillis(200);
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                RETRIES.incrementAndGet();
            }
            HttpResponse<String> response;
            try {
                response = send("POST", "/api/v1/records", body, kiosk, false);
            } catch (java.io.IOException e) {
                response = null;
            }
            if (response != null && response.statusCode() == 200) {
                PushResponse result = JSON.readValue(response.body(), PushResponse.class);
                return result.results().stream()
                        .filter(r -> r.status() != PushResponse.Status.REJECTED).count();
            }
            if (attempt == 500) {
                throw new IllegalStateException("push of " + kiosk.id() + " failed: "
                        + (response == null ? "I/O error" : response.body()));
            }
            java.util.Optional<String> retryAfter = response == null
                    ? java.util.Optional.empty() : response.headers().firstValue("Retry-After");
            Thread.sleep(retryAfter.map(seconds -> Long.parseLong(seconds) * 1000)
                    .orElse(delay.toMillis()));
            delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                    ? Duration.ofSeconds(5) : delay.multipliedBy(2);
        }
    }

    HttpResponse<String> send(String method, String path, Object body, Kiosk kiosk,
            boolean admin) throws Exception {
        byte[] bytes = body == null ? new byte[0]
                : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path))
                .timeout(Duration.ofMinutes(5))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (admin) {
            request.header("Authorization", "Bearer " + ADMIN);
        }
        if (kiosk != null) {
            long now = System.currentTimeMillis();
            request.header(SyncHeaders.KIOSK, kiosk.id())
                    .header(SyncHeaders.TIMESTAMP, String.valueOf(now))
                    .header(SyncHeaders.SIGNATURE, RequestSignature.sign(kiosk.keys().getPrivate(),
                            method, path, now, bytes));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void ingest(Path folder, String engine, int records) throws Exception {
        AggregatorBenchmark bench = new AggregatorBenchmark(folder, engine);
        int kiosks = 4;
        List<Kiosk> fleet = new ArrayList<>();
        for (int i = 1; i <= kiosks + 1; i++) {
            fleet.add(bench.enroll(String.format("3273-01-K%02d", i)));
        }
        // A warm-up kiosk pushes first, so the timed part runs on compiled code.
        Kiosk warmUp = fleet.remove(kiosks);
        Random random = new Random(1);
        Instant at = Instant.parse("2026-11-01T02:00:00Z");
        for (List<SyncRecord> batch : batches(warmUp, 5000, at, random)) {
            bench.push(warmUp, batch);
        }
        List<List<List<SyncRecord>>> work = new ArrayList<>();
        List<List<SyncRecord>> batches = new ArrayList<>();
        for (Kiosk kiosk : fleet) {
            List<List<SyncRecord>> mine = batches(kiosk, records / kiosks, at, random);
            work.add(mine);
            batches.addAll(mine);
        }

        long started = System.nanoTime();
        AtomicLong acknowledged = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(kiosks)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k = 0; k < kiosks; k++) {
                Kiosk kiosk = fleet.get(k);
                List<List<SyncRecord>> mine = work.get(k);
                jobs.add(pool.submit(() -> {
                    for (List<SyncRecord> batch : mine) {
                        acknowledged.addAndGet(bench.push(kiosk, batch));
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        }
        long stored = acknowledged.get();
        double apiSeconds = (System.nanoTime() - started) / 1e9;

        // The same rows, as a plain batched insert into a bare table with the same columns.
        Database database = bench.aggregator.database();
        database.inTransaction(connection -> Sql.update(connection, "CREATE TABLE plain_record"
                + " (record_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, kiosk_sequence BIGINT"
                + " NOT NULL, record_type TEXT NOT NULL, created_at BIGINT NOT NULL,"
                + " received_at BIGINT NOT NULL, body_sha256 TEXT NOT NULL, payload TEXT"
                + " NOT NULL)"));
        started = System.nanoTime();
        for (List<SyncRecord> each : batches) {
            database.inTransaction(connection -> insertPlain(connection, each));
        }
        double plainSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "| ingest | %s | %d records, %d kiosks,"
                + " batches of %d | %.0f records/s | plain insert %.0f rows/s | ratio %.2f |"
                + " load %s |%n", engine, stored, kiosks, BATCH, stored / apiSeconds,
                stored / plainSeconds, plainSeconds / apiSeconds, loadAverage());
        bench.aggregator.close();
    }

    /** Returns survey-and-ticket pairs for {@code records} records, in push batches. */
    static List<List<SyncRecord>> batches(Kiosk kiosk, int records, Instant from,
            Random random) {
        List<List<SyncRecord>> batches = new ArrayList<>();
        List<SyncRecord> batch = new ArrayList<>();
        for (int i = 0; i < records / 2; i++) {
            batch.addAll(surveyAndTicket(kiosk, from.plusSeconds(60L * i), random));
            if (batch.size() >= BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** Returns the 1-minute load average, to show how busy the machine was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static int insertPlain(Connection connection, List<SyncRecord> records)
            throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plain_record"
                + " VALUES (?,?,?,?,?,?,?,?)")) {
            for (SyncRecord record : records) {
                String payload = record.payload().toString();
                Sql.bind(insert, record.id().toString(), "3273-01-K01", record.sequence(),
                        record.type(), record.createdAt().toEpochMilli(),
                        System.currentTimeMillis(), RequestSignature.sha256Hex(
                                payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        payload);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return records.size();
    }

    static void rapor(Path folder, int responses) throws Exception {
        AggregatorBenchmark bench = new AggregatorBenchmark(folder, "sqlite");
        int kiosks = 8;
        List<Kiosk> fleet = new ArrayList<>();
        for (int i = 1; i <= kiosks; i++) {
            fleet.add(bench.enroll(String.format("3273-01-K%02d", i)));
        }
        long started = System.nanoTime();
        AtomicLong stored = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(kiosks)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (Kiosk kiosk : fleet) {
                jobs.add(pool.submit(() -> {
                    Random random = new Random(kiosk.id().hashCode());
                    Instant at = Instant.parse("2026-01-01T01:00:00Z");
                    List<SyncRecord> batch = new ArrayList<>();
                    int mine = responses / kiosks;
                    for (int i = 0; i < mine; i++) {
                        // Spread over about eleven months, a response every 4.7 minutes.
                        batch.addAll(surveyAndTicket(kiosk, at.plusSeconds(283L * i), random));
                        if (batch.size() >= BATCH || i == mine - 1) {
                            stored.addAndGet(bench.push(kiosk, batch));
                            batch = new ArrayList<>();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "| rapor load | sqlite | %d records stored |"
                + " %.0f s | %.0f records/s | load %s |%n", stored.get(), loadSeconds,
                stored.get() / loadSeconds, loadAverage());
        for (String path : List.of("/rapor/offices/3273-01", "/rapor/offices/3273-01?period=2026-06",
                "/api/v1/rapor/offices/3273-01", "/rapor/officers/198503122010011001",
                "/rapor/regions/3273")) {
            bench.send("GET", path, null, null, false);
            long best = Long.MAX_VALUE;
            long total = 0;
            int runs = 10;
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                HttpResponse<String> page = bench.send("GET", path, null, null, false);
                long elapsed = System.nanoTime() - t;
                if (page.statusCode() != 200) {
                    throw new IllegalStateException(path + ": " + page.statusCode());
                }
                best = Math.min(best, elapsed);
                total += elapsed;
            }
            System.out.printf(java.util.Locale.ROOT, "| page | %s | best %.1f ms | mean %.1f ms"
                    + " | load %s |%n", path, best / 1e6, total / 1e6 / runs, loadAverage());
        }
        bench.aggregator.close();
    }

    static void recovery(Path folder, String engine, int kioskCount, int perKiosk)
            throws Exception {
        AggregatorBenchmark bench = new AggregatorBenchmark(folder, engine);
        List<Kiosk> fleet = new ArrayList<>();
        long enrollStart = System.nanoTime();
        for (int i = 0; i < kioskCount; i++) {
            int region = 3201 + i / 100;
            int office = 1 + (i / 10) % 10;
            int number = 1 + i % 10;
            fleet.add(bench.enroll(String.format("%04d-%02d-K%02d", region, office, number)));
        }
        System.out.printf(java.util.Locale.ROOT, "| recovery enroll | %s | %d kiosks | %.0f s"
                + " |%n", engine, kioskCount, (System.nanoTime() - enrollStart) / 1e9);

        // Every backlog is built first, so the clock starts when all kiosks connect at once.
        List<List<List<SyncRecord>>> backlogs = new ArrayList<>();
        Instant outage = Instant.parse("2026-11-20T01:00:00Z");
        for (Kiosk kiosk : fleet) {
            Random random = new Random(kiosk.id().hashCode());
            List<List<SyncRecord>> batches = new ArrayList<>();
            List<SyncRecord> batch = new ArrayList<>();
            for (int i = 0; i < perKiosk / 2; i++) {
                batch.addAll(surveyAndTicket(kiosk, outage.plusSeconds(600L * i), random));
                if (batch.size() >= BATCH || i == perKiosk / 2 - 1) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                }
            }
            backlogs.add(batches);
        }
        long started = System.nanoTime();
        AtomicLong acknowledged = new AtomicLong();
        try (ExecutorService all = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < fleet.size(); i++) {
                Kiosk kiosk = fleet.get(i);
                List<List<SyncRecord>> batches = backlogs.get(i);
                jobs.add(all.submit(() -> {
                    for (List<SyncRecord> batch : batches) {
                        acknowledged.addAndGet(bench.push(kiosk, batch));
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long expected = (long) kioskCount * (perKiosk / 2 * 2);
        long[] counts = bench.aggregator.database().read(connection -> Sql.queryOne(connection,
                "SELECT count(*), count(DISTINCT record_id),"
                        + " count(DISTINCT kiosk_id || ':' || kiosk_sequence) FROM sync_record",
                rows -> new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)}))
                .orElseThrow();
        System.out.printf(java.util.Locale.ROOT, "| recovery | %s | %d kiosks x %d records |"
                + " %.0f s until all stored | %.0f records/s | expected %d, stored %d,"
                + " distinct ids %d, distinct kiosk sequences %d, acknowledged %d, retried pushes %d |"
                + " load %s |%n", engine, kioskCount, perKiosk / 2 * 2, seconds,
                expected / seconds, expected, counts[0], counts[1], counts[2],
                acknowledged.get(), RETRIES.get(), loadAverage());
        bench.aggregator.close();
    }
}
