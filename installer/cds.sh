#!/usr/bin/env bash
# installer/cds.sh — the AppCDS class list of an application image (called by build.sh; decision 0008).
# JAVA=<the image's java> APPDIR=<the image's app folder, holding underlay.jar> installer/cds.sh
# Training runs of the CLI (version, help, export, import, machines) and, when there is a display (DISPLAY, or Xvfb
# installed), of the console until its window shows the demo inventory, each writing the classes it loads
# (-XX:DumpLoadedClassList), merged into $APPDIR/underlay.classlist; then $APPDIR/cds-dump.sh makes the static
# archive $APPDIR/underlay.jsa from it (the .deb's postinst makes it again where it is installed). Data
# folders and secrets keys of the training live in a temporary folder, removed at the end; the console is ended by
# its PID.
set -euo pipefail
: "${JAVA:?the image's java}" "${APPDIR:?the image's app folder}"
JAR=$APPDIR/underlay.jar
T=$(mktemp -d)
xvfb=
console=
cleanup() {
  [[ -n $console ]] && kill "$console" 2>/dev/null || true
  [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
log() { printf 'installer/cds: %s\n' "$*" >&2; }
opts=(-XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xshare:auto "-Dunderlay.keys=$T/keys" -cp "$JAR")
run() {
  local name=$1; shift
  "$JAVA" "${opts[@]}" "-XX:DumpLoadedClassList=$T/$name.classlist" dev.underlay.app.Main "$@" >"$T/$name.out" 2>&1 \
    || { log "training run '$name' failed:"; cat "$T/$name.out" >&2; exit 1; }
}

start=$(date +%s)
data=$T/fresh
if [[ -z ${DISPLAY:-} ]] && command -v Xvfb >/dev/null; then
  for d in $(seq 70 89); do [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]] || break; done
  Xvfb ":$d" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=":$d"
  sleep 1
fi
if [[ -n ${DISPLAY:-} ]]; then
  "$JAVA" "${opts[@]}" "-XX:DumpLoadedClassList=$T/console.classlist" -Dunderlay.log.level=INFO \
    dev.underlay.app.Main --data "$T/demo" >"$T/console.out" 2>&1 & console=$!
  for _ in $(seq 1 1200); do  # at most 120 s (a busy build machine)
    grep -q 'ms after the JVM started' "$T/console.out" && break
    kill -0 "$console" 2>/dev/null || break
    sleep 0.1
  done
  if grep -q 'ms after the JVM started' "$T/console.out"; then
    sleep 2  # the first pulses after the table filled: CSS, layout, icons
    data=$T/demo
  else
    log "the console did not open under DISPLAY=$DISPLAY; the archive holds the CLI's classes only:"
    cat "$T/console.out" >&2
    rm -f "$T/console.classlist"
  fi
  kill "$console" 2>/dev/null || true
  wait "$console" 2>/dev/null || true
  console=
else
  log "no display and no Xvfb: the archive holds the CLI's classes only (the console starts without them)"
fi
run version --version
run help --help
run export export "$T/inventory.json" --format json --data "$data"
run import import "$T/inventory.json" --data "$T/imported"
run machines machines --query all --data "$T/imported"
run json machines --json --query all --data "$T/imported"
awk '!seen[$0]++' "$T"/*.classlist > "$APPDIR/underlay.classlist"
"$APPDIR/cds-dump.sh" || { log "dumping the archive failed"; exit 1; }
log "$(grep -vc '^#' "$APPDIR/underlay.classlist") classes listed, archive $(du -h "$APPDIR/underlay.jsa" | cut -f1) in $(( $(date +%s) - start )) s"
