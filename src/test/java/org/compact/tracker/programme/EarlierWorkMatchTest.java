package org.compact.tracker.programme;

import org.compact.tracker.consultation.ConsultationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlierWorkMatchTest {
    private static final ConsultationRow DEPOT = new ConsultationRow(1, 1, "Salford City Council", ConsultationStatus.OPEN,
            "Homes on the old bus depot", "Affordable housing where the depot stood.", List.of("housing"),
            List.of("Ordsall"), null, null, null, null, null, null, null, Instant.EPOCH, Instant.EPOCH, null, null, null, null, false);

    @Test
    void everyWordOfTheQueryMustBeginAWordOfTheConsultation() {
        assertTrue(finds("depot homes"));
        assertTrue(finds("DEPOT afford"), "case and word beginnings");
        assertTrue(finds("ordsall housing"), "areas and themes are searched too");
        assertFalse(finds("depot kersal"), "all words must match");
        assertFalse(finds("epot"), "a word must match from its start");
    }

    @Test
    void commonWordsOfTheQueryAreIgnoredUnlessThereIsNothingElse() {
        assertThat(EarlierWorkService.queryKeys("homes in the Ordsall")).containsExactly("home", "ordsall");
        assertThat(EarlierWorkService.queryKeys("the")).containsExactly("the");
        assertTrue(finds("homes in the depot"));
    }

    private static boolean finds(String q) {
        return EarlierWorkService.matchesAll(EarlierWorkService.queryKeys(q), DEPOT);
    }
}
