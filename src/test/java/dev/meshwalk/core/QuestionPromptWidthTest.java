package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The TUI draws a pane's question on one line from column 1 to the last but one, so on the smallest screen we
 * support (80 columns) a question longer than 78 characters loses its last words, which are the keys.
 */
class QuestionPromptWidthTest {

    private static final int ROOM_AT_80_COLUMNS = 78;

    @Test
    void everyFixedQuestionFitsAnEightyColumnScreen() {
        for (ActionPane.Question q : ActionPane.Question.values()) {
            assertThat(q.prompt().length()).as(q.name() + ": " + q.prompt()).isLessThanOrEqualTo(ROOM_AT_80_COLUMNS);
        }
    }

    @Test
    void theTeardownQuestionFitsWithAnyCountOfPickedItems() {
        List<TeardownItem> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            items.add(new TeardownItem("dashboard", "meshwalk-" + i, "exists", true));
        }
        TeardownMenu all = TeardownMenu.allPicked(items);
        TeardownMenu one = all.pickOnly(java.util.Set.of(0));
        TeardownMenu none = all.pickOnly(java.util.Set.of());
        for (TeardownMenu m : List.of(all, one, none)) {
            assertThat(m.prompt().length()).as(m.prompt()).isLessThanOrEqualTo(ROOM_AT_80_COLUMNS);
        }
    }
}
