package id.kypso.aggregator.auth;

import id.kypso.aggregator.web.ProblemException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <admin token>} on the admin API. */
public final class AdminAuthenticator {
    private final byte[] token;

    public AdminAuthenticator(String token) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("admin token must be at least 16 characters");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Wraps {@code handler} so it runs only with the admin token. */
    public Handler admin(Handler handler) {
        return ctx -> {
            check(ctx);
            handler.handle(ctx);
        };
    }

    void check(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw ProblemException.unauthorized("admin-token",
                    "Authorization: Bearer <admin token> is required");
        }
        byte[] presented = header.substring("Bearer ".length()).strip()
                .getBytes(StandardCharsets.UTF_8);
        // A constant-time comparison, so response times do not reveal the token.
        if (!MessageDigest.isEqual(presented, token)) {
            throw ProblemException.unauthorized("admin-token", "admin token is wrong");
        }
    }
}
