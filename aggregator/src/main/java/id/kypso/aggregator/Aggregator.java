package id.kypso.aggregator;

import id.kypso.aggregator.admin.OfficeRegistry;
import id.kypso.aggregator.auth.AdminAuthenticator;
import id.kypso.aggregator.auth.KioskAuthenticator;
import id.kypso.aggregator.auth.RateLimiter;
import id.kypso.aggregator.config.ConfigService;
import id.kypso.aggregator.config.SurveyCatalog;
import id.kypso.aggregator.enroll.EnrollmentService;
import id.kypso.aggregator.enroll.KioskRegistry;
import id.kypso.aggregator.fleet.FleetService;
import id.kypso.aggregator.ingest.IngestService;
import id.kypso.aggregator.registration.RegistrationService;
import id.kypso.aggregator.report.Months;
import id.kypso.aggregator.report.RaporService;
import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.ticket.TicketService;
import id.kypso.aggregator.web.ApiRoutes;
import id.kypso.aggregator.web.Metrics;
import id.kypso.aggregator.web.Pages;
import id.kypso.aggregator.web.Problems;
import id.kypso.aggregator.auth.UserAccounts;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregation server, for the command line and for tests: build it with
 * {@link AggregatorOptions}, {@link #start()} it, read {@link #url()} and
 * {@link #adminToken()}, and {@link #close()} it.
 */
public final class Aggregator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Aggregator.class);
    static final String ADMIN_TOKEN_FILE = "admin.token";

    private final AggregatorOptions options;
    private Database database;
    private Javalin app;
    private String adminToken;
    private UserAccounts accounts;
    private URI url;

    public Aggregator(AggregatorOptions options) {
        this.options = options;
    }

    /** Opens the database, starts the HTTP server and returns its base URL. */
    public synchronized URI start() {
        if (app != null) {
            throw new IllegalStateException("aggregator is already started at " + url);
        }
        adminToken = options.adminToken() != null ? options.adminToken()
                : loadOrCreateAdminToken(options.dataDir());
        database = options.databaseUrl() == null
                ? Database.sqlite(options.dataDir().resolve("aggregator.db"))
                : Database.postgresql(options.databaseUrl(), options.databaseUser(),
                        options.databasePassword(), options.databasePoolSize());
        try {
            app = buildServer();
            app.start(options.bind(), options.port());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        url = URI.create("http://" + host + ":" + app.port());
        log.info("Aggregator listening on {}", url);
        return url;
    }

    private Javalin buildServer() {
        KioskRegistry kiosks = new KioskRegistry(database, options.clock());
        OfficeRegistry offices = new OfficeRegistry(database, options.clock());
        SurveyCatalog surveys = new SurveyCatalog(database, options.clock());
        Months months = new Months(options.zone());
        RaporService rapor = new RaporService(database, offices, options.clock(),
                options.zone(), options.minimumResponses());
        FleetService fleet = new FleetService(database, kiosks, options.clock(),
                options.silentAfter(), Problems.mapper());
        ApiRoutes.Services services = new ApiRoutes.Services(
                new EnrollmentService(database, options.clock(), options.tokenLifetime()),
                kiosks, offices, surveys,
                new IngestService(database, surveys, options.clock(), months,
                        options.maxRecordsPerPush(), options.concurrentPushes(),
                        Problems.mapper()),
                new ConfigService(database, offices, kiosks, surveys), fleet,
                new TicketService(database, options.clock()), rapor,
                new RegistrationService(database, offices, options.clock(),
                        options.registrationDays()),
                new RateLimiter(options.clock(), 1, 30));
        KioskAuthenticator kioskAuth = new KioskAuthenticator(kiosks, options.clock(),
                options.allowedSkew(), options.maxBodyBytes(), new RateLimiter(options.clock(),
                        options.rateLimitPerSecond(), options.rateLimitBurst()));
        accounts = new UserAccounts(database, options.clock(), options.sessionLifetime());
        Metrics metrics = new Metrics();

        Javalin server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // Javalin enforces this when the body is read; the authenticator checks the
            // declared length before that, so both paths respond 413 with a problem body.
            config.http.maxRequestSize = options.maxBodyBytes();
            config.useVirtualThreads = true;
        });
        Problems.install(server);
        metrics.install(server);
        new ApiRoutes(services, kioskAuth, new AdminAuthenticator(adminToken), accounts)
                .register(server);
        new Pages(rapor, offices, fleet, accounts, services.enrollment(), options.clock(),
                options.zone())
                .register(server);
        server.get("/health", ctx -> {
            boolean healthy = database.isHealthy();
            ctx.status(healthy ? 200 : 503);
            Problems.json(ctx, Map.of("status", healthy ? "UP" : "DOWN", "database",
                    database.engine().name()));
            ctx.status(healthy ? 200 : 503);
        });
        server.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
                .result(metrics.render(gauges())));
        return server;
    }

    private Map<String, Long> gauges() {
        Map<String, Long> gauges = new LinkedHashMap<>();
        database.read(connection -> {
            gauges.put("kypso_records_stored", count(connection, "sync_record"));
            gauges.put("kypso_records_rejected", count(connection, "rejected_record"));
            gauges.put("kypso_kiosks_enrolled", count(connection, "kiosk"));
            gauges.put("kypso_survey_responses", count(connection, "survey_response"));
            return null;
        });
        return gauges;
    }

    private static long count(java.sql.Connection connection, String table)
            throws java.sql.SQLException {
        return Sql.queryOne(connection, "SELECT count(*) FROM " + table,
                rows -> rows.getLong(1)).orElse(0L);
    }

    /** Reads the admin token file, or writes a new random token there (owner-only). */
    static String loadOrCreateAdminToken(Path dataDir) {
        Path file = dataDir.resolve(ADMIN_TOKEN_FILE);
        try {
            if (Files.exists(file)) {
                String token = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (token.length() < 16) {
                    throw new IllegalStateException("admin token in " + file
                            + " is shorter than 16 characters; delete the file to get a new one");
                }
                return token;
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path temporary = Files.createTempFile(dataDir, "admin", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temporary,
                            PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    log.warn("Cannot restrict permissions of {} on this file system", file);
                }
                Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            log.info("Wrote a new admin token to {}", file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write admin token " + file, e);
        }
    }

    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    public String adminToken() {
        return adminToken;
    }

    /** Returns the user accounts of the web views, to create logins from tools and tests. */
    public UserAccounts accounts() {
        return accounts;
    }

    public Database database() {
        return database;
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
            log.info("Aggregator at {} stopped", url);
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
