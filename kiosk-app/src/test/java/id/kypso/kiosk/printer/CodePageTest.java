package id.kypso.kiosk.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodePageTest {
    private static final String OFFICE = "Kantor Peñalosa Müller";
    private static final String OFFICER = "Verifikasi: José Núñez Çelik";

    private static List<String> printedText(CodePage page) {
        PrinterProfile profile = PrinterProfile.defaults().withCodePage(page);
        byte[] bytes = new TicketLayout(profile).render(SampleTickets.print(OFFICE,
                List.of(OFFICER)));
        return EscPosRenderer.text(bytes);
    }

    @Test
    void accentedNames_printInLatinCodePages() {
        for (CodePage page : List.of(CodePage.PC437, CodePage.PC850, CodePage.PC858,
                CodePage.WPC1252)) {
            assertThat(printedText(page)).as("code page %s", page)
                    .contains(OFFICER)
                    .anySatisfy(line -> assertThat(line).contains("Peñalosa Müller"));
        }
    }

    @Test
    void selectedCodePage_isAnnouncedWithEscT() {
        for (CodePage page : List.of(CodePage.PC437, CodePage.PC850, CodePage.PC858,
                CodePage.WPC1252)) {
            byte[] bytes = new TicketLayout(PrinterProfile.defaults().withCodePage(page))
                    .render(SampleTickets.print());

            assertThat(HexFormat.of().formatHex(bytes, 0, 5))
                    .isEqualTo("1b401b74" + HexFormat.of().toHexDigits((byte) page.table()));
        }
    }

    @Test
    void pc858Bytes_matchTheCodeTable() {
        byte[] encoded = new TextEncoder(CodePage.PC858).encode("éñü€");

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("82a481d5");
    }

    @Test
    void asciiProfile_transliteratesOnPurpose() {
        List<String> text = printedText(CodePage.ASCII);

        assertThat(text).contains("Verifikasi: Jose Nunez Celik");
        assertThat(text).anySatisfy(line -> assertThat(line).contains("Penalosa Muller"));
    }

    @Test
    void asciiProfile_sendsNoCodeTableCommand() {
        byte[] bytes = new TicketLayout(PrinterProfile.defaults().withCodePage(CodePage.ASCII))
                .render(SampleTickets.print(OFFICE, List.of(OFFICER)));

        assertThat(HexFormat.of().formatHex(bytes)).doesNotContain("1b74");
        assertThat(EscPosRenderer.text(bytes)).allSatisfy(line -> assertThat(line)
                .matches("[\\x20-\\x7e]*"));
    }

    @Test
    void missingCharacters_areTransliterated() {
        TextEncoder pc437 = new TextEncoder(CodePage.PC437);

        String printed = new String(pc437.encode("Łukasz Øster Straße €5 Ő"),
                CodePage.PC437.charset());

        assertThat(printed)
                .isEqualTo("Lukasz Oster Straße EUR5 O");
        assertThat(new String(pc437.encode("名前"), CodePage.PC437.charset())).isEqualTo("??");
    }

    @Test
    void controlCharacters_neverReachThePrinter() {
        byte[] encoded = new TextEncoder(CodePage.PC858).encode("A\u001bB\nC");

        assertThat(new String(encoded, CodePage.PC858.charset())).isEqualTo("A B C");
    }

    @Test
    void unknownCodePage_isRejected() {
        assertThatThrownBy(() -> CodePage.fromKey("utf8"))
                .hasMessageContaining("'utf8'")
                .hasMessageContaining("cp858");
        assertThat(CodePage.fromKey(" CP858 ")).isEqualTo(CodePage.PC858);
    }
}
