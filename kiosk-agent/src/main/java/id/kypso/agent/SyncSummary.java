package id.kypso.agent;

import id.kypso.agent.status.Indication;
import id.kypso.agent.sync.ConfigResult;
import java.util.List;

/**
 * What one sync cycle did: push, config pull, heartbeat and upkeep.
 *
 * @param pushed records the aggregator returned a result for in this cycle
 * @param stored records the aggregator stored now
 * @param duplicates records it already had, which count as stored
 * @param rejected records set aside with a reason in this cycle
 * @param pendingLeft records still pending after the cycle, -1 when the database is unreadable
 * @param pushCompleted whether the push drained the outbox without a failed exchange
 * @param config the config pull's outcome, or null when the pull got no response
 * @param heartbeatSent whether the aggregator acknowledged the heartbeat
 * @param errors what went wrong in this cycle, empty when nothing did
 */
public record SyncSummary(
        int pushed,
        int stored,
        int duplicates,
        int rejected,
        long pendingLeft,
        boolean pushCompleted,
        ConfigResult config,
        boolean heartbeatSent,
        Indication indication,
        List<String> errors) {

    public SyncSummary {
        errors = List.copyOf(errors);
    }

    /** Returns whether the cycle installed a new config bundle. */
    public boolean configInstalled() {
        return config != null && config.outcome() == ConfigResult.Outcome.INSTALLED;
    }

    /**
     * Returns whether every record that was pending got an explicit result (stored, duplicate
     * or rejected) and none is left pending.
     */
    public boolean allAcknowledged() {
        return pushCompleted && pendingLeft == 0;
    }
}
