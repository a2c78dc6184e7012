package id.kypso.kiosk.printer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A character code table the printer is told to use with ESC t, and the Java charset that
 * produces its bytes. Table numbers are the Epson ones (TM-T20, TM-T88 and most clones); a
 * printer with another numbering needs a profile of its own.
 */
public enum CodePage {
    /** PC437 (USA, standard Europe): table 0; no euro sign, few capital accents. */
    PC437("cp437", 0, "IBM437"),
    /** PC850 (Multilingual): table 2. */
    PC850("cp850", 2, "IBM850"),
    /** PC858 (PC850 with the euro sign): table 19. */
    PC858("cp858", 19, "IBM00858"),
    /** WPC1252 (Windows Latin 1): table 16. */
    WPC1252("cp1252", 16, "windows-1252"),
    /**
     * Plain ASCII with accents removed on purpose ({@code é} prints as {@code e}), for printers
     * whose tables are unknown; sends no ESC t.
     */
    ASCII("ascii", -1, "US-ASCII");

    private final String key;
    private final int table;
    private final Charset charset;

    CodePage(String key, int table, String charsetName) {
        this.key = key;
        this.table = table;
        this.charset = Charset.forName(charsetName);
    }

    /** Returns the configuration name, such as {@code cp858}. */
    public String key() {
        return key;
    }

    /** Returns the ESC t table number, or -1 when no table is selected. */
    public int table() {
        return table;
    }

    public Charset charset() {
        return charset;
    }

    /** Finds the code page named {@code key} ({@code cp437}, {@code cp858}, ...). */
    public static CodePage fromKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(page -> page.key.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown printer code page '"
                        + key + "', expected one of cp437, cp850, cp858, cp1252, ascii"));
    }

    /** Returns the code page whose ESC t table number is {@code table}, if the kiosk knows it. */
    static CodePage fromTable(int table) {
        return Arrays.stream(values())
                .filter(page -> page.table == table)
                .findFirst()
                .orElse(null);
    }
}
