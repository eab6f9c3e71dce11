package dev.meshwalk.core;

/**
 * One thing the tutorial created on the target, as the teardown menu shows it. The core's own record (it may not
 * see {@code cloud}): the effects layer fills it from the target's inventory and maps the picked ones back.
 *
 * @param kind   what it is, as the learner reads it ("CloudFormation stack", "CloudWatch dashboard")
 * @param name   its name on the target
 * @param state  its state there (e.g. "CREATE_COMPLETE, chapter 0-prelude", "exists")
 * @param picked whether the learner wants it deleted
 */
public record TeardownItem(String kind, String name, String state, boolean picked) {

    public TeardownItem withPicked(boolean p) {
        return new TeardownItem(kind, name, state, p);
    }

    /** "CloudFormation stack meshwalk-x  (CREATE_COMPLETE)": kind, name and state on one line. */
    public String describe() {
        return kind + " " + name + "  (" + state + ")";
    }

    /** The check box both front-ends draw before {@link #describe()}. */
    public String box() {
        return picked ? "[x]" : "[ ]";
    }
}
