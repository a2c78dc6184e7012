package id.kypso.provisioning.device;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jssc.SerialPort;
import jssc.SerialPortException;
import jssc.SerialPortTimeoutException;

/**
 * Waits for one scan from a scanner named by a {@link DeviceSpec}: a line ended by CR or LF,
 * as keyboard-wedge and serial barcode scanners send.
 */
public final class ScannerInput {
    private static final int MAX_SCAN_LENGTH = 4096;

    private ScannerInput() {
    }

    /**
     * Returns the next scan without its terminator, or empty when none came within
     * {@code timeout}.
     *
     * @param stdin the operator's input, used for {@link DeviceSpec.Stdin}
     * @throws IOException naming the device and the cause
     */
    public static Optional<String> readOne(DeviceSpec spec, BufferedReader stdin,
            Duration timeout) throws IOException {
        return switch (spec) {
            case DeviceSpec.Stdin ignored -> withTimeout(stdin::readLine, timeout);
            case DeviceSpec.File file -> withTimeout(() -> {
                try (InputStream in = Files.newInputStream(file.path())) {
                    return readLine(in);
                }
            }, timeout);
            case DeviceSpec.Serial serial -> readSerial(serial, timeout);
            case DeviceSpec.Tcp tcp -> throw new IOException("a scanner cannot be tcp:;"
                    + " use stdin, file: or serial:");
        };
    }

    private static Optional<String> readSerial(DeviceSpec.Serial serial, Duration timeout)
            throws IOException {
        SerialPort port = new SerialPort(serial.path().toString());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            port.openPort();
            port.setParams(serial.baud(), SerialPort.DATABITS_8, SerialPort.STOPBITS_1,
                    SerialPort.PARITY_NONE);
            StringBuilder line = new StringBuilder();
            while (line.length() < MAX_SCAN_LENGTH) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return Optional.empty();
                }
                byte[] next = port.readBytes(1, (int) Math.min(remaining, Integer.MAX_VALUE));
                char c = (char) (next[0] & 0xFF);
                if (c == '\r' || c == '\n') {
                    if (!line.isEmpty()) {
                        return Optional.of(line.toString());
                    }
                } else {
                    line.append(c);
                }
            }
            throw new IOException("no line end after " + MAX_SCAN_LENGTH + " characters from "
                    + serial.path() + "; set the scanner to send CR or LF after each scan");
        } catch (SerialPortTimeoutException e) {
            return Optional.empty();
        } catch (SerialPortException e) {
            throw new IOException("serial port " + serial.path() + ": "
                    + e.getExceptionType(), e);
        } finally {
            PrinterOutput.closeQuietly(port);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && line.length() < MAX_SCAN_LENGTH) {
            if (b == '\r' || b == '\n') {
                if (!line.isEmpty()) {
                    return line.toString();
                }
            } else {
                line.append((char) b);
            }
        }
        return line.isEmpty() ? null : line.toString();
    }

    private interface LineSource {
        String read() throws IOException;
    }

    // Blocking reads from stdin or a device file cannot be given a timeout directly, so the
    // read runs on a daemon thread that is abandoned when the time is up.
    private static Optional<String> withTimeout(LineSource source, Duration timeout)
            throws IOException {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scanner-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<String> line = executor.submit(source::read);
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return text == null || text.isBlank() ? Optional.empty()
                    : Optional.of(text.strip());
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            executor.shutdownNow();
        }
    }
}
