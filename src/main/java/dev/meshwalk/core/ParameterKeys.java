package dev.meshwalk.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.content.StackParameters.Parameter;

/**
 * What the parameters view's keys do ({@link KeyBindings} names them): open it for the open chapter, move, edit a
 * value (checked against the template as CloudFormation would: a refused value keeps the old one and says why),
 * reset to the default, and deploy with the values. A kept value is saved with progress at once.
 */
final class ParameterKeys {

    private ParameterKeys() {
    }

    /** {@code p} in an action pane: the deploy pane shows the open chapter's parameters (read by the effects). */
    static Next open(State s) {
        Chapter chapter = Chapter.of(s);
        if (chapter == null) {
            return Next.of(s.withNotice("Open a chapter first: parameters belong to a chapter's stack."));
        }
        if (Update.deploying(s) || s.panes().deploy() != null
                || s.actions().get(Action.DEPLOY).question() != ActionPane.Question.NONE) {
            return Next.of(s.withNotice("Finish the deploy pane's current step first (answer or wait), then press p."));
        }
        State shown = s.withView(View.ACTION).withFocused(Action.DEPLOY).withPaneScroll(0)
                .withPane(new ActionPane(Action.DEPLOY, Status.INFO, List.of("Reading the stack parameters of chapter "
                        + chapter.id + " ...")));
        return Next.of(shown, new Effect.LoadParameters(chapter.id));
    }

    /** The effects read the template and the stack: the view opens on them. */
    static Next loaded(State s, Msg.ParametersLoaded m) {
        if (m.problem() != null) {
            return Next.of(s.withPane(new ActionPane(Action.DEPLOY, Status.FAILED, List.of(
                    "Could not read the parameters of chapter " + m.chapterId() + ": " + m.problem(), "Press p to try again."))));
        }
        return Next.of(show(s, new ParameterForm(m.chapterId(), m.parameters(), m.deployed(), 0, null, false, null)));
    }

    static Next move(State s, int by) {
        return Next.of(show(s, s.panes().parameters().moved(by)));
    }

    static Next edit(State s) {
        ParameterForm f = s.panes().parameters();
        Parameter p = f.selected();
        return p == null ? Next.of(s) : Next.of(show(s, f.startEditing(ParameterForm.next(p, set(s, f)))));
    }

    static Next type(State s, Key key) {
        ParameterForm f = s.panes().parameters();
        if (key.kind() == Key.Kind.BACKSPACE) {
            String t = f.editing();
            return Next.of(show(s, f.editing(t.isEmpty() ? t : t.substring(0, t.length() - 1), null)));
        }
        if (key.kind() != Key.Kind.CHAR || key.ch() < ' ') {
            return Next.of(s);
        }
        return Next.of(show(s, f.editing((f.fresh() ? "" : f.editing()) + key.ch(), null)));
    }

    static Next cancelEdit(State s) {
        return Next.of(show(s, s.panes().parameters().editing(null, null)));
    }

    /** Enter while typing: the value is kept (and saved) when the template accepts it, else the old one stays. */
    static Next keep(State s) {
        ParameterForm f = s.panes().parameters();
        return set(s, f, f.selected(), f.editing().strip());
    }

    /** {@code u}: the selected parameter back to the template's default (sent explicitly, so the preview shows it). */
    static Next reset(State s) {
        ParameterForm f = s.panes().parameters();
        Parameter p = f.selected();
        return p == null || p.defaultValue() == null ? Next.of(s) : set(s, f, p, p.defaultValue());
    }

    /** {@code d}: close the view and plan the chapter's deploy with its values. */
    static Next deploy(State s) {
        return DeployFlow.start(s, s.panes().parameters().chapterId());
    }

    static Next close(State s) {
        return Next.of(s.with(s.panes().withParameters(null)).withPane(new ActionPane(Action.DEPLOY, Status.INFO,
                List.of("Parameters kept for chapter " + s.panes().parameters().chapterId() + ".",
                        "Press d to deploy, p to see them again."))));
    }

    private static Next set(State s, ParameterForm f, Parameter p, String value) {
        Optional<String> problem = p.problem(value);
        if (problem.isPresent()) {
            return Next.of(show(s, f.editing(null, problem.get() + " Kept " + ParameterForm.next(p, set(s, f)) + ".")));
        }
        State saved = s.with(s.course().withParameters(f.chapterId(), Map.of(p.name(), value)));
        return Next.of(show(saved, f.editing(null, p.name() + " = " + value + " saved; d deploys it.")),
                saved.course().save());
    }

    private static Map<String, String> set(State s, ParameterForm f) {
        return s.course().parameters(f.chapterId());
    }

    private static State show(State s, ParameterForm f) {
        return s.with(s.panes().withParameters(f)).withPane(new ActionPane(Action.DEPLOY, Status.INFO,
                f.lines(set(s, f), s.unicode())));
    }

    /** The open chapter's id, or null. */
    private record Chapter(String id) {
        static Chapter of(State s) {
            return s.currentChapter() == null || s.current() < 0 ? null : new Chapter(s.currentChapter().id());
        }
    }
}
