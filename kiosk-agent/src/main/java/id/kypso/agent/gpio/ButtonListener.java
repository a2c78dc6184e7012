package id.kypso.agent.gpio;

/** Receives one call per debounced press of a push button. */
@FunctionalInterface
public interface ButtonListener {

    /** Called on the GPIO event thread; return quickly and hand long work to an executor. */
    void onPressed();
}
