package org.compact.tracker.startup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationScriptsTest {
    private static int checksum(String text) throws Exception {
        return MigrationScripts.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theChecksumIgnoresLineEndingsAndAByteOrderMarkButNotTheText() throws Exception {
        int unix = checksum("create table a (id int);\ninsert into a values (1);\n");

        assertThat(checksum("create table a (id int);\r\ninsert into a values (1);\r\n")).isEqualTo(unix);
        assertThat(checksum("\uFEFFcreate table a (id int);\ninsert into a values (1);\n")).isEqualTo(unix);
        assertThat(checksum("create table a (id int);\ninsert into a values (2);\n")).isNotEqualTo(unix);
    }

    @Test
    void versionsAreWrittenAsFlywayWritesThemInItsHistory() {
        assertThat(MigrationScripts.normalise("12")).isEqualTo("12");
        assertThat(MigrationScripts.normalise("1_1")).isEqualTo("1.1");
        assertThat(MigrationScripts.normalise("02.010")).isEqualTo("2.10");
    }

    @Test
    void theServicesOwnMigrationsAreAllReadFromTheClassPath() {
        assertThat(MigrationScripts.checksums(getClass().getClassLoader(), "db/migration")).hasValueSatisfying(
                scripts -> assertThat(scripts).containsKeys("1", "2", "8", "10", "11", "12").doesNotContainKey("9"));
    }

    @Test
    void aFolderWithoutScriptsGivesNoAnswerSoFlywayDecides() {
        assertThat(MigrationScripts.checksums(getClass().getClassLoader(), "db/no-such-folder")).isEmpty();
        // views/ holds templates, not versioned scripts
        assertThat(MigrationScripts.checksums(getClass().getClassLoader(), "views")).isEmpty();
    }
}
