package id.kypso.provisioning.http;

/**
 * A call to the aggregator that did not succeed: either no response at all ({@link #status()} is
 * 0) or an error status, with the RFC 9457 problem title and detail when the aggregator sent
 * them.
 */
public final class AggregatorException extends Exception {
    private final String url;
    private final int status;
    private final String detail;

    AggregatorException(String url, int status, String detail, Throwable cause) {
        super((status == 0 ? "no response from " : "HTTP " + status + " from ") + url + ": "
                + detail, cause);
        this.url = url;
        this.status = status;
        this.detail = detail;
    }

    public String url() {
        return url;
    }

    /** Returns the HTTP status, or 0 when the aggregator could not be reached. */
    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }

    /** Returns the problem detail (or title, or the raw error), for the operator to read. */
    public String detail() {
        return detail;
    }
}
