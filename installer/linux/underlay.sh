#!/bin/sh
# underlay [COMMAND ...]: the installed Underlay (decision 0020). With no arguments (or only --data DIR) the
# console, otherwise the CLI: `underlay exec ...`, `underlay import ...`, `underlay --version`.
# It runs the bundled runtime's java itself, with the JVM options of jpackage's launcher (installer/jvm-options.txt,
# filled in by installer/build.sh) and the AppCDS archive postinst made: the native launcher bin/underlay does the
# same, but costs ~0.45 s of CPU and up to a second of wall before main(). `exec`, so the JVM keeps this process's
# PID: signals (Ctrl-C, SIGTERM) reach it and its exit code is the command's. JAVA_TOOL_OPTIONS still adds options.
# /usr/bin/underlay links here; the folder of the installation is found through that link.
self=$(readlink -f "$0" 2>/dev/null) || self=
[ -n "$self" ] || self=$0
top=$(cd "$(dirname "$self")/.." && pwd) || exit 1
APPDIR=$top/lib/app
JAVA=$top/lib/runtime/bin/java
[ -x "$JAVA" ] && [ -f "$APPDIR/underlay.jar" ] \
  || { echo "underlay: $top has no runtime or no underlay.jar; reinstall the package" >&2; exit 1; }
# the launcher's options (lib/app/underlay.cfg) and the two properties it adds itself, jpackage.app-*
exec "$JAVA" \
  @JVM_OPTIONS@ \
  "-Djpackage.app-path=$top/bin/underlay" \
  -cp "$APPDIR/underlay.jar" dev.underlay.app.Main "$@"
