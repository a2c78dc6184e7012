package id.kypso.agent.health;

import id.kypso.agent.store.DatabaseMaintenance;
import id.kypso.agent.sync.ClockSkew;
import id.kypso.core.identity.KioskId;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.Outbox;
import id.kypso.core.sync.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Reads the kiosk's health from the database, the file system and the clock-skew estimate. */
public final class HealthProbe {
    private final KioskId kiosk;
    private final Outbox outbox;
    private final KioskState state;
    private final DatabaseMaintenance maintenance;
    private final ClockSkew skew;
    private final RecentErrors errors;
    private final String agentVersion;
    private final Clock clock;

    public HealthProbe(KioskId kiosk, Outbox outbox, KioskState state,
            DatabaseMaintenance maintenance, ClockSkew skew, RecentErrors errors,
            String agentVersion, Clock clock) {
        this.kiosk = kiosk;
        this.outbox = outbox;
        this.state = state;
        this.maintenance = maintenance;
        this.skew = skew;
        this.errors = errors;
        this.agentVersion = agentVersion;
        this.clock = clock;
    }

    /**
     * Reads the outbox counts, device states and disk space now.
     *
     * @throws id.kypso.core.store.StoreException when the database cannot be read
     */
    public Snapshot snapshot() {
        return new Snapshot(
                outbox.count("PENDING"),
                outbox.oldestPending().orElse(null),
                outbox.count("REJECTED"),
                outbox.count("SENT"),
                maintenance.freeBytes(),
                maintenance.walBytes(),
                DeviceStates.read(state),
                state.get(KioskState.CONFIG_ETAG).orElse(null));
    }

    /** Builds the heartbeat to send now. */
    public Heartbeat heartbeat(Instant lastSyncAt) {
        Snapshot snapshot = snapshot();
        return new Heartbeat(kiosk.toString(), clock.instant(), snapshot.unsentRecords(),
                snapshot.oldestUnsentAt(), snapshot.rejectedRecords(),
                snapshot.devices().printerState(), snapshot.devices().scannerState(),
                snapshot.diskFreeBytes(), snapshot.devices().appVersion(), agentVersion,
                lastSyncAt, skew.current().map(Duration::toMillis).orElse(null),
                errors.lines());
    }

    public String agentVersion() {
        return agentVersion;
    }

    /**
     * The kiosk's health at one moment.
     *
     * @param oldestUnsentAt when the oldest pending record was made, or null
     */
    public record Snapshot(long unsentRecords, Instant oldestUnsentAt, long rejectedRecords,
            long sentRecords, long diskFreeBytes, long walBytes, DeviceStates devices,
            String configEtag) {
    }
}
