package id.kypso.agent.gpio;

/** Receives debounced changes of the presence sensor, to wake or dim the screen. */
@FunctionalInterface
public interface PresenceListener {

    /** Called on the GPIO event thread with {@code true} when someone is at the kiosk. */
    void onPresenceChanged(boolean present);
}
