package id.kypso.aggregator.web;

import com.fasterxml.jackson.core.type.TypeReference;
import id.kypso.aggregator.admin.Office;
import id.kypso.aggregator.admin.OfficeRegistry;
import id.kypso.aggregator.admin.RosterImport;
import id.kypso.aggregator.auth.AdminAuthenticator;
import id.kypso.aggregator.auth.KioskAuthenticator;
import id.kypso.aggregator.auth.RateLimiter;
import id.kypso.aggregator.auth.Role;
import id.kypso.aggregator.auth.UserAccounts;
import id.kypso.aggregator.config.ConfigService;
import id.kypso.aggregator.config.SurveyCatalog;
import id.kypso.aggregator.enroll.EnrollmentService;
import id.kypso.aggregator.enroll.Kiosk;
import id.kypso.aggregator.enroll.KioskRegistry;
import id.kypso.aggregator.fleet.FleetService;
import id.kypso.aggregator.ingest.IngestService;
import id.kypso.aggregator.registration.RegistrationService;
import id.kypso.aggregator.report.Period;
import id.kypso.aggregator.report.RaporService;
import id.kypso.aggregator.ticket.TicketService;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.core.identity.Nip;
import id.kypso.core.survey.SurveyDefinition;
import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import id.kypso.core.sync.Enrollment;
import id.kypso.core.sync.Heartbeat;
import id.kypso.core.sync.KeyRotation;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.RegistrationUpload;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON API: sync API v1 for kiosks and counters, the admin API and the report API. */
public final class ApiRoutes {
    private final Services services;
    private final KioskAuthenticator kioskAuth;
    private final AdminAuthenticator adminAuth;
    private final UserAccounts accounts;

    /** The feature services the routes call. */
    public record Services(EnrollmentService enrollment, KioskRegistry kiosks,
            OfficeRegistry offices, SurveyCatalog surveys, IngestService ingest,
            ConfigService config, FleetService fleet, TicketService tickets,
            RaporService rapor, RegistrationService registrations, RateLimiter uploads) {
    }

    public ApiRoutes(Services services, KioskAuthenticator kioskAuth,
            AdminAuthenticator adminAuth, UserAccounts accounts) {
        this.services = services;
        this.kioskAuth = kioskAuth;
        this.adminAuth = adminAuth;
        this.accounts = accounts;
    }

    public void register(Javalin app) {
        app.post("/api/v1/enroll", ctx -> Problems.json(ctx, services.enrollment().enroll(
                Problems.read(ctx.bodyAsBytes(), Enrollment.Request.class))));

        app.post("/api/v1/records", kioskAuth.signed((ctx, kiosk, body) -> Problems.json(ctx,
                services.ingest().push(kiosk, Problems.read(body, PushRequest.class)))));
        app.get("/api/v1/config", kioskAuth.signed((ctx, kiosk, body) -> {
            ConfigService.Rendered rendered = services.config().render(kiosk);
            ctx.header("ETag", rendered.etag());
            ctx.header("Cache-Control", "no-cache");
            String ifNoneMatch = ctx.header("If-None-Match");
            if (ifNoneMatch != null && List.of(ifNoneMatch.split("\\s*,\\s*"))
                    .contains(rendered.etag())) {
                ctx.status(304);
                return;
            }
            ctx.status(200).contentType("application/json").result(rendered.json());
        }));
        app.post("/api/v1/kiosk/key", kioskAuth.signed((ctx, kiosk, body) -> {
            KeyRotation rotation = Problems.read(body, KeyRotation.class);
            checkRotation(kiosk, rotation);
            services.kiosks().rotate(kiosk.id(), rotation.keyVersion(), rotation.publicKey());
            Problems.json(ctx, Map.of("kioskId", kiosk.id().toString(), "keyVersion",
                    rotation.keyVersion()));
        }));
        app.get("/api/v1/registrations", kioskAuth.signed((ctx, kiosk, body) -> {
            String sinceText = ctx.queryParam("since");
            Instant since;
            try {
                since = sinceText == null ? null : Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("since must be an ISO-8601 instant such as"
                        + " 2026-12-04T03:00:00Z, not " + sinceText);
            }
            ctx.header("Cache-Control", "no-store");
            Problems.json(ctx, services.registrations().recent(kiosk.office().toString(),
                    since));
        }));

        // The perekaman desk has no admin token. Each slip must verify under a key of the
        // office, so the slips are their own credential.
        app.post("/api/v1/offices/{officeId}/registrations", ctx -> {
            String officeId = ctx.pathParam("officeId");
            if (!services.uploads().tryAcquire("registrations/" + officeId)) {
                throw new ProblemException(429, "rate-limited", "Too many requests",
                        "too many registration uploads for office " + officeId);
            }
            Problems.json(ctx, services.registrations().upload(officeId,
                    Problems.read(ctx.bodyAsBytes(), RegistrationUpload.class)));
        });
        app.post("/api/v1/heartbeat", kioskAuth.signed((ctx, kiosk, body) -> Problems.json(ctx,
                services.fleet().record(kiosk, Problems.read(body, Heartbeat.class)))));
        app.get("/api/v1/tickets/{kioskId}/{serial}", kioskAuth.signed((ctx, kiosk, body) ->
                Problems.json(ctx, services.tickets().status(kiosk, ctx.pathParam("kioskId"),
                        serial(ctx)))));
        app.post("/api/v1/tickets/{kioskId}/{serial}/redeem", kioskAuth.signed(
                (ctx, kiosk, body) -> Problems.json(ctx, services.tickets().redeem(kiosk,
                        ctx.pathParam("kioskId"), serial(ctx)))));

        registerAdmin(app);
        registerReports(app);
    }

