package id.kypso.kiosk.ui;

/** The screens of citizen mode. */
public enum CitizenScreen {
    /** Scan guide, language and display switches; the kiosk waits here between citizens. */
    WELCOME,
    /**
     * A dark screen with one line of text, shown when the welcome screen has been untouched
     * for a while. A touch, a key, a scan or the presence sensor returns to the welcome screen.
     */
    ASLEEP,
    /** A scan is being checked. */
    CHECKING,
    /** On-screen keypad for a slip number and its check code. */
    MANUAL_ENTRY,
    /** Roster photos to pick the officers of a keyed-in slip. */
    PICK_OFFICERS,
    /** One question about one officer, with the four faces. */
    QUESTION,
    /** Optional comment about the officer just rated, with the report-a-problem path. */
    COMMENT,
    /** Categories of maladministration to report. */
    REPORT,
    /** The survey is being stored and the ticket printed. */
    SAVING,
    /** The ticket was issued; shows its code, and its QR code when printing failed. */
    DONE,
    /** A scan or completion was rejected; says what happened and what to do. */
    REFUSED
}
