package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.log.LogStream;
import java.time.Instant;

/**
 * One row as the view draws it: the line's index in the log, when, which host, step and stream, its text without
 * escapes and its style runs ({@link dev.underlay.automation.jobs.log.Ansi}: [start, style, ...], or null).
 */
public record LogLine(int line, Instant at, String host, int step, LogStream stream, String text, int[] runs) {
}
