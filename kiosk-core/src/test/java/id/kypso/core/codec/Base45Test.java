package id.kypso.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base45Test {

    @Test
    void encode_matchesRfc9285Examples() {
        assertThat(Base45.encode("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode("base-45".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("UJCLQE7W581");
        assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.US_ASCII))
                .isEqualTo("ietf!");
    }

    @Test
    void randomBytes_roundTrip() {
        Random random = new Random(7);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(Base45.decode(Base45.encode(data))).isEqualTo(data);
        }
    }

    @Test
    void invalidText_isRejectedWithPosition() {
        assertThatThrownBy(() -> Base45.decode("GGW")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Base45.decode("ab")).hasMessageContaining("at 0");
        assertThatThrownBy(() -> Base45.decode("BB8B")).hasMessageContaining("length 4");
    }
}
