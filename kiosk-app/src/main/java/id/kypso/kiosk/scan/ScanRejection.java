package id.kypso.kiosk.scan;

/** The reason input from a scanner was dropped instead of being passed on as a scan. */
public enum ScanRejection {
    /** The code stopped before its terminator: a pause mid-scan, a pulled cable. */
    PARTIAL,
    /** The code contains characters no valid scan has, such as control characters. */
    GARBLED,
    /** A prefix is configured and the scan does not start with it. */
    MISSING_PREFIX,
    /** A suffix is configured and the scan does not end with it. */
    MISSING_SUFFIX,
    /** The code is longer than the configured maximum. */
    TOO_LONG
}
