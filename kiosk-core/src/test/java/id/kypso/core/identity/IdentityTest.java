package id.kypso.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void nik_printsOnlyItsMaskedForm() {
        Nik nik = Nik.parse("3273014506900001");

        assertThat(nik.toString()).isEqualTo("3273********0001");
        assertThat(MaskedNik.of(nik).toString()).isEqualTo("3273********0001");
    }

    @Test
    void nik_acceptsWomensBirthDayPlusForty() {
        assertThat(Nik.parse("3273015506900001").digits()).hasSize(16);
    }

    @Test
    void invalidNik_isRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> Nik.parse("32730145069"))
                .hasMessageContaining("16 digits").hasMessageNotContaining("32730145069");
        assertThatThrownBy(() -> Nik.parse("3273013506900001"))
                .hasMessageContaining("date of birth").hasMessageNotContaining("35069");
    }

    @Test
    void nip_isValidatedAndRoundTripsAsNumber() {
        Nip nip = Nip.parse("198503122010011001");

        assertThat(Nip.fromLong(nip.toLong())).isEqualTo(nip);
        assertThatThrownBy(() -> Nip.parse("198513122010011001"))
                .hasMessageContaining("invalid date");
        assertThatThrownBy(() -> Nip.parse("198503122010013001"))
                .hasMessageContaining("sex digit 3");
    }

    @Test
    void officeAndKioskIds_parseAndPrint() {
        assertThat(OfficeId.parse("3273-01").toString()).isEqualTo("3273-01");
        assertThat(KioskId.parse("3273-01-K07").number()).isEqualTo(7);
        assertThatThrownBy(() -> OfficeId.parse("32-1")).hasMessageContaining("3273-01");
        assertThatThrownBy(() -> KioskId.parse("3273-01-K00")).hasMessageContaining("1-255");
    }
}
