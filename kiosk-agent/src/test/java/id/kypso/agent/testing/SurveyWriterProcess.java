package id.kypso.agent.testing;

import id.kypso.core.crypto.Ed25519;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;

/**
 * Stands in for the kiosk app in crash tests: a separate JVM that completes surveys for
 * registration numbers REG-00001 up to a count through kiosk-core's {@link SurveyLedger}, the
 * way the app does, skipping those completed before a crash. Exits 0 once all are done.
 *
 * <p>Arguments: data folder, survey count, pause between surveys in milliseconds.
 */
public final class SurveyWriterProcess {

    private SurveyWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long pauseMillis = Long.parseLong(args[2]);
        KeyPair keys = new KeyPair(null, Ed25519.privateKey(
                Files.readString(dataDir.resolve("kiosk.key"), StandardCharsets.US_ASCII)));
        Clock clock = Clock.systemUTC();
        KioskDatabase database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        SurveyLedger ledger = KioskFixture.ledger(database, clock);

        for (int i = 1; i <= count; i++) {
            String registration = registration(i);
            RegistrationSlip slip = Fixtures.slip(registration);
            if (ledger.isSurveyed(slip)) {
                continue;
            }
            KioskFixture.completeSurvey(ledger, keys, registration, clock);
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        System.exit(0);
    }

    public static String registration(int number) {
        return String.format("REG-%05d", number);
    }
}
