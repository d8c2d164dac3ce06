package dev.underlay.automation.jobs;

import java.time.Duration;

/**
 * How a job runs.
 *
 * @param wave           hosts per rolling wave, or null for one wave of every host
 * @param waveBy         "" (waves in name order), {@code rack}, or a param name: a wave never mixes two values
 *                       (failure domains), and a domain bigger than the wave size is split
 * @param maxFailPercent a wave with more failed hosts than this share stops the job; -1 for no limit
 * @param approveWaves   every wave after the first waits for {@link JobRun#approve()}
 * @param forks          commands in flight at once
 * @param dryRun         render every step for every host and connect nowhere
 * @param rehearse       run against lab twins of the target machines on loopback instead of the machines
 */
public record JobOptions(Strategy strategy, WaveSize wave, String waveBy, double maxFailPercent,
                         boolean approveWaves, FailurePolicy failurePolicy, int forks, boolean dryRun,
                         boolean rehearse) {
    public static final JobOptions DEFAULTS = new JobOptions(Strategy.FREE, null, "", -1, false,
            FailurePolicy.CONTINUE, 64, false, false);

    public JobOptions {
        waveBy = waveBy == null ? "" : waveBy.trim();
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1, not " + forks);
        }
        if (maxFailPercent > 100) {
            throw new IllegalArgumentException("max-fail is a share from 0% to 100%, not " + maxFailPercent + "%");
        }
        if (maxFailPercent < 0) {
            maxFailPercent = -1;
        }
    }

    public JobOptions withStrategy(Strategy s) {
        return new JobOptions(s, wave, waveBy, maxFailPercent, approveWaves, failurePolicy, forks, dryRun, rehearse);
    }

    public JobOptions withWaves(WaveSize size, String by, double maxFail, boolean approve) {
        return new JobOptions(strategy, size, by, maxFail, approve, failurePolicy, forks, dryRun, rehearse);
    }

    public JobOptions withPolicy(FailurePolicy p) {
        return new JobOptions(strategy, wave, waveBy, maxFailPercent, approveWaves, p, forks, dryRun, rehearse);
    }

    public JobOptions withForks(int n) {
        return new JobOptions(strategy, wave, waveBy, maxFailPercent, approveWaves, failurePolicy, n, dryRun,
                rehearse);
    }

    public JobOptions withDryRun(boolean d) {
        return new JobOptions(strategy, wave, waveBy, maxFailPercent, approveWaves, failurePolicy, forks, d,
                rehearse);
    }

    public JobOptions withRehearse(boolean r) {
        return new JobOptions(strategy, wave, waveBy, maxFailPercent, approveWaves, failurePolicy, forks, dryRun,
                r);
    }

    /** How long waiting for a rebooted host may take at most, polled every few seconds. */
    static final Duration REBOOT_WAIT = Duration.ofMinutes(10);
}
