package dev.meshwalk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.content.StackParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the claims of lessons 0-3 that a machine can check (parameter names and defaults, virtual node names, map
 * names, environment variables, ports, TTLs, health check intervals) and checks each against the template the
 * lesson names in its front matter, so a lesson cannot drift from its stack again. Each failure names the claim.
 */
class LessonClaimsTest {

    private static final Pattern STACK = Pattern.compile("(?m)^stack: (\\S+)$");

    static Stream<String> lessons() {
        return Stream.of("0-prelude", "1-servicediscovery", "2-meshify", "3-routing");
    }

    private record Lesson(String text, String stack) {
        static Lesson read(String id) throws IOException {
            String text = Files.readString(Path.of("lessons", id + ".md"));
            Matcher m = STACK.matcher(text);
            assertThat(m.find()).as(id + " names its stack").isTrue();
            return new Lesson(text.replaceAll("\\s*\\n\\s*", " "), Files.readString(Path.of(m.group(1))));
        }

        List<String> all(String regex) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile(regex).matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void everyParameterTheLessonSetsIsDeclaredByItsStack(String id) throws IOException {
        Lesson lesson = Lesson.read(id);
        StackParameters declared = StackParameters.of(lesson.stack());
        List<String> named = new ArrayList<>(lesson.all("`([A-Z][A-Za-z0-9]+)=[^`]*`"));
        named.addAll(lesson.all("ParameterKey=([A-Za-z0-9]+)"));
        named.removeIf(name -> name.equals(name.toUpperCase()));  // COLOR=green is an environment variable
        assertThat(named).allSatisfy(name -> assertThat(declared.find(name)).as(id + " sets " + name).isPresent());
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void defaultsTheLessonQuotesAreTheStacks(String id) throws IOException {
        Lesson lesson = Lesson.read(id);
        StackParameters declared = StackParameters.of(lesson.stack());
        for (String claim : lesson.all("(`ColorWeight` and `ColorV2Weight` \\(parameters of this stack, \\d+ and \\d+ by default)")) {
            Matcher m = Pattern.compile("(\\d+) and (\\d+) by default").matcher(claim);
            assertThat(m.find()).isTrue();
            assertThat(declared.find("ColorWeight").orElseThrow().defaultValue()).as(claim).isEqualTo(m.group(1));
            assertThat(declared.find("ColorV2Weight").orElseThrow().defaultValue()).as(claim).isEqualTo(m.group(2));
        }
        for (String weights : lesson.all("weighted targets (\\d+ / \\d+)")) {
            assertThat(weights).isEqualTo(declared.find("ColorWeight").orElseThrow().defaultValue() + " / "
                    + declared.find("ColorV2Weight").orElseThrow().defaultValue());
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void virtualNodeAndRouterNamesAreTheStacks(String id) throws IOException {
        Lesson lesson = Lesson.read(id);
        List<String> names = new ArrayList<>(lesson.all("<(?:mesh|project)>(-[a-z0-9-]+-(?:node|router))"));
        assertThat(names).allSatisfy(suffix -> assertThat(lesson.stack())
                .as(id + " names <mesh>" + suffix).contains("'${ProjectName}" + suffix + "'"));
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void mapNamesAreTheStacksXrayAppNames(String id) throws IOException {
        Lesson lesson = Lesson.read(id);
        List<String> mapNames = lesson.all("named `([a-z0-9-]+)` on the map");
        mapNames.addAll(lesson.all("changes from `[a-z0-9-]+` to `([a-z0-9-]+)`"));
        mapNames.addAll(lesson.all("changes from `([a-z0-9-]+)` to `[a-z0-9-]+`").stream()
                .filter(n -> !id.startsWith("2")).toList());
        assertThat(mapNames).allSatisfy(name -> assertThat(lesson.stack()).as(id + " shows " + name + " on the map")
                .containsPattern("Name: XRAY_APP_NAME\\s+Value: " + Pattern.quote(name) + "\\n"));
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void environmentVariablesWithValuesAreTheStacks(String id) throws IOException {
        Lesson lesson = Lesson.read(id);
        Matcher m = Pattern.compile("`(COLOR|XRAY_APP_NAME)=([a-z0-9-]+)`").matcher(lesson.text());
        while (m.find()) {
            assertThat(lesson.stack()).as(id + " says " + m.group())
                    .containsPattern("Name: " + m.group(1) + "\\s+Value: " + Pattern.quote(m.group(2)) + "\\n");
        }
        for (String name : lesson.all("`(COLOR_HOST|APPMESH_RESOURCE_ARN|ENABLE_ENVOY_XRAY_TRACING)[`=]")) {
            assertThat(lesson.stack()).as(id + " mentions " + name).contains("Name: " + name);
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void portsTtlsAndHealthCheckIntervalsAreTheStacks(String id) throws IOException {
        Lesson lesson = Lesson.read(id);
        String containerPort = StackParameters.of(lesson.stack()).find("ContainerPort").orElseThrow().defaultValue();
        for (String port : lesson.all("Listener on (\\d+)")) {
            assertThat(lesson.stack()).as(id + ": listener on " + port)
                    .contains(port.equals(containerPort) ? "Port: !Ref ContainerPort\n" : "Port: " + port + "\n");
        }
        for (String port : lesson.all("(?:[Pp]ort|Admin on|UDP) (\\d{3,5})\\b")) {
            assertThat(lesson.stack()).as(id + ": port " + port)
                    .containsPattern("(ContainerPort: " + port + "|Value: '" + port + "'|Default: " + port + ")\\n");
        }
        for (String ttl : lesson.all("A records, TTL (\\d+) s")) {
            assertThat(lesson.stack()).as(id + ": TTL " + ttl).contains("TTL: " + ttl + "\n");
        }
        for (String interval : lesson.all("check `/ping` every (\\d+) seconds")) {
            assertThat(lesson.stack()).as(id + ": health check interval").contains("HealthCheckIntervalSeconds: " + interval + "\n");
        }
    }
}
