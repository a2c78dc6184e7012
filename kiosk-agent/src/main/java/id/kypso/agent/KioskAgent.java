package id.kypso.agent;

import id.kypso.agent.config.NativeDirectories;
import id.kypso.agent.health.HealthProbe;
import id.kypso.agent.health.RecentErrors;
import id.kypso.agent.retention.RetentionJob;
import id.kypso.agent.status.AgentStatus;
import id.kypso.agent.status.Indication;
import id.kypso.agent.status.StatusLight;
import id.kypso.agent.status.StatusServer;
import id.kypso.agent.store.DatabaseMaintenance;
import id.kypso.agent.sync.AggregatorClient;
import id.kypso.agent.sync.Backoff;
import id.kypso.agent.sync.ClockSkew;
import id.kypso.agent.sync.ConfigPuller;
import id.kypso.agent.sync.ConfigResult;
import id.kypso.agent.sync.OutboxPusher;
import id.kypso.agent.sync.PushResult;
import id.kypso.agent.sync.RegistrationPuller;
import id.kypso.agent.sync.SyncException;
import id.kypso.core.config.BundleStore;
import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk agent: drains the outbox to the aggregator, pulls config, sends heartbeats, clears
 * personal data after its retention period and keeps the shared database in shape. Build one
 * with {@link #builder}; call {@link #syncOnce} for one cycle or {@link #run} to loop.
 */
public final class KioskAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskAgent.class);
    /** The shared database's file name in the kiosk data folder. */
    public static final String DATABASE_FILE = "kiosk.db";
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);
    /** Below this much free space a database failure is reported as a full disk. */
    private static final long LOW_DISK_BYTES = 1024 * 1024;

    private final KioskIdentity identity;
    private final KioskDatabase database;
    private final Outbox outbox;
    private final AggregatorClient client;
    private final OutboxPusher pusher;
    private final ConfigPuller puller;
    private final RegistrationPuller registrations;
    private final DatabaseMaintenance maintenance;
    private final RetentionJob retention;
    private final HealthProbe health;
    private final RecentErrors errors;
    private final ClockSkew skew;
    private final Backoff backoff;
    private final Duration maxBackoff;
    private final StatusLight light;
    private final OkHttpClient http;
    private final Clock clock;
    private final Duration interval;
    private final String integrity;
    private final Object wakeLock = new Object();
    private final Runnable keepAlive;
    private final Duration keepAliveEvery;

    private volatile StatusServer statusServer;
    private volatile Indication indication = Indication.OFFLINE;
    private volatile Instant lastAttemptAt;
    private volatile Instant lastSuccessAt;
    private volatile Instant nextAttemptAt;
    private volatile Instant lastRetentionAt;
    private volatile int consecutiveFailures;
    private volatile Duration requestedWait;
    private volatile String configProblem;
    private volatile String faultReason;
    private volatile boolean stopped;
    private boolean wakeRequested;

    private KioskAgent(Builder builder, KioskIdentity identity, String aggregatorUrl,
            KioskDatabase database) {
        this.identity = identity;
        this.database = database;
        this.clock = builder.clock;
        this.interval = builder.interval;
        this.light = builder.statusLight;
        this.keepAlive = builder.keepAlive;
        this.keepAliveEvery = builder.keepAliveEvery;
        this.errors = new RecentErrors(clock);
        this.skew = new ClockSkew(clock);
        this.backoff = new Backoff(builder.backoffBase, builder.backoffMax, builder.random);
        this.maxBackoff = builder.backoffMax;
        this.outbox = new Outbox(database, clock, () -> {
            throw new IllegalStateException("the agent never appends records");
        });
        this.http = AggregatorClient.newHttpClient(builder.callTimeout);
        this.client = new AggregatorClient(aggregatorUrl, identity, http, skew);
        this.pusher = new OutboxPusher(outbox, client, identity.kioskId(), builder.batchSize,
                Thread::sleep, keepAlive);
        KioskState state = new KioskState(database);
        this.puller = new ConfigPuller(client, new BundleStore(builder.dataDir), state,
                identity.kioskId().office());
        this.registrations = new RegistrationPuller(client, new BundleStore(builder.dataDir),
                new RegistrationBook(database), state, identity.kioskId().office());
        this.maintenance = new DatabaseMaintenance(database);
        this.retention = new RetentionJob(database, clock, builder.retention,
                builder.keepSentRecords);
        this.health = new HealthProbe(identity.kioskId(), outbox, state, maintenance, skew,
                errors, agentVersion(), clock);
        this.integrity = maintenance.checkIntegrity();
        if (!"ok".equals(integrity)) {
            fault("database integrity check failed: " + integrity);
        }
    }

    /** Starts building an agent for the kiosk data folder {@code dataDir}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Runs one cycle: push, config pull, registration pull, heartbeat, retention and
     * checkpoint.
     */
    public synchronized SyncSummary syncOnce() {
        lastAttemptAt = clock.instant();
        List<String> cycleErrors = new ArrayList<>();
        if (!"ok".equals(integrity)) {
            cycleErrors.add("database integrity check failed: " + integrity);
            return finish(null, null, false, Indication.FAULT, cycleErrors);
        }

        // Push first: it is what the citizens' surveys wait on.
        PushResult push;
        try {
            push = pusher.drain();
        } catch (StoreException e) {
            return storeFailed(e, cycleErrors);
        }
        SyncException pushFailure = push.failure();
        requestedWait = pushFailure == null ? null : pushFailure.retryAfter().orElse(null);
        if (pushFailure != null) {
            note(cycleErrors, "push failed: " + pushFailure.getMessage());
        }
        boolean reachable = pushFailure == null || isResponse(pushFailure);
        if (push.completed()) {
            lastSuccessAt = clock.instant();
        }

        // Config and heartbeat only when the aggregator responds at all, so an outage costs
        // one timeout per cycle, not three.
        ConfigResult config = null;
        boolean heartbeatSent = false;
        SyncException authFailure = pushFailure != null
                && pushFailure.kind() == SyncException.Kind.UNAUTHORIZED ? pushFailure : null;
        if (reachable) {
            try {
                config = puller.pull();
                configProblem = config.problem();
                if (config.problem() != null) {
                    note(cycleErrors, "config bundle not installed: " + config.problem());
                }
            } catch (SyncException e) {
                note(cycleErrors, "config pull failed: " + e.getMessage());
                authFailure = e.kind() == SyncException.Kind.UNAUTHORIZED ? e : authFailure;
                reachable = isResponse(e);
            } catch (StoreException e) {
                return storeFailed(e, cycleErrors);
            } catch (UncheckedIOException e) {
                note(cycleErrors, e.getMessage());
            }
        }
        if (reachable) {
            try {
                RegistrationPuller.Result pulled = registrations.pull();
                if (pulled.problem() != null) {
                    note(cycleErrors, "registration list not installed: " + pulled.problem());
                }
            } catch (SyncException e) {
                note(cycleErrors, "registration pull failed: " + e.getMessage());
                authFailure = e.kind() == SyncException.Kind.UNAUTHORIZED ? e : authFailure;
                reachable = isResponse(e);
            } catch (StoreException e) {
                return storeFailed(e, cycleErrors);
            }
        }
        if (reachable) {
            try {
                client.heartbeat(health.heartbeat(lastSuccessAt));
                heartbeatSent = true;
            } catch (SyncException e) {
                note(cycleErrors, "heartbeat failed: " + e.getMessage());
                authFailure = e.kind() == SyncException.Kind.UNAUTHORIZED ? e : authFailure;
                reachable = isResponse(e);
            } catch (StoreException e) {
                return storeFailed(e, cycleErrors);
            }
        }

        try {
            upkeep();
        } catch (StoreException e) {
            return storeFailed(e, cycleErrors);
        }

        Indication next;
        if (authFailure != null) {
            fault("the aggregator does not accept this kiosk's signature: "
                    + authFailure.getMessage());
            next = Indication.FAULT;
        } else if (pushFailure != null
                && pushFailure.kind() == SyncException.Kind.BAD_REQUEST) {
            // The aggregator keeps rejecting whole requests: the queue is stuck until someone
            // looks at the aggregator's log or the records.
            fault("the aggregator rejects the kiosk's push requests: "
                    + pushFailure.getMessage());
            next = Indication.FAULT;
        } else if (!reachable) {
            next = Indication.OFFLINE;
        } else {
            faultReason = null;
            next = Indication.READY;
        }
        return finish(push, config, heartbeatSent, next, cycleErrors);
    }

    /**
     * Runs cycles until {@link #stop()}: every interval while the aggregator responds, after a
     * growing, jittered delay while it does not, and at once after {@link #requestSync()}.
     */
    public void run() {
        log.info("Agent for kiosk {} syncing with {} every {} s", identity.kioskId(),
                client.baseUrl(), interval.toSeconds());
        while (!stopped) {
            SyncSummary summary;
            try {
                summary = syncOnce();
            } catch (RuntimeException e) {
                log.error("Sync cycle failed unexpectedly; retrying after a backoff", e);
                errors.add("sync cycle failed: " + e);
                consecutiveFailures++;
                summary = null;
            }
            keepAlive.run();
            Duration delay = summary != null && consecutiveFailures == 0
                    ? interval : nextDelay();
            nextAttemptAt = clock.instant().plus(delay);
            if (consecutiveFailures > 0) {
                log.info("Next sync attempt in {} ms after {} failed cycles", delay.toMillis(),
                        consecutiveFailures);
            }
            waitForWake(delay);
        }
        log.info("Agent for kiosk {} stopped", identity.kioskId());
    }

    /**
     * Returns the delay after a failed cycle: the backoff, but no less than the wait an
     * overloaded aggregator requested with Retry-After (up to the backoff's maximum).
     */
    private Duration nextDelay() {
        Duration delay = backoff.delay(consecutiveFailures);
        Duration requested = requestedWait;
        if (requested != null && requested.compareTo(delay) > 0) {
            delay = requested.compareTo(maxBackoff) < 0 ? requested : maxBackoff;
        }
        return delay;
    }

    /** Asks the running loop for a cycle now, for example after the app stored a survey. */
    public void requestSync() {
        synchronized (wakeLock) {
            wakeRequested = true;
            wakeLock.notifyAll();
        }
    }

    /** Ends {@link #run()} after its current cycle. */
    public void stop() {
        stopped = true;
        requestSync();
    }

    /**
     * Starts the loopback status endpoint.
     *
     * @param port the TCP port, 0 for any free one
     * @return the address it listens on
     */
    public InetSocketAddress startStatusServer(int port) throws IOException {
        statusServer = StatusServer.start(port, this::status, this::requestSync,
                light::startTestPattern);
        return statusServer.address();
    }

    /** Returns the address of the status endpoint, when it was started. */
    public Optional<InetSocketAddress> statusAddress() {
        StatusServer server = statusServer;
        return server == null ? Optional.empty() : Optional.of(server.address());
    }

    /** Returns the agent's status with its summary message in {@code locale}. */
    public AgentStatus status(Locale locale) {
        Instant now = clock.instant();
        HealthProbe.Snapshot snapshot;
        try {
            snapshot = health.snapshot();
        } catch (StoreException e) {
            errors.add("status read failed: " + e.getMessage());
            snapshot = null;
        }
        Optional<String> retentionTotal = Optional.empty();
        Optional<String> retentionRun = Optional.empty();
        Optional<String> prunedTotal = Optional.empty();
        if (snapshot != null) {
            KioskState state = new KioskState(database);
            retentionTotal = state.get(RetentionJob.CLEARED_TICKETS);
            retentionRun = state.get(RetentionJob.LAST_RUN_AT);
            prunedTotal = state.get(RetentionJob.PRUNED_RECORDS);
        }
        long unsent = snapshot == null ? -1 : snapshot.unsentRecords();
        Instant oldest = snapshot == null ? null : snapshot.oldestUnsentAt();
        return new AgentStatus(
                identity.kioskId().toString(),
                indication,
                message(locale, unsent),
                client.baseUrl().toString(),
                unsent,
                oldest,
                oldest == null ? null : Duration.between(oldest, now).toSeconds(),
                snapshot == null ? -1 : snapshot.rejectedRecords(),
                snapshot == null ? -1 : snapshot.sentRecords(),
                lastAttemptAt,
                lastSuccessAt,
                consecutiveFailures,
                nextAttemptAt,
                snapshot == null ? null : snapshot.configEtag(),
                configProblem,
                skew.current().map(Duration::toMillis).orElse(null),
                snapshot == null ? -1 : snapshot.diskFreeBytes(),
                snapshot == null ? -1 : snapshot.walBytes(),
                integrity,
                snapshot == null ? null : snapshot.devices().printerState(),
                snapshot == null ? null : snapshot.devices().scannerState(),
                snapshot == null ? null : snapshot.devices().appVersion(),
                snapshot == null ? null : snapshot.devices().appSeenAt(),
                health.agentVersion(),
                retentionTotal.map(Long::parseLong).orElse(0L),
                prunedTotal.map(Long::parseLong).orElse(0L),
                retentionRun.map(Instant::parse).orElse(null),
                errors.lines());
    }

    public Indication indication() {
        return indication;
    }

    public KioskDatabase database() {
        return database;
    }

    @Override
    public void close() {
        stop();
        StatusServer server = statusServer;
        if (server != null) {
            server.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private void upkeep() {
        Instant now = clock.instant();
        if (lastRetentionAt == null || !now.isBefore(lastRetentionAt.plus(RETENTION_EVERY))) {
            retention.run();
            lastRetentionAt = now;
        }
        maintenance.checkpoint();
    }

    private SyncSummary finish(PushResult push, ConfigResult config, boolean heartbeatSent,
            Indication next, List<String> cycleErrors) {
        long pendingLeft;
        try {
            pendingLeft = outbox.count("PENDING");
        } catch (StoreException e) {
            pendingLeft = -1;
        }
        boolean success = next == Indication.READY && push != null && push.completed();
        consecutiveFailures = success ? 0 : consecutiveFailures + 1;
        if (next != indication) {
            log.info("Agent state {} -> {}", indication, next);
        }
        indication = next;
        light.show(next);
        return new SyncSummary(
                push == null ? 0 : push.pushed(),
                push == null ? 0 : push.stored(),
                push == null ? 0 : push.duplicates(),
                push == null ? 0 : push.rejected(),
                pendingLeft,
                push != null && push.completed(),
                config,
                heartbeatSent,
                next,
                cycleErrors);
    }

    private SyncSummary storeFailed(StoreException e, List<String> cycleErrors) {
        String reason = e.isDiskFull() || isDiskNearlyFull()
                ? "disk is full; pending records are kept, free space on the data folder ("
                        + e.getMessage() + ")"
                : "kiosk database failed: " + e.getMessage();
        log.error("Sync cycle stopped: {}", reason, e);
        note(cycleErrors, reason);
        fault(reason);
        return finish(null, null, false, Indication.FAULT, cycleErrors);
    }

    /**
     * Returns whether the data folder has almost no space left. On a full disk SQLite fails
     * reads too, with an I/O error on its shared-memory file rather than SQLITE_FULL.
     */
    private boolean isDiskNearlyFull() {
        try {
            return maintenance.freeBytes() < LOW_DISK_BYTES;
        } catch (StoreException e) {
            return false;
        }
    }

    private void note(List<String> cycleErrors, String message) {
        cycleErrors.add(message);
        errors.add(message);
    }

    private void fault(String reason) {
        faultReason = reason;
    }

    private String message(Locale locale, long unsent) {
        ResourceBundle bundle = ResourceBundle.getBundle("id.kypso.agent.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        String reason = faultReason == null
                ? bundle.getString("status.FAULT.unknown") : faultReason;
        return MessageFormat.format(bundle.getString("status." + indication.name()),
                unsent < 0 ? "?" : Long.toString(unsent), reason);
    }

    private static boolean isResponse(SyncException e) {
        return e.kind() != SyncException.Kind.UNREACHABLE
                && e.kind() != SyncException.Kind.NOT_AGGREGATOR;
    }

    private void waitForWake(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        synchronized (wakeLock) {
            while (!wakeRequested && !stopped) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                try {
                    // Waits in slices so the keep-alive goes out during a long backoff too.
                    wakeLock.wait(Math.max(1, Math.min(remaining / 1_000_000,
                            keepAliveEvery.toMillis())));
                    keepAlive.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
            wakeRequested = false;
        }
    }

    private static String agentVersion() {
        String version = KioskAgent.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Options of a {@link KioskAgent}, with the defaults a kiosk runs with. */
    public static final class Builder {
        private final Path dataDir;
        private String aggregatorUrl;
        private Duration interval = Duration.ofSeconds(30);
        private int batchSize = 200;
        private Duration retention = Duration.ofDays(30);
        private Duration keepSentRecords = Duration.ofDays(90);
        private Duration callTimeout = Duration.ofSeconds(60);
        private Duration backoffBase = Duration.ofSeconds(5);
        private Duration backoffMax = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();
        private StatusLight statusLight = StatusLight.NONE;
        private Runnable keepAlive = () -> { };
        private Duration keepAliveEvery = Duration.ofDays(1);

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        /**
         * Sets what the run loop calls to show it is alive, such as a systemd watchdog
         * keep-alive: after every cycle, and at least every {@code every} while it waits.
         */
        public Builder keepAlive(Runnable keepAlive, Duration every) {
            this.keepAlive = java.util.Objects.requireNonNull(keepAlive, "keepAlive");
            this.keepAliveEvery = requirePositive(every, "keep-alive interval");
            return this;
        }

        /** Overrides {@code aggregator.url} of {@code kiosk.properties}. */
        public Builder aggregatorUrl(String url) {
            this.aggregatorUrl = url;
            return this;
        }

        /** Sets the time between cycles while the aggregator responds. */
        public Builder interval(Duration interval) {
            this.interval = requirePositive(interval, "interval");
            return this;
        }

        /** Sets how many records one push carries. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Sets how long after its sync a ticket's personal data is kept. */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** Sets how long an acknowledged outbox record is kept before it is deleted. */
        public Builder keepSentRecords(Duration keepSentRecords) {
            this.keepSentRecords = keepSentRecords;
            return this;
        }

        /** Sets the limit on one HTTP call, from connecting to reading the whole response. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = requirePositive(callTimeout, "call timeout");
            return this;
        }

        /** Sets the first and the largest delay after failed cycles. */
        public Builder backoff(Duration base, Duration max) {
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public Builder statusLight(StatusLight statusLight) {
            this.statusLight = statusLight;
            return this;
        }

        /**
         * Loads the kiosk identity, opens the shared database and checks its integrity.
         *
         * @throws ConfigException when the identity is missing or invalid, or no aggregator
         *     URL is set
         * @throws StoreException when the database cannot be opened or migrated
         */
        public KioskAgent open() throws ConfigException {
            if (System.getProperty("org.sqlite.tmpdir") == null) {
                NativeDirectories.prepare(dataDir);
            }
            KioskIdentity identity = KioskIdentity.load(dataDir);
            String url = aggregatorUrl != null && !aggregatorUrl.isBlank()
                    ? aggregatorUrl : identity.aggregatorUrl();
            if (url == null || url.isBlank()) {
                throw new ConfigException("no aggregator URL: set aggregator.url in "
                        + dataDir.resolve(KioskIdentity.PROPERTIES_FILE)
                        + " or pass --aggregator");
            }
            KioskDatabase database = KioskDatabase.open(dataDir.resolve(DATABASE_FILE));
            try {
                return new KioskAgent(this, identity, url, database);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
