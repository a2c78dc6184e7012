package id.kypso.core.survey;

/**
 * The nine elements (unsur) of the national public satisfaction survey, SKM (PermenPANRB
 * 14/2017), in the regulation's order. Display names are in the resource bundles under
 * {@code skm.<name>}.
 */
public enum SkmElement {
    PERSYARATAN,
    SISTEM_MEKANISME_PROSEDUR,
    WAKTU_PENYELESAIAN,
    BIAYA_TARIF,
    PRODUK_SPESIFIKASI_JENIS_PELAYANAN,
    KOMPETENSI_PELAKSANA,
    PERILAKU_PELAKSANA,
    SARANA_PRASARANA,
    PENANGANAN_PENGADUAN;

    /** Returns the regulation's label, U1 to U9. */
    public String code() {
        return "U" + (ordinal() + 1);
    }
}
