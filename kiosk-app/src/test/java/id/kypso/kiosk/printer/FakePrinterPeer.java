package id.kypso.kiosk.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * The printer end of a byte stream: records every byte and answers DLE EOT n with the status
 * byte a test chooses. It skips the data of GS ( k and GS v 0 as a printer's parser would, so a
 * DLE EOT sequence inside QR or image data is not answered.
 */
public final class FakePrinterPeer implements Runnable {
    /** Status bytes of a ready printer: fixed bits 1 and 4 set, nothing else. */
    public static final int READY = 0x12;

    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicInteger statusRequests = new AtomicInteger();
    private volatile IntUnaryOperator status = type -> READY;
    private volatile boolean silent;

    public FakePrinterPeer(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Sets the status byte sent back for DLE EOT n; the operator maps n (1-4) to it. */
    public void answer(IntUnaryOperator statusByType) {
        this.status = statusByType;
    }

    /** Stops answering status requests, like a printer that is switched off mid-cable. */
    public void goSilent() {
        this.silent = true;
    }

    public int statusRequests() {
        return statusRequests.get();
    }

    public synchronized byte[] received() {
        return received.toByteArray();
    }

    /** Returns the bytes received with every DLE EOT request taken out. */
    public synchronized byte[] ticketBytes() {
        byte[] all = received.toByteArray();
        ByteArrayOutputStream ticket = new ByteArrayOutputStream();
        int i = 0;
        while (i < all.length) {
            if (i + 2 < all.length && all[i] == 0x10 && all[i + 1] == 0x04) {
                i += 3;
                continue;
            }
            ticket.write(all[i++]);
        }
        return ticket.toByteArray();
    }

    @Override
    public void run() {
        try {
            while (true) {
                int value = read();
                if (value == 0x10) {
                    int command = read();
                    if (command == 0x04) {
                        answerStatus(read());
                    }
                } else if (value == 0x1d) {
                    skipGroupSeparatorData(read());
                }
            }
        } catch (IOException e) {
            // The stream ended: the kiosk closed the connection or the pty went away.
        }
    }

    private void skipGroupSeparatorData(int command) throws IOException {
        if (command == '(') {
            if (read() != 'k') {
                return;
            }
            int length = read() | (read() << 8);
            for (int i = 0; i < length; i++) {
                read();
            }
        } else if (command == 'v') {
            read();
            read();
            int widthBytes = read() | (read() << 8);
            int height = read() | (read() << 8);
            for (long i = 0; i < (long) widthBytes * height; i++) {
                read();
            }
        }
    }

    private void answerStatus(int type) throws IOException {
        statusRequests.incrementAndGet();
        if (silent) {
            return;
        }
        out.write(status.applyAsInt(type));
        out.flush();
    }

    private int read() throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new IOException("end of stream");
        }
        synchronized (this) {
            received.write(value);
        }
        return value;
    }
}
