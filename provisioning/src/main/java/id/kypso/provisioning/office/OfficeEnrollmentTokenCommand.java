package id.kypso.provisioning.office;

import com.fasterxml.jackson.databind.JsonNode;
import id.kypso.core.qr.QrCodes;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.http.AggregatorFailures;
import id.kypso.provisioning.kiosk.EnrollmentQr;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code office enrollment-token}: requests from the aggregator a one-time enrollment token for one
 * kiosk of this office and prints it, with the enrollment QR text and optionally its image.
 */
@Command(name = "enrollment-token", mixinStandardHelpOptions = true)
final class OfficeEnrollmentTokenCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(OfficeEnrollmentTokenCommand.class);

    private final Context context;

    @Option(names = "--office-dir", required = true, paramLabel = "DIR")
    Path officeDir;

    @Mixin
    AdminOptions admin;

    @Option(names = "--qr-out", paramLabel = "FILE")
    Path qrOut;

    @Option(names = "--quiet")
    boolean quiet;

    OfficeEnrollmentTokenCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        OfficeFolder folder = OfficeFolder.load(officeDir);
        AggregatorClient client = admin.client(context);
        String officeId = folder.officeId().toString();

        JsonNode answer;
        try {
            answer = client.admin("POST", "/api/v1/admin/offices/" + officeId
                    + "/enrollment-tokens", admin.token(), Map.of());
        } catch (AggregatorException e) {
            throw AggregatorFailures.ofAdmin(e, "enrollmentToken.rejected");
        }
        String token = answer == null ? "" : answer.path("token").asText("");
        String expiresAt = answer == null ? "" : answer.path("expiresAt").asText("");
        if (token.isBlank()) {
            throw new CliFailure(ExitCode.AGGREGATOR_REJECTED, "enrollmentToken.empty",
                    client.baseUrl());
        }
        log.info("Issued an enrollment token for office {}, expiring {}", officeId, expiresAt);

        if (quiet) {
            context.out().println(token);
            context.out().flush();
        } else {
            context.say("enrollmentToken.issued", officeId, expiresAt);
            context.out().println(token);
            context.say("enrollmentToken.qrText");
            context.out().println(qrText(client.baseUrl(), token));
            context.out().flush();
        }
        if (qrOut != null) {
            writeQr(qrText(client.baseUrl(), token));
            if (!quiet) {
                context.say("enrollmentToken.qrWritten", qrOut.toAbsolutePath());
            }
        }
        return 0;
    }

    private static String qrText(String baseUrl, String token) throws CliFailure {
        try {
            return new EnrollmentQr(baseUrl, token).text();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, "enrollmentToken.unusable",
                    e.getMessage());
        }
    }

    private void writeQr(String text) throws CliFailure {
        BufferedImage image = QrCodes.draw(text, 8);
        try {
            Path parent = qrOut.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!ImageIO.write(image, "png", qrOut.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", qrOut, e.getMessage());
        }
    }
}
