package id.kypso.core.sync;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of record that kiosks push. */
public enum RecordType {
    /** A citizen's ratings of the officers who served them; carries no citizen data. */
    SURVEY_RESPONSE("survey-response"),
    /** A ticket was issued; carries the times the 24-hour rule is measured with. */
    TICKET_ISSUED("ticket-issued"),
    /** A pickup counter redeemed a ticket. */
    TICKET_REDEEMED("ticket-redeemed");

    private final String wireName;

    RecordType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RecordType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
