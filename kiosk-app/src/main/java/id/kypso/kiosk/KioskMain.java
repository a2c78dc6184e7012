package id.kypso.kiosk;

import com.fasterxml.uuid.Generators;
import id.kypso.core.config.BundleStore;
import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.systemd.SystemdWatchdog;
import id.kypso.kiosk.counter.AggregatorTickets;
import id.kypso.kiosk.counter.OnlineTickets;
import id.kypso.kiosk.counter.TicketCheck;
import id.kypso.kiosk.gpio.GpioEventWatch;
import id.kypso.kiosk.maintenance.MaintenanceService;
import id.kypso.kiosk.maintenance.PinStore;
import id.kypso.kiosk.maintenance.TrackingPrinter;
import id.kypso.kiosk.printer.ClosableTicketPrinter;
import id.kypso.kiosk.printer.PrinterProfile;
import id.kypso.kiosk.printer.TicketPrinters;
import id.kypso.kiosk.scan.FolderCamera;
import id.kypso.kiosk.scan.ScanListener;
import id.kypso.kiosk.scan.SerialScanner;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.InstalledConfig;
import id.kypso.kiosk.ui.CitizenModel;
import id.kypso.kiosk.ui.CitizenScreens;
import id.kypso.kiosk.ui.CounterModel;
import id.kypso.kiosk.ui.CounterView;
import id.kypso.kiosk.ui.KioskWindow;
import id.kypso.kiosk.ui.MaintenanceModel;
import id.kypso.kiosk.ui.MaintenanceView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the kiosk program: citizen mode by default, counter mode with {@code --counter}. A
 * plain launcher, not a JavaFX {@code Application}, so it runs from the class path.
 */
@Command(name = "kypso-kiosk", mixinStandardHelpOptions = true,
        versionProvider = KioskMain.Version.class,
        description = "KYPSO kiosk: citizens rate the officers who served them and take a"
                + " signed ticket; with --counter, pickup staff check tickets.")
