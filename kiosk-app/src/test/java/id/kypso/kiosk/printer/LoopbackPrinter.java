package id.kypso.kiosk.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/** A network printer on a loopback port: each connection is served by a fake printer peer. */
final class LoopbackPrinter implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<FakePrinterPeer> peers = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile IntUnaryOperator status = type -> FakePrinterPeer.READY;
    private volatile boolean silent;
    private final Semaphore accepted = new Semaphore(0);

    LoopbackPrinter() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("loopback-printer").start(this::acceptLoop);
    }

    String spec() {
        return "tcp:127.0.0.1:" + server.getLocalPort();
    }

    void answer(IntUnaryOperator statusByType) {
        status = statusByType;
        peers.forEach(peer -> peer.answer(statusByType));
    }

    void goSilent() {
        silent = true;
        peers.forEach(FakePrinterPeer::goSilent);
    }

    int connectionCount() {
        return connections.size();
    }

    /**
     * Closes every open connection from the printer's side, as an idle timeout would, after
     * waiting until {@code expected} connections were accepted.
     */
    void dropConnections(int expected) throws IOException, InterruptedException {
        if (!awaitConnections(expected)) {
            throw new IllegalStateException("expected " + expected + " connections, got "
                    + connections.size());
        }
        dropConnections();
    }

    /** Waits up to 10 s until {@code expected} connections were accepted in total. */
    boolean awaitConnections(int expected) throws InterruptedException {
        if (!accepted.tryAcquire(expected, 10, TimeUnit.SECONDS)) {
            return false;
        }
        accepted.release(expected);
        return true;
    }

    /** Closes every open connection from the printer's side. */
    void dropConnections() throws IOException {
        for (Socket socket : connections) {
            // While the peer thread is blocked reading, close() defers the real close and its
            // FIN until that read returns. shutdownOutput sends the FIN at once, as a
            // printer's own close would.
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                socket.shutdownOutput();
            }
            socket.close();
        }
    }

    /** Returns the ticket bytes of every connection so far, status requests removed. */
    byte[] ticketBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        peers.forEach(peer -> all.writeBytes(peer.ticketBytes()));
        return all.toByteArray();
    }

    int statusRequests() {
        return peers.stream().mapToInt(FakePrinterPeer::statusRequests).sum();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = server.accept();
                FakePrinterPeer peer = new FakePrinterPeer(socket.getInputStream(),
                        socket.getOutputStream());
                peer.answer(status);
                if (silent) {
                    peer.goSilent();
                }
                connections.add(socket);
                peers.add(peer);
                accepted.release();
                Thread.ofVirtual().start(peer);
            }
        } catch (IOException e) {
            // The server socket was closed by close().
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
