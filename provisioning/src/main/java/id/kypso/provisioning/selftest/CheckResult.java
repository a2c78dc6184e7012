package id.kypso.provisioning.selftest;

/**
 * The outcome of one self-test check. {@code key} names bundle texts: {@code <key>.<status>}
 * for the detail line, and {@code <key>.remedy} shown when the status is WARN or FAIL.
 */
record CheckResult(String check, Status status, String key, Object... arguments) {

    enum Status {
        PASS, WARN, FAIL, SKIP
    }

    static CheckResult pass(String check, String key, Object... arguments) {
        return new CheckResult(check, Status.PASS, key, arguments);
    }

    static CheckResult warn(String check, String key, Object... arguments) {
        return new CheckResult(check, Status.WARN, key, arguments);
    }

    static CheckResult fail(String check, String key, Object... arguments) {
        return new CheckResult(check, Status.FAIL, key, arguments);
    }

    static CheckResult skip(String check, String key, Object... arguments) {
        return new CheckResult(check, Status.SKIP, key, arguments);
    }
}
