package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The teardown menu: what the tutorial created on the target, which of it the learner picked for deletion, and
 * where the cursor is. Everything starts picked, so "x, then y" still removes everything; the learner unpicks
 * what should stay. Immutable; every change returns a new menu.
 *
 * @param items  the inventory in the order the target listed it
 * @param cursor index of the highlighted item (0 when empty)
 */
public record TeardownMenu(List<TeardownItem> items, int cursor) {

    public TeardownMenu {
        items = List.copyOf(items);
        cursor = items.isEmpty() ? 0 : Math.max(0, Math.min(items.size() - 1, cursor));
    }

    public static TeardownMenu empty() {
        return new TeardownMenu(List.of(), 0);
    }

    /** A fresh menu over the inventory: every item picked, cursor on the first. */
    public static TeardownMenu allPicked(List<TeardownItem> inventory) {
        return new TeardownMenu(inventory.stream().map(i -> i.withPicked(true)).toList(), 0);
    }

    /** Moves the cursor by {@code delta}, stopping at the first and last item. */
    public TeardownMenu move(int delta) {
        return new TeardownMenu(items, cursor + delta);
    }

    /** Picks or unpicks the item under the cursor. */
    public TeardownMenu toggle() {
        if (items.isEmpty()) {
            return this;
        }
        List<TeardownItem> next = new ArrayList<>(items);
        TeardownItem at = next.get(cursor);
        next.set(cursor, at.withPicked(!at.picked()));
        return new TeardownMenu(next, cursor);
    }

    /** Unpicks everything when everything is picked, otherwise picks everything (the {@code a} key). */
    public TeardownMenu allOrNone() {
        boolean all = !items.isEmpty() && items.stream().allMatch(TeardownItem::picked);
        return new TeardownMenu(items.stream().map(i -> i.withPicked(!all)).toList(), cursor);
    }

    /** Picks exactly the items at these 0-based indexes (line mode's {@code 1 3}, {@code all}, {@code none}). */
    public TeardownMenu pickOnly(Set<Integer> indexes) {
        List<TeardownItem> next = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            next.add(items.get(i).withPicked(indexes.contains(i)));
        }
        return new TeardownMenu(next, cursor);
    }

    public List<TeardownItem> picked() {
        return items.stream().filter(TeardownItem::picked).toList();
    }

    /** The question, with the number picked so the learner knows what {@code y} does before pressing it. */
    public String prompt() {
        int n = picked().size();
        if (n == 0) {
            return "Nothing is picked. space = pick, a = pick all, esc = keep everything";
        }
        // One line that fits 80 columns: the count first, then the keys.
        return "Delete " + n + " picked item" + (n == 1 ? "" : "s")
                + "? y = delete, space = pick/unpick, esc = keep all";
    }
}
