package id.kypso.core.slip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.codec.PayloadException.Reason;
import id.kypso.core.testing.Fixtures;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class SlipCodecTest {
    private final KeyPair officeKeys = Fixtures.keys();
    private final MapKeyRing ring = new MapKeyRing().put("3273-01", 1, officeKeys.getPublic());

    @Test
    void slip_roundTripsThroughQrText() throws PayloadException {
        RegistrationSlip slip = Fixtures.slip("3273-20261204-0001");

        String text = SlipCodec.encode(slip, officeKeys.getPrivate());

        assertThat(text).startsWith("KS1:").matches("[0-9A-Z $%*+\\-./:]+");
        assertThat(SlipCodec.decode(text, ring)).isEqualTo(slip);
    }

    @Test
    void slip_isCompactEnoughForASmallQrVersion() {
        String text = SlipCodec.encode(Fixtures.slip("3273-20261204-0001"),
                officeKeys.getPrivate());

        // QR version 8 at error correction M holds 221 alphanumeric characters; a slip with two
        // officers and an 18-character registration number takes 193.
        assertThat(text.length()).isLessThanOrEqualTo(221);
    }

    @Test
    void slipSignedByOtherKey_isRejectedAsForged() {
        String forged = SlipCodec.encode(Fixtures.slip("3273-20261204-0001"),
                Fixtures.keys().getPrivate());

        assertThatThrownBy(() -> SlipCodec.decode(forged, ring))
                .isInstanceOf(PayloadException.class)
                .extracting(e -> ((PayloadException) e).reason())
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void slipWithOneCharacterChanged_isRejected() {
        String text = SlipCodec.encode(Fixtures.slip("3273-20261204-0001"),
                officeKeys.getPrivate());
        int position = text.length() / 2;
        char changed = text.charAt(position) == 'A' ? 'B' : 'A';
        String altered = text.substring(0, position) + changed + text.substring(position + 1);

        assertThatThrownBy(() -> SlipCodec.decode(altered, ring))
                .isInstanceOf(PayloadException.class);
    }

    @Test
    void slipOfUnknownOffice_isRejectedAsUnknownSigner() {
        String text = SlipCodec.encode(Fixtures.slip("3273-20261204-0001"),
                officeKeys.getPrivate());

        assertThatThrownBy(() -> SlipCodec.decode(text, new MapKeyRing()))
                .extracting(e -> ((PayloadException) e).reason())
                .isEqualTo(Reason.UNKNOWN_SIGNER);
    }

    @Test
    void otherVersionsAndKinds_areRejectedWithReason() {
        String text = SlipCodec.encode(Fixtures.slip("3273-20261204-0001"),
                officeKeys.getPrivate());

        assertThatThrownBy(() -> SlipCodec.decode("KS2:" + text.substring(4), ring))
                .extracting(e -> ((PayloadException) e).reason())
                .isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThatThrownBy(() -> SlipCodec.decode("KT1:" + text.substring(4), ring))
                .extracting(e -> ((PayloadException) e).reason())
                .isEqualTo(Reason.WRONG_KIND);
        assertThatThrownBy(() -> SlipCodec.decode("hello world", ring))
                .extracting(e -> ((PayloadException) e).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThatThrownBy(() -> SlipCodec.decode("KS1:" + text.substring(4, 60), ring))
                .extracting(e -> ((PayloadException) e).reason())
                .isEqualTo(Reason.MALFORMED);
    }
}
