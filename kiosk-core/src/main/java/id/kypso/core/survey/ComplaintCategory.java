package id.kypso.core.survey;

/** Kinds of maladministration a citizen can report from the kiosk. */
public enum ComplaintCategory {
    ASKED_FOR_MONEY,
    RUDENESS,
    DISCRIMINATION,
    LEFT_WAITING,
    OTHER
}
