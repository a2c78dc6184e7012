package id.kypso.provisioning.kiosk;

import id.kypso.provisioning.http.AggregatorClient;

/**
 * The text of an enrollment QR code: {@code KYPSO-ENROLL:<aggregator URL>#<token>}, for example
 * {@code KYPSO-ENROLL:https://kypso.example.go.id#Xk2v...}. The URL has no path, query or
 * fragment; the token is everything after the last {@code #}, 8-200 printable ASCII characters
 * without spaces or {@code #}.
 */
public record EnrollmentQr(String aggregatorUrl, String token) {
    public static final String PREFIX = "KYPSO-ENROLL:";
    private static final String TOKEN_PATTERN = "[\\x21-\\x22\\x24-\\x7E]{8,200}";

    public EnrollmentQr {
        aggregatorUrl = AggregatorClient.normalize(aggregatorUrl);
        if (token == null || !token.matches(TOKEN_PATTERN)) {
            throw new IllegalArgumentException("enrollment token must be 8-200 printable"
                    + " characters without spaces or '#'");
        }
    }

    /**
     * Parses the text of a scanned enrollment QR code.
     *
     * @throws IllegalArgumentException naming what is wrong, without repeating the token
     */
    public static EnrollmentQr parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("enrollment QR text must start with " + PREFIX);
        }
        String rest = trimmed.substring(PREFIX.length());
        int hash = rest.lastIndexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("enrollment QR text has no '#' between the"
                    + " aggregator URL and the token");
        }
        return new EnrollmentQr(rest.substring(0, hash), rest.substring(hash + 1));
    }

    /** Returns the QR text. */
    public String text() {
        return PREFIX + aggregatorUrl + "#" + token;
    }

    @Override
    public String toString() {
        return "EnrollmentQr[" + aggregatorUrl + "]";
    }
}
