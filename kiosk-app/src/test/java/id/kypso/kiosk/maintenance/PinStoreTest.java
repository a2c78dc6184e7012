package id.kypso.kiosk.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.kiosk.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinStoreTest {
    @TempDir
    Path dataDir;

    MutableClock clock = new MutableClock(Instant.parse("2026-12-04T03:00:00Z"), ZoneOffset.UTC);

    // Few iterations keep the test fast; the stored format is the same.
    PinStore pins() {
        return new PinStore(dataDir, clock, 1_000);
    }

    @Test
    void correctPin_isAccepted() {
        pins().setPin("246810".toCharArray());

        assertThat(pins().verify("246810".toCharArray())).isEqualTo(new PinStore.Attempt.Accepted());
    }

    @Test
    void storedPin_isHashedNotPlain() throws Exception {
        pins().setPin("246810".toCharArray());

        String stored = Files.readString(dataDir.resolve("maintenance.pin"));
        assertThat(stored).startsWith("pbkdf2-sha256$1000$");
        assertThat(stored).doesNotContain("246810");
    }

    @Test
    void wrongPin_countsDownTries() {
        pins().setPin("246810".toCharArray());

        assertThat(pins().verify("1111".toCharArray())).isEqualTo(new PinStore.Attempt.Rejected(4));
        assertThat(pins().verify("2222".toCharArray())).isEqualTo(new PinStore.Attempt.Rejected(3));
    }

    @Test
    void fiveWrongTries_lockEvenTheRightPin() {
        PinStore pins = pins();
        pins.setPin("246810".toCharArray());
        for (int i = 0; i < 4; i++) {
            pins.verify("0000".toCharArray());
        }

        assertThat(pins.verify("0000".toCharArray()))
                .isEqualTo(new PinStore.Attempt.Locked(Duration.ofMinutes(1)));
        assertThat(pins.verify("246810".toCharArray()))
                .isInstanceOf(PinStore.Attempt.Locked.class);

        clock.advance(Duration.ofMinutes(1));
        assertThat(pins.verify("246810".toCharArray())).isEqualTo(new PinStore.Attempt.Accepted());
    }

    @Test
    void repeatedLocks_growLonger() {
        PinStore pins = pins();
        pins.setPin("246810".toCharArray());
        for (int i = 0; i < 5; i++) {
            pins.verify("0000".toCharArray());
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            assertThat(pins.verify("0000".toCharArray()))
                    .isInstanceOf(PinStore.Attempt.Rejected.class);
        }

        assertThat(pins.verify("0000".toCharArray()))
                .isEqualTo(new PinStore.Attempt.Locked(Duration.ofMinutes(2)));
    }

    @Test
    void lock_survivesRestart() {
        pins().setPin("246810".toCharArray());
        for (int i = 0; i < 5; i++) {
            pins().verify("0000".toCharArray());
        }

        assertThat(pins().verify("246810".toCharArray()))
                .isInstanceOf(PinStore.Attempt.Locked.class);
    }

    @Test
    void lockDuration_isCappedAtEightHours() {
        assertThat(PinStore.lockDuration(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PinStore.lockDuration(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(PinStore.lockDuration(40)).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void missingPin_isNotSet() {
        assertThat(pins().verify("1234".toCharArray())).isEqualTo(new PinStore.Attempt.NotSet());
    }

    @Test
    void shortOrNonDigitPin_isRejected() {
        assertThatThrownBy(() -> pins().setPin("123".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pins().setPin("12a4".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
