package id.kypso.core.survey;

/**
 * A report of maladministration, flagged for the office head and Ombudsman.
 *
 * @param nip the officer concerned, or null when the report is about the office
 */
public record Complaint(String nip, ComplaintCategory category, String text) {
}
