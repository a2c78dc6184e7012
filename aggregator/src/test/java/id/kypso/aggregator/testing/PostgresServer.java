package id.kypso.aggregator.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for tests: initdb and pg_ctl from the installed server
 * binaries into a temporary folder, listening on a free loopback port, trust authentication
 * for the user {@code kypso}. One server per test JVM, stopped and deleted at exit; each test
 * gets its own database from {@link #newDatabase()}.
 *
 * <p>initdb refuses to run as root, so as root every server command runs as the user
 * {@code nobody} through {@code runuser}, with the folder handed to that user.
 */
public final class PostgresServer {
    private static final String USER = "kypso";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final Path bin;
    private final Path root;
    private final int port;
    private final boolean asNobody;

    private PostgresServer(Path bin, Path root, int port, boolean asNobody) {
        this.bin = bin;
        this.root = root;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** Returns the server, starting it on first use; skips the test when none is installed. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            Optional<Path> bin = findBinaries();
            Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL server binaries (initdb,"
                    + " pg_ctl) not found under /usr/lib/postgresql/*/bin; install the"
                    + " postgresql package to run the PostgreSQL storage tests");
            shared = start(bin.get());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase() {
        String name = "kypso_test_" + ProcessHandle.current().pid() + "_"
                + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }

    public String user() {
        return USER;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    static Optional<Path> findBinaries() {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb"))
                            && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static PostgresServer start(Path bin) {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path folder = Files.createTempDirectory("kypso-aggregator-pg");
            int port = freePort();
            PostgresServer server = new PostgresServer(bin, folder, port, root);
            if (root) {
                run(List.of("chmod", "755", folder.toString()));
                run(List.of("chown", "nobody", folder.toString()));
            }
            server.runServerCommand(List.of(bin.resolve("initdb").toString(), "-D",
                    folder.resolve("data").toString(), "-A", "trust", "-U", USER, "-E", "UTF8",
                    "--no-sync"));
            server.runServerCommand(List.of(bin.resolve("pg_ctl").toString(), "-D",
                    folder.resolve("data").toString(), "-l", folder.resolve("log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + folder
                            + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c max_connections=200", "start"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test PostgreSQL server", e);
        }
    }

    private void stop() {
        try {
            runServerCommand(List.of(bin.resolve("pg_ctl").toString(), "-D",
                    root.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException e) {
            System.err.println("Stopping the test PostgreSQL server failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Deleting " + root + " failed: " + e.getMessage());
        }
    }

    private void runServerCommand(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("command failed (" + process.exitValue()
                        + "): " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
