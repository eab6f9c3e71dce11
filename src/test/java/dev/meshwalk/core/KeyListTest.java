package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * README's key list is the key table rendered ({@link KeyList#markdown()}), so it cannot drift from what the keys
 * do. After changing the table, regenerate it with
 * {@code mvn -o -B test -Dtest=KeyListTest -Dgolden.update=true} (the switch of every golden file) and read the diff.
 */
class KeyListTest {

    private static final Path README = Path.of("README.md");
    private static final String BEGIN = "<!-- keys: rendered from core/KeyBindings by KeyListTest; do not edit by hand -->\n";
    private static final String END = "<!-- keys: end -->\n";

    @Test
    void readmeListsExactlyTheKeysOfTheTable() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README has the key list's markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String listed = readme.substring(begin + BEGIN.length(), end);
        String table = KeyList.markdown();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(README, readme.substring(0, begin + BEGIN.length()) + table + readme.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(listed).as("README's key list (update with -Dgolden.update=true if the table changed)")
                .isEqualTo(table);
    }

    @Test
    void theListNamesEveryRowOfTheTableWithItsKeys() {
        String list = KeyList.markdown();
        for (KeyBindings.Section section : KeyBindings.ALL) {
            assertThat(list).contains("- " + section.title() + ": ");
            section.bindings().forEach(b -> assertThat(list).contains("`" + b.label() + "` " + b.meaning()));
        }
    }

    @Test
    void labelsSpellEveryKeyAndShortenOnlyDigitRunsAndTheFourArrows() {
        assertThat(KeyList.label(List.of(Key.of(Key.Kind.PAGE_DOWN), Key.ch(' '), Key.ch('f')))).isEqualTo("PgDn/space/f");
        List<Key> digits = new ArrayList<>();
        for (char c = '0'; c <= '9'; c++) {
            digits.add(Key.ch(c));
        }
        assertThat(KeyList.label(digits)).isEqualTo("0-9");
        assertThat(KeyList.label(List.of(Key.ch('1'), Key.ch('3')))).isEqualTo("1/3");
        assertThat(KeyList.label(List.of(Key.of(Key.Kind.CTRL_C), Key.of(Key.Kind.ESCAPE)))).isEqualTo("ctrl-c/esc");
        assertThat(KeyList.label(List.of(Key.of(Key.Kind.LEFT), Key.of(Key.Kind.RIGHT), Key.of(Key.Kind.UP),
                Key.of(Key.Kind.DOWN), Key.ch('h')))).isEqualTo("arrows/h");
        assertThat(KeyList.label(List.of(Key.of(Key.Kind.UP), Key.of(Key.Kind.DOWN)))).isEqualTo("up/down");
    }

    /** Within a section a key names one row: a second row for it would never run and its help would lie. */
    @Test
    void noKeyIsNamedTwiceInASection() {
        for (KeyBindings.Section section : KeyBindings.ALL) {
            Set<Key> seen = new HashSet<>();
            for (KeyBindings.Binding b : section.bindings()) {
                for (Key k : b.keys()) {
                    assertThat(seen.add(k)).as(section.title() + ": " + KeyList.label(List.of(k)) + " in two rows").isTrue();
                }
            }
        }
    }
}
