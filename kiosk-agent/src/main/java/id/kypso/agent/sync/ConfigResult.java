package id.kypso.agent.sync;

/**
 * What one config pull did.
 *
 * @param etag the ETag of the bundle now installed, or null when none is
 * @param problem why a fetched bundle was not installed, or null
 */
public record ConfigResult(Outcome outcome, String etag, String problem) {

    /** How a pull ended. */
    public enum Outcome {
        /** The aggregator responded 304: the installed bundle is current. */
        UNCHANGED,
        /** A new bundle was validated and installed. */
        INSTALLED,
        /** The fetched bundle failed validation; the last good bundle stays installed. */
        INVALID
    }
}
