package id.kypso.agent.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.kypso.core.sync.SyncJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP endpoint on the loopback interface only: {@code GET /status} returns
 * {@link AgentStatus} as JSON ({@code ?lang=en} for an English message), and
 * {@code POST /sync} requests a sync cycle now, for the app to call after a survey.
 */
public final class StatusServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<Locale, AgentStatus> status;
    private final Runnable syncNow;
    private final java.util.function.BooleanSupplier lightTest;
    private final ObjectMapper json = SyncJson.newMapper();

    private StatusServer(HttpServer server, ExecutorService executor,
            Function<Locale, AgentStatus> status, Runnable syncNow,
            java.util.function.BooleanSupplier lightTest) {
        this.server = server;
        this.executor = executor;
        this.status = status;
        this.syncNow = syncNow;
        this.lightTest = lightTest;
    }

    /**
     * Starts the endpoint on {@code port} of the loopback address; 0 picks a free port.
     *
     * @throws IOException when the port is taken
     */
    public static StatusServer start(int port, Function<Locale, AgentStatus> status,
            Runnable syncNow) throws IOException {
        return start(port, status, syncNow, () -> false);
    }

    /**
     * Starts the endpoint with {@code POST /light-test}, which runs {@code lightTest}: it
     * starts the status light's test pattern and returns whether the kiosk has a light.
     */
    public static StatusServer start(int port, Function<Locale, AgentStatus> status,
            Runnable syncNow, java.util.function.BooleanSupplier lightTest) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agent-status");
            thread.setDaemon(true);
            return thread;
        });
        StatusServer statusServer = new StatusServer(server, executor, status, syncNow,
                lightTest);
        server.createContext("/", statusServer::handle);
        server.setExecutor(executor);
        server.start();
        log.info("Status endpoint listening on http://{}:{}",
                statusServer.address().getHostString(), statusServer.address().getPort());
        return statusServer;
    }

    public InetSocketAddress address() {
        InetSocketAddress bound = server.getAddress();
        return new InetSocketAddress(bound.getAddress().getHostAddress(), bound.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/status") && method.equals("GET")) {
                Locale locale = "en".equals(queryValue(exchange, "lang"))
                        ? Locale.ENGLISH : Locale.of("id");
                byte[] body;
                try {
                    body = json.writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(status.apply(locale));
                } catch (RuntimeException e) {
                    log.error("Cannot build the agent status", e);
                    respond(exchange, 500, "{\"error\":\"status unavailable, see the agent log\"}"
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                respond(exchange, 200, body);
            } else if (path.equals("/sync") && method.equals("POST")) {
                syncNow.run();
                respond(exchange, 202, "{\"requested\":true}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/light-test") && method.equals("POST")) {
                boolean light = lightTest.getAsBoolean();
                respond(exchange, 200, ("{\"light\":" + light + "}")
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 404, "{\"error\":\"not found; use GET /status or POST /sync\"}"
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String queryValue(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.info("Status endpoint stopped");
    }
}
