package id.kypso.aggregator.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request failed in a way the client must hear about; turned into an RFC 9457
 * {@code application/problem+json} answer in one place, {@link Problems}.
 */
public final class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    /**
     * @param type a short slug such as {@code bad-signature}, sent as {@code /problems/<slug>}
     * @param detail what failed on which value, readable by an operator
     */
    public ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    public static ProblemException unauthorized(String type, String detail) {
        return new ProblemException(401, type, "Unauthorized", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "invalid", "Unprocessable content", detail);
    }

    /** Adds a member beside the standard ones, such as the list of survey problems. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
