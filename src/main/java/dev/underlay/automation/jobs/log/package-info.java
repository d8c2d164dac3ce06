/**
 * The live log viewer's model (issue 14), without a toolkit: lines kept compactly ({@link LineStore}: a shared
 * table of host, step and stream, text as UTF-8 in pages), ANSI SGR colours parsed once ({@link Ansi}), filters
 * ({@link LogFilter}, {@link FilteredLines}), search ({@link LogSearch}), the tail-follow rule
 * ({@link TailFollow}) and identical output gathered across hosts while the job runs ({@link OutputGroups}).
 * Appends come from one thread (the FX thread, once per pulse); reads of what was published are safe from others
 * (an export on a worker).
 */
package dev.underlay.automation.jobs.log;
