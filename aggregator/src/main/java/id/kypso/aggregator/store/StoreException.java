package id.kypso.aggregator.store;

/** A database operation failed; the message names the database and the cause. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
