package id.kypso.aggregator.ingest;

import id.kypso.aggregator.testing.TestServer;
import java.nio.file.Path;

/** The same tests against PostgreSQL, through the same migrations and statements. */
class PostgresSyncApiTest extends SyncApiTest {

    @Override
    TestServer newServer(Path dir) {
        return TestServer.postgres(dir);
    }
}
