package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/**
 * The footers are short hand-written hints; every key they name must do something on that screen, by the key table.
 * A footer that promises a key the table does not bind there fails here.
 */
class FooterHintsTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "", "# Prelude\n\nShort.", null),
            new Chapter(1, "1-servicediscovery", "Service discovery", "", "# Service discovery\n\nShort.", null));

    @Test
    void everyKeyAFooterNamesIsBoundOnItsScreen() {
        UpdateDriver driver = new UpdateDriver();
        State list = State.initial(CHAPTERS, new Size(80, 24), true, Target.local(), "log");
        assertBound(list);
        State lesson = driver.send(list, new Msg.OpenChapter(0));
        assertBound(lesson);
        for (Action pane : Action.values()) {
            assertBound(driver.send(lesson, new Msg.ShowAction(pane)));
        }
        ChangeSet changes = new ChangeSet("meshwalk-howto-ecs-basics", "cs-1", true, List.of(new ChangeSet.Change(
                ChangeSet.Kind.ADD, "Cluster", "ECS::Cluster", null, "the ECS cluster the tasks run in")), Map.of());
        State asking = driver.send(lesson, new Msg.ShowAction(Action.DEPLOY),
                new Msg.DeployPlanned(DeployOrder.of("0-prelude"), changes));
        assertThat(asking.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.DEPLOY_CHANGES);
        assertBound(asking);
        State parameters = driver.send(lesson, new Msg.ShowAction(Action.DEPLOY), UpdateDriver.key('p'),
                new Msg.ParametersLoaded("0-prelude", List.of(new dev.meshwalk.content.StackParameters.Parameter(
                        "TasksPerService", "Number", "3", "How many tasks", 1L, 10L, List.of(), null)),
                        Map.of(), null));
        assertThat(KeyBindings.footer(parameters)).contains("enter edit");
        assertBound(parameters);
        State typing = driver.send(parameters, UpdateDriver.key(Key.Kind.ENTER));
        assertThat(KeyBindings.footer(typing)).contains("enter keep").doesNotContain("q quit");
        assertBound(typing);
        assertBound(driver.send(lesson, new Msg.ShowAction(Action.TEARDOWN), new Msg.TeardownListed(
                List.of(new TeardownItem("CloudFormation stack", "s", "CREATE_COMPLETE", true)), List.of())));
    }

    private static void assertBound(State s) {
        String footer = KeyBindings.footer(s);
        for (String hint : footer.trim().split(" {2,}")) {
            for (Key key : keys(hint.split(" ")[0])) {
                boolean bound = KeyBindings.active(s).stream().flatMap(section -> section.bindings().stream())
                        .anyMatch(b -> b.keys().contains(key));
                assertThat(bound).as("footer hint '%s' on %s/%s: key %s is bound", hint, s.view(), s.focused(),
                        KeyList.label(List.of(key))).isTrue();
            }
        }
    }

    /** The keys a hint names: "up/down", "d,t,m,c,x", "0-5", "spc", "y/esc", "+/-". */
    private static List<Key> keys(String spelled) {
        List<Key> out = new ArrayList<>();
        for (String name : spelled.equals("+/-") ? new String[] {"+", "-"} : spelled.split("[/,]")) {
            if (name.matches("\\d-\\d")) {
                for (char c = name.charAt(0); c <= name.charAt(2); c++) {
                    out.add(Key.ch(c));
                }
            } else if (name.length() == 1) {
                out.add(Key.ch(name.charAt(0)));
            } else {
                out.add(switch (name) {
                    case "up" -> Key.of(Key.Kind.UP);
                    case "down" -> Key.of(Key.Kind.DOWN);
                    case "enter" -> Key.of(Key.Kind.ENTER);
                    case "esc" -> Key.of(Key.Kind.ESCAPE);
                    case "spc" -> Key.ch(' ');
                    case "PgUp" -> Key.of(Key.Kind.PAGE_UP);
                    case "PgDn" -> Key.of(Key.Kind.PAGE_DOWN);
                    case "backspace" -> Key.of(Key.Kind.BACKSPACE);
                    default -> throw new AssertionError("a footer names a key this test cannot read: " + name);
                });
            }
        }
        return out;
    }
}
