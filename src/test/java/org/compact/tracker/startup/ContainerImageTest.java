package org.compact.tracker.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads the container image that {@code ./mvnw -Pimage package} writes (an OCI layout in a tarball: index, manifest,
 * configuration, layers) and checks what a council's IT team relies on when it runs it: not as root, the data folder
 * a volume, the port exposed, the JVM sized to the container, and a Java runtime that is really in the layers (the
 * image has no base image to bring one). There is no Docker engine in the build to run it; docs/operations.md says
 * how the image was tried in a chroot.
 *
 * <p>The image profile runs this test after building the tarball; in the ordinary build there is none, and the test
 * is skipped saying so.
 */
class ContainerImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Path TARBALL =
            Path.of(System.getProperty("tracker.image.tar", "target/consultation-tracker-image.tar"));

    private static JsonNode config;
    private static Map<String, Entry> files;

    @BeforeAll
    static void readImage() throws IOException {
        if (!Files.isRegularFile(TARBALL)) {
            return;
        }
        Map<String, Entry> outer = new HashMap<>();
        try (InputStream in = Files.newInputStream(TARBALL)) {
            for (Entry entry : Tar.read(in, Long.MAX_VALUE)) {
                outer.put(entry.name(), entry);
            }
        }
        JsonNode index = JSON.readTree(outer.get("index.json").content());
        assertThat(index.path("manifests")).as("one image in the tarball").hasSize(1);
        JsonNode manifest = JSON.readTree(blob(outer, index.path("manifests").get(0).path("digest").asText()));
        config = JSON.readTree(blob(outer, manifest.path("config").path("digest").asText()));
        files = new HashMap<>();
        for (JsonNode layer : manifest.path("layers")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(
                    blob(outer, layer.path("digest").asText())))) {
                for (Entry entry : Tar.read(in, 64 * 1024)) {
                    files.put(entry.name().replaceFirst("^\\./", "").replaceFirst("/$", ""), entry);
                }
            }
        }
    }

    @BeforeEach
    void needsTheImage() {
        assumeTrue(config != null,
                "no image tarball at " + TARBALL + ": build it with ./mvnw -Pimage package (this test then runs)");
    }

    @Test
    void runsAsAUserThatIsNotRoot() {
        String user = config.path("config").path("User").asText();
        assertThat(user).as("the image's user").isNotBlank();
        String uid = user.split(":")[0];
        assertThat(uid).isNotIn("0", "root");
        assertThat(new String(files.get("etc/passwd").content(), StandardCharsets.UTF_8))
                .as("the user is named in /etc/passwd, so the JVM finds its name and home")
                .containsPattern("(?m)^tracker:x:" + uid + ":");
    }

    @Test
    void keepsItsDataInAVolumeTheUserMayWrite() {
        JsonNode container = config.path("config");
        assertThat(container.path("Volumes").has("/data")).as("volumes: " + container.path("Volumes")).isTrue();
        // The service's defaults are ./data/tracker (H2) and ./data/mail: from / that is the volume.
        assertThat(container.path("WorkingDir").asText()).isEqualTo("/");
        Entry data = files.get("data");
        assertThat(data).as("/data is in the image").isNotNull();
        String gid = container.path("User").asText().split(":")[1];
        assertThat(data.gid() == Integer.parseInt(gid) && (data.mode() & 0070) == 0070)
                .as("/data (owner %d:%d, mode %o) is writable by the user's group %s", data.uid(), data.gid(),
                        data.mode(), gid)
                .isTrue();
    }

    @Test
    void exposesTheHttpPort() {
        assertThat(config.path("config").path("ExposedPorts").has("8080/tcp")).isTrue();
    }

    @Test
    void startsTheServiceWithAHeapSizedToTheContainer() {
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError", "org.compact.tracker.Application")
                .anyMatch(part -> part.startsWith("-XX:MaxRAMPercentage="))
                .noneMatch(part -> part.startsWith("-Xmx"));
        assertThat(env()).containsEntry("JAVA_HOME", "/opt/java")
                .hasEntrySatisfying("PATH", path -> assertThat(path).startsWith("/opt/java/bin"));
    }

    @Test
    void bringsItsOwnJavaRuntimeAndTheLibrariesItNeeds() {
        assertThat(files.get("opt/java/bin/java")).as("the jlinked java").isNotNull()
                .satisfies(java -> assertThat(java.mode() & 0111).isEqualTo(0111));
        assertThat(files).containsKeys("opt/java/lib/server/libjvm.so", "opt/java/lib/security/cacerts",
                "lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6", "lib/x86_64-linux-gnu/libz.so.1",
                "app/jib-classpath-file", "tmp");
    }

    @Test
    void carriesNoSecretAndRunsAsProduction() {
        assertThat(env()).doesNotContainKeys("TRACKER_JWT_SECRET", "TRACKER_DB_PASSWORD",
                        "TRACKER_MAIL_SMTP_PASSWORD", "TRACKER_ADMIN_PASSWORD", "TRACKER_LINK_SECRET")
                .containsEntry("MICRONAUT_ENVIRONMENTS", "prod");
        assertThat(files).containsKey(env().get("MICRONAUT_CONFIG_FILES").substring(1));
    }

    @Test
    void saysWhatItIs() {
        assertThat(config.path("config").path("Labels").path("org.opencontainers.image.title").asText())
                .isEqualTo("Consultation tracker");
        assertThat(config.path("config").path("Labels").path("org.opencontainers.image.version").asText())
                .isNotBlank();
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        config.path("config").path("Env").forEach(line -> {
            String[] pair = line.asText().split("=", 2);
            env.put(pair[0], pair[1]);
        });
        return env;
    }

    private static byte[] blob(Map<String, Entry> outer, String digest) {
        Entry entry = outer.get("blobs/" + digest.replace(':', '/'));
        assertThat(entry).as("blob " + digest + " in the tarball").isNotNull();
        return entry.content();
    }

    /** One entry of a tar archive: its name, owner, permission bits and content. */
    record Entry(String name, int uid, int gid, int mode, byte[] content) {
    }

    /** Just enough of the tar format (ustar, with pax path records) to read an image's tarball and its layers. */
    static final class Tar {
        private Tar() {
        }

        /** Reads every entry; keeps the content of those up to {@code keepUpTo} bytes (the others' is empty). */
        static List<Entry> read(InputStream in, long keepUpTo) throws IOException {
            List<Entry> entries = new ArrayList<>();
            String paxPath = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    return entries;
                }
                long size = octal(header, 124, 12);
                byte[] content;
                if (size <= keepUpTo) {
                    content = in.readNBytes((int) size);
                } else {
                    in.skipNBytes(size);
                    content = new byte[0];
                }
                in.skipNBytes((512 - size % 512) % 512);
                char type = (char) header[156];
                if (type == 'x') {
                    paxPath = paxPath(new String(content, StandardCharsets.UTF_8));
                    continue;
                }
                if (type == 'g') {
                    continue;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                if (paxPath != null) {
                    name = paxPath;
                    paxPath = null;
                }
                entries.add(new Entry(name, (int) octal(header, 108, 8), (int) octal(header, 116, 8),
                        (int) octal(header, 100, 8), content));
            }
        }

        private static String paxPath(String records) {
            for (String record : records.split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    return record.substring(space + 1 + "path=".length());
                }
            }
            return null;
        }

        private static String text(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, StandardCharsets.UTF_8);
        }

        private static long octal(byte[] header, int offset, int length) {
            String digits = text(header, offset, length).trim();
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        }
    }
}
