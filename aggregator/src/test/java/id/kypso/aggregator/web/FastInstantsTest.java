package id.kypso.aggregator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import id.kypso.core.sync.SyncJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FastInstantsTest {

    @Test
    void parsesLikeJacksonForEveryCommonForm() throws Exception {
        for (String text : new String[] {"2026-12-04T03:00:00Z", "2026-12-04T03:00:00.5Z",
                "2026-12-04T03:00:00.123Z", "2026-12-04T03:00:00.123456789Z",
                "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z"}) {
            String json = "\"" + text + "\"";
            assertThat(Problems.mapper().readValue(json, Instant.class)).as(text)
                    .isEqualTo(SyncJson.newMapper().readValue(json, Instant.class));
        }
    }

    @Test
    void leavesOtherFormsToJackson() throws Exception {
        assertThat(FastInstants.parse("2026-12-04T03:00:00+07:00")).isNull();
        assertThat(Problems.mapper().readValue("\"2026-12-04T10:00:00+07:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-12-04T03:00:00Z"));
        assertThat(FastInstants.parse("2026-02-30T03:00:00Z")).isNull();
        assertThatThrownBy(() -> Problems.mapper().readValue("\"2026-02-30T03:00:00Z\"",
                Instant.class)).isInstanceOf(InvalidFormatException.class);
    }
}
