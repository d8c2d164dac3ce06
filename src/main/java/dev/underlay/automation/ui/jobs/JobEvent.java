package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.ssh.HostRunState;

/** What a running job reported, queued on I/O threads and applied to a {@link JobProgress} on the FX thread. */
public sealed interface JobEvent {
    long job();

    /** The job changed state. */
    record JobChanged(long job, JobState state, String message) implements JobEvent {
    }

    /** A host changed state in the job. */
    record HostChanged(long job, String host, HostRunState state) implements JobEvent {
    }

    /** A step attempt on a host started or ended. */
    record StepChanged(long job, JobListener.StepResult result) implements JobEvent {
    }
}
