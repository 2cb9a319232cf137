package de.dstack.graph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Starts Neo4j Community with the Bolt connector on loopback and keeps it running until SIGTERM,
 * SIGINT or the end of standard input (the parent process died).
 *
 * <p>Configured through environment variables set by the Node side (src/neo4j/launcher.ts):
 * DSG_NEO4J_HOME (data folder, required), DSG_NEO4J_BOLT_HOST (default 127.0.0.1),
 * DSG_NEO4J_BOLT_PORT (default 7687, 0 picks a free port), DSG_NEO4J_USER, DSG_NEO4J_PASSWORD
 * (authentication is always on), DSG_NEO4J_PAGECACHE_MB (default 128), DSG_NEO4J_CONF (an optional
 * neo4j.conf with static settings).
 *
 * <p>Protocol on standard output, one line each: {@code NEO4J_READY bolt://host:port} once Bolt
 * accepts connections, {@code NEO4J_FAILED <reason>} before exiting with status 1 on a failed start,
 * {@code NEO4J_STOPPED} after a clean shutdown. Everything else is Neo4j's own log.
 */
public final class Neo4jLauncher {
  private static final PrintStream OUT = System.out;

  private Neo4jLauncher() {}

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable e) {
      OUT.println("NEO4J_FAILED " + describe(e));
      OUT.flush();
      e.printStackTrace(System.err);
      Runtime.getRuntime().halt(1);
    }
  }

  private static void run() throws Exception {
    Path home = Path.of(required("DSG_NEO4J_HOME")).toAbsolutePath();
    String host = env("DSG_NEO4J_BOLT_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("DSG_NEO4J_BOLT_PORT", "7687"));
    String user = env("DSG_NEO4J_USER", "neo4j");
    String password = required("DSG_NEO4J_PASSWORD");
    long pageCacheMb = Long.parseLong(env("DSG_NEO4J_PAGECACHE_MB", "128"));
    String conf = System.getenv("DSG_NEO4J_CONF");

    Files.createDirectories(home);
    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
    if (conf != null && !conf.isBlank()) {
      builder.loadPropertiesFromFile(Path.of(conf));
    }
    builder
        .setUserLogProvider(new Log4jLogProvider(OUT, Level.INFO))
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
        // A development server: do not let Bolt's graceful shutdown wait for idle connections.
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500));

    DatabaseManagementService dbms = builder.build();
    AtomicBoolean stopped = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            try {
              dbms.shutdown();
            } finally {
              OUT.println("NEO4J_STOPPED");
              OUT.flush();
              done.countDown();
            }
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
      throw new IllegalStateException(
          "database 'neo4j' did not become available; is another Neo4j using " + home + "? See "
              + home.resolve("logs/debug.log"));
    }
    ensureUser(dbms, user, password);

    int boltPort =
        ((GraphDatabaseAPI) db)
            .getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT)
            .getPort();
    OUT.println("NEO4J_READY bolt://" + host + ":" + boltPort);
    OUT.flush();

    watchStdin(stop);
    done.await();
  }

  /** Sets the password of the built-in user, or creates the configured user, without a forced change. */
  private static void ensureUser(DatabaseManagementService dbms, String user, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    Map<String, Object> params = Map.of("user", user, "password", password);
    if (!"neo4j".equals(user)) {
      system.executeTransactionally(
          "CREATE USER $user IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED", params);
    }
    try {
      system.executeTransactionally(
          "ALTER USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
    } catch (RuntimeException e) {
      // Neo4j refuses to set the password it already has; that is the steady state on a restart.
      if (!String.valueOf(describe(e)).toLowerCase().contains("cannot be the same")) {
        throw e;
      }
    }
  }

  /** Stops the database when standard input ends, so that it never outlives the Node process. */
  private static void watchStdin(Runnable stop) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = System.in) {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                  // the parent writes nothing; we only wait for the end of the stream
                }
              } catch (IOException ignored) {
                // a broken pipe means the parent is gone, too
              }
              OUT.println("NEO4J_STDIN_CLOSED stopping");
              OUT.flush();
              System.exit(0);
            },
            "stdin-watch");
    t.setDaemon(true);
    t.start();
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      sb.append(" | caused by: ").append(c.getMessage());
    }
    return sb.toString().replace('\n', ' ');
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static String required(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " must be set");
    }
    return v;
  }
}
