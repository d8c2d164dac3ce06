package dev.underlay.automation.content;

/**
 * A rule a content pack breaks: {@code entity} is pack, param, profile, task, stage or workflow, {@code name} its
 * name, {@code field} the field at fault; the message is one sentence naming them.
 */
public record ContentViolation(String entity, String name, String field, String message) {
}
