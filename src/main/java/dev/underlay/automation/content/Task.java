package dev.underlay.automation.content;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A unit of automation: templates run in order on one machine, the params they need, and how the engine runs them.
 *
 * @param required       params that must resolve on the machine (a render fails naming the first missing one)
 * @param optional       params the templates may read when set ({@code {% if x is defined %}})
 * @param publishes      params the task may publish to its cluster's profile (a join token)
 * @param timeout        one attempt's limit on one host; null for none
 * @param retries        attempts after a failed first one
 * @param backoff        wait before the first retry, doubled before each next; never null
 * @param incompleteExit exit code meaning "not done yet, run me again later", or -1
 * @param rebootExit     exit code meaning "reboot, then continue", or -1
 * @param pack           the content pack that brought it
 * @param continueOnFailure when the task fails on a host (after its retries), the host still runs the next steps
 *                       and ends failed after the last ({@code continue_on_failure}: every health check runs)
 */
public record Task(String name, String description, List<TaskTemplate> templates, List<String> required,
                   List<String> optional, List<String> publishes, Duration timeout, int retries, Duration backoff,
                   int incompleteExit, int rebootExit, String pack, boolean continueOnFailure) {
    /** No such exit code. */
    public static final int NONE = -1;

    public Task {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        templates = List.copyOf(templates);
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        publishes = List.copyOf(publishes);
        backoff = backoff == null ? Duration.ZERO : backoff;
        pack = pack == null ? "" : pack;
    }

    /** A task that stops its host when it fails (the default). */
    public Task(String name, String description, List<TaskTemplate> templates, List<String> required,
                List<String> optional, List<String> publishes, Duration timeout, int retries, Duration backoff,
                int incompleteExit, int rebootExit, String pack) {
        this(name, description, templates, required, optional, publishes, timeout, retries, backoff, incompleteExit,
                rebootExit, pack, false);
    }

    /** Every param a template may read: required, then optional. */
    public List<String> params() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).distinct().toList();
    }

    /** The same task with another pack name (install stamps it). */
    public Task inPack(String p) {
        return new Task(name, description, templates, required, optional, publishes, timeout, retries, backoff,
                incompleteExit, rebootExit, p, continueOnFailure);
    }
}
