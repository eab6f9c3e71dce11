package dev.meshwalk.content;

/**
 * One chapter of the tutorial as its lesson file declares it.
 *
 * @param number   position in {@code lessons/index.txt}, from 0
 * @param id       stable id from the front matter, e.g. {@code 2-meshify}; used in progress files and {@code --chapter}
 * @param title    human title
 * @param stack    the chapter's CloudFormation template, relative to the project root (may be empty)
 * @param markdown the lesson body after the front matter
 * @param problem  null when the lesson file was read cleanly; otherwise why it could not be, and the body
 *                 explains that to the reader instead of the lesson
 */
public record Chapter(int number, String id, String title, String stack, String markdown, String problem) {

    public boolean readable() {
        return problem == null;
    }
}
