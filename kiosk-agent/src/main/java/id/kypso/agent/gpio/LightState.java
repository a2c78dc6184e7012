package id.kypso.agent.gpio;

/** The states of the kiosk's status light, from least to most urgent. */
public enum LightState {
    /** The agent is starting: green blinks slowly. */
    STARTING,
    /** The kiosk takes surveys and prints: green steady. */
    READY,
    /** The kiosk works but cannot reach the aggregator: green blinks. */
    OFFLINE,
    /** A device needs staff (printer out of paper, scanner lost): red steady. */
    FAULT,
    /** A citizen pressed the call-staff button: red blinks fast. */
    STAFF_CALLED
}
