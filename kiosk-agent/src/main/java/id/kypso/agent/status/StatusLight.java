package id.kypso.agent.status;

/**
 * A light (or any other signal) that shows the agent's {@link Indication}. The GPIO module
 * implements it on a Raspberry Pi; the agent calls {@link #show} after every sync cycle, also
 * when the indication did not change, so an implementation may ignore repeats.
 */
@FunctionalInterface
public interface StatusLight {
    /** A light that shows nothing, for kiosks without one. */
    StatusLight NONE = indication -> { };

    /** Shows {@code indication}; must return quickly and never throw. */
    void show(Indication indication);

    /**
     * Starts a short test pattern that a person can watch, for the self-test, and returns
     * whether this light has one. Returns at once; the pattern runs on the light's own thread.
     */
    default boolean startTestPattern() {
        return false;
    }
}
