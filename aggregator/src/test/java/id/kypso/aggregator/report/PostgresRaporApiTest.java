package id.kypso.aggregator.report;

import id.kypso.aggregator.testing.TestServer;
import java.nio.file.Path;

/** The same tests against PostgreSQL, through the same migrations and statements. */
class PostgresRaporApiTest extends RaporApiTest {

    @Override
    TestServer newServer(Path dir) {
        return TestServer.postgres(dir);
    }
}
