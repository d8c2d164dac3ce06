/**
 * The automation model: {@link dev.underlay.automation.content.Task}s (templates, params, timeout, retries, exit
 * codes), {@link dev.underlay.automation.content.Stage}s, {@link dev.underlay.automation.content.Workflow}s and the
 * {@link dev.underlay.automation.content.ContentPack}s that bring them, and the {@code ContentStore} port.
 */
package dev.underlay.automation.content;
