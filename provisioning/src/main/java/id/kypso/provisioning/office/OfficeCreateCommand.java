package id.kypso.provisioning.office;

import id.kypso.core.identity.OfficeId;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code office create}: a new office key pair, binding secret and office.properties. */
@Command(name = "create", mixinStandardHelpOptions = true)
final class OfficeCreateCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(OfficeCreateCommand.class);

    private final Context context;

    @Option(names = "--office-dir", required = true, paramLabel = "DIR")
    Path officeDir;

    @Option(names = "--office", required = true, paramLabel = "OFFICE_ID")
    String office;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    String name;

    OfficeCreateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        OfficeId officeId = parseOffice(office);
        String trimmedName = name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > OfficeFolder.MAX_NAME_LENGTH) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "office.nameInvalid",
                    OfficeFolder.MAX_NAME_LENGTH);
        }

        OfficeFolder folder = OfficeFolder.create(officeDir, officeId, trimmedName,
                context.random());
        log.info("Created office {} in {}", officeId, officeDir);
        context.say("office.created", officeId, trimmedName, officeDir.toAbsolutePath());
        context.say("office.created.publicKey", folder.publicKeyBase64());
        context.say("office.created.next");
        return 0;
    }

    static OfficeId parseOffice(String text) throws CliFailure {
        try {
            return OfficeId.parse(text == null ? null : text.strip());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "office.idInvalid", text);
        }
    }
}
