package org.compact.tracker.cluster;

import org.compact.tracker.support.Ports;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One node of the service in a JVM of its own, started the way an operator starts it (the real main class,
 * settings only from environment variables), so that it can be killed for real: {@link #kill()} is SIGKILL, no
 * shutdown hook, no graceful stop, its sockets closed by the operating system. The JVM runs the test classpath
 * (the one this test runs on); its log goes to {@code target/cluster-nodes/<name>-<port>/node.log}.
 */
final class NodeProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private NodeProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node with these environment variables (and TRACKER_PORT, a free port); returns at once. */
    static NodeProcess start(String name, Map<String, String> env) throws IOException {
        int port = Ports.free();
        Path dir = Path.of("target", "cluster-nodes", name + "-" + port).toAbsolutePath();
        Files.createDirectories(dir);
        Path log = dir.resolve("node.log");
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // the service's own logging (INFO), not the tests' (WARN)
                "-Dlogback.configurationFile=logback.xml",
                "-cp", classpath, "org.compact.tracker.Application"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only what the test says: nothing of this machine's own settings leaks in.
        builder.environment().keySet().removeIf(k -> k.startsWith("TRACKER_") || k.startsWith("DATASOURCES_")
                || k.startsWith("MICRONAUT_") || k.startsWith("JAVA_TOOL_OPTIONS") || k.startsWith("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(env);
        builder.environment().put("TRACKER_PORT", String.valueOf(port));
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new NodeProcess(name, port, process, log);
    }

    URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    /** Waits until the node answers {@code /ping} (its context, Flyway and scheduler have started). */
    void awaitUp(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant end = Instant.now().plus(timeout);
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " stopped with exit code " + process.exitValue()
                        + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(ping, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Node " + name + " did not come up in " + timeout + ":\n" + logTail());
    }

    /** SIGKILL: the JVM ends at once, mid-whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Node " + name + " did not die");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
