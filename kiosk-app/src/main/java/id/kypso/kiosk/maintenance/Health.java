package id.kypso.kiosk.maintenance;

import java.time.Instant;
import java.util.Optional;

/**
 * The kiosk's health as the maintenance screen shows it.
 *
 * @param lastPrint the last print, empty when nothing was printed since start
 * @param lastScanAt when the scanner last delivered a scan, empty when none since start
 * @param unsentRecords outbox records still waiting for the agent to push them
 * @param lastSyncAt when the aggregator last acknowledged a record, empty when never
 * @param configSummary office, survey id and version of the installed config
 * @param configProblem why the newest config on disk was not loaded, empty when it was
 */
public record Health(
        Optional<TrackingPrinter.LastPrint> lastPrint,
        Optional<Instant> lastScanAt,
        long diskFreeBytes,
        long diskTotalBytes,
        long unsentRecords,
        Optional<Instant> oldestUnsentAt,
        Optional<Instant> lastSyncAt,
        String appVersion,
        String configSummary,
        Optional<String> configProblem,
        boolean outOfService) {
}
