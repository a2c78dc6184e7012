package id.kypso.kiosk.testing;

import id.kypso.core.codec.PayloadException;
import id.kypso.core.config.BundleStore;
import id.kypso.core.config.KeyRings;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.KioskId;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.Nik;
import id.kypso.core.identity.Nip;
import id.kypso.core.identity.OfficeId;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.slip.StageOfficer;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.survey.SurveyDefinitions;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import id.kypso.core.sync.ConfigBundle.SignerKey;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import id.kypso.kiosk.session.CitizenSession;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * A kiosk of office 3273-01 in a temporary folder: identity, installed config bundle with a
 * roster, a real SQLite database, an in-memory printer and a clock the test moves.
 */
public final class TestKiosk {
    public static final OfficeId OFFICE = OfficeId.parse("3273-01");
    public static final KioskId KIOSK = new KioskId(OFFICE, 1);
    public static final Nik NIK = Nik.parse("3273014506900001");
    public static final Nip VERIFIER = Nip.parse("198503122010011001");
    public static final Nip RECORDER = Nip.parse("199001052015032002");
    public static final Nip UNLISTED = Nip.parse("198801012012121003");
    public static final byte[] BINDING_SECRET = new byte[32];

    public final Path dataDir;
    public final KeyPair officeKeys = Ed25519.generate();
    public final KeyPair kioskKeys = Ed25519.generate();
    public final KioskIdentity identity;
    public final ConfigBundle bundle;
    public final KioskDatabase database;
    public final Outbox outbox;
    public final SurveyLedger ledger;
    /** The registration slips "synced by the agent", in the kiosk's real database. */
    public final RegistrationBook registrations;
    public final RecordingPrinter printer = new RecordingPrinter();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T03:20:00Z"),
            ZoneId.of("Asia/Jakarta"));
    private final AtomicLong uuidCounter = new AtomicLong();

    public TestKiosk(Path dataDir) {
        this.dataDir = dataDir;
        this.identity = new KioskIdentity(KIOSK, 1, "", kioskKeys.getPrivate());
        this.bundle = new ConfigBundle(ConfigBundle.FORMAT, OFFICE.toString(),
                "Disdukcapil Kota Bandung",
                List.of(new SignerKey(OFFICE.toString(), 1,
                        Ed25519.toBase64(officeKeys.getPublic()), false)),
                List.of(new SignerKey(KIOSK.toString(), 1,
                        Ed25519.toBase64(kioskKeys.getPublic()), false)),
                List.of(new RosterOfficer(VERIFIER.toString(), "Siti Rahmawati",
                                "VERIFIKASI", photo(new Color(0x2e7d32))),
                        new RosterOfficer(RECORDER.toString(), "Budi Santoso", "PEREKAMAN",
                                photo(new Color(0x1565c0)))),
                SurveyDefinitions.defaultSurvey(), List.of());
        try {
            new BundleStore(dataDir).install(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        this.outbox = new Outbox(database, clock, this::nextUuid);
        this.ledger = new SurveyLedger(database, outbox, clock);
        this.registrations = new RegistrationBook(database);
    }

    /** Files slips in the registration book as the agent's pull would. */
    public void syncRegistrations(String... slips) {
        List<RegistrationBook.Entry> entries = new ArrayList<>();
        for (String slip : slips) {
            try {
                RegistrationSlip decoded = SlipCodec.decode(slip, KeyRings.offices(bundle));
                entries.add(new RegistrationBook.Entry(decoded.registrationNumber(), slip,
                        decoded.perekamanAt()));
            } catch (PayloadException e) {
                throw new IllegalArgumentException("not a slip of this office", e);
            }
        }
        registrations.replaceAll(entries);
    }

    public CitizenSession newSession() {
        return new CitizenSession(identity, () -> Optional.of(bundle), ledger, registrations,
                printer, clock, this::nextUuid);
    }

    /** Returns a signed slip naming the verifier and the recorder. */
    public String slip(String registrationNumber) {
        return SlipCodec.encode(slipRecord(registrationNumber, List.of(
                new StageOfficer(ServiceStage.VERIFIKASI, VERIFIER),
                new StageOfficer(ServiceStage.PEREKAMAN, RECORDER))), officeKeys.getPrivate());
    }

    public String slipWithOfficers(String registrationNumber, List<StageOfficer> officers) {
        return SlipCodec.encode(slipRecord(registrationNumber, officers),
                officeKeys.getPrivate());
    }

    /** Returns a slip of this office signed with a key the office never issued. */
    public String forgedSlip(String registrationNumber) {
        return SlipCodec.encode(slipRecord(registrationNumber, List.of(
                new StageOfficer(ServiceStage.PEREKAMAN, RECORDER))),
                Ed25519.generate().getPrivate());
    }

    /** Returns a slip signed by office 3204-01, whose key this kiosk does not hold. */
    public String otherOfficeSlip(String registrationNumber) {
        RegistrationSlip slip = new RegistrationSlip(OfficeId.parse("3204-01"),
                registrationNumber, Instant.parse("2026-12-04T02:15:30Z"), MaskedNik.of(NIK),
                new NikDigest(BINDING_SECRET).digest(NIK),
                List.of(new StageOfficer(ServiceStage.PEREKAMAN, RECORDER)), 1);
        return SlipCodec.encode(slip, Ed25519.generate().getPrivate());
    }

    /** Returns a ticket payload signed by this kiosk. */
    public String ticket(long serial) {
        return TicketCodec.encode(new Ticket(KIOSK, serial, "REG-0001",
                Instant.parse("2026-12-04T03:00:00Z"), MaskedNik.of(NIK),
                new NikDigest(BINDING_SECRET).digest(NIK), 1), kioskKeys.getPrivate());
    }

    private RegistrationSlip slipRecord(String registrationNumber, List<StageOfficer> officers) {
        return new RegistrationSlip(OFFICE, registrationNumber,
                Instant.parse("2026-12-04T02:15:30Z"), MaskedNik.of(NIK),
                new NikDigest(BINDING_SECRET).digest(NIK), officers, 1);
    }

    private UUID nextUuid() {
        return new UUID(0x0190_0000_0000_7000L, uuidCounter.incrementAndGet());
    }

    /** Draws a small head-and-shoulders silhouette as a stand-in roster photo. */
    public static String photo(Color background) {
        BufferedImage image = new BufferedImage(240, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 240, 300);
        g.setColor(new Color(0xf0d9b5));
        g.fillOval(70, 50, 100, 120);
        g.setColor(new Color(0x37474f));
        g.fillRoundRect(30, 190, 180, 140, 80, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    public long countOutbox() {
        return outbox.count("PENDING");
    }
}
