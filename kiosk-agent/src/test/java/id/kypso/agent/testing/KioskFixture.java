package id.kypso.agent.testing;

import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.survey.OfficerRating;
import id.kypso.core.survey.Question;
import id.kypso.core.survey.SurveyDefinition;
import id.kypso.core.survey.SurveyDefinitions;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.testing.Fixtures;
import id.kypso.core.ticket.TicketCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** A kiosk data folder for tests: identity files, the shared database and survey writing. */
public final class KioskFixture {
    public static final KioskId KIOSK = KioskId.parse("3273-01-K01");
    private static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();
    private static final SurveyDefinition SURVEY = SurveyDefinitions.defaultSurvey();

    private final Path dataDir;
    private final KeyPair keys;

    private KioskFixture(Path dataDir, KeyPair keys) {
        this.dataDir = dataDir;
        this.keys = keys;
    }

    /** Writes kiosk.properties and kiosk.key into {@code dataDir}. */
    public static KioskFixture create(Path dataDir, String aggregatorUrl) {
        KeyPair keys = Ed25519.generate();
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("kiosk.properties"), "kiosk.id=" + KIOSK
                    + "\nkiosk.keyVersion=1\naggregator.url=" + aggregatorUrl + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dataDir.resolve("kiosk.key"), Ed25519.toBase64(keys.getPrivate()),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KioskFixture(dataDir, keys);
    }

    public Path dataDir() {
        return dataDir;
    }

    public KeyPair keys() {
        return keys;
    }

    public Path databaseFile() {
        return dataDir.resolve("kiosk.db");
    }

    public KioskDatabase openDatabase() {
        return KioskDatabase.open(databaseFile());
    }

    /** Completes one survey for registration number {@code registration}, as the app does. */
    public static SurveyLedger.IssuedTicket completeSurvey(SurveyLedger ledger,
            KeyPair kioskKeys, String registration, Clock clock)
            throws SurveyLedger.AlreadySurveyedException {
        RegistrationSlip slip = Fixtures.slip(registration);
        return ledger.complete(slip, response(clock.instant()), KIOSK, 1,
                ticket -> TicketCodec.encode(ticket, kioskKeys.getPrivate()));
    }

    /** Returns a ledger over {@code database} the way the app builds it. */
    public static SurveyLedger ledger(KioskDatabase database, Clock clock) {
        return new SurveyLedger(database, outbox(database, clock), clock);
    }

    public static Outbox outbox(KioskDatabase database, Clock clock) {
        return new Outbox(database, clock, UUIDS::generate);
    }

    /**
     * Returns a survey response like the app's: the bundled survey answered for the slip's two
     * officers.
     */
    public static SurveyResponse response(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        int value = 1;
        for (Question question : SURVEY.questions()) {
            answers.put(question.id(), value);
            value = value % 4 + 1;
        }
        return new SurveyResponse(UUIDS.generate(), KIOSK.toString(), "3273-01",
                SURVEY.id(), SURVEY.version(), true, hour, hour, "id",
                List.of(new OfficerRating(Fixtures.VERIFIER.digits(), "VERIFIKASI", true,
                                answers, null),
                        new OfficerRating(Fixtures.RECORDER.digits(), "PEREKAMAN", true,
                                answers, null)),
                List.of());
    }
}
