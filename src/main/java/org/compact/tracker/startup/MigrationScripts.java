package org.compact.tracker.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned SQL migrations on the class path and Flyway's checksum of each, read without starting Flyway.
 * Anything that is not a plain versioned script ({@code V<version>__<description>.sql}) makes the answer empty, so
 * that Flyway, which knows every other kind, is the one to deal with it.
 */
final class MigrationScripts {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]+\\.sql");

    private MigrationScripts() {
    }

    /** Version → checksum of every script under {@code folder}; empty if there is none, or anything else there. */
    static Optional<Map<String, Integer>> checksums(ClassLoader loader, String folder) {
        String path = folder.replaceAll("^/+|/+$", "");
        Map<String, Integer> checksums = new HashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(path))) {
                for (String name : names(url, path)) {
                    Matcher versioned = VERSIONED.matcher(name);
                    if (!versioned.matches()) {
                        return Optional.empty();
                    }
                    try (InputStream in = loader.getResourceAsStream(path + "/" + name)) {
                        if (in == null || checksums.put(normalise(versioned.group(1)), checksum(in)) != null) {
                            return Optional.empty();
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return checksums.isEmpty() ? Optional.empty() : Optional.of(checksums);
    }

    /** The files directly in the folder at {@code url} (a directory or a jar), sub-folders excluded. */
    private static List<String> names(URL url, String path) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
            }
            return names;
        }
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException("cannot list " + url);
        }
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
            String prefix = path + "/";
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix) && !entry.isDirectory()) {
                    String rest = name.substring(prefix.length());
                    if (rest.contains("/")) {
                        throw new IOException("a sub-folder of migrations: " + name);
                    }
                    names.add(rest);
                }
            }
        }
        return names;
    }

    /**
     * Flyway's checksum of a script: CRC-32 of the UTF-8 bytes of its lines without their line breaks (so it does
     * not change with line endings), a byte-order mark at the start left out.
     */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean first = true;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    /** A version as Flyway writes it in its history: parts separated by dots, without leading zeros. */
    static String normalise(String version) {
        List<String> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part).toString());
        }
        return String.join(".", parts);
    }
}
