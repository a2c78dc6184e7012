package id.kypso.aggregator.admin;

/** A registered Disdukcapil office; {@code region} is its kabupaten/kota code. */
public record Office(String officeId, String region, String name) {
}
