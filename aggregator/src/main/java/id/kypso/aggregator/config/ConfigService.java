package id.kypso.aggregator.config;

import id.kypso.aggregator.admin.Office;
import id.kypso.aggregator.admin.OfficeRegistry;
import id.kypso.aggregator.enroll.Kiosk;
import id.kypso.aggregator.enroll.KioskRegistry;
import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.Problems;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.ConfigBundle.SignerKey;
import id.kypso.core.sync.RequestSignature;
import java.util.List;

/** Builds the config bundle of a kiosk's office, with an ETag over its exact bytes. */
public final class ConfigService {
    private final Database database;
    private final OfficeRegistry offices;
    private final KioskRegistry kiosks;
    private final SurveyCatalog surveys;

    public ConfigService(Database database, OfficeRegistry offices, KioskRegistry kiosks,
            SurveyCatalog surveys) {
        this.database = database;
        this.offices = offices;
        this.kiosks = kiosks;
        this.surveys = surveys;
    }

    /** A serialized bundle and its strong ETag (quoted SHA-256 of the bytes). */
    public record Rendered(byte[] json, String etag) {
    }

    public ConfigBundle bundle(String officeId) {
        Office office = offices.require(officeId);
        List<SignerKey> kioskKeys = kiosks.keysOfOffice(officeId);
        List<String> revokedTickets = database.read(connection -> Sql.query(connection,
                "SELECT ticket_id FROM ticket WHERE office_id = ? AND revoked_at IS NOT NULL"
                        + " ORDER BY ticket_id", rows -> rows.getString(1), officeId));
        return new ConfigBundle(ConfigBundle.FORMAT, office.officeId(), office.name(),
                offices.keys(officeId), kioskKeys, offices.roster(officeId), surveys.current(),
                revokedTickets);
    }

    public Rendered render(Kiosk kiosk) {
        byte[] json = Problems.write(bundle(kiosk.office().toString()));
        return new Rendered(json, "\"" + RequestSignature.sha256Hex(json) + "\"");
    }
}
