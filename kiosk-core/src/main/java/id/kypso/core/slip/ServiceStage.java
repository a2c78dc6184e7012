package id.kypso.core.slip;

import java.util.Arrays;

/**
 * The stages of KTP-el issuance at which an officer serves a citizen. The code is what payloads
 * carry; display names live in the resource bundles under {@code stage.<name>}.
 */
public enum ServiceStage {
    /** Checking the documents (KK, surat pengantar) before perekaman. */
    VERIFIKASI(1),
    /** Taking photo, fingerprints, iris and signature. */
    PEREKAMAN(2),
    /** Handing over the printed KTP-el. */
    PENGAMBILAN(3);

    private final int code;

    ServiceStage(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ServiceStage fromCode(int code) {
        return Arrays.stream(values())
                .filter(stage -> stage.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service stage code "
                        + code));
    }
}
