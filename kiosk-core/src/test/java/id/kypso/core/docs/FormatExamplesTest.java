package id.kypso.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.Nik;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.sync.RegistrationList;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Decodes the worked examples of docs/formats.md, so the spec cannot drift from the code. */
class FormatExamplesTest {
    private static final String OFFICE_PUBLIC = "ebVWLo/mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ=";
    private static final String KIOSK_PUBLIC = "JUO5L/EJVRFHatyDadtt3JM2ZaEZeN2hQE7hBmypVZ0=";
    private static final String KIOSK_PRIVATE = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";

    private final String spec = readSpec();

    @Test
    void slipExample_decodesToTheDocumentedFields() throws Exception {
        MapKeyRing ring = new MapKeyRing().put("3273-01", 1, Ed25519.publicKey(OFFICE_PUBLIC));

        RegistrationSlip slip = SlipCodec.decode(example("KS1:"), ring);

        assertThat(slip.registrationNumber()).isEqualTo("3273-20261204-0001");
        assertThat(slip.perekamanAt()).isEqualTo(Instant.parse("2026-12-04T02:15:30Z"));
        assertThat(slip.maskedNik().toString()).isEqualTo("3273********0001");
        assertThat(slip.officers()).extracting(o -> o.stage() + "=" + o.nip())
                .containsExactly(ServiceStage.VERIFIKASI + "=198503122010011001",
                        ServiceStage.PEREKAMAN + "=199001052015032002");
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        assertThat(slip.nikDigest())
                .isEqualTo(new NikDigest(secret).digest(Nik.parse("3273014506900001")));
        assertThat(example("KS1:")).hasSize(193);
    }

    @Test
    void ticketExample_decodesToTheDocumentedFields() throws Exception {
        MapKeyRing ring = new MapKeyRing().put("3273-01-K01", 1,
                Ed25519.publicKey(KIOSK_PUBLIC));

        Ticket ticket = TicketCodec.decode(example("KT1:"), ring);

        assertThat(ticket.ticketId()).isEqualTo("3273-01-K01/42");
        assertThat(ticket.shortCode()).isEqualTo("K01-000042");
        assertThat(ticket.issuedAt()).isEqualTo(Instant.parse("2026-12-04T03:10:00Z"));
    }

    @Test
    void signedRequestExample_verifies() {
        Matcher body = Pattern.compile("\\n(\\{\"kioskId\".*)\\n").matcher(spec);
        Matcher signature = Pattern.compile("Kypso-Signature: (\\S+)").matcher(spec);
        assertThat(body.find()).isTrue();
        assertThat(signature.find()).isTrue();
        byte[] bytes = body.group(1).getBytes(StandardCharsets.UTF_8);

        assertThat(spec).contains(RequestSignature.canonical("POST", "/api/v1/records",
                1796353800000L, bytes));
        assertThat(RequestSignature.verify(Ed25519.publicKey(KIOSK_PUBLIC), signature.group(1),
                "POST", "/api/v1/records", 1796353800000L, bytes)).isTrue();
        assertThat(RequestSignature.sign(Ed25519.privateKey(KIOSK_PRIVATE), "POST",
                "/api/v1/records", 1796353800000L, bytes)).isEqualTo(signature.group(1));
    }

    @Test
    void registrationListExample_readsAndItsSlipVerifies() throws Exception {
        Matcher block = Pattern.compile("```json\\n(\\{\"format\": \"kypso-registrations/1\""
                + ".*?)```", Pattern.DOTALL).matcher(spec);
        assertThat(block.find()).as("registration list example").isTrue();

        RegistrationList list = SyncJson.newMapper().readValue(block.group(1),
                RegistrationList.class);

        assertThat(list.format()).isEqualTo(RegistrationList.FORMAT);
        assertThat(list.complete()).isTrue();
        assertThat(list.asOf()).isEqualTo(Instant.parse("2026-12-04T03:10:00Z"));
        assertThat(list.slips()).containsExactly(example("KS1:"));
        MapKeyRing ring = new MapKeyRing().put("3273-01", 1, Ed25519.publicKey(OFFICE_PUBLIC));
        assertThat(SlipCodec.decode(list.slips().get(0), ring).registrationNumber())
                .isEqualTo("3273-20261204-0001");
    }

    private String example(String prefix) {
        Matcher matcher = Pattern.compile("^(" + Pattern.quote(prefix) + "\\S.*)$",
                Pattern.MULTILINE).matcher(spec);
        assertThat(matcher.find()).as("example starting %s in docs/formats.md", prefix).isTrue();
        return matcher.group(1);
    }

    private static String readSpec() {
        Path path = Path.of("..", "docs", "formats.md");
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }
}
