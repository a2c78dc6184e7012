package id.kypso.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.config.KeyRings;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.StageOfficer;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.survey.ComplaintCategory;
import id.kypso.core.survey.Question;
import id.kypso.core.sync.SyncRecord;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.printer.TicketPrint;
import id.kypso.kiosk.testing.TestKiosk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitizenSessionTest {
    @TempDir
    Path dataDir;

    TestKiosk kiosk;
    CitizenSession session;

    @BeforeEach
    void setUp() {
        kiosk = new TestKiosk(dataDir);
        session = kiosk.newSession();
    }

    @Test
    void validSlip_opensSurveyWithRosterOfficers() {
        ScanResult result = session.scan(kiosk.slip("REG-0001"));

        assertThat(result).isInstanceOf(ScanResult.Accepted.class);
        ScanResult.Accepted accepted = (ScanResult.Accepted) result;
        assertThat(accepted.verified()).isTrue();
        assertThat(accepted.officers()).extracting(OfficerCard::name)
                .containsExactly("Siti Rahmawati", "Budi Santoso");
        assertThat(accepted.officers()).extracting(OfficerCard::stage)
                .containsExactly(ServiceStage.VERIFIKASI, ServiceStage.PEREKAMAN);
        assertThat(accepted.officers().get(0).photo()).isNotEmpty();
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void unlistedOfficer_hasNoName() {
        String slip = kiosk.slipWithOfficers("REG-0002", List.of(
                new StageOfficer(ServiceStage.PEREKAMAN, TestKiosk.UNLISTED)));

        ScanResult.Accepted accepted = (ScanResult.Accepted) session.scan(slip);

        assertThat(accepted.officers().get(0).name()).isNull();
        assertThat(accepted.officers().get(0).photo()).isNull();
        assertThat(accepted.officers().get(0).nip()).isEqualTo(TestKiosk.UNLISTED.toString());
    }

    @Test
    void completedSurvey_storesResponseSignsAndPrintsTicket() throws Exception {
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);
        answerAll(1, 3);
        session.comment(1, "  Ramah sekali  ");

        Completion completion = session.complete();

        assertThat(completion).isInstanceOf(Completion.Issued.class);
        Completion.Issued issued = (Completion.Issued) completion;
        assertThat(issued.printed()).isTrue();
        assertThat(issued.ticket().ticketId()).isEqualTo("3273-01-K01/1");
        assertThat(issued.ticket().shortCode()).isEqualTo("K01-000001");

        MapKeyRing kioskKeys = KeyRings.kiosks(kiosk.bundle);
        Ticket ticket = TicketCodec.decode(issued.ticket().qrPayload(), kioskKeys);
        assertThat(ticket.registrationNumber()).isEqualTo("REG-0001");
        assertThat(ticket.maskedNik().toString()).isEqualTo("3273********0001");

        List<TicketPrint> printed = kiosk.printer.printed();
        assertThat(printed).hasSize(1);
        assertThat(printed.get(0).qrPayload()).isEqualTo(issued.ticket().qrPayload());
        assertThat(printed.get(0).lines()).containsExactly("Verifikasi berkas: Siti Rahmawati",
                "Perekaman: Budi Santoso");
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void storedResponse_hasHourTimesAndNoNik() {
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);
        answerAll(1, 2);
        session.complete();

        SyncRecord record = kiosk.outbox.pending(10).get(0);
        assertThat(record.type()).isEqualTo("survey-response");
        JsonNode body = record.payload();
        assertThat(body.get("surveyedHour").asText()).isEqualTo("2026-12-04T03:00:00Z");
        assertThat(body.get("perekamanHour").asText()).isEqualTo("2026-12-04T02:00:00Z");
        assertThat(body.get("verified").asBoolean()).isTrue();
        assertThat(body.get("officers").get(1).get("answers").get("waktu").asInt()).isEqualTo(2);
        assertThat(body.toString()).doesNotContain("3273014506900001", "REG-0001",
                "3273********0001");
    }

    @Test
    void notServedOfficer_isStoredWithoutAnswers() {
        session.scan(kiosk.slip("REG-0001"));
        session.answer(0, "persyaratan", 2);
        session.notServed(0);
        answerAll(1, 4);

        assertThat(session.isComplete()).isTrue();
        session.complete();

        JsonNode officers = kiosk.outbox.pending(10).get(0).payload().get("officers");
        assertThat(officers.get(0).get("served").asBoolean()).isFalse();
        assertThat(officers.get(0).get("answers").size()).isZero();
        assertThat(officers.get(1).get("served").asBoolean()).isTrue();
    }

    @Test
    void complaint_isStoredInResponse() {
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 1);
        answerAll(1, 4);
        session.complain(0, ComplaintCategory.ASKED_FOR_MONEY, "Diminta 50 ribu");

        session.complete();

        JsonNode complaint = kiosk.outbox.pending(10).get(0).payload().get("complaints").get(0);
        assertThat(complaint.get("nip").asText()).isEqualTo(TestKiosk.VERIFIER.toString());
        assertThat(complaint.get("category").asText()).isEqualTo("ASKED_FOR_MONEY");
        assertThat(complaint.get("text").asText()).isEqualTo("Diminta 50 ribu");
    }

    @Test
    void unansweredQuestion_blocksCompletion() {
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);

        assertThat(session.isComplete()).isFalse();
        assertThatThrownBy(session::complete).isInstanceOf(IllegalStateException.class);
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void slipSurveyedBefore_isRejected() {
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);
        answerAll(1, 4);
        session.complete();

        ScanResult again = session.scan(kiosk.slip("REG-0001"));

        assertThat(again).isEqualTo(new ScanResult.Rejected(Refusal.ALREADY_SURVEYED));
        assertThat(kiosk.countOutbox()).isEqualTo(2);
    }

    @Test
    void sameSlipOnTwoSessions_storesOneSurvey() {
        CitizenSession other = kiosk.newSession();
        session.scan(kiosk.slip("REG-0001"));
        other.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);
        answerAll(1, 4);
        session.complete();
        for (int officer = 0; officer < 2; officer++) {
            for (Question question : other.questions()) {
                other.answer(officer, question.id(), 1);
            }
        }

        Completion second = other.complete();

        assertThat(second).isEqualTo(new Completion.Rejected(Refusal.ALREADY_SURVEYED));
        assertThat(kiosk.countOutbox()).isEqualTo(2);
    }

    @Test
    void forgedSlip_isRejectedAndStoresNothing() {
        assertThat(session.scan(kiosk.forgedSlip("REG-0003")))
                .isEqualTo(new ScanResult.Rejected(Refusal.FORGED));
        assertThat(session.isOpen()).isFalse();
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void otherOfficeSlip_isRejected() {
        assertThat(session.scan(kiosk.otherOfficeSlip("REG-0004")))
                .isEqualTo(new ScanResult.Rejected(Refusal.OTHER_OFFICE));
    }

    @Test
    void damagedSlip_isUnreadable() {
        String slip = kiosk.slip("REG-0005");
        String cut = slip.substring(0, slip.length() - 20);

        assertThat(session.scan(cut)).isEqualTo(new ScanResult.Rejected(Refusal.UNREADABLE));
    }

    @Test
    void productBarcode_isNotASlip() {
        assertThat(session.scan("8991234567890"))
                .isEqualTo(new ScanResult.Rejected(Refusal.NOT_A_SLIP));
    }

    @Test
    void ticket_isRejectedAsTicket() {
        assertThat(session.scan(kiosk.ticket(7)))
                .isEqualTo(new ScanResult.Rejected(Refusal.TICKET_SCANNED));
    }

    @Test
    void slipWithoutPerekaman_isRejected() {
        String slip = kiosk.slipWithOfficers("REG-0006", List.of(
                new StageOfficer(ServiceStage.VERIFIKASI, TestKiosk.VERIFIER)));

        assertThat(session.scan(slip))
                .isEqualTo(new ScanResult.Rejected(Refusal.PEREKAMAN_INCOMPLETE));
    }

    @Test
    void noInstalledConfig_putsKioskOutOfService() {
        CitizenSession unconfigured = new CitizenSession(kiosk.identity,
                java.util.Optional::empty, kiosk.ledger, kiosk.printer, kiosk.clock,
                java.util.UUID::randomUUID);

        assertThat(unconfigured.scan(kiosk.slip("REG-0001")))
                .isEqualTo(new ScanResult.Rejected(Refusal.OUT_OF_SERVICE));
    }

    @Test
    void paperOut_keepsSurvey() {
        kiosk.printer.failWith(PrinterFault.PAPER_END);
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);
        answerAll(1, 4);

        Completion.Issued issued = (Completion.Issued) session.complete();

        assertThat(issued.printed()).isFalse();
        assertThat(((PrintResult.Failed) issued.print()).fault())
                .isEqualTo(PrinterFault.PAPER_END);
        assertThat(kiosk.ledger.ticketPayload(1)).contains(issued.ticket().qrPayload());
        assertThat(kiosk.countOutbox()).isEqualTo(2);
    }

    @Test
    void printerThatThrows_isReportedAsFailed() {
        CitizenSession throwing = new CitizenSession(kiosk.identity,
                () -> java.util.Optional.of(kiosk.bundle), kiosk.ledger, ticket -> {
                    throw new IllegalStateException("port closed");
                }, kiosk.clock, java.util.UUID::randomUUID);
        throwing.scan(kiosk.slip("REG-0001"));
        for (int officer = 0; officer < 2; officer++) {
            for (Question question : throwing.questions()) {
                throwing.answer(officer, question.id(), 3);
            }
        }

        Completion.Issued issued = (Completion.Issued) throwing.complete();

        assertThat(((PrintResult.Failed) issued.print()).fault())
                .isEqualTo(PrinterFault.IO_ERROR);
    }

    @Test
    void reset_forgetsAnswersAndAllowsNextScan() {
        session.scan(kiosk.slip("REG-0001"));
        session.answer(0, "persyaratan", 1);
        session.comment(0, "rahasia");

        session.reset();

        assertThat(session.isOpen()).isFalse();
        assertThatThrownBy(() -> session.commentOf(0)).isInstanceOf(IllegalStateException.class);
        ScanResult.Accepted reopened = (ScanResult.Accepted) session.scan(kiosk.slip("REG-0001"));
        assertThat(reopened.officers()).hasSize(2);
        assertThat(session.answerOf(0, "persyaratan")).isZero();
        assertThat(session.commentOf(0)).isEmpty();
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void scanWhileOpen_isAnError() {
        session.scan(kiosk.slip("REG-0001"));

        assertThatThrownBy(() -> session.scan(kiosk.slip("REG-0002")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyedInSlip_isUnverified() {
        String check = SlipCheck.of(TestKiosk.OFFICE, "REG-0009");

        ScanResult.Accepted accepted = (ScanResult.Accepted) session.enterManually("reg-0009",
                check);
        assertThat(accepted.verified()).isFalse();
        assertThat(accepted.officers()).isEmpty();
        assertThat(session.rosterOfficers()).hasSize(2);

        session.chooseOfficers(List.of(TestKiosk.RECORDER.toString()));
        answerAll(0, 3);
        Completion.Issued issued = (Completion.Issued) session.complete();

        JsonNode body = kiosk.outbox.pending(10).get(0).payload();
        assertThat(body.get("verified").asBoolean()).isFalse();
        assertThat(body.get("perekamanHour").isNull()).isTrue();
        assertThat(body.get("officers").size()).isEqualTo(1);
        assertThat(issued.ticket().registrationNumber()).isEqualTo("REG-0009");
        assertThat(kiosk.printer.printed().get(0).lines())
                .contains("Slip diketik manual (belum terverifikasi)");
    }

    @Test
    void syncedKeyedInSlip_isVerified() throws Exception {
        kiosk.syncRegistrations(kiosk.slip("REG-0007"), kiosk.slip("REG-0009"));

        ScanResult.Accepted accepted = (ScanResult.Accepted) session.enterManually("REG-0009",
                SlipCheck.of(TestKiosk.OFFICE, "REG-0009"));
        assertThat(accepted.verified()).isTrue();
        assertThat(accepted.officers()).extracting(OfficerCard::name)
                .containsExactly("Siti Rahmawati", "Budi Santoso");
        answerAll(0, 4);
        answerAll(1, 3);
        Completion.Issued issued = (Completion.Issued) session.complete();

        JsonNode body = kiosk.outbox.pending(10).get(0).payload();
        assertThat(body.get("verified").asBoolean()).isTrue();
        assertThat(body.get("perekamanHour").asText()).isEqualTo("2026-12-04T02:00:00Z");
        Ticket ticket = TicketCodec.decode(issued.ticket().qrPayload(),
                KeyRings.kiosks(kiosk.bundle));
        assertThat(ticket.maskedNik().toString()).isEqualTo("3273********0001");
        assertThat(kiosk.printer.printed().get(0).lines())
                .doesNotContain("Slip diketik manual (belum terverifikasi)");
        assertThat(session.scan(kiosk.slip("REG-0009")))
                .isEqualTo(new ScanResult.Rejected(Refusal.ALREADY_SURVEYED));
    }

    @Test
    void forgedSyncedSlip_staysUnverified() {
        // A row the kiosk's keys do not verify, as if the database had been tampered with.
        kiosk.registrations.replaceAll(List.of(new RegistrationBook.Entry("REG-0009",
                kiosk.forgedSlip("REG-0009"), kiosk.clock.instant())));

        ScanResult.Accepted accepted = (ScanResult.Accepted) session.enterManually("REG-0009",
                SlipCheck.of(TestKiosk.OFFICE, "REG-0009"));

        assertThat(accepted.verified()).isFalse();
        assertThat(accepted.officers()).isEmpty();
    }

    @Test
    void syncedSlipUnderAnotherNumber_isNotTaken() {
        kiosk.registrations.replaceAll(List.of(new RegistrationBook.Entry("REG-0009",
                kiosk.slip("REG-0001"), kiosk.clock.instant())));

        ScanResult.Accepted accepted = (ScanResult.Accepted) session.enterManually("REG-0009",
                SlipCheck.of(TestKiosk.OFFICE, "REG-0009"));

        assertThat(accepted.verified()).isFalse();
    }

    @Test
    void keyedInSlipWithWrongCheck_isRejected() {
        String check = SlipCheck.of(TestKiosk.OFFICE, "REG-0009");
        String wrong = check.equals("0000") ? "0001" : "0000";

        assertThat(session.enterManually("REG-0009", wrong))
                .isEqualTo(new ScanResult.Rejected(Refusal.MANUAL_ENTRY_INVALID));
        assertThat(session.enterManually("R", check))
                .isEqualTo(new ScanResult.Rejected(Refusal.MANUAL_ENTRY_INVALID));
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void keyedInSlipSurveyedBefore_isRejected() {
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);
        answerAll(1, 4);
        session.complete();

        assertThat(session.enterManually("REG-0001", SlipCheck.of(TestKiosk.OFFICE, "REG-0001")))
                .isEqualTo(new ScanResult.Rejected(Refusal.ALREADY_SURVEYED));
    }

    @Test
    void surveyTimes_followTheClock() {
        kiosk.clock.advance(Duration.ofHours(2));
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);
        answerAll(1, 4);
        session.complete();

        assertThat(kiosk.outbox.pending(1).get(0).payload().get("surveyedHour").asText())
                .isEqualTo("2026-12-04T05:00:00Z");
    }

    @Test
    void englishSession_printsEnglishStageNames() {
        session.language("en");
        session.scan(kiosk.slip("REG-0001"));
        answerAll(0, 4);
        answerAll(1, 4);

        session.complete();

        assertThat(kiosk.printer.printed().get(0).lines().get(0))
                .isEqualTo("Document check: Siti Rahmawati");
        assertThat(kiosk.outbox.pending(1).get(0).payload().get("language").asText())
                .isEqualTo("en");
    }

    private void answerAll(int officer, int value) {
        for (Question question : session.questions()) {
            session.answer(officer, question.id(), value);
        }
    }
}
