package id.kypso.provisioning.device;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import jssc.SerialPort;
import jssc.SerialPortException;

/** Sends raw bytes (ESC/POS) to a printer named by a {@link DeviceSpec}. */
public final class PrinterOutput {

    private PrinterOutput() {
    }

    /**
     * Writes {@code bytes} to the printer and returns once they are handed over.
     *
     * @throws IOException naming the device and the cause
     */
    public static void send(DeviceSpec spec, byte[] bytes, Duration timeout) throws IOException {
        switch (spec) {
            case DeviceSpec.File file -> {
                try (OutputStream out = Files.newOutputStream(file.path(),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    out.write(bytes);
                    out.flush();
                }
            }
            case DeviceSpec.Tcp tcp -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(tcp.host(), tcp.port()),
                            (int) timeout.toMillis());
                    socket.setSoTimeout((int) timeout.toMillis());
                    OutputStream out = socket.getOutputStream();
                    out.write(bytes);
                    out.flush();
                }
            }
            case DeviceSpec.Serial serial -> sendSerial(serial, bytes);
            case DeviceSpec.Stdin stdin -> throw new IOException("a printer cannot be stdin;"
                    + " use file:, serial: or tcp:");
        }
    }

    private static void sendSerial(DeviceSpec.Serial serial, byte[] bytes) throws IOException {
        SerialPort port = new SerialPort(serial.path().toString());
        try {
            port.openPort();
            port.setParams(serial.baud(), SerialPort.DATABITS_8, SerialPort.STOPBITS_1,
                    SerialPort.PARITY_NONE);
            if (!port.writeBytes(bytes)) {
                throw new IOException("serial write to " + serial.path() + " failed");
            }
        } catch (SerialPortException e) {
            throw new IOException("serial port " + serial.path() + ": "
                    + e.getExceptionType(), e);
        } finally {
            closeQuietly(port);
        }
    }

    static void closeQuietly(SerialPort port) {
        if (port.isOpened()) {
            try {
                port.closePort();
            } catch (SerialPortException e) {
                // Closing after a failure; the failure itself is what gets reported.
            }
        }
    }
}
