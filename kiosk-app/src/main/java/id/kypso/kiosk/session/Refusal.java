package id.kypso.kiosk.session;

/**
 * Why the kiosk did not start or finish a survey. Each value has a screen with a title and what
 * to do next, in the resource bundles under {@code refusal.<name>.title} and {@code .action}.
 */
public enum Refusal {
    /** This slip was surveyed before; its ticket was issued then. */
    ALREADY_SURVEYED,
    /** The slip's signature does not match its content, or its key was revoked. */
    FORGED,
    /** The slip is signed by an office whose key this kiosk does not hold. */
    OTHER_OFFICE,
    /** The scan looked like a slip but could not be decoded. */
    UNREADABLE,
    /** The scan is not a KYPSO code at all, such as a product barcode. */
    NOT_A_SLIP,
    /** A completion ticket was scanned where a registration slip is expected. */
    TICKET_SCANNED,
    /** The slip names no perekaman officer: the survey opens only after perekaman. */
    PEREKAMAN_INCOMPLETE,
    /** A keyed-in slip number or its check digits are wrong. */
    MANUAL_ENTRY_INVALID,
    /** The kiosk cannot store surveys (disk full, database broken, no config installed). */
    OUT_OF_SERVICE
}
