package id.kypso.aggregator;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the aggregator from the command line until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "kypso-aggregator", mixinStandardHelpOptions = true,
        description = "Runs the KYPSO aggregation server: sync API, rapor-el and web views.")
public final class AggregatorMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080",
            description = "TCP port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--data-dir", defaultValue = "aggregator-data",
            description = "Folder of the SQLite database and admin.token"
                    + " (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--database-url",
            description = "jdbc:postgresql://host:port/db to use PostgreSQL instead of SQLite")
    String databaseUrl;

    @Option(names = "--database-user", description = "PostgreSQL user name")
    String databaseUser;

    @Option(names = "--database-password", description = "PostgreSQL password;"
            + " prefer the environment variable KYPSO_DATABASE_PASSWORD",
            defaultValue = "${env:KYPSO_DATABASE_PASSWORD}")
    String databasePassword;

    @Option(names = "--admin-token", description = "Admin API token, at least 16 characters;"
            + " default: read or create <data dir>/admin.token",
            defaultValue = "${env:KYPSO_ADMIN_TOKEN}")
    String adminToken;

    @Option(names = "--min-responses", defaultValue = "30",
            description = "Responses a figure needs before it is shown, below that it reads"
                    + " 'not enough responses' (default: ${DEFAULT-VALUE})")
    int minimumResponses;

    @Option(names = "--zone", defaultValue = "Asia/Jakarta",
            description = "Time zone report months are counted in (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--registration-days", defaultValue = "3",
            description = "Days registration slips are kept for kiosks to check slip numbers"
                    + " keyed in by hand (default: ${DEFAULT-VALUE})")
    int registrationDays;

    @Override
    public Integer call() throws InterruptedException {
        AggregatorOptions options = AggregatorOptions.builder()
                .port(port)
                .bind(bind)
                .dataDir(dataDir)
                .database(databaseUrl, databaseUser, databasePassword)
                .adminToken(adminToken)
                .minimumResponses(minimumResponses)
                .zone(zone)
                .registrationDays(registrationDays)
                .build();
        Aggregator aggregator = new Aggregator(options);
        aggregator.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            aggregator.close();
            stopped.countDown();
        }, "aggregator-shutdown"));
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new AggregatorMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
