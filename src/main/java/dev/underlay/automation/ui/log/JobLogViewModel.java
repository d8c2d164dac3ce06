package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.log.Ansi;
import dev.underlay.automation.jobs.log.FilteredLines;
import dev.underlay.automation.jobs.log.LineStore;
import dev.underlay.automation.jobs.log.LogFilter;
import dev.underlay.automation.jobs.log.LogSearch;
import dev.underlay.automation.jobs.log.LogSources;
import dev.underlay.automation.jobs.log.LogStream;
import dev.underlay.automation.jobs.log.OutputGroups;
import dev.underlay.automation.jobs.log.TailFollow;
import dev.underlay.background.TaskRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live log of one job: lines appended in batches (on the FX thread, once per pulse), kept by a
 * {@link LineStore}; the rows a filter lets through; search; whether the view follows the tail; identical output
 * grouped across hosts per step ({@link JobLogGroups}); copy and export. Needs no toolkit: properties only.
 */
public final class JobLogViewModel {
    /** A request to bring a row into view; {@code n} makes every request a change. */
    public record Jump(int row, long n) {
    }

    private final List<String> stepLabels;
    private final TaskRunner tasks;
    private final LogSources sources = new LogSources();
    private final LineStore store = new LineStore();
    private final FilteredLines filtered = new FilteredLines(store, sources);
    private final TailFollow tail = new TailFollow();
    private final JobLogGroups groups;
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    /**
     * The read-only view: one wrapper, kept. A new one a call is held by nothing but a weak listener, so a listener
     * added to it stopped hearing after a collection (the log's host box lost every host printed after one).
     */
    private final ObservableList<String> hostsView = FXCollections.unmodifiableObservableList(hosts);
    private final ReadOnlyObjectWrapper<LogRows> rows = new ReadOnlyObjectWrapper<>(new LogRows(filtered));
    private final ReadOnlyObjectWrapper<LogFilter> filter = new ReadOnlyObjectWrapper<>(LogFilter.ALL);
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Jump> jump = new ReadOnlyObjectWrapper<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper searchStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private int match = -1;
    private long jumps;

    public JobLogViewModel(List<String> stepLabels, TaskRunner tasks) {
        this(stepLabels, tasks, System::nanoTime);
    }

    /** {@code nanos}: the clock the groups' recompute interval is measured by (tests give their own). */
    JobLogViewModel(List<String> stepLabels, TaskRunner tasks, java.util.function.LongSupplier nanos) {
        this.stepLabels = List.copyOf(stepLabels);
        this.tasks = tasks;
        this.groups = new JobLogGroups(new OutputGroups(sources), this::stepName, nanos, tasks);
        query.addListener((o, a, b) -> {
            match = -1;
            searchStatus.set("");
        });
    }

    // ---- feeding ----

    /** A batch of output lines (in the order the job reported them). */
    public void append(List<JobRepository.OutputLine> lines) {
        for (JobRepository.OutputLine l : lines) {
            add(l.host(), l.step(), LogStream.of(l.stream()), l.at(), l.text(), true);
        }
        published(false);
    }

    /** A batch of step results: each becomes a system line, and a final one makes that host's output final. */
    public void steps(List<JobListener.StepResult> results) {
        results.forEach(this::step);
        published(!results.isEmpty());
    }

    /**
     * Output lines and step results in the order they are to be shown, published once: a live job's chunk with the
     * step starts and ends among its lines costs one pass and one regrouping, not one per result (at 1,000 hosts x
     * 10 steps, a regrouping per result held single pulses for seconds; docs/benchmarks.md, issue 14).
     */
    public void appendInOrder(List<? extends LogEntry> entries) {
        boolean anyResult = false;
        for (LogEntry e : entries) {
            if (e instanceof LogEntry.Output o) {
                JobRepository.OutputLine l = o.line();
                add(l.host(), l.step(), LogStream.of(l.stream()), l.at(), l.text(), true);
            } else if (e instanceof LogEntry.Step s) {
                step(s.result());
                anyResult = true;
            }
        }
        published(anyResult);
    }

    private void step(JobListener.StepResult r) {
        Instant at = r.ended() != null ? r.ended() : r.started() != null ? r.started() : Instant.now();
        add(r.host(), r.step(), LogStream.SYSTEM, at, StepLines.describe(r, stepName(r.step())), false);
        groups.result(r);
    }

    /**
     * Once a pulse, fed or not: output whose grouping a recent recompute held back (at most one every
     * {@link JobLogGroups#EVERY_NANOS}) is grouped once that interval has passed, so the last lines of a job are too.
     */
    public void pulse() {
        groups.refresh(false);
    }

    private void add(String host, int step, LogStream stream, Instant at, String text, boolean output) {
        int before = sources.hostCount();
        int source = sources.source(sources.host(host), step, stream);
        if (sources.hostCount() > before) {
            hosts.add(host);
        }
        int line = store.append(source, at, Ansi.parse(text));
        if (output) {
            groups.line(source, store.hash(line));
        }
    }

    private void published(boolean forceGroups) {
        filtered.catchUp();
        rows.get().catchUp();
        groups.refresh(forceGroups);
        revision.set(revision.get() + 1);
    }

    // ---- rows ----

    /** The rows shown, as a list the ListView can hold (a new list when the filter changes). */
    public ReadOnlyObjectProperty<? extends ObservableList<Integer>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public int rowCount() {
        return filtered.size();
    }

    /** Lines kept (whatever the filter). */
    public int lineCount() {
        return store.size();
    }

