package id.kypso.aggregator.web;

import io.javalin.Javalin;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters by route and status, served at {@code /metrics} in the Prometheus text
 * format, plus gauges supplied by the caller (such as stored records).
 */
public final class Metrics {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

    public void install(Javalin app) {
        app.before(ctx -> ctx.attribute("kypso.started", System.nanoTime()));
        app.after(ctx -> {
            Long started = ctx.attribute("kypso.started");
            String route = route(ctx);
            String key = "method=\"" + ctx.method() + "\",route=\"" + route + "\",status=\""
                    + ctx.statusCode() + "\"";
            requests.computeIfAbsent(key, k -> new LongAdder()).increment();
            if (started != null) {
                nanos.computeIfAbsent(key, k -> new LongAdder())
                        .add(System.nanoTime() - started);
            }
        });
    }

    /** Returns the matched route pattern, so counters do not grow with every NIP or serial. */
    private static String route(io.javalin.http.Context ctx) {
        try {
            String route = ctx.endpointHandlerPath();
            return route == null || route.isEmpty() ? "unmatched" : route;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** Renders every counter and the {@code gauges} in the Prometheus text format. */
    public String render(Map<String, Long> gauges) {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE kypso_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((key, count) -> out.append("kypso_http_requests_total{")
                .append(key).append("} ").append(count.sum()).append('\n'));
        out.append("# TYPE kypso_http_request_seconds_total counter\n");
        new TreeMap<>(nanos).forEach((key, total) -> out
                .append("kypso_http_request_seconds_total{").append(key).append("} ")
                .append(String.format(java.util.Locale.ROOT, "%.6f", total.sum() / 1e9))
                .append('\n'));
        new TreeMap<>(gauges).forEach((name, value) -> out.append("# TYPE ").append(name)
                .append(" gauge\n").append(name).append(' ').append(value).append('\n'));
        return out.toString();
    }
}
