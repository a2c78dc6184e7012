package id.kypso.kiosk.counter;

/** What the counter tells the staff about a scanned ticket. */
public enum Verdict {
    /** Genuine, not revoked, redeemed now: hand over the KTP-el. */
    VALID,
    /** Redeemed before, at this counter or, when online, at another. */
    ALREADY_USED,
    /** The office revoked this ticket. */
    REVOKED,
    /** Not a genuine ticket of this office (see the payload reason). */
    INVALID
}
