package id.kypso.kiosk.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

/** A network printer on a loopback port: each connection is served by a fake printer peer. */
final class LoopbackPrinter implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<FakePrinterPeer> peers = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile IntUnaryOperator status = type -> FakePrinterPeer.READY;
    private volatile boolean silent;

    LoopbackPrinter() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
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

    /** Closes every open connection from the printer's side, as an idle timeout would. */
    void dropConnections() throws IOException {
        for (Socket socket : connections) {
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
