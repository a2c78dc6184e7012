package id.kypso.core.config;

/** A config file that is missing or invalid; the message says which and what to do. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
