package id.kypso.aggregator.auth;

/** The roles of web logins; each sees its own dashboard. */
public enum Role {
    /** The head of one office: that office's figures, complaints and kiosks. */
    OFFICE_HEAD,
    /** The civil service commission: every officer's figures, for the code of ethics. */
    KASN,
    /** The Ombudsman: every office's figures and complaints. */
    OMBUDSMAN,
    /** IT staff: the fleet view of every kiosk. */
    ADMIN
}
