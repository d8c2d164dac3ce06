package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRepository;

/** One entry of a batch handed to {@link JobLogViewModel#appendInOrder}: an output line or a step's result. */
public sealed interface LogEntry permits LogEntry.Output, LogEntry.Step {
    /** A line the job printed. */
    record Output(JobRepository.OutputLine line) implements LogEntry {
    }

    /** A step's start or end on one host, shown as a system line. */
    record Step(JobListener.StepResult result) implements LogEntry {
    }
}
