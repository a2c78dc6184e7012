package id.kypso.agent.status;

/** What the agent tells the people around the kiosk, through the status light and endpoint. */
public enum Indication {
    /** The last sync cycle reached the aggregator and the database is healthy. */
    READY,
    /** The aggregator cannot be reached; records wait safely in the outbox. */
    OFFLINE,
    /**
     * IT staff are needed: the database failed its integrity check, the disk is full, or the
     * aggregator no longer accepts this kiosk's signature.
     */
    FAULT
}
