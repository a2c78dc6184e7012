package id.kypso.agent.gpio;

/**
 * The on/off pattern of the green and red lamps for each {@link LightState}, as a repeating
 * cycle. With no red lamp fitted, red states blink the green lamp instead so a fault still
 * looks different from ready.
 */
record LightPattern(long periodMillis, long onMillis, boolean green, boolean red) {

    static LightPattern of(LightState state, boolean hasRed) {
        return switch (state) {
            case STARTING -> new LightPattern(2000, 1000, true, false);
            case READY -> new LightPattern(1000, 1000, true, false);
            case OFFLINE -> new LightPattern(1000, 500, true, false);
            case FAULT -> hasRed
                    ? new LightPattern(1000, 1000, false, true)
                    : new LightPattern(400, 200, true, false);
            case STAFF_CALLED -> hasRed
                    ? new LightPattern(500, 250, false, true)
                    : new LightPattern(200, 100, true, false);
        };
    }

    /** Returns whether the lamps are lit {@code elapsedMillis} after the state was shown. */
    boolean litAt(long elapsedMillis) {
        return Math.floorMod(elapsedMillis, periodMillis) < onMillis;
    }
}
