/**
 * Composable automation: tasks (templates), stages, workflows, content packs, and the job engine that runs them over
 * SSH (issue 13). {@link dev.underlay.automation.JobPlan} is the contract between the model and the engine.
 * Layers as everywhere: {@code automation.ui -> automation (services) -> automation.repository}.
 */
package dev.underlay.automation;
