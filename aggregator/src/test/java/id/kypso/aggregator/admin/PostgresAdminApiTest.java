package id.kypso.aggregator.admin;

import id.kypso.aggregator.testing.TestServer;
import java.nio.file.Path;

/** The same tests against PostgreSQL, through the same migrations and statements. */
class PostgresAdminApiTest extends AdminApiTest {

    @Override
    TestServer newServer(Path dir) {
        return TestServer.postgres(dir);
    }
}
