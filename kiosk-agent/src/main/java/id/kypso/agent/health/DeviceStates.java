package id.kypso.agent.health;

import id.kypso.core.store.KioskState;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The app's view of its devices, as it last wrote it to {@code kiosk_state} (see
 * {@link KioskState}). Values the app never wrote read as {@code UNKNOWN}.
 *
 * @param appSeenAt when the app last wrote a device state, or null
 */
public record DeviceStates(String printerState, String scannerState, String appVersion,
        Instant appSeenAt) {

    public static final String UNKNOWN = "UNKNOWN";

    /** Reads the states the app wrote. */
    public static DeviceStates read(KioskState state) {
        Instant seenAt = state.get(KioskState.APP_SEEN_AT).map(DeviceStates::parseInstant)
                .orElse(null);
        return new DeviceStates(
                state.get(KioskState.PRINTER_STATE).orElse(UNKNOWN),
                state.get(KioskState.SCANNER_STATE).orElse(UNKNOWN),
                state.get(KioskState.APP_VERSION).orElse(UNKNOWN),
                seenAt);
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
