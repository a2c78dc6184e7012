package id.kypso.kiosk.scan;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reassembles scans from serial data that arrives in arbitrary pieces. A scan ends at CR, LF or
 * CRLF (a CRLF split across two pieces still counts once). Bytes are UTF-8; a line that is not
 * valid UTF-8, runs longer than the framing allows, or sits unfinished for longer than the
 * partial timeout is rejected.
 */
final class LineAssembler {
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final ScanFraming framing;
    private final long partialTimeoutNanos;
    private final int maxLineBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean afterCr;
    private boolean overflowed;
    private long lastByteNanos;

    LineAssembler(ScanFraming framing, long partialTimeoutNanos) {
        this.framing = framing;
        this.partialTimeoutNanos = partialTimeoutNanos;
        // UTF-8 takes at most 4 bytes per character.
        this.maxLineBytes = 4 * (framing.maxLength() + framing.prefix().length()
                + framing.suffix().length());
    }

    /** Adds one piece of data received at {@code nowNanos}; returns the scans it completed. */
    List<ScanFraming.Outcome> accept(byte[] piece, long nowNanos) {
        List<ScanFraming.Outcome> outcomes = new ArrayList<>();
        expire(nowNanos).ifPresent(outcomes::add);
        for (byte value : piece) {
            int b = value & 0xff;
            if (b == LF && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == CR;
            if (b == CR || b == LF) {
                finishLine().ifPresent(outcomes::add);
                continue;
            }
            if (pending.size() >= maxLineBytes) {
                overflowed = true;
                continue;
            }
            pending.write(b);
        }
        lastByteNanos = nowNanos;
        return outcomes;
    }

    /** Rejects an unfinished line that has waited longer than the partial timeout. */
    Optional<ScanFraming.Outcome> expire(long nowNanos) {
        if (!hasPending() || nowNanos - lastByteNanos <= partialTimeoutNanos) {
            return Optional.empty();
        }
        return reset();
    }

    /** Drops an unfinished line, as when the port goes away; returns its rejection. */
    Optional<ScanFraming.Outcome> reset() {
        boolean had = hasPending();
        int size = pending.size();
        pending.reset();
        overflowed = false;
        afterCr = false;
        if (!had) {
            return Optional.empty();
        }
        return Optional.of(new ScanFraming.Outcome.Rejected(ScanRejection.PARTIAL,
                "serial scan of " + size + " bytes stopped without a terminator"));
    }

    private boolean hasPending() {
        return pending.size() > 0 || overflowed;
    }

    private Optional<ScanFraming.Outcome> finishLine() {
        byte[] line = pending.toByteArray();
        boolean tooLong = overflowed;
        pending.reset();
        overflowed = false;

        // Blank lines come from CR CR or LF LF pairs and are not scans.
        if (tooLong) {
            return Optional.of(new ScanFraming.Outcome.Rejected(ScanRejection.TOO_LONG,
                    "serial scan longer than " + maxLineBytes + " bytes"));
        }
        if (line.length == 0) {
            return Optional.empty();
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(framing.unwrap(utf8.decode(ByteBuffer.wrap(line)).toString()));
        } catch (CharacterCodingException e) {
            return Optional.of(new ScanFraming.Outcome.Rejected(ScanRejection.GARBLED,
                    "serial scan of " + line.length + " bytes is not valid UTF-8"));
        }
    }
}
