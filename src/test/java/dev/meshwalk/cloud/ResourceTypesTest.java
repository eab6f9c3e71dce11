package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The change-set preview describes every resource type the chapters' stacks use in words, never the fallback. */
class ResourceTypesTest {

    private static final Pattern TYPE = Pattern.compile("^\\s*Type:\\s*(AWS::\\S+)", Pattern.MULTILINE);

    @Test
    void everyTypeInTheStacksHasItsOwnDescription() throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> stacks = Files.list(Path.of("stacks"))) {
            for (Path p : stacks.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = TYPE.matcher(Files.readString(p));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        assertThat(types).contains("AWS::ServiceDiscovery::HttpNamespace", "AWS::CloudWatch::Alarm");
        assertThat(types).allSatisfy(t -> assertThat(ResourceTypes.describe(t)).as(t)
                .doesNotMatch("an? [A-Za-z0-9]+ \\([A-Za-z0-9]+\\)").doesNotEndWith(" resource"));
    }

    @Test
    void anUnknownTypeGetsAnHonestPhraseWithTheRightArticle() {
        assertThat(ResourceTypes.describe("AWS::Foo::Alarm")).isEqualTo("an Alarm (Foo)");
        assertThat(ResourceTypes.describe("AWS::Foo::Bucket")).isEqualTo("a Bucket (Foo)");
    }
}
