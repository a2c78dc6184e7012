package id.kypso.kiosk.maintenance;

import id.kypso.core.config.KioskIdentity;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.StoreException;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.printer.TicketPrint;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.InstalledConfig;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind maintenance mode, without any user interface: health, test page, reprints,
 * config reload and return to service. Calls may block on the database or the printer, so the
 * screens run them on the background executor.
 */
public final class MaintenanceService {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceService.class);

    private final KioskIdentity identity;
    private final Path dataDir;
    private final KioskDatabase database;
    private final Outbox outbox;
    private final SurveyLedger ledger;
    private final InstalledConfig config;
    private final TrackingPrinter printer;
    private final CitizenSession session;
    private final Supplier<Optional<Instant>> lastScan;
    private final Clock clock;

    public MaintenanceService(KioskIdentity identity, Path dataDir, KioskDatabase database,
            Outbox outbox, SurveyLedger ledger, InstalledConfig config, TrackingPrinter printer,
            CitizenSession session, Supplier<Optional<Instant>> lastScan, Clock clock) {
        this.identity = identity;
        this.dataDir = dataDir;
        this.database = database;
        this.outbox = outbox;
        this.ledger = ledger;
        this.config = config;
        this.printer = printer;
        this.session = session;
        this.lastScan = lastScan;
        this.clock = clock;
    }

    /** Collects the kiosk's health; parts that fail to read are reported, not thrown. */
    public Health health() {
        long free = -1;
        long total = -1;
        try {
            FileStore store = Files.getFileStore(dataDir);
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            log.warn("Cannot read free space of {}: {}", dataDir, e.getMessage());
        }
        long unsent = -1;
        Optional<Instant> oldest = Optional.empty();
        Optional<Instant> lastSync = Optional.empty();
        try {
            unsent = outbox.count("PENDING");
            oldest = outbox.oldestPending();
            lastSync = lastSync();
        } catch (StoreException e) {
            log.error("Cannot read the outbox for the health screen", e);
        }
        Optional<ConfigBundle> bundle = config.get();
        String summary = bundle.map(b -> b.officeId() + " " + b.officeName() + ", survey "
                + b.survey().id() + " v" + b.survey().version() + ", " + b.roster().size()
                + " officers").orElse("-");
        String version = Optional.ofNullable(MaintenanceService.class.getPackage()
                .getImplementationVersion()).orElse("development");
        return new Health(printer.last(), lastScan.get(), free, total, unsent, oldest,
                lastSync, version + " (" + identity.kioskId() + ")", summary, config.problem(),
                session.isOutOfService());
    }

    /** Prints a test page that shows the kiosk id and the time. */
    public PrintResult printTestPage() {
        TicketPrint page = new TicketPrint(officeName(), identity.kioskId().toString(),
                "TEST", "-", "-", clock.instant().atZone(clock.getZone()),
                "KYPSO TEST " + identity.kioskId() + " " + clock.instant(),
                List.of("Halaman uji printer / printer test page"));
        PrintResult result = printer.print(page);
        log.info("Test page printed: {}", result);
        return result;
    }

    /** Returns the latest tickets, newest first. */
    public List<RecentTicket> recentTickets(int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT serial, issued_at, printed_at, print_error FROM ticket"
                            + " ORDER BY serial DESC LIMIT ?")) {
                select.setInt(1, limit);
                List<RecentTicket> tickets = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long serial = rows.getLong(1);
                        tickets.add(new RecentTicket(serial, shortCode(serial),
                                Instant.parse(rows.getString(2)), rows.getString(3) != null,
                                rows.getString(4)));
                    }
                }
                return tickets;
            }
        });
    }

    /** Prints an issued ticket again from its stored payload and records the outcome. */
    public PrintResult reprint(long serial) {
        TicketPrint ticket = database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT registration_number, issued_at, masked_nik, payload FROM ticket"
                            + " WHERE serial = ?")) {
                select.setLong(1, serial);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                    String masked = rows.getString(3);
                    return new TicketPrint(officeName(), identity.kioskId().toString(),
                            shortCode(serial), rows.getString(1), masked == null ? "-" : masked,
                            Instant.parse(rows.getString(2)).atZone(clock.getZone()),
                            rows.getString(4), List.of("Cetak ulang / reprint"));
                }
            }
        });
        if (ticket == null) {
            throw new IllegalArgumentException("no ticket with serial " + serial);
        }
        PrintResult result = printer.print(ticket);
        if (result instanceof PrintResult.Failed failed) {
            ledger.markPrintFailed(serial, failed.fault() + ": " + failed.reason());
        } else {
            ledger.markPrinted(serial);
        }
        log.info("Ticket serial {} reprinted: {}", serial, result);
        return result;
    }

    /** Reads the config bundle again; returns the problem when the new one was not taken. */
    public Optional<String> reloadConfig() {
        return config.reload();
    }

    public void returnToService() {
        session.returnToService();
    }

    private Optional<Instant> lastSync() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT max(sent_at) FROM outbox WHERE state = 'SENT'");
                    ResultSet rows = select.executeQuery()) {
                String value = rows.next() ? rows.getString(1) : null;
                return Optional.ofNullable(value).map(Instant::parse);
            }
        });
    }

    private String shortCode(long serial) {
        return String.format("K%02d-%06d", identity.kioskId().number(), serial);
    }

    private String officeName() {
        return config.get().map(ConfigBundle::officeName)
                .orElse(identity.kioskId().office().toString());
    }
}
