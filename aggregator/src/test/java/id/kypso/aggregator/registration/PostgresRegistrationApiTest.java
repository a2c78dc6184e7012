package id.kypso.aggregator.registration;

import id.kypso.aggregator.testing.TestServer;
import java.nio.file.Path;

/** The same tests against PostgreSQL, through the same migrations and statements. */
class PostgresRegistrationApiTest extends RegistrationApiTest {

    @Override
    TestServer newServer(Path dir) {
        return TestServer.postgres(dir);
    }
}
