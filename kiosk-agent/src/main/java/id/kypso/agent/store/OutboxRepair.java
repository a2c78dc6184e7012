package id.kypso.agent.store;

import id.kypso.core.store.KioskDatabase;
import java.sql.PreparedStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts rejected records back in the queue, for IT staff once the cause of the rejection was
 * fixed at the aggregator. The records keep their ids, so the aggregator still stores each once.
 */
public final class OutboxRepair {
    private static final Logger log = LoggerFactory.getLogger(OutboxRepair.class);

    private final KioskDatabase database;

    public OutboxRepair(KioskDatabase database) {
        this.database = database;
    }

    /** Moves every REJECTED record back to PENDING and returns how many moved. */
    public int requeueRejected() {
        int moved = database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'PENDING', reject_reason = NULL"
                            + " WHERE state = 'REJECTED'")) {
                return update.executeUpdate();
            }
        });
        log.info("Requeued {} rejected records", moved);
        return moved;
    }
}