public final class KioskMain implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(KioskMain.class);
    private static final long CONFIG_CHECK_SECONDS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
            description = "Kiosk data folder: kiosk.properties, kiosk.key, kiosk.db,"
                    + " config/bundle.json.")
    Path dataDir;

    @Option(names = "--printer", paramLabel = "SPEC", defaultValue = "file:tickets.escpos",
            description = "Ticket printer: file:PATH (a USB printer device such as"
                    + " /dev/usb/lp0, or a file), tcp:HOST:PORT or serial:PORT[:BAUD]"
                    + " (default: ${DEFAULT-VALUE}, a relative path is in the data folder)."
                    + " Paper width, QR mode and code page come from printer.* keys in"
                    + " kiosk.properties.")
    String printer;

    @Option(names = "--camera-dir", paramLabel = "DIR",
            description = "Simulated camera: each image file copied into DIR is decoded as"
                    + " one camera frame, for machines without a camera.")
    Path cameraDir;

    @Option(names = "--counter",
            description = "Counter mode: check and redeem tickets instead of taking surveys.")
    boolean counter;

    @Option(names = "--lang", paramLabel = "CODE", defaultValue = "id",
            description = "Language the screens start in and return to: id or en"
                    + " (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--windowed",
            description = "A decorated 1920x1080 window instead of locked full screen, for"
                    + " development.")
    boolean windowed;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "90",
            description = "Seconds without a touch before a survey is abandoned and the"
                    + " screen reset (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--sleep-after", paramLabel = "SECONDS", defaultValue = "300",
            description = "Seconds the welcome screen stays untouched before the kiosk shows"
                    + " a dark sleeping screen, which a touch, a key, a scan or the presence"
                    + " sensor wakes; 0 never sleeps (default: ${DEFAULT-VALUE}).")
    int sleepSeconds;

    @Option(names = "--set-maintenance-pin",
            description = "Read a new maintenance PIN (4-12 digits) from standard input, store"
                    + " its hash in the data folder, and exit.")
    boolean setMaintenancePin;

    public static void main(String[] args) {
        System.exit(new CommandLine(new KioskMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!language.equals("id") && !language.equals("en")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--lang must be id or en, got " + language);
        }
        if (idleSeconds < 30) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--idle-timeout must be at least 30 seconds, got " + idleSeconds);
        }
        if (sleepSeconds != 0 && sleepSeconds < 30) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sleep-after must be 0 (never) or at least 30 seconds, so the welcome"
                            + " screen can be read, got " + sleepSeconds);
        }
        try {
            id.kypso.kiosk.printer.PrinterSpec.parse(printer);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid printer '"
                    + printer + "': " + e.getMessage());
        }

        if (setMaintenancePin) {
            return setPin();
        }

        KioskIdentity identity;
        try {
            identity = KioskIdentity.load(dataDir);
        } catch (ConfigException e) {
            System.err.println("kypso-kiosk: " + e.getMessage());
            return 2;
        }
        Properties settings;
        ClosableTicketPrinter devicePrinter;
        try {
            settings = KioskIdentity.readProperties(dataDir);
            devicePrinter = TicketPrinters.create(resolvePrinter(printer),
                    PrinterProfile.fromProperties(settings));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("kypso-kiosk: " + e.getMessage());
            return 2;
        }
        Clock clock = Clock.systemDefaultZone();
        TrackingPrinter ticketPrinter = new TrackingPrinter(devicePrinter, clock);
        KioskDatabase database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        Supplier<UUID> ids = Generators.timeBasedEpochGenerator()::generate;
        Outbox outbox = new Outbox(database, clock, ids);
        SurveyLedger ledger = new SurveyLedger(database, outbox, clock);
        InstalledConfig config = new InstalledConfig(new BundleStore(dataDir));
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kiosk-background");
            thread.setDaemon(true);
            return thread;
        });
        log.info("Kiosk {} starting in {} mode, printer {}", identity.kioskId(),
                counter ? "counter" : "citizen", printer);

        // Read before the FX thread starts, so it never waits on the disk.
        String officeName = config.get().map(bundle -> bundle.officeName())
                .orElse(identity.kioskId().office().toString());
        Platform.setImplicitExit(false);
        if (counter) {
            Optional<OnlineTickets> online = identity.aggregatorUrl().isBlank()
                    ? Optional.empty()
                    : Optional.of(new AggregatorTickets(identity.aggregatorUrl(), identity,
                            clock));
            TicketCheck check = new TicketCheck(identity.kioskId().toString(), config,
                    database, outbox, online, clock);
            Platform.startup(() -> {
                CounterModel model = new CounterModel(check, background, language);
                CounterView view = new CounterView(model, officeName + " - "
                        + identity.kioskId(), clock.getZone());
                KioskWindow window = KioskWindow.open(new Stage(), view.root(), windowed);
                view.attach(window.scene());
                startScanners(settings, model::onScan, () -> { });
            });
        } else {
            CitizenSession session = new CitizenSession(identity, config, ledger,
                    new RegistrationBook(database), ticketPrinter, clock, ids);
            PinStore pins = new PinStore(dataDir, clock, PinStore.DEFAULT_ITERATIONS);
            Platform.startup(() -> {
                CitizenModel model = new CitizenModel(session, background, clock,
                        new CitizenModel.Timeouts(Duration.ofSeconds(idleSeconds),
                                Duration.ofSeconds(20), Duration.ofSeconds(30),
                                Duration.ofSeconds(sleepSeconds)));
                model.setDefaultLanguage(language);
                CitizenScreens screens = new CitizenScreens(model, officeName, clock);
                KioskWindow window = KioskWindow.open(new Stage(), screens.root(), windowed);
                screens.attach(window.scene());
                startScanners(settings, model::onScan, model::onUnreadableFrame);
                watchConfig(config, model::onConfigAvailable);

                MaintenanceService service = new MaintenanceService(identity, dataDir,
                        database, outbox, ledger, config, ticketPrinter, session,
                        model::lastScanAt, clock);
                MaintenanceView[] maintenanceView = new MaintenanceView[1];
                MaintenanceModel maintenance = new MaintenanceModel(pins, service, background,
                        clock, model::messages, () -> {
                            maintenanceView[0].stop();
                            window.show(screens.root());
                            model.reset();
                        });
                maintenanceView[0] = new MaintenanceView(maintenance, clock.getZone());
                model.onMaintenanceRequest(() -> {
                    maintenance.open();
                    window.show(maintenanceView[0].root());
                    maintenanceView[0].start();
                });
                // The agent records GPIO events. Without a presence sensor that time never
                // changes, and only a touch, a key or a scan wakes the screen.
                new GpioEventWatch(database)
                        .on(KioskState.SERVICE_BUTTON_PRESSED_AT, () -> Platform.runLater(() -> {
                            maintenance.openByServiceButton();
                            window.show(maintenanceView[0].root());
                            maintenanceView[0].start();
                        }))
                        .on(KioskState.PRESENCE_DETECTED_AT, model::onPresence)
                        .start();
            });
        }
        startWatchdog(background);
        // The FX toolkit keeps running on its own threads; this thread waits for the end.
        Thread.currentThread().join();
        return 0;
    }

    private int setPin() {
        char[] pin;
        if (System.console() != null) {
            pin = System.console().readPassword("New maintenance PIN (4-12 digits): ");
        } else {
            String line = new java.util.Scanner(System.in, java.nio.charset.StandardCharsets.UTF_8)
                    .nextLine();
            pin = line.strip().toCharArray();
        }
        try {
            new PinStore(dataDir, Clock.systemUTC(), PinStore.DEFAULT_ITERATIONS).setPin(pin);
        } catch (IllegalArgumentException e) {
            System.err.println("kypso-kiosk: " + e.getMessage());
            return 2;
        } finally {
            PinStore.wipe(pin);
        }
        System.out.println("Maintenance PIN stored in " + dataDir);
        return 0;
    }

    /**
     * Sends systemd watchdog keep-alives while the JavaFX application thread runs: each one
     * is posted to that thread and sent from {@code background}, so a hung screen stops them
     * and systemd restarts the kiosk.
     */
    private static void startWatchdog(ExecutorService background) {
        Optional<SystemdWatchdog> watchdog = SystemdWatchdog.fromEnvironment(System.getenv());
        if (watchdog.isEmpty()) {
            return;
        }
        long every = watchdog.get().pingInterval().toMillis();
        log.info("Sending systemd watchdog keep-alives every {} ms", every);
        Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kiosk-watchdog");
            thread.setDaemon(true);
            return thread;
        }).scheduleAtFixedRate(() -> Platform.runLater(
                () -> background.execute(watchdog.get()::ping)), 0, every,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Checks every few seconds, off the JavaFX thread, whether a usable config bundle is
     * installed, so a missing or damaged one shows "out of service" before anyone scans.
     */
    private static void watchConfig(InstalledConfig config,
            java.util.function.Consumer<Boolean> available) {
        Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kiosk-config-check");
            thread.setDaemon(true);
            return thread;
        }).scheduleWithFixedDelay(() -> available.accept(config.get().isPresent()), 0,
                CONFIG_CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** Returns the printer spec with a relative file path resolved in the data folder. */
    private String resolvePrinter(String spec) {
        if (!spec.startsWith("file:") || Path.of(spec.substring(5)).isAbsolute()) {
            return spec;
        }
        return "file:" + dataDir.resolve(spec.substring(5)).toAbsolutePath();
    }

    /**
     * Starts the scanners besides the keyboard wedge: a serial scanner when
     * {@code scanner.serial.port} is set, and the simulated camera of {@code --camera-dir}.
     * They run for the life of the process.
     */
    private void startScanners(Properties settings, ScanListener scans, Runnable unreadable) {
        try {
            Optional<SerialScanner.Settings> serial = SerialScanner.Settings
                    .fromProperties(settings);
            if (serial.isPresent()) {
                new SerialScanner(serial.get(), scans,
                        (reason, detail) -> log.info("Serial scan rejected: {} ({})", reason,
                                detail),
                        connected -> log.info("Serial scanner {}", connected
                                ? "connected" : "disconnected"),
                        System::nanoTime, Thread.ofPlatform().daemon().factory()).start();
            }
            if (cameraDir != null) {
                FolderCamera.start(cameraDir, scans, frame -> unreadable.run());
            }
        } catch (IllegalArgumentException | IOException e) {
            log.error("Scanner could not start: {}; the keyboard wedge still works",
                    e.getMessage(), e);
        }
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = KioskMain.class.getPackage().getImplementationVersion();
            return new String[] {"kypso-kiosk " + (version == null ? "development" : version)};
        }
    }
}
