package id.kypso.agent.health;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent errors the agent met, newest first, for the heartbeat and the status
 * endpoint. A message equal to the newest one raises its repeat count instead of filling the
 * list, so one outage does not push every other error out. Messages must carry no personal
 * data: the agent only records exchange and database failures.
 */
public final class RecentErrors {
    /** The heartbeat carries at most this many errors. */
    public static final int CAPACITY = 10;

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public RecentErrors(Clock clock) {
        this.clock = clock;
    }

    /** Records one error. */
    public synchronized void add(String message) {
        Entry newest = entries.peekFirst();
        if (newest != null && newest.message.equals(message)) {
            newest.repeats++;
            newest.lastAt = clock.instant().toString();
            return;
        }
        entries.addFirst(new Entry(message, clock.instant().toString()));
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }

    /** Returns the errors as lines, newest first: time, message and repeat count. */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            lines.add(entry.repeats == 1
                    ? entry.lastAt + " " + entry.message
                    : entry.lastAt + " " + entry.message + " (" + entry.repeats + " times)");
        }
        return lines;
    }

    private static final class Entry {
        final String message;
        String lastAt;
        int repeats = 1;

        Entry(String message, String lastAt) {
            this.message = message;
            this.lastAt = lastAt;
        }
    }
}
