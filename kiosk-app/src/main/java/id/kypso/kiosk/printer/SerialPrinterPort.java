package id.kypso.kiosk.printer;

import java.io.IOException;
import java.time.Duration;
import jssc.SerialPort;
import jssc.SerialPortException;
import jssc.SerialPortTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A printer on a serial port (RS-232 or a USB serial adapter), 8 data bits, no parity, one
 * stop bit, with the profile's flow control, through jssc. The port stays open between
 * tickets and is reopened after an error.
 */
final class SerialPrinterPort implements PrinterPort {
    private static final Logger LOG = LoggerFactory.getLogger(SerialPrinterPort.class);

    private final String device;
    private final int baudRate;
    private final PrinterProfile.FlowControl flowControl;
    private SerialPort port;

    SerialPrinterPort(String device, int baudRate, PrinterProfile.FlowControl flowControl) {
        this.device = device;
        this.baudRate = baudRate;
        this.flowControl = flowControl;
    }

    @Override
    public String name() {
        return "serial:" + device + ":" + baudRate;
    }

    @Override
    public boolean canReadStatus() {
        return true;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        SerialPort open = open();
        try {
            if (!open.writeBytes(bytes)) {
                throw new IOException("writing " + bytes.length + " bytes to " + name()
                        + " failed");
            }
        } catch (SerialPortException e) {
            close();
            throw new IOException("writing to printer " + name() + " failed", e);
        }
    }

    @Override
    public synchronized int read(Duration timeout) throws IOException {
        SerialPort open = open();
        try {
            byte[] one = open.readBytes(1, Math.max(1, (int) timeout.toMillis()));
            return one[0] & 0xff;
        } catch (SerialPortTimeoutException e) {
            return -1;
        } catch (SerialPortException e) {
            close();
            throw new IOException("reading from printer " + name() + " failed", e);
        }
    }

    @Override
    public synchronized void discardInput() throws IOException {
        if (port == null) {
            return;
        }
        try {
            while (port.getInputBufferBytesCount() > 0) {
                port.readBytes();
            }
        } catch (SerialPortException e) {
            close();
            throw new IOException("reading from printer " + name() + " failed", e);
        }
    }

    @Override
    public boolean closeIfStale() {
        // A serial line has no connection state to probe; errors close the port instead.
        return false;
    }

    @Override
    public synchronized void close() {
        if (port == null) {
            return;
        }
        try {
            port.closePort();
        } catch (SerialPortException e) {
            LOG.debug("Closing printer port {} failed: {}", name(), e.toString());
        }
        port = null;
    }

    private SerialPort open() throws IOException {
        if (port != null) {
            return port;
        }
        SerialPort fresh = new SerialPort(device);
        try {
            fresh.openPort();
            fresh.setParams(baudRate, SerialPort.DATABITS_8, SerialPort.STOPBITS_1,
                    SerialPort.PARITY_NONE);
            fresh.setFlowControlMode(switch (flowControl) {
                case NONE -> SerialPort.FLOWCONTROL_NONE;
                case RTS_CTS -> SerialPort.FLOWCONTROL_RTSCTS_IN
                        | SerialPort.FLOWCONTROL_RTSCTS_OUT;
                case XON_XOFF -> SerialPort.FLOWCONTROL_XONXOFF_OUT;
            });
        } catch (SerialPortException e) {
            try {
                if (fresh.isOpened()) {
                    fresh.closePort();
                }
            } catch (SerialPortException closing) {
                e.addSuppressed(closing);
            }
            throw new IOException("opening printer port " + name() + " failed", e);
        }
        LOG.info("Opened printer port {}", name());
        port = fresh;
        return fresh;
    }
}
