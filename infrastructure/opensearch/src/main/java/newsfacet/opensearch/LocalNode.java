package newsfacet.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.percolator.PercolatorPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node started from jars on the classpath, the way the OpenSearch test
 * framework's MockNode starts nodes: the modules we need are passed as classpath plugins instead of
 * being laid out in a home directory.
 *
 * <p>Usage: {@code LocalNode <home> <url-file> [--exit-on-stdin-eof]}. The node keeps its data and
 * logs under {@code <home>}, binds HTTP and transport to free ports on 127.0.0.1 and, once HTTP is
 * bound, writes its base URL to {@code <url-file>} (atomically, so a reader never sees half a URL).
 * SIGTERM closes the node cleanly. With {@code --exit-on-stdin-eof} it also exits when its standard
 * input closes, so a node started by a test session never outlives the process that started it.
 */
public final class LocalNode {

    /** The plugins the newsfacet mapping and commands need, nothing more. */
    private static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class, // the HTTP (REST) layer
        CommonAnalysisPlugin.class, // english analyzer, asciifolding, edge_ngram
        ReindexPlugin.class, // _reindex, for the alias-swap reindex command
        PercolatorPlugin.class // the percolator field and query, for alerts on saved searches
    );

    /** Node's constructor that takes classpath plugins is protected: this subclass exposes it. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment, List<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    /** INFO and up to standard output, which the Python launcher keeps as the node's log. */
    private static final String LOG4J2_PROPERTIES = String.join("\n",
        "status = error",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n",
        "rootLogger.level = info",
        "rootLogger.appenderRef.console.ref = console",
        "");

    /** Released by the shutdown hook once the node is closed. */
    private static final CountDownLatch KEEP_ALIVE = new CountDownLatch(1);

    /** Set when the parent went away: the node then removes its own home directory on exit. */
    private static volatile boolean orphaned;

    private LocalNode() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalNode <home> <url-file> [--exit-on-stdin-eof]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path urlFile = Path.of(args[1]).toAbsolutePath();
        boolean exitOnStdinEof = args.length > 2 && "--exit-on-stdin-eof".equals(args[2]);

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "newsfacet-local")
            .put("node.name", "newsfacet-local")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            // Port 0: the OS picks a free port, so parallel nodes never race for one.
            .put("http.port", "0")
            .put("transport.port", "0")
            // A laptop or CI disk that is 90% full must not turn indices read-only mid-test.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .build();

        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("log4j2.properties"), LOG4J2_PROPERTIES, StandardCharsets.UTF_8);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), config, () -> "newsfacet-local");
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName("newsfacet-local");
        LogConfigurator.configure(environment);
        Node node = new ClasspathNode(environment, PLUGINS);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("error while closing the node: " + e);
            } finally {
                if (orphaned) {
                    deleteTree(home); // nobody is left to remove the data directory
                }
                KEEP_ALIVE.countDown();
            }
        }, "newsfacet-node-shutdown"));

        node.start();

        TransportAddress http = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        String url = "http://" + http.getAddress() + ":" + http.getPort();
        Path partial = urlFile.resolveSibling(urlFile.getFileName() + ".tmp");
        Files.writeString(partial, url + "\n", StandardCharsets.UTF_8);
        Files.move(partial, urlFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("newsfacet local node listening on " + url);

        if (exitOnStdinEof) {
            Thread watcher = new Thread(LocalNode::exitWhenStdinCloses, "newsfacet-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        // The node's own threads are daemons: like OpenSearch's Bootstrap, keep the JVM alive
        // until a signal (or the stdin watcher) runs the shutdown hook.
        KEEP_ALIVE.await();
    }

    /** Blocks until standard input reaches end of file (the parent died or let go), then exits. */
    private static void exitWhenStdinCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Anything written to stdin is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end of file: nobody is listening any more.
        }
        orphaned = true;
        System.exit(0);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }
}
