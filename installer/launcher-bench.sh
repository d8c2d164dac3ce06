#!/usr/bin/env bash
# installer/launcher-bench.sh [RUNS] — jpackage's native launcher (bin/underlay) against bin/underlay.sh (the
# runtime's java with the same options, decision 0020) of one installation: HOME_DIR (default /opt/underlay; or an
# app image, e.g. target/installer/image/underlay, after build.sh put its AppCDS archive back). In turns, RUNS
# (default 5) starts of each of `machines --query all` on the demo and of the console until its window holds the
# demo. Both figures come from UNDERLAY_STARTUP_TRACE's line at the end of the start, so they count from the
# process's start, the launcher's own work included: the console's "ms after the JVM started" line does not (the
# launcher creates the JVM in its own process, after its work). Prints the median and range of wall and CPU.
# Xvfb when DISPLAY is not set; every process it starts is ended by its PID; data and keys in a temporary folder.
set -euo pipefail
RUNS=${1:-5}
HOME_DIR=${HOME_DIR:-/opt/underlay}
[[ -x $HOME_DIR/bin/underlay && -x $HOME_DIR/bin/underlay.sh ]] || { echo "no $HOME_DIR/bin/underlay{,.sh}" >&2; exit 2; }
T=$(mktemp -d)
xvfb=
pid=
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
  [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
export UNDERLAY_KEYS=$T/keys UNDERLAY_STARTUP_TRACE=1
if [[ -z ${DISPLAY:-} ]]; then
  for d in $(seq 50 59); do [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]] || break; done
  Xvfb ":$d" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=":$d"
  sleep 1
fi
# "WALL CPU" (ms since the process started) of the trace line PHASE in file LOG
figures() {
  sed -n "s/^startup: $1 .*(at *\([0-9]*\)).*cpu +.*( *\([0-9]*\))\$/\1 \2/p" "$2" | head -1 | grep . \
    || { cat "$2" >&2; echo "launcher-bench: no '$1' line" >&2; exit 1; }
}
cli() { "$@" machines --query all --data "$T/demo" >"$T/cli.log" 2>&1; figures 'command done' "$T/cli.log"; }
console() {
  env UNDERLAY_LOG_LEVEL=INFO "$@" --data "$T/demo" >"$T/console.log" 2>&1 & pid=$!
  for _ in $(seq 1 1200); do  # at most 60 s
    grep -q '^startup: inventory in the window' "$T/console.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
  figures 'inventory in the window' "$T/console.log"
}
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "%5d ms (%d-%d)", a[int((NR + 1) / 2)], a[1], a[NR] }'; }

console "$HOME_DIR/bin/underlay.sh" >/dev/null  # the first start adds the demo
declare -A w c
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq 1 "$RUNS"); do
  for kind in cli console; do
    for exe in underlay underlay.sh; do
      read -r a b <<< "$($kind "$HOME_DIR/bin/$exe")"
      w[$kind.$exe]+="$a "; c[$kind.$exe]+="$b "
    done
  done
done
echo "launcher-bench: $HOME_DIR, $RUNS runs each, in turns; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(nproc) cores"
for kind in cli console; do
  for exe in underlay underlay.sh; do
    printf '%-8s bin/%-12s wall %s   cpu %s\n' "$kind" "$exe" "$(tr ' ' '\n' <<< "${w[$kind.$exe]}" | grep . | stats)" \
      "$(tr ' ' '\n' <<< "${c[$kind.$exe]}" | grep . | stats)"
  done
done
