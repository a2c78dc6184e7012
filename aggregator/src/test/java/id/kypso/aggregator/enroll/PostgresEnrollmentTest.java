package id.kypso.aggregator.enroll;

import id.kypso.aggregator.testing.TestServer;
import java.nio.file.Path;

/** The same tests against PostgreSQL, through the same migrations and statements. */
class PostgresEnrollmentTest extends EnrollmentTest {

    @Override
    TestServer newServer(Path dir) {
        return TestServer.postgres(dir);
    }
}
