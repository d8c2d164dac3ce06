/**
 * Task templates: Pebble in strict mode with a POSIX shell {@code quote} filter ({@link
 * dev.underlay.automation.template.Templates}, decision 0011). Knows no feature; the automation services feed it
 * param values.
 */
package dev.underlay.automation.template;
