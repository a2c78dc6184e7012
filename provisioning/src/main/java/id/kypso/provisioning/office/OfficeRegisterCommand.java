package id.kypso.provisioning.office;

import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.http.AggregatorFailures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code office register}: records the office public key at the aggregator (an idempotent
 * upsert) and uploads the roster when one is given.
 */
@Command(name = "register", mixinStandardHelpOptions = true)
final class OfficeRegisterCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(OfficeRegisterCommand.class);

    private final Context context;

    @Option(names = "--office-dir", required = true, paramLabel = "DIR")
    Path officeDir;

    @Mixin
    AdminOptions admin;

    @Option(names = "--roster", paramLabel = "FILE")
    Path roster;

    OfficeRegisterCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        OfficeFolder folder = OfficeFolder.load(officeDir);
        // Read the roster before any call, so a bad file changes nothing at the aggregator.
        List<RosterOfficer> officers = roster == null ? null : RosterFile.read(roster);
        AggregatorClient client = admin.client(context);
        String officeId = folder.officeId().toString();

        try {
            client.admin("POST", "/api/v1/admin/offices", admin.token(), Map.of(
                    "officeId", officeId,
                    "name", folder.name(),
                    "publicKey", folder.publicKeyBase64(),
                    "keyVersion", folder.keyVersion()));
        } catch (AggregatorException e) {
            throw AggregatorFailures.ofAdmin(e, "office.registerRejected");
        }
        log.info("Registered office {} key {} at {}", officeId, folder.keyVersion(),
                client.baseUrl());
        context.say("office.registered", officeId, client.baseUrl(), folder.keyVersion());

        if (officers != null) {
            try {
                client.admin("PUT", "/api/v1/admin/offices/" + officeId + "/roster",
                        admin.token(), officers);
            } catch (AggregatorException e) {
                throw AggregatorFailures.ofAdmin(e, "office.rosterRejected");
            }
            RosterNips.write(officeDir, officers);
            long withPhoto = officers.stream().filter(officer -> officer.photo() != null).count();
            log.info("Uploaded roster of {} officers for office {}", officers.size(), officeId);
            context.say("office.rosterUploaded", officers.size(), withPhoto);
        }
        return 0;
    }
}
