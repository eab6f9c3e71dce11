package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.testsupport.GatedProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's stacks survive a restart: saved as they change, restored with their ids, outputs, events, resources
 * (handed back to the providers) and change sets; an update cut off by a kill ends rolled back and stays usable; a
 * damaged file is set aside and named.
 */
class SavedStacksTest {

    private static final String TEMPLATE = """
            Parameters:
              Suffix: {Type: String, Default: one}
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties: {LogGroupName: !Sub 'saved-${Suffix}'}
              Thing:
                Type: Test::Gated::Thing
                Properties: {Value: !Ref Suffix}
            Outputs:
              LogGroup: {Value: !Ref Logs, Export: {Name: saved-logs}}
            """;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private record Running(CloudFormationEngine engine, ProviderRegistry providers, GatedProvider gated, SavedStacks saved) {
    }

    private Running start(Path file, boolean gateOpen) {
        GatedProvider gated = new GatedProvider();
        if (gateOpen) {
            gated.gate.countDown();
        }
        ProviderRegistry providers = ProviderRegistry.standard().register(gated);
        CloudFormationEngine engine = new CloudFormationEngine(providers,
                EngineSettings.defaults().withSyncWait(Duration.ofMillis(200)));
        open.add(engine);
        open.add(gated.gate::countDown);
        SavedStacks saved = SavedStacks.open(engine, file);
        open.add(saved);
        return new Running(engine, providers, gated, saved);
    }

    private static StackRequest request(String suffix) {
        return new StackRequest("saved", TEMPLATE, false, List.of(new ParameterValues.Input("Suffix", suffix, false)),
                List.of(), Map.of("meshwalk:chapter", "3-routing"), List.of(), false, null, "us-east-1", "000000000000");
    }

    @Test
    void aStackComesBackCompleteWithItsIdOutputsEventsAndResourcesAndCanBeDeleted() {
        Path file = dir.resolve("stacks.json");
        Running first = start(file, true);
        Stack made = first.engine().createStack(request("one"));
        await(() -> made.status() == StackStatus.CREATE_COMPLETE, "create");
        int events = made.eventsNewestFirst().size();
        first.saved().close();

        Running second = start(file, true);
        Stack back = second.engine().findStack("saved");
        assertThat(back.id()).isEqualTo(made.id());
        assertThat(back.status()).isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(back.outputs()).isEqualTo(made.outputs());
        assertThat(back.config().tags()).containsEntry("meshwalk:chapter", "3-routing");
        assertThat(back.config().parameters().given()).containsEntry("Suffix", "one");
        assertThat(back.eventsNewestFirst()).hasSize(events);
        assertThat(back.resource("Logs").physicalId()).isEqualTo("saved-one");
        assertThat(second.providers().logs().get("saved-one")).as("the log group handed back to its provider").isPresent();
        assertThat(second.engine().exports()).extracting(Exports.Export::name).containsExactly("saved-logs");

        second.engine().deleteStack("saved");
        await(() -> back.status() == StackStatus.DELETE_COMPLETE, "delete");
        assertThat(second.providers().logs().get("saved-one")).isEmpty();
    }

    @Test
    void anUpdateCutOffByAKillIsRolledBackAtTheNextStartAndTheStackCanBeUpdatedAndDeleted() throws IOException {
        Path file = dir.resolve("stacks.json");
        Running first = start(file, true);
        Stack made = first.engine().createStack(request("one"));
        await(() -> made.status() == StackStatus.CREATE_COMPLETE, "create");
        GatedProvider shut = new GatedProvider(); // the update below waits at its gate
        open.add(shut.gate::countDown);
        first.providers().register(shut);
        first.engine().updateStack(request("two"));
        await(() -> made.resource("Logs").physicalId().equals("saved-two") && savedText(file).contains("saved-two")
                && savedText(file).contains("UPDATE_IN_PROGRESS"), "the update half done and saved");
        Path killed = dir.resolve("killed/stacks.json");
        Files.createDirectories(killed.getParent());
        Files.copy(file, killed, StandardCopyOption.REPLACE_EXISTING); // the file as a SIGKILL would leave it

        Running second = start(killed, true);
        Stack back = second.engine().findStack("saved");
        assertThat(back.status()).isEqualTo(StackStatus.UPDATE_ROLLBACK_COMPLETE);
        assertThat(back.statusReason()).isNull();
        assertThat(back.eventsNewestFirst()).anyMatch(e -> "UPDATE_ROLLBACK_IN_PROGRESS".equals(e.resourceStatus())
                && e.resourceStatusReason().contains("local cloud stopped"));
        assertThat(back.resource("Logs").physicalId()).isEqualTo("saved-one");
        assertThat(back.resource("Thing").properties()).containsEntry("Value", "one");
        assertThat(back.config().parameters().given()).containsEntry("Suffix", "one");
        assertThat(second.providers().logs().get("saved-two")).as("what the cut-off update made is removed").isEmpty();
        assertThat(second.providers().logs().get("saved-one")).isPresent();
        assertThat(back.eventsNewestFirst()).as("the log group the update was replacing came back as it was, not"
                + " made a third time by the rollback").filteredOn(e -> "Logs".equals(e.logicalResourceId())
                && e.resourceStatusReason() != null && e.resourceStatusReason().contains("new physical resource"))
                .hasSize(1);

        second.engine().updateStack(request("three"));
        await(() -> back.status() == StackStatus.UPDATE_COMPLETE, "a new update");
        second.engine().deleteStack("saved");
        await(() -> back.status() == StackStatus.DELETE_COMPLETE, "delete");
    }

    @Test
    void aDamagedFileIsSetAsideNamedAndTheEngineStartsEmpty() throws IOException {
        Path file = dir.resolve("stacks.json");
        Files.writeString(file, "{\"version\":1,\"stacks\":[{\"id\":");
        Running r = start(file, true);
        assertThat(r.engine().stacks()).isEmpty();
        assertThat(r.saved().notice()).hasValueSatisfying(n -> assertThat(n).contains(file.toString())
                .contains("moved to").contains(".unreadable-"));
        try (var files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("stacks.json.unreadable-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo("{\"version\":1,\"stacks\":[{\"id\":");
        }
    }

    @Test
    void aFileOfAnotherFormatVersionIsSetAsideNotGuessedAt() throws IOException {
        Path file = dir.resolve("stacks.json");
        Files.writeString(file, "{\"version\":99,\"stacks\":[]}");
        Running r = start(file, true);
        assertThat(r.saved().notice()).hasValueSatisfying(n -> assertThat(n).contains("format 99"));
        // The writer may already have saved the new, empty state in its place; the old file must be kept aside whole.
        try (var aside = Files.list(dir)) {
            assertThat(aside.filter(p -> p.getFileName().toString().startsWith("stacks.json.unreadable-")).toList())
                    .singleElement().satisfies(p -> assertThat(p).hasContent("{\"version\":99,\"stacks\":[]}"));
        }
        assertThat(savedText(file)).doesNotContain("\"version\":99");
    }

    private static String savedText(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20); // polling the condition, not waiting for it to have happened
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
