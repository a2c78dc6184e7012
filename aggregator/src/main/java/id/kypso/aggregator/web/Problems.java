package id.kypso.aggregator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.aggregator.store.StoreException;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes JSON and problem answers, and maps every failure of a request to
 * {@code application/problem+json} so no client ever sees a stack trace.
 */
public final class Problems {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final ObjectMapper MAPPER = SyncJson.newMapper()
            .registerModule(FastInstants.module());

    private Problems() {
    }

    /** Returns the one wire mapper, configured as every module expects. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Installs the protocol header on every answer and the problem mapping. */
    public static void install(Javalin app) {
        app.before(ctx -> {
            ctx.header(SyncHeaders.PROTOCOL, "1");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            // Pages have no script; inline styles and SVG are their only embedded content.
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline';"
                    + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'");
        });
        app.exception(ProblemException.class, (e, ctx) -> send(ctx, e));
        app.exception(HttpResponseException.class, (e, ctx) -> send(ctx,
                new ProblemException(e.getStatus(), slug(e.getStatus()), title(e.getStatus()),
                        e.getMessage())));
        app.exception(StoreException.class, (e, ctx) -> {
            // Busy or unreachable storage is worth a retry; the kiosk keeps its records.
            log.warn("Request {} {} failed in the database: {}", ctx.method(), ctx.path(),
                    e.getMessage());
            send(ctx, new ProblemException(503, "storage-unavailable", "Service unavailable",
                    "the database did not complete the request; retry later")
                    .with("retryAfterSeconds", 10));
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, new ProblemException(500, "internal", "Internal server error",
                    "the server failed to handle the request; the error is in its log"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, ProblemException.notFound("no resource at " + ctx.path()));
            }
        });
    }

    public static void send(Context ctx, ProblemException problem) {
        if (isPage(ctx)) {
            sendPage(ctx, problem);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.putAll(problem.extensions());
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Kypso-Signature");
        }
        Object retryAfter = problem.extensions().get("retryAfterSeconds");
        if (retryAfter != null) {
            ctx.header("Retry-After", retryAfter.toString());
        }
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(write(body));
    }

    /** Returns whether the request is for a web page rather than the API or a download. */
    private static boolean isPage(Context ctx) {
        String path = ctx.path();
        return !path.startsWith("/api/") && !path.startsWith("/open-data/")
                && !path.equals("/health") && !path.equals("/metrics")
                && !path.endsWith(".csv") && !path.endsWith(".pdf");
    }

    /** Shows a failed page request as a page, in the visitor's language, without internals. */
    private static void sendPage(Context ctx, ProblemException problem) {
        Messages messages = Messages.of(ctx.queryParam("lang"));
        String text = switch (problem.status()) {
            case 403 -> messages.get("error.forbidden");
            case 404 -> messages.get("error.notFound");
            case 400 -> messages.get("error.badRequest", problem.getMessage());
            default -> messages.get("error.title");
        };
        String page = Html.page(messages, messages.get("error.title"), "<p class=\"error\">"
                + Html.escape(text) + "</p>", ctx.path() + (messages.language().equals("en")
                        ? "" : "?lang=en"), null, null);
        ctx.status(problem.status()).contentType("text/html; charset=utf-8").result(page);
    }

    /** Writes {@code value} as the JSON body with status 200. */
    public static void json(Context ctx, Object value) {
        ctx.status(200).contentType("application/json").result(write(value));
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body cannot be written as JSON: "
                    + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads the request body strictly as {@code type}, or fails with 400 naming the error. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ProblemException.badRequest("request body is empty, expected "
                    + type.getSimpleName() + " JSON");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ProblemException.badRequest("request body is null, expected "
                        + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "bad-json", "Bad JSON", "request body is not a valid "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("request body cannot be read: " + e.getMessage());
        }
    }

    private static String slug(int status) {
        return switch (status) {
            case 413 -> "body-too-large";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            default -> "http-" + status;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Content too large";
            default -> "HTTP " + status;
        };
    }
}
