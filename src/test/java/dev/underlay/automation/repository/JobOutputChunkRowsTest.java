package dev.underlay.automation.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobRepository.LineRow;
import dev.underlay.automation.jobs.JobRepository.OutputLine;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job log stored several lines a row (V9, decision 0024) reads back as the lines it was given, on real H2:
 * across chunk and page boundaries, with streams interleaved, with huge and non-ASCII lines, and with the filters
 * by host and step.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class JobOutputChunkRowsTest {
    @Parameter
    TestBackend backend;
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00.123456Z");

    @TempDir
    Path dir;

    @Test
    void pagesOfOutputAfterCrossChunksOfThousandsOfLinesAndGiveEveryLineOnce() throws Exception {
        try (Database db = backend.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long job = newJob(repo);
            List<OutputLine> given = new ArrayList<>();
            long seq = 0;
            for (int i = 0; i < 5_000; i++) { // one host's 5,000 lines in one write: three chunks of it
                given.add(line(seq++, i, "big", 0, StreamKind.STDOUT, "big line " + i));
                if (i % 10 == 0) {
                    given.add(line(seq++, i, "small" + (i % 3), 0, StreamKind.STDOUT, "small " + i));
                }
            }
            write(repo, job, given);
            assertTrue(rows(db, "job_output_chunk") < 20, "thousands of lines in a few rows: "
                    + rows(db, "job_output_chunk"));
            assertTrue(rows(db, "job_output_chunk") > 3, "one host's lines split at " + OutputChunk.MAX_LINES);
            for (int page : new int[] {1, 7, 700, 2_000, 10_000}) {
                assertEquals(given, paged(repo, job, page), "pages of " + page);
            }
            List<OutputLine> whole = new ArrayList<>();
            repo.output(job, null, null, whole::add);
            assertEquals(given, whole);
            List<OutputLine> after = new ArrayList<>();
            repo.outputAfter(job, 2_500, 3, after::add);
            assertEquals(given.subList(2_501, 2_504), after, "a page starting inside a chunk");
        }
    }

    @Test
    void streamsAndHostsInterleavedOverSeveralWritesKeepTheirOrderByTime() throws Exception {
        try (Database db = backend.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long job = newJob(repo);
            Random random = new Random(13);
            List<OutputLine> given = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                given.add(line(i, i, "h" + random.nextInt(4), random.nextInt(2),
                        random.nextBoolean() ? StreamKind.STDOUT : StreamKind.STDERR, "line " + i));
            }
            // thirty writes whose seqs overlap, as when two SSH threads number lines and queue them in either order;
            // far more chunks than one page of them (JdbcJobOutput.PAGE), so lines are merged across pages
            List<OutputLine> shuffled = new ArrayList<>(given);
            for (int i = 1; i + 1 < shuffled.size(); i += 2) {
                if (random.nextBoolean()) {
                    Collections.swap(shuffled, i, i + 1);
                }
            }
            for (int w = 0; w < 30; w++) {
                write(repo, job, shuffled.subList(w * 100, (w + 1) * 100));
            }
            assertTrue(rows(db, "job_output_chunk") > 3 * JdbcJobOutput.PAGE, "pages of chunks");
            List<OutputLine> whole = new ArrayList<>();
            repo.output(job, null, null, whole::add);
            assertEquals(given, whole, "every line once, in seq order");
            for (int i = 1; i < whole.size(); i++) {
                assertTrue(!whole.get(i).at().isBefore(whole.get(i - 1).at()), "in time order at " + i);
            }
            assertEquals(given, paged(repo, job, 333));
            List<OutputLine> h2 = new ArrayList<>();
            repo.output(job, "h2", 1, h2::add);
            assertEquals(given.stream().filter(l -> l.host().equals("h2") && l.step() == 1).toList(), h2,
                    "one host's one step, stdout and stderr as they came");
            assertTrue(h2.stream().map(OutputLine::stream).distinct().count() == 2, "both streams among them");
        }
    }

    @Test
    void hugeLinesAreCutAtTheOldLimitAndSplitIntoChunksWithoutLoss() throws Exception {
        try (Database db = backend.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long job = newJob(repo);
            String huge = "x".repeat(65_536);
            List<OutputLine> given = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                given.add(line(i, i, "h", 0, StreamKind.STDOUT, i + huge.substring(String.valueOf(i).length())));
            }
            given.add(line(9, 9, "h", 0, StreamKind.STDOUT, ""));
            given.add(line(10, 10, "h", 0, StreamKind.STDOUT, "y".repeat(80_000)));
            write(repo, job, given);
            List<OutputLine> whole = new ArrayList<>();
            repo.output(job, null, null, whole::add);
            assertEquals(given.subList(0, 10), whole.subList(0, 10));
            assertEquals("y".repeat(65_536), whole.get(10).text(), "cut at 65,536 chars as before V9");
            assertTrue(rows(db, "job_output_chunk") >= 3, "at most " + OutputChunk.MAX_CHARS + " chars a row");
        }
    }

    @Test
    void unicodeAndTheFormatsOwnSeparatorsComeBackAsWritten() throws Exception {
        try (Database db = backend.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long job = newJob(repo);
            List<String> texts = List.of("Grüße aus Zürich", "机架 42 已满", "🔥 disk /dev/sda 😀😀", "e\u0301 combining",
                    "1,2,3;4;", "0,0,5;", "tab\tand\\backslash", "\u00a0nbsp", "Ελληνικά", "");
            List<OutputLine> given = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                given.add(line(i, -i, "höst-ü", 0, i % 2 == 0 ? StreamKind.STDOUT : StreamKind.STDERR, texts.get(i)));
            }
            write(repo, job, given);
            List<OutputLine> whole = new ArrayList<>();
            repo.output(job, "höst-ü", 0, whole::add);
            assertEquals(given, whole, "times going backwards are kept too");
        }
    }

    @Test
    void purgingAJobRemovesItsChunks() throws Exception {
        try (Database db = backend.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long job = newJob(repo);
            write(repo, job, List.of(line(0, 0, "h", 0, StreamKind.STDOUT, "a"),
                    line(1, 1, "h", 0, StreamKind.STDOUT, "b")));
            repo.write(new JobRepository.Batch(List.of(new JobRepository.JobStateChange(job, JobState.SUCCEEDED, "",
                    T0)), List.of(), List.of(), List.of()));
            assertEquals(1, repo.purgeEndedBefore(T0.plusSeconds(1)));
            assertEquals(0, rows(db, "job_output_chunk"));
        }
    }

    static long newJob(JobRepository repo) {
        return repo.create(new JobRepository.NewJob("t", "command:t", JobTarget.query("all"), JobOptions.DEFAULTS,
                null, T0, List.of("s0", "s1"), List.of(List.of("h")), JobState.RUNNING));
    }

    /** A line at T0 plus {@code micros}: what the TIMESTAMP columns keep, so it compares equal when read back. */
    static OutputLine line(long seq, long micros, String host, int step, StreamKind stream, String text) {
        return new OutputLine(seq, T0.plusNanos(micros * 1_000), host, step, stream, text);
    }

    static void write(JobRepository repo, long job, List<OutputLine> lines) {
        repo.write(new JobRepository.Batch(List.of(), List.of(), List.of(),
                lines.stream().map(l -> new LineRow(job, l)).toList()));
    }

    private static List<OutputLine> paged(JobRepository repo, long job, int size) {
        List<OutputLine> all = new ArrayList<>();
        for (int reads = 0; reads < 20_000; reads++) { // bounded: more reads than any page size here needs
            List<OutputLine> page = new ArrayList<>();
            repo.outputAfter(job, all.isEmpty() ? -1 : all.get(all.size() - 1).seq(), size, page::add);
            assertTrue(page.size() <= size, "a page holds at most its limit");
            assertTrue(page.stream().map(OutputLine::seq).sorted(Comparator.naturalOrder()).toList()
                    .equals(page.stream().map(OutputLine::seq).toList()), "a page is in seq order");
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
        }
        throw new AssertionError("paging did not end");
    }

    static long rows(Database db, String table) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
