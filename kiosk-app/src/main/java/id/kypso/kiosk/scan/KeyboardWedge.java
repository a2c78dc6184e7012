package id.kypso.kiosk.scan;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a USB keyboard-wedge scanner from a person at a keyboard. A scanner types a whole code
 * within a few milliseconds per key and ends it with Enter; a person leaves far longer gaps.
 * The UI feeds every typed character with the time it arrived; the wedge keeps characters
 * until it can tell, then passes a complete scan to the {@link ScanListener}, hands human
 * typing back through the typed-text consumer, and rejects bursts that stop without Enter or
 * break the {@link ScanFraming}.
 *
 * <p>Not thread-safe: call it from one thread, the JavaFX application thread in the app.
 */
public final class KeyboardWedge {
    private static final Logger LOG = LoggerFactory.getLogger(KeyboardWedge.class);

    /**
     * The longest gap between keys of one scan. An estimate, not measured here: USB HID
     * scanners send a key every few milliseconds, and people rarely type faster than 60 ms.
     */
    public static final Duration DEFAULT_MAX_GAP = Duration.ofMillis(40);
    /** Fewer fast keys than this before Enter are taken as typing, not as a scan. */
    public static final int DEFAULT_MIN_SCAN_LENGTH = 4;

    private final ScanFraming framing;
    private final long maxGapNanos;
    private final int minScanLength;
    private final ScanListener scans;
    private final Consumer<String> typed;
    private final RejectedScanListener rejected;

    private final StringBuilder pending = new StringBuilder();
    private long lastKeyNanos;
    private boolean pendingIsBurst;
    private boolean scanJustEnded;

    public KeyboardWedge(ScanFraming framing, Duration maxGap, int minScanLength,
            ScanListener scans, Consumer<String> typed, RejectedScanListener rejected) {
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("maximum key gap must be positive: " + maxGap);
        }
        if (minScanLength < 1) {
            throw new IllegalArgumentException("minimum scan length must be positive: "
                    + minScanLength);
        }
        this.framing = framing;
        this.maxGapNanos = maxGap.toNanos();
        this.minScanLength = minScanLength;
        this.scans = scans;
        this.typed = typed;
        this.rejected = rejected;
    }

    /**
     * Feeds one typed character; {@code timestampNanos} is a monotonic time such as
     * {@link System#nanoTime()} read when the key event arrived. Enter is '\r' or '\n'.
     */
    public void keyTyped(char character, long timestampNanos) {
        // A gap longer than a scanner leaves ends whatever was pending.
        if (!pending.isEmpty() && timestampNanos - lastKeyNanos > maxGapNanos) {
            settleAfterGap();
        }

        boolean enter = character == '\r' || character == '\n';
        if (enter) {
            finishWithEnter(timestampNanos);
            return;
        }
        if (!pending.isEmpty() && timestampNanos - lastKeyNanos <= maxGapNanos) {
            pendingIsBurst = true;
        }
        scanJustEnded = false;
        pending.append(character);
        lastKeyNanos = timestampNanos;
    }

    /**
     * Settles pending characters once no key came for longer than the maximum gap. Call it
     * from a UI timer, so typed text appears without waiting for the next key.
     */
    public void poll(long nowNanos) {
        if (!pending.isEmpty() && nowNanos - lastKeyNanos > maxGapNanos) {
            settleAfterGap();
        }
    }

    private void finishWithEnter(long timestampNanos) {
        // A scanner that ends codes with CR LF sends a second Enter right after the first.
        boolean fast = timestampNanos - lastKeyNanos <= maxGapNanos;
        if (pending.isEmpty() && scanJustEnded && fast) {
            scanJustEnded = false;
            return;
        }
        scanJustEnded = false;

        // An Enter on its own, or after slow typing, belongs to the person at the keyboard.
        if (pending.isEmpty() || !fast || !pendingIsBurst || pending.length() < minScanLength) {
            String text = pending.toString();
            clear();
            typed.accept(text + "\n");
            return;
        }

        String raw = pending.toString();
        clear();
        scanJustEnded = true;
        lastKeyNanos = timestampNanos;
        switch (framing.unwrap(raw)) {
            case ScanFraming.Outcome.Accepted accepted -> scans.onScan(accepted.code());
            case ScanFraming.Outcome.Rejected rejection ->
                    reject(rejection.reason(), rejection.detail());
        }
    }

    /** Pending input ended by a pause: a person's typing, or a scan that broke off. */
    private void settleAfterGap() {
        String text = pending.toString();
        boolean burst = pendingIsBurst && text.length() >= minScanLength;
        clear();
        if (burst) {
            reject(ScanRejection.PARTIAL, "scanner burst of " + text.length()
                    + " characters stopped without Enter");
            return;
        }
        typed.accept(text);
    }

    private void reject(ScanRejection reason, String detail) {
        LOG.info("Rejected keyboard scan: {} ({})", reason, detail);
        rejected.onRejected(reason, detail);
    }

    private void clear() {
        pending.setLength(0);
        pendingIsBurst = false;
    }
}
