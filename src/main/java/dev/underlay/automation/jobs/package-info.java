/**
 * The job engine (issue 13): a job runs one {@link dev.underlay.automation.JobPlan} on a target resolved once at its
 * start, by a strategy (free, linear, rolling waves), over the SSH transport's {@link dev.underlay.ssh.StepRunner}
 * or against lab twins of its machines (rehearse), and loses nothing: every state change and output line goes to
 * the {@link dev.underlay.automation.jobs.JobRepository} in batches off the SSH threads.
 */
package dev.underlay.automation.jobs;
