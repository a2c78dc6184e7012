package id.kypso.provisioning.slip;

import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.Nik;
import id.kypso.core.identity.Nip;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.StageOfficer;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.office.OfficeFolder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the operator's text input for one slip into a {@link RegistrationSlip}. Every failure
 * names the field and shows at most the masked NIK, never the full one.
 */
final class SlipRequest {
    /** Perekaman times more than this far ahead of the desk clock are typing mistakes. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(10);

    private SlipRequest() {
    }

    static RegistrationSlip build(OfficeFolder office, String nikText, String registration,
            String timeText, List<String> officerTexts, Instant now, ZoneId zone)
            throws CliFailure {
        Nik nik = parseNik(nikText);
        String number = registration == null ? "" : registration.strip()
                .toUpperCase(Locale.ROOT);
        if (!RegistrationSlip.isValidRegistrationNumber(number)) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.registrationInvalid",
                    registration);
        }
        Instant perekamanAt = timeText == null || timeText.isBlank() ? now
                : parseTime(timeText.strip(), zone);
        if (perekamanAt.isAfter(now.plus(MAX_FUTURE))) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.timeInFuture", timeText, now);
        }
        List<StageOfficer> officers = parseOfficers(officerTexts);
        return new RegistrationSlip(office.officeId(), number, perekamanAt, MaskedNik.of(nik),
                new NikDigest(office.bindingSecret()).digest(nik), officers,
                office.keyVersion());
    }

    static Nik parseNik(String text) throws CliFailure {
        String digits = text == null ? "" : text.strip();
        if (digits.length() == 16 && !digits.matches("\\d{16}")) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.nikDigits");
        }
        if (!digits.matches("\\d{16}")) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.nikLength", digits.length());
        }
        try {
            return Nik.parse(digits);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.nikDate",
                    digits.substring(0, 4) + "********" + digits.substring(12));
        }
    }

    static Instant parseTime(String text, ZoneId zone) throws CliFailure {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new CliFailure(ExitCode.INVALID_INPUT, e, "slip.timeInvalid", text,
                        zone);
            }
        }
    }

    static List<StageOfficer> parseOfficers(List<String> texts) throws CliFailure {
        if (texts == null || texts.isEmpty()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.officersMissing");
        }
        if (texts.size() > RegistrationSlip.MAX_OFFICERS) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "slip.officersTooMany", texts.size(),
                    RegistrationSlip.MAX_OFFICERS);
        }
        List<StageOfficer> officers = new ArrayList<>();
        for (String text : texts) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new CliFailure(ExitCode.INVALID_INPUT, "slip.officerFormat", text);
            }
            String stageText = text.substring(0, equals).strip().toUpperCase(Locale.ROOT);
            ServiceStage stage;
            try {
                stage = ServiceStage.valueOf(stageText);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCode.INVALID_INPUT, "slip.stageInvalid", stageText);
            }
            Nip nip;
            try {
                nip = Nip.parse(text.substring(equals + 1));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCode.INVALID_INPUT, e, "slip.nipInvalid",
                        text.substring(equals + 1).strip(), e.getMessage());
            }
            StageOfficer officer = new StageOfficer(stage, nip);
            if (officers.contains(officer)) {
                throw new CliFailure(ExitCode.INVALID_INPUT, "slip.officerTwice", stage, nip);
            }
            officers.add(officer);
        }
        return officers;
    }
}
