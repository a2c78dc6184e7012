package id.kypso.provisioning.slip;

import id.kypso.core.sync.RegistrationUpload;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.http.AggregatorFailures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an office folder's unsent slips to the aggregator, so its kiosks can check slip numbers
 * keyed in by hand. A slip leaves the unsent list once the aggregator has returned a result for
 * it: stored, already stored, or rejected (a rejected slip would be rejected again).
 */
final class SlipUpload {
    private static final Logger log = LoggerFactory.getLogger(SlipUpload.class);

    private final Context context;
    private final UnsentSlips unsent;

    SlipUpload(Context context, Path officeDir) {
        this.context = context;
        this.unsent = new UnsentSlips(officeDir);
    }

    /** Adds {@code slips} to the unsent list, before any attempt to send them. */
    void keep(List<String> slips) throws CliFailure {
        try {
            unsent.add(slips);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", unsent.file(),
                    e.getMessage());
        }
    }

    /**
     * The outcome of one send.
     *
     * @param pending slips there were to send
     * @param stored slips the aggregator keeps (stored now or before)
     * @param rejected slips rejected for good, as "number: reason"; they move to
     *     {@code slips-rejected.txt}
     * @param unknownKey slips signed with a key the aggregator does not know for the office;
     *     they stay unsent, because registering the key makes them acceptable
     */
    record Sent(int pending, int stored, List<String> rejected, int unknownKey) {
    }

    // A slip signed by a key the aggregator does not know for the office becomes acceptable
    // once that key is registered, so it is kept. Other reasons would not change on a resend.
    private static boolean isUnknownKey(String reason) {
        return reason != null && (reason.startsWith("BAD_SIGNATURE")
                || reason.startsWith("UNKNOWN_SIGNER") || reason.startsWith("REVOKED_SIGNER"));
    }

    /** Sends every unsent slip; on failure the list stays as it was. */
    Sent send(String aggregatorUrl, String officeId) throws CliFailure {
        List<String> pending;
        try {
            pending = unsent.all();
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", unsent.file(),
                    e.getMessage());
        }
        AggregatorClient client;
        try {
            client = AggregatorClient.create(aggregatorUrl, context.httpTimeout(),
                    context.clock());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "aggregator.urlInvalid",
                    aggregatorUrl);
        }
        int stored = 0;
        int unknownKey = 0;
        List<String> rejected = new ArrayList<>();
        List<String> left = new ArrayList<>(pending);
        for (int from = 0; from < pending.size(); from += RegistrationUpload.MAX_SLIPS) {
            List<String> chunk = pending.subList(from,
                    Math.min(pending.size(), from + RegistrationUpload.MAX_SLIPS));
            RegistrationUpload.Response response;
            try {
                response = client.post("/api/v1/offices/" + officeId + "/registrations",
                        new RegistrationUpload(chunk), RegistrationUpload.Response.class);
            } catch (AggregatorException e) {
                log.warn("Sending {} slips of office {} failed: {}", left.size(), officeId,
                        e.getMessage());
                throw AggregatorFailures.of(e, "slip.uploadRejected");
            }
            if (response.results().size() != chunk.size()) {
                throw new CliFailure(ExitCode.AGGREGATOR_REJECTED, "slip.uploadRejected",
                        client.baseUrl(), 200, "answered for " + response.results().size()
                                + " of " + chunk.size() + " slips");
            }
            List<String> keep = new ArrayList<>();
            List<String> rejectedNow = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                RegistrationUpload.Result result = response.results().get(i);
                if (result.status() != RegistrationUpload.Status.REJECTED) {
                    stored++;
                } else if (isUnknownKey(result.reason())) {
                    keep.add(chunk.get(i));
                } else {
                    String number = result.registrationNumber() == null
                            ? context.messages().text("slip.numberUnreadable")
                            : result.registrationNumber();
                    rejected.add(number + ": " + result.reason());
                    rejectedNow.add(chunk.get(i) + "\t" + result.reason());
                }
            }
            unknownKey += keep.size();
            left.removeAll(chunk);
            left.addAll(keep);
            try {
                // Rejected slips are written aside before they leave the unsent list.
                unsent.reject(rejectedNow);
                unsent.replace(left);
            } catch (IOException e) {
                throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", unsent.file(),
                        e.getMessage());
            }
        }
        log.info("Sent {} slips of office {}: {} kept, {} rejected, {} with an unknown key",
                pending.size(), officeId, stored, rejected.size(), unknownKey);
        return new Sent(pending.size(), stored, rejected, unknownKey);
    }
}
