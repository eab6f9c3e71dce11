package dev.meshwalk.core;

import java.util.List;

/**
 * What one action's pane shows: a status, optionally a {@link Board} the core folds from typed Msgs (a stack
 * operation's progress, the traffic loop), a few lines of text under it and, when the pane waits for the learner,
 * the question it asks. The core words the lines from the effects' facts ({@link DeployFlow}, {@link TeardownReport},
 * {@link ActionReports}); the views draw {@link BoardText#pane}. The map pane's drawing lives in {@link MapView} instead, because each front-end
 * renders it.
 *
 * @param question what a y/enter (yes) or esc/n (no) answers now; {@link Question#NONE} when nothing is asked.
 *                 {@link State#prompt(Action)} gives the text to show (the teardown question counts the picks)
 * @param board    structured content drawn above the lines, or null; replacing the pane (a new preview, an error)
 *                 drops it, asking a question keeps it
 */
public record ActionPane(Action action, Status status, List<String> lines, Question question, Board board) {

    /** The questions a pane can ask; {@link DeployFlow} and {@link TeardownPicking} turn the answer into the next step. */
    public enum Question {
        NONE(""),
        /** On AWS, before anything is created there (images, change set): the preflight and the hourly estimate. */
        ACCEPT_COSTS("Accept these costs?  y = go on (push images, plan), esc = stop (nothing made)"),
        DEPLOY_CHANGES("Deploy these changes?  y/enter = deploy, esc = cancel (change set deleted)"),
        // One row of an 80-column screen; ctrl-c quits and leaves the deploy running.
        CANCEL_DEPLOY("Deploy running.  y = cancel it (rolls back), esc/n = leave it, ctrl-c = quit"),
        RECREATE_STACK("Delete the failed stack and create it again?  y = yes, esc = no"),
        /** Another operation runs on the stack and it is an update, which CloudFormation can cancel. */
        STACK_BUSY("Stack busy. w/enter = wait, c = cancel the update (rolls back), esc = leave it"),
        /** Another operation runs on the stack that cannot be cancelled (a create, delete or rollback). */
        STACK_BUSY_NO_CANCEL("Stack busy. w/enter = wait for it, esc = leave it (it cannot be cancelled)"),
        /** The teardown menu; the prompt with the number picked comes from {@link TeardownMenu#prompt()}. */
        TEARDOWN("Delete picked items? y = delete, space = pick/unpick, esc = keep everything");

        private final String prompt;

        Question(String prompt) {
            this.prompt = prompt;
        }

        public String prompt() {
            return prompt;
        }
    }

    public ActionPane {
        lines = List.copyOf(lines);
        question = question == null ? Question.NONE : question;
    }

    public ActionPane(Action action, Status status, List<String> lines, Question question) {
        this(action, status, lines, question, null);
    }

    public ActionPane(Action action, Status status, List<String> lines) {
        this(action, status, lines, Question.NONE);
    }

    public ActionPane asking(Question q) {
        return new ActionPane(action, status, lines, q, board);
    }

    /** The same pane with a new board and status; its lines and question stay. */
    public ActionPane withBoard(Board b, Status s) {
        return new ActionPane(action, s, lines, question, b);
    }

    /** The pane before its action was used: what it does and how to start it. */
    public static ActionPane untouched(Action action) {
        return new ActionPane(action, Status.NOT_STARTED, List.of(
                action.purpose() + ".",
                "Press " + action.key() + " to start."));
    }
}
