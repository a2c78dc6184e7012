package id.kypso.aggregator.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.aggregator.enroll.Kiosk;
import id.kypso.aggregator.enroll.KioskRegistry;
import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.sync.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Heartbeats and the fleet view: each kiosk with its last heartbeat, backlog, printer state
 * and versions, flagged silent when no heartbeat came within {@link #silentAfter}.
 */
public final class FleetService {
    private final Database database;
    private final KioskRegistry kiosks;
    private final Clock clock;
    private final Duration silentAfter;
    private final ObjectMapper mapper;

    public FleetService(Database database, KioskRegistry kiosks, Clock clock,
            Duration silentAfter, ObjectMapper mapper) {
        this.database = database;
        this.kiosks = kiosks;
        this.clock = clock;
        this.silentAfter = silentAfter;
        this.mapper = mapper;
    }

    /** Stores the latest heartbeat of {@code kiosk}. */
    public Heartbeat.Ack record(Kiosk kiosk, Heartbeat heartbeat) {
        if (!kiosk.id().toString().equals(heartbeat.kioskId())) {
            throw ProblemException.forbidden("heartbeat names kiosk " + heartbeat.kioskId()
                    + " but is signed by " + kiosk.id());
        }
        if (heartbeat.lastErrors().size() > 10) {
            throw ProblemException.unprocessable("lastErrors has " + heartbeat.lastErrors().size()
                    + " entries, at most 10 are allowed");
        }
        String body;
        try {
            body = mapper.writeValueAsString(heartbeat);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("heartbeat cannot be written", e);
        }
        long now = clock.millis();
        database.inTransaction(connection -> Sql.update(connection, "INSERT INTO heartbeat"
                + " (kiosk_id, received_at, body) VALUES (?,?,?) ON CONFLICT (kiosk_id)"
                + " DO UPDATE SET received_at = excluded.received_at, body = excluded.body",
                kiosk.id().toString(), now, body));
        return new Heartbeat.Ack(id.kypso.core.sync.PushResponse.PROTOCOL, clock.instant());
    }

    /** One kiosk in the fleet view. */
    public record KioskHealth(String kioskId, String officeId, boolean revoked,
            Instant lastHeartbeatAt, boolean silent, Heartbeat heartbeat, long storedRecords,
            long rejectedRecords) {
    }

    public List<KioskHealth> fleet(Optional<String> officeId) {
        long now = clock.millis();
        Map<String, long[]> heartbeatTimes = new java.util.HashMap<>();
        Map<String, String> bodies = new java.util.HashMap<>();
        database.read(connection -> Sql.query(connection, "SELECT kiosk_id, received_at, body"
                + " FROM heartbeat", rows -> {
                    heartbeatTimes.put(rows.getString(1), new long[] {rows.getLong(2)});
                    bodies.put(rows.getString(1), rows.getString(3));
                    return null;
                }));
        Map<String, Long> stored = counts("SELECT kiosk_id, count(*) FROM sync_record"
                + " GROUP BY kiosk_id");
        Map<String, Long> rejected = counts("SELECT kiosk_id, count(*) FROM rejected_record"
                + " GROUP BY kiosk_id");

        List<KioskHealth> result = new ArrayList<>();
        for (Kiosk kiosk : kiosks.all()) {
            String id = kiosk.id().toString();
            if (officeId.isPresent() && !officeId.get().equals(kiosk.office().toString())) {
                continue;
            }
            long[] time = heartbeatTimes.get(id);
            Instant last = time == null ? null : Instant.ofEpochMilli(time[0]);
            long since = time == null ? now - kiosk.enrolledAt() : now - time[0];
            boolean silent = !kiosk.isRevoked() && since > silentAfter.toMillis();
            result.add(new KioskHealth(id, kiosk.office().toString(), kiosk.isRevoked(), last,
                    silent, parse(bodies.get(id)), stored.getOrDefault(id, 0L),
                    rejected.getOrDefault(id, 0L)));
        }
        return result;
    }

    public Duration silentAfter() {
        return silentAfter;
    }

    private Map<String, Long> counts(String sql) {
        return database.read(connection -> Sql.query(connection, sql,
                rows -> Map.entry(rows.getString(1), rows.getLong(2))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Heartbeat parse(String body) {
        if (body == null) {
            return null;
        }
        try {
            return mapper.readValue(body, Heartbeat.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored heartbeat cannot be read", e);
        }
    }
}
