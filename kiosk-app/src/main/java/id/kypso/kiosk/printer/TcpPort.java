package id.kypso.kiosk.printer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw TCP connection to a network printer, usually port 9100. The connection stays open
 * between tickets and is reopened when the printer closed it while idle.
 */
final class TcpPort implements PrinterPort {
    private static final Logger LOG = LoggerFactory.getLogger(TcpPort.class);

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private Socket socket;

    TcpPort(String host, int port, Duration connectTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public String name() {
        return "tcp:" + host + ":" + port;
    }

    @Override
    public boolean canReadStatus() {
        return true;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        Socket open = open();
        open.getOutputStream().write(bytes);
        open.getOutputStream().flush();
    }

    @Override
    public synchronized int read(Duration timeout) throws IOException {
        Socket open = open();
        open.setSoTimeout(Math.max(1, (int) timeout.toMillis()));
        try {
            int value = open.getInputStream().read();
            if (value < 0) {
                throw new IOException("printer " + name() + " closed the connection");
            }
            return value;
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    @Override
    public synchronized void discardInput() throws IOException {
        if (socket == null) {
            return;
        }
        InputStream in = socket.getInputStream();
        while (in.available() > 0) {
            if (in.read() < 0) {
                return;
            }
        }
    }

    @Override
    public synchronized boolean closeIfStale() {
        if (socket == null) {
            return false;
        }

        // A read that sees the end of the stream at once means the printer hung up; a
        // timeout means the connection is still there. Bytes that arrived unasked are dropped.
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    LOG.info("Printer {} closed the idle connection; reconnecting", name());
                    close();
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            LOG.info("Idle connection to printer {} is broken ({}); reconnecting", name(),
                    e.toString());
            close();
            return true;
        }
    }

    @Override
    public synchronized void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing printer connection {} failed: {}", name(), e.toString());
        }
        socket = null;
    }

    private Socket open() throws IOException {
        if (socket != null) {
            return socket;
        }
        Socket fresh = new Socket();
        try {
            fresh.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            fresh.setTcpNoDelay(true);
        } catch (IOException e) {
            fresh.close();
            throw e;
        }
        LOG.info("Connected to printer {}", name());
        socket = fresh;
        return fresh;
    }
}
