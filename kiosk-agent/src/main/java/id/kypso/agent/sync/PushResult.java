package id.kypso.agent.sync;

/**
 * What one drain of the outbox achieved.
 *
 * @param pushed records the aggregator returned a result for, whatever the result
 * @param stored records stored now
 * @param duplicates records the aggregator already had; they count as stored
 * @param rejected records set aside, by the aggregator or because it rejected them alone
 * @param failure why the drain stopped before the outbox was empty, or null
 */
public record PushResult(int pushed, int stored, int duplicates, int rejected,
        SyncException failure) {

    public boolean completed() {
        return failure == null;
    }
}