    private static void checkRotation(Kiosk kiosk, KeyRotation rotation) {
        if (rotation.keyVersion() < 0 || rotation.keyVersion() > 255) {
            throw ProblemException.unprocessable("keyVersion must be 0-255: "
                    + rotation.keyVersion());
        }
        PublicKey newKey;
        byte[] proof;
        try {
            newKey = Ed25519.publicKey(rotation.publicKey());
            proof = Base64.getDecoder().decode(String.valueOf(rotation.proof()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("publicKey and proof must be base64 of an"
                    + " Ed25519 key and signature");
        }
        if (!Ed25519.verify(newKey, KeyRotation.proofText(kiosk.id().toString(),
                rotation.keyVersion(), rotation.publicKey()), proof)) {
            throw ProblemException.unprocessable("proof is not signed by the new key");
        }
    }

    private void registerAdmin(Javalin app) {
        app.post("/api/v1/admin/offices", adminAuth.admin(ctx -> {
            OfficeRequest request = Problems.read(ctx.bodyAsBytes(), OfficeRequest.class);
            Problems.json(ctx, services.offices().upsert(request.officeId(), request.name(),
                    request.publicKey(), request.keyVersion()));
        }));
        app.get("/api/v1/admin/offices", adminAuth.admin(ctx ->
                Problems.json(ctx, services.offices().all())));
        app.put("/api/v1/admin/offices/{officeId}/roster", adminAuth.admin(ctx -> {
            String type = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
            List<RosterOfficer> roster;
            if (type.startsWith("text/csv")) {
                roster = RosterImport.fromCsv(ctx.bodyAsBytes());
            } else if (type.startsWith("application/zip")) {
                roster = RosterImport.fromZip(ctx.bodyAsBytes());
            } else {
                roster = readList(ctx.bodyAsBytes());
            }
            services.offices().replaceRoster(ctx.pathParam("officeId"), roster);
            Problems.json(ctx, Map.of("officeId", ctx.pathParam("officeId"),
                    "officers", roster.size()));
        }));
        app.post("/api/v1/admin/offices/{officeId}/enrollment-tokens", adminAuth.admin(ctx ->
                Problems.json(ctx, services.enrollment().issueToken(ctx.pathParam("officeId")))));
        app.post("/api/v1/admin/offices/{officeId}/keys/{keyVersion}/revoke",
                adminAuth.admin(ctx -> {
                    services.offices().revokeKey(ctx.pathParam("officeId"),
                            intParam(ctx, "keyVersion"));
                    Problems.json(ctx, services.offices().keys(ctx.pathParam("officeId")));
                }));
        app.put("/api/v1/admin/survey", adminAuth.admin(ctx -> {
            SurveyDefinition definition = services.surveys().upload(ctx.bodyAsBytes());
            Problems.json(ctx, Map.of("surveyId", definition.id(), "version",
                    definition.version(), "questions", definition.questions().size()));
        }));
        app.get("/api/v1/admin/surveys", adminAuth.admin(ctx ->
                Problems.json(ctx, services.surveys().versions())));
        app.post("/api/v1/admin/kiosks/{kioskId}/revoke", adminAuth.admin(ctx -> {
            KioskId kioskId = kioskId(ctx.pathParam("kioskId"));
            if (!services.kiosks().revoke(kioskId)) {
                throw ProblemException.notFound("kiosk " + kioskId + " is not enrolled");
            }
            Problems.json(ctx, Map.of("kioskId", kioskId.toString(), "revoked", true));
        }));
        app.post("/api/v1/admin/tickets/{kioskId}/{serial}/revoke", adminAuth.admin(ctx -> {
            KioskId kioskId = kioskId(ctx.pathParam("kioskId"));
            long serial = serial(ctx);
            if (serial < 1 || serial > 0xffff_ffffL) {
                throw ProblemException.badRequest("ticket serial must be 1-4294967295: "
                        + serial);
            }
            services.tickets().revoke(kioskId, serial);
            Problems.json(ctx, Map.of("ticketId", kioskId + "/" + serial, "revoked", true));
        }));
        app.put("/api/v1/admin/users/{username}", adminAuth.admin(ctx -> {
            UserRequest request = Problems.read(ctx.bodyAsBytes(), UserRequest.class);
            if (request.role() == null) {
                throw ProblemException.unprocessable("role must be one of "
                        + java.util.Arrays.toString(Role.values()));
            }
            if (request.role() == Role.OFFICE_HEAD && request.officeId() != null) {
                services.offices().require(request.officeId());
            }
            try {
                accounts.createUser(ctx.pathParam("username"), request.password() == null
                        ? new char[0] : request.password().toCharArray(), request.role(),
                        request.officeId());
            } catch (IllegalArgumentException e) {
                throw ProblemException.unprocessable(e.getMessage());
            }
            Problems.json(ctx, Map.of("username", ctx.pathParam("username"), "role",
                    request.role().name()));
        }));
        app.get("/api/v1/admin/fleet", adminAuth.admin(ctx -> Problems.json(ctx,
                services.fleet().fleet(Optional.ofNullable(ctx.queryParam("office"))))));
    }

    private void registerReports(Javalin app) {
        app.get("/api/v1/rapor/officers/{nip}", ctx -> Problems.json(ctx,
                services.rapor().officer(nip(ctx), period(ctx))));
        app.get("/api/v1/rapor/offices/{officeId}", ctx -> Problems.json(ctx,
                services.rapor().office(services.offices().require(ctx.pathParam("officeId")),
                        period(ctx))));
        app.get("/api/v1/rapor/regions/{region}", ctx -> Problems.json(ctx,
                services.rapor().region(region(ctx), period(ctx))));
        app.get("/api/v1/rapor/regions", ctx -> Problems.json(ctx,
                services.rapor().regions()));
    }

    /** Returns the period query parameter, or 400 naming the accepted forms. */
    public static Period period(Context ctx) {
        try {
            return Period.parse(ctx.queryParam("period"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    public static String nip(Context ctx) {
        try {
            return Nip.parse(ctx.pathParam("nip")).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    public static String region(Context ctx) {
        String region = ctx.pathParam("region");
        if (!region.matches("\\d{4}")) {
            throw ProblemException.badRequest("kabupaten/kota code must be 4 digits: " + region);
        }
        return region;
    }

    public static Office office(Context ctx, OfficeRegistry offices) {
        return offices.require(ctx.pathParam("officeId"));
    }

    private static KioskId kioskId(String text) {
        try {
            return KioskId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static long serial(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("serial"));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("ticket serial must be a number: "
                    + ctx.pathParam("serial"));
        }
    }

    private static int intParam(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a number: " + ctx.pathParam(name));
        }
    }

    private static List<RosterOfficer> readList(byte[] body) {
        try {
            List<RosterOfficer> roster = Problems.mapper().readValue(body,
                    new TypeReference<List<RosterOfficer>>() { });
            if (roster == null) {
                throw ProblemException.badRequest("roster must be a JSON array");
            }
            return roster;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(400, "bad-json", "Bad JSON", "roster is not a JSON array"
                    + " of officers: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("roster cannot be read: " + e.getMessage());
        }
    }

    /** The body of {@code PUT /api/v1/admin/users/{username}}. */
    public record UserRequest(Role role, String officeId, String password) {
    }

    /** The body of {@code POST /api/v1/admin/offices}. */
    public record OfficeRequest(String officeId, String name, String publicKey, int keyVersion) {
    }
}
