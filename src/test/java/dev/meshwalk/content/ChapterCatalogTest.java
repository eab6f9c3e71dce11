package dev.meshwalk.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChapterCatalogTest {

    private final ChapterCatalog fixture = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));

    @Test
    void readsChaptersInIndexOrderWithTheirFrontMatter() {
        assertThat(fixture.problems()).isEmpty();
        assertThat(fixture.chapters()).extracting(Chapter::id)
                .containsExactly("0-prelude", "1-servicediscovery", "2-meshify", "3-routing");
        Chapter meshify = fixture.chapters().get(2);
        assertThat(meshify.number()).isEqualTo(2);
        assertThat(meshify.title()).isEqualTo("Meshify");
        assertThat(meshify.stack()).isEqualTo("stacks/2-meshify.yaml");
        assertThat(meshify.markdown()).startsWith("# Meshify").doesNotContain("---");
    }

    @Test
    void findsChaptersByNumberIdShortIdOrTitle() {
        assertThat(fixture.find("3")).map(Chapter::id).contains("3-routing");
        assertThat(fixture.find("2-meshify")).map(Chapter::number).contains(2);
        assertThat(fixture.find("MESHIFY")).map(Chapter::number).contains(2);
        assertThat(fixture.find("service discovery")).map(Chapter::number).contains(1);
        assertThat(fixture.find("4")).isEmpty();
        assertThat(fixture.find("nope")).isEmpty();
        assertThat(fixture.find(null)).isEmpty();
    }

    @Test
    void malformedLessonsAreReportedAndKeepTheirPlaceInsteadOfCrashing() {
        ChapterCatalog broken = ChapterCatalog.load(LessonSource.classpath("lessons-broken"));

        assertThat(broken.chapters()).hasSize(5);
        assertThat(broken.chapters().get(0).readable()).isTrue();
        assertThat(broken.chapters().subList(1, 5)).noneMatch(Chapter::readable);
        List<String> problems = broken.problems();
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).contains("1-nofront.md").contains("must start with a '---'");
        assertThat(problems.get(1)).contains("2-badyaml.md").contains("not valid YAML");
        assertThat(problems.get(2)).contains("3-noid.md").contains("lacks 'id:'");
        assertThat(problems.get(3)).contains("4-missing.md").contains("missing");
        assertThat(broken.chapters().get(2).markdown()).contains("could not be read").contains("not valid YAML");
        assertThat(broken.chapters().get(3).id()).isEqualTo("3-noid");
    }

    @Test
    void aMissingIndexIsAProblemNotAnException() {
        ChapterCatalog none = ChapterCatalog.load(LessonSource.classpath("no-such-folder"));
        assertThat(none.chapters()).isEmpty();
        assertThat(none.problems()).singleElement().asString().contains("index.txt");
    }

    @Test
    void frontMatterWithWindowsLineEndingsAndUnclosedBlockIsHandled() throws Exception {
        Chapter c = LessonParser.parse(0, "x.md", "---\r\nid: a\r\ntitle: A\r\n---\r\nBody\r\n");
        assertThat(c.id()).isEqualTo("a");
        assertThat(c.markdown()).isEqualTo("Body\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LessonParser.parse(0, "y.md", "---\nid: a\n"))
                .isInstanceOf(LessonFormatException.class).hasMessageContaining("never closed");
    }
}
