package org.compact.tracker;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class under src/main is over 400 lines: a class that grows past that has taken on a second job (the hub
 * ConsultationService reached 793 lines and the compliance report 1,063 before they were split by what they do).
 */
class ClassSizeTest {
    private static final int MAX_LINES = 400;

    @Test
    void noMainClassIsOverFourHundredLines() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> over;
        try (Stream<Path> files = Files.walk(main)) {
            over = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> lines(p) > MAX_LINES)
                    .map(p -> main.relativize(p) + " (" + lines(p) + " lines)")
                    .sorted()
                    .toList();
        }
        assertThat(over).as("classes over %d lines", MAX_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
