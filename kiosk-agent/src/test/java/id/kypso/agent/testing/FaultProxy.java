package id.kypso.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An HTTP/1.1 proxy on loopback that injects network faults between the agent and an
 * aggregator, one fault per request. It parses just enough HTTP (Content-Length and chunked
 * bodies) to know where each request and response ends, so a fault can strike before the
 * aggregator sees a request or after it has stored it.
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does to one request. */
    public enum Fault {
        /** Forward the request and its response unchanged. */
        PASS,
        /** Wait 300 ms, then forward. */
        DELAY,
        /** Reset the connection before the request reaches the aggregator. */
        RESET_BEFORE_FORWARD,
        /** Forward part of the request body to the aggregator, then reset both sides. */
        RESET_MID_REQUEST,
        /** Forward the request, then close without a response: the aggregator has stored it. */
        DROP_RESPONSE,
        /** Forward the request, send half the response, then reset. */
        RESET_MID_RESPONSE,
        /** Forward the request, then send the response one byte every 5 ms. */
        SLOW_DRIP,
        /** Return 502 from the proxy, as a reverse proxy does when its upstream is down. */
        PROXY_502,
        /** Forward the request, then replace the response with a 503 problem. */
        SERVER_503_AFTER_STORE,
        /** Return 200 with a captive portal's HTML login page, without forwarding. */
        LOGIN_PAGE,
        /** Forward the request, then return 200 with a login page instead. */
        LOGIN_PAGE_AFTER_STORE,
        /** Return a redirect to a login page, without forwarding. */
        REDIRECT
    }

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Supplier<Fault> faults;
    private final Map<Fault, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean closed;

    private FaultProxy(ServerSocket listener, int upstreamPort, Supplier<Fault> faults) {
        this.listener = listener;
        this.upstreamPort = upstreamPort;
        this.faults = faults;
    }

    /** Starts on a free loopback port in front of {@code upstreamPort}. */
    public static FaultProxy start(int upstreamPort, Supplier<Fault> faults) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FaultProxy proxy = new FaultProxy(listener, upstreamPort, faults);
        Thread.ofVirtual().name("fault-proxy-accept").start(proxy::acceptLoop);
        return proxy;
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Returns how often each fault struck so far. */
    public Map<Fault, Integer> counts() {
        Map<Fault, Integer> copy = new java.util.EnumMap<>(Fault.class);
        counts.forEach((fault, count) -> copy.put(fault, count.get()));
        return copy;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                synchronized (sockets) {
                    sockets.add(client);
                }
                Thread.ofVirtual().name("fault-proxy-conn").start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try (client) {
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            while (true) {
                byte[] request;
                try {
                    request = readMessage(fromClient, false, null);
                } catch (EOFException e) {
                    return;
                }
                Fault fault = faults.get();
                counts.computeIfAbsent(fault, key -> new AtomicInteger()).incrementAndGet();
                switch (fault) {
                    case RESET_BEFORE_FORWARD -> {
                        reset(client);
                        return;
                    }
                    case PROXY_502 -> {
                        toClient.write(plainResponse(502, "Bad Gateway", "text/html",
                                "<html><body>502 Bad Gateway</body></html>", null));
                        continue;
                    }
                    case LOGIN_PAGE -> {
                        toClient.write(loginPage());
                        continue;
                    }
                    case REDIRECT -> {
                        toClient.write(plainResponse(302, "Found", "text/html", "",
                                "Location: http://portal.invalid/login\r\n"));
                        continue;
                    }
                    default -> {
                    }
                }

                if (upstream == null || upstream.isClosed()) {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                    synchronized (sockets) {
                        sockets.add(upstream);
                    }
                }
                if (fault == Fault.DELAY) {
                    Thread.sleep(300);
                }
                if (fault == Fault.RESET_MID_REQUEST) {
                    upstream.getOutputStream().write(request, 0, request.length / 2 + 1);
                    upstream.getOutputStream().flush();
                    reset(upstream);
                    reset(client);
                    return;
                }
                upstream.getOutputStream().write(request);
                upstream.getOutputStream().flush();
                String method = new String(request, 0, Math.min(8, request.length),
                        StandardCharsets.US_ASCII);
                byte[] response = readMessage(upstream.getInputStream(), true, method);

                switch (fault) {
                    case DROP_RESPONSE -> {
                        upstream.close();
                        return;
                    }
                    case RESET_MID_RESPONSE -> {
                        toClient.write(response, 0, response.length / 2);
                        toClient.flush();
                        upstream.close();
                        reset(client);
                        return;
                    }
                    case SLOW_DRIP -> {
                        for (byte b : response) {
                            toClient.write(b);
                            toClient.flush();
                            Thread.sleep(5);
                        }
                    }
                    case SERVER_503_AFTER_STORE -> toClient.write(plainResponse(503,
                            "Service Unavailable", "application/problem+json",
                            "{\"title\":\"overloaded\",\"status\":503}",
                            "Kypso-Protocol: 1\r\n"));
                    case LOGIN_PAGE_AFTER_STORE -> toClient.write(loginPage());
                    default -> toClient.write(response);
                }
                toClient.flush();
            }
        } catch (IOException e) {
            // The agent gave up on the connection (its call timeout) or a fault closed it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (upstream != null) {
                try {
                    upstream.close();
                } catch (IOException e) {
                    // Closing a socket that is gone already.
                }
            }
        }
    }

    private static byte[] loginPage() {
        return plainResponse(200, "OK", "text/html",
                "<html><head><title>Login WiFi</title></head><body><form>Masuk</form></body>"
                        + "</html>", null);
    }

    private static byte[] plainResponse(int status, String reason, String type, String body,
            String extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + bytes.length + "\r\n"
                + (extraHeaders == null ? "" : extraHeaders) + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private static void reset(Socket socket) throws IOException {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed.
        }
        socket.close();
    }

    /**
     * Reads one HTTP message (head and body) as raw bytes.
     *
     * @param requestMethod for a response, the start of the request line, because a response to
     *     HEAD has no body
     */
    static byte[] readMessage(InputStream in, boolean isResponse, String requestMethod)
            throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(in, message);
            if (line.isEmpty()) {
                break;
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new EOFException("empty message");
        }
        long length = -1;
        boolean chunked = false;
        for (String header : lines.subList(1, lines.size())) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (isResponse) {
            int status = Integer.parseInt(lines.getFirst().split(" ")[1]);
            if (status == 204 || status == 304 || status / 100 == 1
                    || (requestMethod != null && requestMethod.startsWith("HEAD"))) {
                return message.toByteArray();
            }
        }
        if (chunked) {
            while (true) {
                String sizeLine = readLine(in, message);
                int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                if (size == 0) {
                    while (!readLine(in, message).isEmpty()) {
                        // Trailer fields end with an empty line.
                    }
                    break;
                }
                message.writeBytes(in.readNBytes(size));
                readLine(in, message);
            }
        } else if (length >= 0) {
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("body ended after " + body.length + " of " + length);
            }
            message.writeBytes(body);
        } else if (isResponse) {
            message.writeBytes(in.readAllBytes());
        }
        return message.toByteArray();
    }

    private static String readLine(InputStream in, ByteArrayOutputStream copy)
            throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a message");
            }
            copy.write(b);
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
