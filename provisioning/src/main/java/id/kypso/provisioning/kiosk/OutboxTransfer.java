package id.kypso.provisioning.kiosk;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.SyncRecord;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a kiosk's unsent records off the kiosk: pushes them to the aggregator signed with the
 * kiosk key (as the agent does), and writes what is still unsent to an export file in format
 * {@code kypso-outbox-export/1}, which {@code kiosk push-export} pushes later.
 */
final class OutboxTransfer {
    private static final Logger log = LoggerFactory.getLogger(OutboxTransfer.class);
    static final int BATCH_SIZE = 200;
    static final String EXPORT_FORMAT = "kypso-outbox-export/1";

    private OutboxTransfer() {
    }

    /**
     * The result of pushing: how many records the aggregator stored (or already had), how many
     * it rejected, and the failure that stopped the push early, if any.
     */
    record PushCount(int stored, int rejected, AggregatorException failure) {
    }

    /**
     * An export file: the records still pending on the kiosk, and those the aggregator rejected
     * with their reasons, for the record.
     */
    record Export(String format, String kioskId, int keyVersion, Instant exportedAt,
            List<SyncRecord> pending, List<Rejected> rejected) {
    }

    /** A record the aggregator rejected, with the reason it gave. */
    record Rejected(SyncRecord record, String reason) {
    }

    /** Pushes every pending record of {@code database} and marks each with its result. */
    static PushCount pushPending(AggregatorClient client, KioskIdentity identity,
            KioskDatabase database, Clock clock) {
        Outbox outbox = new Outbox(database, clock, () -> {
            throw new IllegalStateException("provisioning never appends records");
        });
        int stored = 0;
        int rejected = 0;
        while (true) {
            List<SyncRecord> batch = outbox.pending(BATCH_SIZE);
            if (batch.isEmpty()) {
                return new PushCount(stored, rejected, null);
            }
            PushResult result;
            try {
                result = push(client, identity, batch, outbox::markRejected);
            } catch (AggregatorException e) {
                return new PushCount(stored, rejected, e);
            }
            outbox.markSent(result.stored());
            stored += result.stored().size();
            rejected += result.rejected();
            if (result.stored().size() + result.rejected() < batch.size()) {
                // The response left records without a result, so stop instead of looping.
                return new PushCount(stored, rejected, null);
            }
        }
    }

    /** Pushes {@code records} from an export file; nothing is marked anywhere. */
    static PushCount pushRecords(AggregatorClient client, KioskIdentity identity,
            List<SyncRecord> records, Consumer<String> rejectedReasons) {
        int stored = 0;
        int rejected = 0;
        for (int from = 0; from < records.size(); from += BATCH_SIZE) {
            List<SyncRecord> batch = records.subList(from, Math.min(records.size(),
                    from + BATCH_SIZE));
            try {
                PushResult result = push(client, identity, batch,
                        (id, reason) -> rejectedReasons.accept(id + ": " + reason));
                stored += result.stored().size();
                rejected += result.rejected();
            } catch (AggregatorException e) {
                return new PushCount(stored, rejected, e);
            }
        }
        return new PushCount(stored, rejected, null);
    }

    private record PushResult(List<UUID> stored, int rejected) {
    }

    private interface RejectionSink {
        void reject(UUID id, String reason);
    }

    private static PushResult push(AggregatorClient client, KioskIdentity identity,
            List<SyncRecord> batch, RejectionSink rejections) throws AggregatorException {
        AggregatorClient.SignedAnswer answer = client.signed(identity, "POST", "/api/v1/records",
                new PushRequest(identity.kioskId().toString(), batch));
        PushResponse response = client.convert(answer.json(), PushResponse.class,
                client.baseUrl() + "/api/v1/records");
        if (!PushResponse.PROTOCOL.equals(response.protocol())) {
            throw new IllegalStateException("push response protocol is " + response.protocol()
                    + ", expected " + PushResponse.PROTOCOL);
        }
        List<UUID> stored = new ArrayList<>();
        int rejected = 0;
        for (PushResponse.RecordResult result : response.results()) {
            switch (result.status()) {
                case STORED, DUPLICATE -> stored.add(result.id());
                case REJECTED -> {
                    rejected++;
                    log.warn("Aggregator rejected record {} of kiosk {}: {}", result.id(),
                            identity.kioskId(), result.reason());
                    rejections.reject(result.id(), result.reason());
                }
            }
        }
        return new PushResult(stored, rejected);
    }

    /** Reads every record still pending and every rejected one with its reason. */
    static Export export(KioskIdentity identity, KioskDatabase database, Clock clock) {
        Outbox outbox = new Outbox(database, clock, () -> {
            throw new IllegalStateException("provisioning never appends records");
        });
        List<SyncRecord> pending = outbox.pending(Integer.MAX_VALUE);
        List<Rejected> rejected = new ArrayList<>();
        ObjectMapper json = SyncJson.newMapper();
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, sequence, type, created_at, body, reject_reason FROM outbox"
                            + " WHERE state = 'REJECTED' ORDER BY sequence");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    SyncRecord record = new SyncRecord(UUID.fromString(rows.getString(1)),
                            rows.getLong(2), rows.getString(3), Instant.parse(rows.getString(4)),
                            readTree(json, rows.getString(5)));
                    rejected.add(new Rejected(record, rows.getString(6)));
                }
            }
            return null;
        });
        return new Export(EXPORT_FORMAT, identity.kioskId().toString(), identity.keyVersion(),
                clock.instant(), pending, rejected);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(ObjectMapper json,
            String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox record body is not JSON", e);
        }
    }
}
