package id.kypso.kiosk.scan;

/** Receives complete scans from a scanner source, on the source's own thread. */
@FunctionalInterface
public interface ScanListener {

    /** Called once per complete scan, with prefix, suffix and terminator removed. */
    void onScan(String text);
}
