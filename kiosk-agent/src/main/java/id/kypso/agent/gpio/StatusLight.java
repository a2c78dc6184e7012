package id.kypso.agent.gpio;

/** The kiosk's status light. Implementations must be thread-safe. */
public interface StatusLight {

    /** A light that shows nothing, for kiosks without GPIO. */
    StatusLight NONE = state -> { };

    /** Shows {@code state} from now on, replacing the state shown before. */
    void show(LightState state);
}
