package id.kypso.kiosk.maintenance;

import java.time.Instant;

/**
 * A ticket this kiosk issued, as maintenance mode lists it.
 *
 * @param printError why the last print failed, null when it printed or was never tried
 */
public record RecentTicket(long serial, String shortCode, Instant issuedAt, boolean printed,
        String printError) {
}
