package id.kypso.kiosk.printer;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/** A byte channel to one printer: a file or device file, a TCP socket or a serial port. */
interface PrinterPort extends Closeable {

    /** Returns where the bytes go, for logs: {@code tcp:10.1.2.3:9100}. */
    String name();

    /** Whether the other end can answer DLE EOT status requests. */
    boolean canReadStatus();

    /** Writes all of {@code bytes}, opening the channel first if it is closed. */
    void write(byte[] bytes) throws IOException;

    /**
     * Reads one byte, waiting at most {@code timeout}; returns -1 when none arrived in time.
     * Throws when the channel is closed or broken.
     */
    int read(Duration timeout) throws IOException;

    /** Drops bytes that arrived unasked, so the next read answers the next request. */
    void discardInput() throws IOException;

    /**
     * Closes the channel if the other end closed it while idle, so the next write reopens it.
     * Returns whether it did.
     */
    boolean closeIfStale() throws IOException;

    /** Closes the channel; the next write reopens it. */
    @Override
    void close();
}
