package id.kypso.demo;

import com.fasterxml.jackson.databind.JsonNode;
import id.kypso.agent.SyncSummary;
import id.kypso.core.ticket.Ticket;
import id.kypso.kiosk.session.Completion;
import id.kypso.kiosk.session.ScanResult;

/** What each step of a {@link DemoRun} produced, for the end-to-end test to check. */
public record DemoResult(
        String slipText,
        ScanResult.Accepted scan,
        Completion.Issued completion,
        byte[] printedBytes,
        Ticket ticket,
        SyncSummary kioskFirstSync,
        SyncSummary counterFirstSync,
        SyncSummary push,
        SyncSummary pushAgain,
        JsonNode officerRapor,
        CounterDesk.Verdict firstCounterScan,
        CounterDesk.Verdict secondCounterScan) {
}
