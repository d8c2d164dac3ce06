package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.log.FilteredLines;
import dev.underlay.automation.jobs.log.LineStore;
import dev.underlay.automation.jobs.log.LogFilter;
import dev.underlay.automation.jobs.log.LogSources;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.IntFunction;

/**
 * The lines a filter showed when the export was asked for, written on a worker as tab-separated text (time,
 * host, step, stream, text without escapes) to a file beside the target, then moved over it in one rename, so
 * a failed export leaves the old file as it was. Reads only lines published before it started.
 */
final class LogExport {
    private final LineStore store;
    private final LogSources sources;
    private final LogFilter filter;
    private final int lines;
    private final IntFunction<String> stepName;

    LogExport(LineStore store, LogSources sources, LogFilter filter, int lines, IntFunction<String> stepName) {
        this.store = store;
        this.sources = sources;
        this.filter = filter;
        this.lines = lines;
        this.stepName = stepName;
    }

    /** Writes the file; returns the rows written. */
    int writeTo(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        int n = 0;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# time\thost\tstep\tstream\ttext\n");
                for (int i = 0; i < lines; i++) { // bounded: the lines published when the export was asked for
                    int s = store.source(i);
                    if (!FilteredLines.test(filter, sources, s)) {
                        continue;
                    }
                    w.write(store.at(i).toString());
                    w.write('\t');
                    w.write(sources.hostName(sources.hostOf(s)));
                    w.write('\t');
                    w.write(stepName.apply(sources.stepOf(s)));
                    w.write('\t');
                    w.write(sources.streamOf(s).id());
                    w.write('\t');
                    w.write(store.text(i));
                    w.write('\n');
                    n++;
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IOException("the export was cancelled");
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
