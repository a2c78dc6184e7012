package id.kypso.agent.sync;

import id.kypso.core.identity.KioskId;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.StoreException;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.SyncRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox in batches, oldest first. A record leaves the PENDING state only on the
 * aggregator's explicit per-record result; a record the aggregator rejects is set aside with
 * the reason and never blocks the records behind it. Memory stays bounded by one batch.
 */
public final class OutboxPusher {
    private static final Logger log = LoggerFactory.getLogger(OutboxPusher.class);
    /**
     * Single records the aggregator rejected as requests (400, 413, 422) in a row before the
     * drain stops: after this many, the fault is more likely the request format than the
     * records, and setting more aside would hide it.
     */
    static final int MAX_CONSECUTIVE_REQUEST_REJECTIONS = 5;
    /** The maximum wait a 429 may request inside one drain; a longer one ends the drain. */
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    /** Rate-limit waits per drain; after these the cycle's backoff takes over. */
    static final int MAX_RATE_LIMIT_WAITS = 10;

    private final Outbox outbox;
    private final AggregatorClient client;
    private final KioskId kiosk;
    private final int batchSize;
    private final Pause pause;
    private final Runnable afterBatch;

    /**
     * @param pause waits out a rate limit (429) between batches; tests pass one that only
     *     records the wait
     */
    public OutboxPusher(Outbox outbox, AggregatorClient client, KioskId kiosk, int batchSize,
            Pause pause) {
        this(outbox, client, kiosk, batchSize, pause, () -> { });
    }

    /**
     * @param afterBatch runs after each acknowledged batch. The agent pings the systemd
     *     watchdog there, so that a long drain over a slow link is not taken for a hang.
     */
    public OutboxPusher(Outbox outbox, AggregatorClient client, KioskId kiosk, int batchSize,
            Pause pause, Runnable afterBatch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        this.outbox = outbox;
        this.client = client;
        this.kiosk = kiosk;
        this.batchSize = batchSize;
        this.pause = pause;
        this.afterBatch = afterBatch;
    }

    /** Waits for a while; the agent passes {@link Thread#sleep(Duration)}. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /**
     * Pushes pending records until none is left or an exchange fails. A failure is returned in
     * the result, with the counts of what was acknowledged before it.
     *
     * @throws StoreException when the kiosk database cannot be read or written
     */
    public PushResult drain() {
        Counts counts = new Counts();
        long lastSequence = Long.MIN_VALUE;
        while (true) {
            List<SyncRecord> batch = outbox.pending(batchSize);
            if (batch.isEmpty()) {
                return counts.result(null);
            }
            if (batch.getFirst().sequence() <= lastSequence) {
                throw new IllegalStateException("outbox did not advance past sequence "
                        + lastSequence + "; records were acknowledged but are still pending");
            }
            lastSequence = batch.getLast().sequence();
            try {
                pushBatch(batch, counts);
                afterBatch.run();
            } catch (SyncException e) {
                if (waitOutRateLimit(e, counts)) {
                    lastSequence = Long.MIN_VALUE;
                    continue;
                }
                log.warn("Push stopped with {} records pending from sequence {}: {}",
                        batch.size(), batch.getFirst().sequence(), e.getMessage());
                return counts.result(e);
            }
        }
    }

    /** Returns whether the drain waited out a short rate limit and may go on. */
    private boolean waitOutRateLimit(SyncException e, Counts counts) {
        Optional<Duration> wait = e.retryAfter();
        if (e.status() != 429 || wait.isEmpty() || wait.get().compareTo(MAX_RATE_LIMIT_WAIT) > 0
                || counts.rateLimitWaits >= MAX_RATE_LIMIT_WAITS) {
            return false;
        }
        counts.rateLimitWaits++;
        log.info("Aggregator rate-limited the push; waiting {} ms", wait.get().toMillis());
        try {
            pause.pause(wait.get());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void pushBatch(List<SyncRecord> records, Counts counts) throws SyncException {
        countAttempt(records);
        PushResponse response;
        try {
            response = client.push(new PushRequest(kiosk.toString(), records));
        } catch (SyncException e) {
            if (e.kind() != SyncException.Kind.BAD_REQUEST) {
                throw e;
            }
            if (records.size() > 1) {
                // Split until the record the aggregator rejects is alone in its request.
                int half = records.size() / 2;
                pushBatch(records.subList(0, half), counts);
                pushBatch(records.subList(half, records.size()), counts);
                return;
            }
            rejectAlone(records.getFirst(), e, counts);
            return;
        }
        apply(records, response, counts);
    }

    private void rejectAlone(SyncRecord record, SyncException e, Counts counts)
            throws SyncException {
        counts.consecutiveRequestRejections++;
        if (counts.consecutiveRequestRejections > MAX_CONSECUTIVE_REQUEST_REJECTIONS) {
            throw e;
        }
        String reason = "aggregator rejected the record's request with status " + e.status()
                + ": " + e.getMessage();
        log.warn("Setting record {} (sequence {}) aside: {}", record.id(), record.sequence(),
                reason);
        outbox.markRejected(record.id(), reason);
        counts.pushed++;
        counts.rejected++;
    }

    private void apply(List<SyncRecord> records, PushResponse response, Counts counts)
            throws SyncException {
        List<PushResponse.RecordResult> results = response.results();
        if (results.size() != records.size()) {
            throw new SyncException(SyncException.Kind.NOT_AGGREGATOR, 200, "push response has "
                    + results.size() + " results for " + records.size() + " records");
        }
        for (int i = 0; i < records.size(); i++) {
            PushResponse.RecordResult result = results.get(i);
            if (result == null || result.status() == null
                    || !records.get(i).id().equals(result.id())) {
                throw new SyncException(SyncException.Kind.NOT_AGGREGATOR, 200, "push response"
                        + " result " + i + " does not match record " + records.get(i).id());
            }
        }

        // Every result matches its record: acknowledge the stored ones first, then set the
        // rejected ones aside. A crash in between leaves them pending, and a new push gets
        // the same results.
        List<UUID> sent = new ArrayList<>();
        for (PushResponse.RecordResult result : results) {
            switch (result.status()) {
                case STORED -> counts.stored++;
                case DUPLICATE -> counts.duplicates++;
                case REJECTED -> {
                    continue;
                }
            }
            sent.add(result.id());
        }
        outbox.markSent(sent);
        for (int i = 0; i < records.size(); i++) {
            PushResponse.RecordResult result = results.get(i);
            if (result.status() == PushResponse.Status.REJECTED) {
                String reason = result.reason() == null || result.reason().isBlank()
                        ? "rejected by the aggregator without a reason" : result.reason();
                log.warn("Aggregator rejected record {} (sequence {}, type {}): {}",
                        result.id(), records.get(i).sequence(), records.get(i).type(), reason);
                outbox.markRejected(result.id(), reason);
                counts.rejected++;
            }
        }
        counts.pushed += records.size();
        counts.consecutiveRequestRejections = 0;
    }

    private void countAttempt(List<SyncRecord> records) {
        try {
            outbox.countAttempt(records.stream().map(SyncRecord::id).toList());
        } catch (StoreException e) {
            // The attempt counter only feeds reports, so failing to update it (on a full
            // disk, say) must not stop the push.
            log.warn("Cannot count push attempt for {} records: {}", records.size(),
                    e.getMessage());
        }
    }

    private static final class Counts {
        int pushed;
        int stored;
        int duplicates;
        int rejected;
        int consecutiveRequestRejections;
        int rateLimitWaits;

        PushResult result(SyncException failure) {
            return new PushResult(pushed, stored, duplicates, rejected, failure);
        }
    }
}
