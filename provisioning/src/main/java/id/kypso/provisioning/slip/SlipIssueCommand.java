package id.kypso.provisioning.slip;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.slip.StageOfficer;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.Csv;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.cli.SecureFiles;
import id.kypso.provisioning.office.OfficeFolder;
import id.kypso.provisioning.office.RosterNips;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slip issue}: signs registration slips with the office key and writes each as a PNG
 * one receipt wide, either one slip from options or many from a CSV file. Every PNG is read back
 * and its QR code decoded and verified before the command reports success.
 */
@Command(name = "issue", mixinStandardHelpOptions = true)
final class SlipIssueCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(SlipIssueCommand.class);

    private final Context context;

    @Option(names = "--office-dir", required = true, paramLabel = "DIR")
    Path officeDir;

    @Option(names = "--nik", paramLabel = "NIK")
    String nik;

    @Option(names = "--registration", paramLabel = "NUMBER")
    String registration;

    @Option(names = "--perekaman-time", paramLabel = "ISO_TIME")
    String perekamanTime;

    @Option(names = "--officer", paramLabel = "STAGE=NIP")
    List<String> officers = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Option(names = "--batch", paramLabel = "CSV")
    Path batch;

    @Option(names = "--out-dir", paramLabel = "DIR")
    Path outDir;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Jakarta")
    String zone;

    @Option(names = "--width", paramLabel = "DOTS", defaultValue = "576")
    int width;

    @Option(names = "--aggregator", paramLabel = "URL")
    String aggregator;

    SlipIssueCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        ZoneId zoneId = parseZone();
        if (width < SlipImage.MIN_WIDTH || width > 2000) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.widthInvalid", width,
                    SlipImage.MIN_WIDTH);
        }
        boolean single = nik != null || registration != null || out != null
                || !officers.isEmpty();
        if (batch != null && single) {
            throw new CliFailure(ExitCode.USAGE, "slip.modeBoth");
        }
        OfficeFolder office = OfficeFolder.load(officeDir);
        SlipImage renderer = new SlipImage(context.messages(), zoneId, width);
        if (batch != null) {
            return issueBatch(office, renderer, zoneId);
        }
        List<String> missing = new ArrayList<>();
        if (nik == null) {
            missing.add("--nik");
        }
        if (registration == null) {
            missing.add("--registration");
        }
        if (officers.isEmpty()) {
            missing.add("--officer");
        }
        if (out == null) {
            missing.add("--out");
        }
        if (!missing.isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, "slip.singleIncomplete",
                    String.join(", ", missing));
        }
        RegistrationSlip slip = SlipRequest.build(office, nik, registration, perekamanTime,
                officers, context.clock().instant(), zoneId);
        warnAboutUnlistedOfficers(List.of(slip));
        String qrText = write(office, renderer, slip, out);
        log.info("Issued slip {} of office {} to {}", slip.registrationNumber(), slip.office(),
                out);
        context.say("slip.issued", slip.registrationNumber(), slip.maskedNik(),
                out.toAbsolutePath());
        send(office, List.of(qrText));
        return 0;
    }

    private int issueBatch(OfficeFolder office, SlipImage renderer, ZoneId zoneId)
            throws CliFailure {
        if (outDir == null) {
            throw new CliFailure(ExitCode.USAGE, "slip.batchNoOutDir");
        }
        String text;
        try {
            text = Files.readString(batch, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.missing", batch);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", batch, e.getMessage());
        }
        List<String> header = Csv.header(text);
        for (String column : List.of("nik", "registration")) {
            if (!header.contains(column)) {
                throw new CliFailure(ExitCode.INVALID_INPUT, "slip.batchColumnMissing", batch,
                        column);
            }
        }

        // Check every row first, so a bad row means no slips at all and nothing to sort out.
        Instant now = context.clock().instant();
        Map<Path, RegistrationSlip> slips = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (Csv.Row row : Csv.parse(text)) {
            try {
                RegistrationSlip slip = SlipRequest.build(office, row.get("nik"),
                        row.get("registration"), row.get("perekaman_time"),
                        officerColumns(row), now, zoneId);
                if (!numbers.add(slip.registrationNumber())) {
                    problems.add(context.messages().text("slip.batchRow", row.line(),
                            context.messages().text("slip.batchDuplicate",
                                    slip.registrationNumber())));
                    continue;
                }
                slips.put(outDir.resolve(fileName(slip)), slip);
            } catch (CliFailure e) {
                problems.add(context.messages().text("slip.batchRow", row.line(),
                        context.messages().text(e.key() + ".problem", e.arguments())));
            }
        }
        if (!problems.isEmpty()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.batchInvalid", batch,
                    problems.size(), String.join("\n  ", problems));
        }
        if (slips.isEmpty()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.batchEmpty", batch);
        }

        warnAboutUnlistedOfficers(slips.values());
        List<String> qrTexts = new ArrayList<>();
        for (Map.Entry<Path, RegistrationSlip> entry : slips.entrySet()) {
            qrTexts.add(write(office, renderer, entry.getValue(), entry.getKey()));
        }
        log.info("Issued {} slips of office {} from {} into {}", slips.size(),
                office.officeId(), batch, outDir);
        context.say("slip.batchIssued", slips.size(), outDir.toAbsolutePath());
        send(office, qrTexts);
        return 0;
    }

    // A NIP missing from the roster is allowed (a new officer may start before the roster is
    // updated), but the kiosk shows that officer without a name or photo, so it is flagged.
    private void warnAboutUnlistedOfficers(Collection<RegistrationSlip> slips) throws CliFailure {
        Optional<Set<String>> roster = RosterNips.read(officeDir);
        if (roster.isEmpty()) {
            return;
        }
        Set<String> warned = new HashSet<>();
        for (RegistrationSlip slip : slips) {
            for (StageOfficer officer : slip.officers()) {
                String nip = officer.nip().digits();
                if (!roster.get().contains(nip) && warned.add(nip)) {
                    context.warn("slip.nipNotOnRoster", nip, officer.stage());
                }
            }
        }
    }

    /**
     * Sends the new slips, and any left unsent before, when an aggregator is given. The slips
     * are saved first, so a failed send loses nothing: the slip is printed and the next
     * {@code slip issue} or {@code slip upload} sends it.
     */
    private void send(OfficeFolder office, List<String> qrTexts) throws CliFailure {
        if (aggregator == null) {
            return;
        }
        SlipUpload upload = new SlipUpload(context, officeDir);
        upload.keep(qrTexts);
        SlipUpload.Sent sent;
        try {
            sent = upload.send(aggregator, office.officeId().toString());
        } catch (CliFailure e) {
            // The slip is printed and kept unsent, so the desk goes on. The reason and its fix
            // are shown, so that a lasting cause (say, an unregistered office) gets fixed.
            context.warn("slip.uploadDeferred", context.messages().text(e.key() + ".problem",
                    e.arguments()));
            context.warn("slip.uploadDeferredFix", context.messages().text(e.key() + ".remedy",
                    e.arguments()));
            return;
        }
        SlipUploadCommand.report(context, sent, office);
    }

    private static List<String> officerColumns(Csv.Row row) {
        List<String> officers = new ArrayList<>();
        for (ServiceStage stage : ServiceStage.values()) {
            String nip = row.get(stage.name().toLowerCase(Locale.ROOT) + "_nip");
            if (!nip.isEmpty()) {
                officers.add(stage.name() + "=" + nip);
            }
        }
        return officers;
    }

    static String fileName(RegistrationSlip slip) {
        return slip.registrationNumber().replace('/', '_') + ".png";
    }

    /** Renders, checks and saves one slip; returns its signed QR text. */
    private String write(OfficeFolder office, SlipImage renderer, RegistrationSlip slip,
            Path file) throws CliFailure {
        String qrText = SlipCodec.encode(slip, office.privateKey());
        BufferedImage image = renderer.render(slip, qrText, office.name());
        byte[] png;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            png = bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding in memory failed", e);
        }
        verify(png, slip, office);
        try {
            SecureFiles.writePublic(file, png);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", file, e.getMessage());
        }
        return qrText;
    }

    // Reads the printed image back as a kiosk would, so an unreadable slip never leaves here.
    private static void verify(byte[] png, RegistrationSlip slip, OfficeFolder office) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            String text = QrCodes.read(image).orElseThrow(() -> new IllegalStateException(
                    "the QR code of slip " + slip.registrationNumber() + " cannot be read back"));
            MapKeyRing ring = new MapKeyRing().put(office.officeId().toString(),
                    office.keyVersion(), office.publicKey());
            if (!SlipCodec.decode(text, ring).equals(slip)) {
                throw new IllegalStateException("slip " + slip.registrationNumber()
                        + " reads back different from what was signed");
            }
        } catch (IOException | PayloadException e) {
            throw new IllegalStateException("slip " + slip.registrationNumber()
                    + " does not verify after rendering: " + e.getMessage(), e);
        }
    }

    private ZoneId parseZone() throws CliFailure {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "slip.zoneInvalid", zone);
        }
    }
}
