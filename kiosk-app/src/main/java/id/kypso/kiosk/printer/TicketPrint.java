package id.kypso.kiosk.printer;

import java.time.ZonedDateTime;

/**
 * What goes on a printed ticket, already in the citizen's language.
 *
 * @param qrPayload the signed ticket payload that the QR code carries
 * @param lines text lines printed under the heading, such as officer names
 */
public record TicketPrint(
        String officeName,
        String kioskId,
        String shortCode,
        String registrationNumber,
        String maskedNik,
        ZonedDateTime issuedAt,
        String qrPayload,
        java.util.List<String> lines) {
}
