package id.kypso.kiosk.scan;

/**
 * Receives input that looked like a scan but was rejected, so the screen can ask the citizen
 * to scan again. {@code detail} is for logs and never contains the scanned text.
 */
@FunctionalInterface
public interface RejectedScanListener {

    void onRejected(ScanRejection reason, String detail);
}
