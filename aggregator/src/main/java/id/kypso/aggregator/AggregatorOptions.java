package id.kypso.aggregator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Everything an {@link Aggregator} is configured with. Build with {@link #builder()}; every
 * option has a default fit for one office server.
 *
 * @param port 0 for any free port
 * @param databaseUrl a {@code jdbc:postgresql:} URL, or null for the SQLite file in dataDir
 * @param adminToken null to read or create {@code dataDir/admin.token}
 * @param minimumResponses below this many responses a figure reads "not enough responses"
 * @param zone the zone report months are counted in
 * @param registrationDays how long registration slips are kept for kiosks to check keyed-in
 *     slip numbers against
 */
public record AggregatorOptions(String bind, int port, Path dataDir, String databaseUrl,
        String databaseUser, String databasePassword, int databasePoolSize, String adminToken,
        int minimumResponses, Clock clock, ZoneId zone, Duration allowedSkew, long maxBodyBytes,
        int maxRecordsPerPush, int concurrentPushes, double rateLimitPerSecond,
        int rateLimitBurst,
        Duration tokenLifetime, Duration silentAfter, Duration sessionLifetime,
        int registrationDays) {

    /** Default minimum responses; docs/aggregator.md explains the choice. */
    public static final int DEFAULT_MINIMUM_RESPONSES = 30;
    /**
     * Default days a registration slip is kept. A citizen usually walks from the perekaman
     * desk to the kiosk within the hour, and three days cover a weekend-long network outage.
     */
    public static final int DEFAULT_REGISTRATION_DAYS = 3;
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with the defaults of the command line. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port = 8080;
        private Path dataDir = Path.of("aggregator-data");
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private int databasePoolSize = 10;
        private String adminToken;
        private int minimumResponses = DEFAULT_MINIMUM_RESPONSES;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("Asia/Jakarta");
        private Duration allowedSkew = Duration.ofMinutes(5);
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxRecordsPerPush = 2000;
        private int concurrentPushes = 8;
        private double rateLimitPerSecond = 10;
        private int rateLimitBurst = 60;
        private Duration tokenLifetime = Duration.ofHours(24);
        private Duration silentAfter = Duration.ofMinutes(30);
        private Duration sessionLifetime = Duration.ofHours(8);
        private int registrationDays = DEFAULT_REGISTRATION_DAYS;

        public Builder bind(String value) {
            bind = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        /** Uses PostgreSQL at {@code url} instead of the SQLite file. */
        public Builder database(String url, String user, String password) {
            databaseUrl = url;
            databaseUser = user;
            databasePassword = password;
            return this;
        }

        public Builder databasePoolSize(int value) {
            databasePoolSize = value;
            return this;
        }

        public Builder adminToken(String value) {
            adminToken = value;
            return this;
        }

        public Builder minimumResponses(int value) {
            minimumResponses = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        public Builder allowedSkew(Duration value) {
            allowedSkew = value;
            return this;
        }

        public Builder maxBodyBytes(long value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder maxRecordsPerPush(int value) {
            maxRecordsPerPush = value;
            return this;
        }

        /** Sets how many pushes are stored at once; more wait up to 10 s, then get 503. */
        public Builder concurrentPushes(int value) {
            concurrentPushes = value;
            return this;
        }

        public Builder rateLimit(double perSecond, int burst) {
            rateLimitPerSecond = perSecond;
            rateLimitBurst = burst;
            return this;
        }

        public Builder tokenLifetime(Duration value) {
            tokenLifetime = value;
            return this;
        }

        public Builder silentAfter(Duration value) {
            silentAfter = value;
            return this;
        }

        public Builder sessionLifetime(Duration value) {
            sessionLifetime = value;
            return this;
        }

        public Builder registrationDays(int value) {
            registrationDays = value;
            return this;
        }

        public AggregatorOptions build() {
            return new AggregatorOptions(bind, port, dataDir, databaseUrl, databaseUser,
                    databasePassword, databasePoolSize, adminToken, minimumResponses, clock,
                    zone, allowedSkew, maxBodyBytes, maxRecordsPerPush, concurrentPushes,
                    rateLimitPerSecond,
                    rateLimitBurst, tokenLifetime, silentAfter, sessionLifetime, registrationDays);
        }
    }
}
