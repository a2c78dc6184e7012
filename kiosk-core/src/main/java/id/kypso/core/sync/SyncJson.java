package id.kypso.core.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Builds the JSON mapper every module uses on the wire, so both ends agree on the format. */
public final class SyncJson {

    private SyncJson() {
    }

    /**
     * Returns a new mapper: times as ISO-8601 text, unknown properties rejected (the formats
     * are strict), nulls in primitives rejected.
     */
    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * Returns a parser error as its own message and position, without the note on the source
     * that Jackson appends, which means nothing to an operator.
     */
    public static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return e.getOriginalMessage();
        }
        return e.getOriginalMessage() + " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
    }
}
