package id.kypso.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One record a kiosk pushes, in sync API version 1.
 *
 * @param id made once, when the record is made (a time-ordered UUID version 7), so a retried
 *     push is recognised as the same record
 * @param sequence the kiosk's local sequence number, gap-free and increasing, which orders
 *     records even when the wall clock jumps
 * @param type one of {@link RecordType#wireName()}
 */
public record SyncRecord(UUID id, long sequence, String type, Instant createdAt,
        JsonNode payload) {
}
