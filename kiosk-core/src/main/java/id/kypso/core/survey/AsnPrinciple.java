package id.kypso.core.survey;

/**
 * The principles of ASN conduct in UU 5/2014 Pasal 2, in the law's order. Display names are in
 * the resource bundles under {@code asn.<name>}.
 */
public enum AsnPrinciple {
    KEPASTIAN_HUKUM,
    PROFESIONALITAS,
    PROPORSIONALITAS,
    KETERPADUAN,
    DELEGASI,
    NETRALITAS,
    AKUNTABILITAS,
    EFEKTIF_DAN_EFISIEN,
    KETERBUKAAN,
    NONDISKRIMINATIF,
    PERSATUAN_DAN_KESATUAN,
    KEADILAN_DAN_KESETARAAN,
    KESEJAHTERAAN
}
