package id.kypso.kiosk.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.core.qr.QrCodes;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import id.kypso.kiosk.printer.PrinterProfile.PaperWidth;
import id.kypso.kiosk.printer.PrinterProfile.QrMode;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscPosRendererTest {

    @Test
    void nativeQrTicket_decodesToTheSignedTicket() throws Exception {
        byte[] bytes = new TicketLayout(PrinterProfile.defaults()).render(SampleTickets.print());

        BufferedImage paper = EscPosRenderer.render(bytes);
        Optional<String> qr = QrCodes.read(paper);

        assertThat(paper.getWidth()).isEqualTo(576);
        assertThat(qr).contains(SampleTickets.print().qrPayload());
        Ticket decoded = TicketCodec.decode(qr.orElseThrow(), SampleTickets.keyRing());
        assertThat(decoded).isEqualTo(SampleTickets.TICKET);
    }

    @Test
    void rasterQrTicket_decodesToTheSignedTicket() throws Exception {
        PrinterProfile profile = PrinterProfile.defaults().withQrMode(QrMode.RASTER);
        byte[] bytes = new TicketLayout(profile).render(SampleTickets.print());

        Optional<String> qr = QrCodes.read(EscPosRenderer.render(bytes));

        assertThat(qr).contains(SampleTickets.print().qrPayload());
        assertThat(TicketCodec.decode(qr.orElseThrow(), SampleTickets.keyRing()))
                .isEqualTo(SampleTickets.TICKET);
    }

    @Test
    void narrowPaperTicket_fitsAndDecodes() throws Exception {
        for (QrMode mode : QrMode.values()) {
            PrinterProfile profile = PrinterProfile.defaults().withPaper(PaperWidth.MM_58)
                    .withQrModuleSize(5).withQrMode(mode);
            byte[] bytes = new TicketLayout(profile).render(SampleTickets.print());

            BufferedImage paper = EscPosRenderer.render(bytes, 384);

            assertThat(paper.getWidth()).isEqualTo(384);
            assertThat(QrCodes.read(paper)).as("QR mode %s", mode)
                    .contains(SampleTickets.print().qrPayload());
            assertThat(EscPosRenderer.text(bytes))
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(32));
        }
    }

    @Test
    void ticketText_showsTheFieldsInIndonesian() {
        byte[] bytes = new TicketLayout(PrinterProfile.defaults()).render(SampleTickets.print());

        assertThat(EscPosRenderer.text(bytes)).contains(
                "Disdukcapil Kota Bandung",
                "BUKTI SURVEI KYPSO",
                "No. registrasi: REG-2026-000123",
                "NIK: 3273********0001",
                "Waktu: 04-12-2026 09:45 WIB",
                "Kios: 3273-01-K01",
                "Verifikasi: Budi Santoso",
                "K01-000042");
    }

    @Test
    void longOfficeName_wrapsInDoubleSize() {
        TicketPrint print = SampleTickets.print("Dinas Kependudukan dan Pencatatan Sipil"
                + " Kabupaten Bandung Barat", java.util.List.of());
        byte[] bytes = new TicketLayout(PrinterProfile.defaults()).render(print);

        assertThat(EscPosRenderer.text(bytes)).startsWith("Dinas Kependudukan dan",
                "Pencatatan Sipil", "Kabupaten Bandung Barat");
    }

    @Test
    void ticketText_usesEnglishLabelsWhenAsked() {
        PrinterProfile profile = PrinterProfile.defaults().withLocale(java.util.Locale.ENGLISH);
        byte[] bytes = new TicketLayout(profile).render(SampleTickets.print());

        assertThat(EscPosRenderer.text(bytes))
                .contains("KYPSO SURVEY RECEIPT", "Registration no.: REG-2026-000123");
    }

    @Test
    void ticketBytes_useNativeQrCommands() {
        byte[] bytes = new TicketLayout(PrinterProfile.defaults()).render(SampleTickets.print());
        String hex = java.util.HexFormat.of().formatHex(bytes);

        assertThat(hex).startsWith("1b40" + "1b7413");
        int model = hex.indexOf("1d286b04003141320");
        int size = hex.indexOf("1d286b0300314306");
        int level = hex.indexOf("1d286b0300314531");
        int store = hex.indexOf("315030");
        int print = hex.indexOf("1d286b0300315130");
        assertThat(model).isPositive();
        assertThat(size).isGreaterThan(model);
        assertThat(level).isGreaterThan(size);
        assertThat(store).isGreaterThan(level);
        assertThat(print).isGreaterThan(store);
        assertThat(hex).endsWith("1d564200");
    }

    @Test
    void unknownCommand_isRejectedWithItsOffset() {
        byte[] bytes = {0x1b, '@', 'A', 0x1b, 'Z'};

        assertThatThrownBy(() -> EscPosRenderer.render(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ESC command 0x5a at byte 4");
    }

    @Test
    void truncatedStream_isRejected() {
        byte[] bytes = {0x1d, '(', 'k', 0x10, 0x00, 0x31};

        assertThatThrownBy(() -> EscPosRenderer.render(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends inside a command");
    }
}