    /** Text bytes kept (UTF-8, without escapes). */
    public long textBytes() {
        return store.textBytes();
    }

    public LogLine row(int r) {
        int line = filtered.line(r);
        int s = store.source(line);
        return new LogLine(line, store.at(line), sources.hostName(sources.hostOf(s)), sources.stepOf(s),
                sources.streamOf(s), store.text(line), store.runs(line));
    }

    /** Changes with every batch appended and every new filter: the view's cue to follow the tail. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Rows to bring into view on the user's behalf (search hits, a group's first line). */
    public ReadOnlyObjectProperty<Jump> jumpProperty() {
        return jump.getReadOnlyProperty();
    }

    /** Every host seen so far, in the order they first printed. */
    public ObservableList<String> hosts() {
        return hostsView;
    }

    public List<String> stepLabels() {
        return stepLabels;
    }

    /** "2 install packages" for step index 1; "3" past the labels. */
    public String stepName(int step) {
        return step >= 0 && step < stepLabels.size() ? (step + 1) + " " + stepLabels.get(step) : String.valueOf(step + 1);
    }

    // ---- filters ----

    public ReadOnlyObjectProperty<LogFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** Focuses one host and/or one step (null: all), keeping the streams chosen. */
    public void show(String host, Integer step) {
        apply(filter.get().withHosts(host == null ? null : Set.of(host)).withStep(step));
    }

    public void showStreams(Set<LogStream> streams) {
        apply(filter.get().withStreams(streams));
    }

    /** Applies a filter; the row in view stays in view when the filter still shows it. */
    public void apply(LogFilter f) {
        int keep = match >= 0 && match < filtered.size() ? filtered.line(match) : -1;
        filtered.set(f);
        filter.set(f);
        rows.set(new LogRows(filtered));
        match = keep < 0 ? -1 : filtered.rowOf(keep);
        searchStatus.set(match < 0 ? "" : String.format("row %,d of %,d", match + 1, rowCount()));
        revision.set(revision.get() + 1);
        if (match >= 0) {
            jumpTo(match);
        }
    }

    // ---- tail ----

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /** The user moved the view; {@code lastVisibleRow} is the last row in sight. */
    public void userScrolled(int lastVisibleRow) {
        tail.userScrolled(lastVisibleRow, rowCount());
        following.set(tail.following());
    }

    public void followTail() {
        tail.follow();
        following.set(true);
        revision.set(revision.get() + 1);
    }

    public void stopFollowing() {
        tail.stop();
        following.set(false);
    }

    private void jumpTo(int row) {
        tail.jumped(row, rowCount());
        following.set(tail.following());
        jump.set(new Jump(row, ++jumps));
    }

    // ---- search ----

    public StringProperty queryProperty() {
        return query;
    }

    /** "line 1,234", "no match for 'x'". */
    public ReadOnlyStringProperty searchStatusProperty() {
        return searchStatus.getReadOnlyProperty();
    }

    /** The row of the current hit, or -1. */
    public int match() {
        return match;
    }

    /** Moves to the next hit after the current one (or after {@code from}, the selected row); -1 if none. */
    public int findNext(int from) {
        return find(match >= 0 ? match : from, true);
    }

    public int findPrevious(int from) {
        return find(match >= 0 ? match : from < 0 ? rowCount() : from, false);
    }

    private int find(int from, boolean forward) {
        String q = query.get();
        int hit = LogSearch.find(filtered, store, q, from, forward);
        if (hit < 0) {
            searchStatus.set(q.isEmpty() ? "" : "no match for '" + q + "' in the " + String.format("%,d", rowCount())
                    + " rows shown");
            return -1;
        }
        match = hit;
        searchStatus.set(String.format("row %,d of %,d", hit + 1, rowCount()));
        jumpTo(hit);
        return hit;
    }

    // ---- groups ----

    public JobLogGroups groups() {
        return groups;
    }

    /** Shows one group's hosts at its step, from its first line. */
    public void showGroup(JobLogGroups.GroupRow g) {
        showHosts(g.group().hosts(), g.group().step());
    }

    /** Shows the hosts of the chosen step outside its largest group. */
    public void showOutliers() {
        Integer step = groups.stepProperty().get();
        if (step == null) {
            return;
        }
        List<String> out = groups.current().outliers();
        if (out.isEmpty()) {
            status.set("step " + stepName(step) + ": every host printed the same; no outliers");
            return;
        }
        showHosts(out, step);
    }

    private void showHosts(List<String> names, int step) {
        apply(filter.get().withHosts(Set.copyOf(names)).withStep(step));
        if (rowCount() > 0) {
            jumpTo(0);
        }
    }

    // ---- copy and export ----

    /** The rows as a person pastes them: "host: text", one a line. */
    public String copy(List<Integer> selectedRows) {
        StringBuilder b = new StringBuilder();
        selectedRows.stream().sorted().forEach(r -> {
            LogLine l = row(r);
            b.append(l.host()).append(": ").append(l.text()).append('\n');
        });
        return b.toString();
    }

    /** What copy and export last did, or why they failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Writes the rows the filter shows now to {@code file}, off the FX thread. */
    public void export(Path file) {
        LogExport export = new LogExport(store, sources, filter.get(), store.size(), this::stepName);
        status.set("exporting " + String.format("%,d", rowCount()) + " rows to " + file + " ...");
        tasks.submit("export log", () -> export.writeTo(file),
                n -> status.set(String.format("exported %,d rows to %s", n, file)),
                e -> status.set("Could not export the job log to " + file + ": " + LogExport.reason(e)
                        + "; nothing was written over."));
    }
}
