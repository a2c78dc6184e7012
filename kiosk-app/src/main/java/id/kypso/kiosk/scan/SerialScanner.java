package id.kypso.kiosk.scan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads scans from a serial barcode scanner through jssc, 8 data bits, no parity, 1 stop bit.
 * A reader thread polls the port, reassembles scans with a {@link LineAssembler}, and reopens
 * the port with a growing delay when the adapter is unplugged or was never there. Scans and
 * rejections are delivered on the reader thread.
 */
public final class SerialScanner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialScanner.class);

    private final Settings settings;
    private final ScanListener scans;
    private final RejectedScanListener rejected;
    private final Consumer<Boolean> connection;
    private final LongSupplier nanoTime;
    private final ThreadFactory threads;
    private final Object lock = new Object();
    private volatile boolean running;
    private volatile boolean connected;
    private Thread reader;

    /**
     * @param connection receives {@code true} when the port opens and {@code false} when it is lost
     * @param nanoTime a monotonic clock, {@link System#nanoTime} outside tests
     */
    public SerialScanner(Settings settings, ScanListener scans, RejectedScanListener rejected,
            Consumer<Boolean> connection, LongSupplier nanoTime, ThreadFactory threads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scans = scans;
        this.rejected = rejected;
        this.connection = connection;
        this.nanoTime = nanoTime;
        this.threads = threads;
    }

    /** Starts the reader thread; the port opens on that thread. */
    public void start() {
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException("scanner on " + settings.device()
                        + " is already started");
            }
            running = true;
            reader = threads.newThread(this::readLoop);
            reader.start();
        }
        LOG.info("Started serial scanner on {} at {} baud", settings.device(),
                settings.baudRate());
    }

    public boolean isConnected() {
        return connected;
    }

    /** Stops the reader thread and closes the port; waits for the thread to end. */
    @Override
    public void close() throws InterruptedException {
        Thread stopping;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            lock.notifyAll();
            stopping = reader;
        }
        stopping.join();
        LOG.info("Stopped serial scanner on {}", settings.device());
    }

    private void readLoop() {
        LineAssembler assembler = new LineAssembler(settings.framing(),
                settings.partialTimeout().toNanos());
        long delayMillis = settings.reconnectDelay().toMillis();
        int failedOpens = 0;
        while (running) {
            // Open the port, waiting longer after each failure.
            SerialPort port = open(failedOpens);
            if (port == null) {
                failedOpens++;
                pause(delayMillis);
                delayMillis = Math.min(delayMillis * 2, settings.maxReconnectDelay().toMillis());
                continue;
            }
            failedOpens = 0;
            delayMillis = settings.reconnectDelay().toMillis();
            setConnected(true);
            try {
                readUntilLost(port, assembler);
            } finally {
                assembler.reset().ifPresent(this::deliver);
                closeQuietly(port);
                setConnected(false);
            }
        }
    }

    private SerialPort open(int failedOpens) {
        SerialPort port = new SerialPort(settings.device());
        try {
            port.openPort();
            port.setParams(settings.baudRate(), SerialPort.DATABITS_8, SerialPort.STOPBITS_1,
                    SerialPort.PARITY_NONE);
            LOG.info("Opened serial scanner port {}", settings.device());
            return port;
        } catch (SerialPortException e) {
            closeQuietly(port);
            // Say it once loudly; an unplugged scanner would otherwise flood the log.
            if (failedOpens == 0) {
                LOG.warn("Opening serial scanner port {} failed ({}); retrying every {} to {}",
                        settings.device(), e.getExceptionType(), settings.reconnectDelay(),
                        settings.maxReconnectDelay());
            } else {
                LOG.debug("Opening serial scanner port {} failed again (attempt {})",
                        settings.device(), failedOpens + 1);
            }
            return null;
        }
    }

    private void readUntilLost(SerialPort port, LineAssembler assembler) {
        while (running) {
            try {
                int available = port.getInputBufferBytesCount();
                if (available > 0) {
                    byte[] piece = port.readBytes(available);
                    assembler.accept(piece, nanoTime.getAsLong()).forEach(this::deliver);
                    continue;
                }
                assembler.expire(nanoTime.getAsLong()).ifPresent(this::deliver);
            } catch (SerialPortException e) {
                // A port whose device went away fails the next ioctl with an I/O error. Tested
                // with a pty whose other end closed; NOTE: not tried with a real USB adapter.
                LOG.warn("Serial scanner port {} was lost ({}); reconnecting",
                        settings.device(), e.getExceptionType());
                return;
            }
            pause(settings.pollInterval().toMillis());
        }
    }

    private void deliver(ScanFraming.Outcome outcome) {
        try {
            switch (outcome) {
                case ScanFraming.Outcome.Accepted accepted -> scans.onScan(accepted.code());
                case ScanFraming.Outcome.Rejected rejection -> {
                    LOG.info("Rejected serial scan on {}: {} ({})", settings.device(),
                            rejection.reason(), rejection.detail());
                    rejected.onRejected(rejection.reason(), rejection.detail());
                }
            }
        } catch (RuntimeException e) {
            // A failing listener must not stop the scanner.
            LOG.error("Scan listener for {} failed", settings.device(), e);
        }
    }

    private void setConnected(boolean now) {
        if (connected == now) {
            return;
        }
        connected = now;
        try {
            connection.accept(now);
        } catch (RuntimeException e) {
            LOG.error("Connection listener for {} failed", settings.device(), e);
        }
    }

    /** Waits up to {@code millis}, returning early when the scanner is closed. */
    private void pause(long millis) {
        synchronized (lock) {
            if (!running) {
                return;
            }
            try {
                lock.wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException e) {
            LOG.debug("Closing serial port {} failed: {}", port.getPortName(),
                    e.getExceptionType());
        }
    }

    /**
     * Serial scanner settings.
     *
     * @param pollInterval how long the reader waits between checks of an idle port
     * @param partialTimeout how long an unfinished scan may wait for more bytes
     * @param reconnectDelay the first wait after a failed open; doubles up to the maximum
     */
    public record Settings(
            String device,
            int baudRate,
            ScanFraming framing,
            Duration pollInterval,
            Duration partialTimeout,
            Duration reconnectDelay,
            Duration maxReconnectDelay) {

        public Settings {
            for (Duration duration : List.of(pollInterval, partialTimeout, reconnectDelay,
                    maxReconnectDelay)) {
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("serial scanner durations must be"
                            + " positive: " + duration);
                }
            }
            if (baudRate < 300 || baudRate > 921_600) {
                throw new IllegalArgumentException("serial baud rate must be 300-921600: "
                        + baudRate);
            }
        }

        /** 20 ms polling, 500 ms partial timeout, reconnecting after 1 s growing to 30 s. */
        public static Settings of(String device, int baudRate, ScanFraming framing) {
            return new Settings(device, baudRate, framing, Duration.ofMillis(20),
                    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30));
        }

        /**
         * Reads {@code scanner.serial.port} and {@code scanner.serial.baud} (default 9600) and
         * the {@link ScanFraming#fromProperties framing}; empty when no serial port is set.
         */
        public static Optional<Settings> fromProperties(Properties properties) {
            String port = properties.getProperty("scanner.serial.port", "").trim();
            if (port.isEmpty()) {
                return Optional.empty();
            }
            String baud = properties.getProperty("scanner.serial.baud", "9600").trim();
            try {
                return Optional.of(of(port, Integer.parseInt(baud),
                        ScanFraming.fromProperties(properties)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scanner.serial.baud must be a whole number: "
                        + baud, e);
            }
        }

        public Settings withReconnectDelays(Duration first, Duration max) {
            return new Settings(device, baudRate, framing, pollInterval, partialTimeout, first,
                    max);
        }
    }
}
