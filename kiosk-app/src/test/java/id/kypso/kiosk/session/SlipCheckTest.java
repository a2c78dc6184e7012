package id.kypso.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.identity.OfficeId;
import org.junit.jupiter.api.Test;

class SlipCheckTest {
    private static final OfficeId OFFICE = OfficeId.parse("3273-01");

    @Test
    void check_isFourDigits() {
        assertThat(SlipCheck.of(OFFICE, "REG-0001")).matches("\\d{4}");
    }

    @Test
    void check_isStableAcrossCalls() {
        assertThat(SlipCheck.of(OFFICE, "REG-0001")).isEqualTo(SlipCheck.of(OFFICE, "REG-0001"));
    }

    @Test
    void check_dependsOnNumberAndOffice() {
        assertThat(SlipCheck.of(OFFICE, "REG-0001")).isNotEqualTo(SlipCheck.of(OFFICE, "REG-0002"));
        assertThat(SlipCheck.of(OFFICE, "REG-0001"))
                .isNotEqualTo(SlipCheck.of(OfficeId.parse("3273-02"), "REG-0001"));
    }

    @Test
    void check_matchesKnownValue() {
        // Computed outside Java with the rule in SlipCheck's documentation (Python hashlib).
        assertThat(SlipCheck.of(OFFICE, "3273-20261204-0001")).isEqualTo("0533");
    }

    @Test
    void missingCheck_doesNotMatch() {
        assertThat(SlipCheck.matches(OFFICE, "REG-0001", null)).isFalse();
    }
}
