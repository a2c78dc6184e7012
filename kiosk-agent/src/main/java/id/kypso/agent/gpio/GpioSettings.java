package id.kypso.agent.gpio;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The GPIO pins the kiosk uses, by BCM number, read from {@code gpio.*} properties in
 * {@code kiosk.properties}:
 *
 * <ul>
 *   <li>{@code gpio.enabled}: true to use GPIO at all (default false)
 *   <li>{@code gpio.light.green}: pin of the green lamp (required when enabled)
 *   <li>{@code gpio.light.red}: pin of the red lamp (optional)
 *   <li>{@code gpio.light.activeLow}: true when a lamp lights on a low output (default false)
 *   <li>{@code gpio.button.callStaff}: pin of the call-staff button (optional)
 *   <li>{@code gpio.button.activeLow}: true for a button to ground with pull-up (default true)
 *   <li>{@code gpio.button.debounceMs}: debounce time in milliseconds (default 50)
 *   <li>{@code gpio.button.service}: pin of the service button inside the cabinet, which
 *       opens the app's maintenance mode; same wiring and debounce as the call-staff button
 *       (optional)
 *   <li>{@code gpio.presence}: pin of the presence sensor output (optional)
 *   <li>{@code gpio.presence.activeLow}: true when the sensor pulls low on presence
 *       (default false)
 *   <li>{@code gpio.presence.debounceMs}: debounce time in milliseconds (default 500)
 * </ul>
 */
public record GpioSettings(
        boolean enabled,
        int greenPin,
        OptionalInt redPin,
        boolean lightActiveLow,
        OptionalInt callStaffPin,
        boolean buttonActiveLow,
        Duration buttonDebounce,
        OptionalInt presencePin,
        boolean presenceActiveLow,
        Duration presenceDebounce,
        OptionalInt servicePin) {

    /** BCM numbers 0-27 are the 40-pin header's GPIO lines on every Raspberry Pi since the B+. */
    static final int MAX_PIN = 27;

    public GpioSettings {
        if (enabled) {
            checkPin("gpio.light.green", greenPin);
            redPin.ifPresent(pin -> checkPin("gpio.light.red", pin));
            callStaffPin.ifPresent(pin -> checkPin("gpio.button.callStaff", pin));
            presencePin.ifPresent(pin -> checkPin("gpio.presence", pin));
            servicePin.ifPresent(pin -> checkPin("gpio.button.service", pin));
        }
        if (buttonDebounce.isNegative() || presenceDebounce.isNegative()) {
            throw new IllegalArgumentException("debounce times must not be negative");
        }
    }

    /** Settings for a kiosk without GPIO. */
    public static GpioSettings disabled() {
        return new GpioSettings(false, -1, OptionalInt.empty(), false, OptionalInt.empty(),
                true, Duration.ofMillis(50), OptionalInt.empty(), false, Duration.ofMillis(500),
                OptionalInt.empty());
    }

    public static GpioSettings fromProperties(Properties properties) {
        if (!flag(properties, "gpio.enabled", false)) {
            return disabled();
        }
        String green = properties.getProperty("gpio.light.green");
        if (green == null || green.isBlank()) {
            throw new IllegalArgumentException("gpio.light.green is missing; set the BCM pin"
                    + " of the green lamp or set gpio.enabled=false");
        }
        return new GpioSettings(true,
                number(properties, "gpio.light.green", green),
                optionalPin(properties, "gpio.light.red"),
                flag(properties, "gpio.light.activeLow", false),
                optionalPin(properties, "gpio.button.callStaff"),
                flag(properties, "gpio.button.activeLow", true),
                Duration.ofMillis(number(properties, "gpio.button.debounceMs",
                        properties.getProperty("gpio.button.debounceMs", "50"))),
                optionalPin(properties, "gpio.presence"),
                flag(properties, "gpio.presence.activeLow", false),
                Duration.ofMillis(number(properties, "gpio.presence.debounceMs",
                        properties.getProperty("gpio.presence.debounceMs", "500"))),
                optionalPin(properties, "gpio.button.service"));
    }

    private static void checkPin(String key, int pin) {
        if (pin < 0 || pin > MAX_PIN) {
            throw new IllegalArgumentException(key + " must be a BCM pin number 0-" + MAX_PIN
                    + ": " + pin);
        }
    }

    private static OptionalInt optionalPin(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(number(properties, key, value));
    }

    private static int number(Properties properties, String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number: " + value, e);
        }
    }

    private static boolean flag(Properties properties, String key, boolean fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false: "
                    + value);
        };
    }
}
