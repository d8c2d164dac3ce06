#!/usr/bin/env bash
# installer/startup-bench.sh [RUNS] — start-up of the installed Underlay against bin/underlay, in the same run, on
# the demo inventory (docs/benchmarks.md, "Installed package"). Needs the package installed (`underlay` on the
# PATH; or INSTALLED=path/to/bin/underlay, e.g. target/installer/image/underlay/bin/underlay), target/underlay.jar
# (mvn -q -DskipTests package) and Xvfb when DISPLAY is not set. Prints, per command, the median and the range of
# RUNS (default 7) starts of each, taken in turns, and the ratio installed / bin/underlay:
#   - `machines --query all` on the demo folder: wall time of the whole process;
#   - the console's first window with the demo inventory: the console's own line "opened ...: 41 machines, T ms
#     after the JVM started" (the table holds its rows), as bench/console-open.sh reads it.
# Every console is ended by its PID; the data folder and keys live in a temporary folder, removed at the end.
# Beside each wall time, the process's CPU time (user + system: the CLI's whole process, the console's until the
# same line, from UNDERLAY_STARTUP_TRACE's last phase; decision 0020), which a loaded machine changes far less.
# bin/underlay starts once of each kind before the runs, so that its AppCDS archives exist (target/cds/).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-7}
INSTALLED=${INSTALLED:-$(command -v underlay || true)}
[[ -n $INSTALLED && -x $INSTALLED ]] || { echo "no installed underlay (install the .deb, or set INSTALLED)" >&2; exit 2; }
[[ -f $ROOT/target/underlay.jar ]] || { echo "no target/underlay.jar: mvn -q -DskipTests package" >&2; exit 2; }
T=$(mktemp -d)
xvfb=
pid=
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
  [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
export UNDERLAY_KEYS=$T/keys
if [[ -z ${DISPLAY:-} ]]; then
  for d in $(seq 60 69); do [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]] || break; done
  Xvfb ":$d" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=":$d"
  sleep 1
fi

# one console start: prints the "T ms after the JVM started" figure
console() {
  local log=$T/console.log
  UNDERLAY_STARTUP_TRACE=1 "$@" >"$log" 2>&1 & pid=$!
  for _ in $(seq 1 1200); do
    grep -q 'ms after the JVM started' "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
  local ms cpu
  ms=$(grep -o 'machines, [0-9]* ms after' "$log" | grep -o '[0-9]* ms' | head -1 | cut -d' ' -f1 | grep .) \
    || { cat "$log" >&2; echo "the console did not open" >&2; exit 1; }
  cpu=$(sed -n 's/^startup: inventory in the window .*cpu +.*( *\([0-9]*\))$/\1/p' "$log" | head -1)
  echo "$ms ${cpu:-0}"
}
wall() {  # prints "WALL_MS CPU_MS" of one run
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  awk '{ printf "%d %d", $1 * 1000, ($2 + $3) * 1000 }' <<< "$t"
}
stats() {  # median min max of the numbers on stdin
  sort -n | awk '{ a[NR] = $1 } END { printf "%d %d %d", a[int((NR + 1) / 2)], a[1], a[NR] }'
}

BIN=$ROOT/bin/underlay

console env UNDERLAY_LOG_LEVEL=INFO underlay.log.level=INFO "$INSTALLED" --data "$T/demo" >/dev/null  # the first start adds the demo
wall "$BIN" machines --query all --data "$T/demo" >/dev/null                    # bin/underlay's archives
JAVA_OPTS=-Dunderlay.log.level=INFO console "$BIN" --data "$T/demo" >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A cli con cliCpu conCpu
for i in $(seq 1 "$RUNS"); do
  for k in bin installed; do
    exe=$BIN; [[ $k == installed ]] && exe=$INSTALLED
    read -r w c <<< "$(wall "$exe" machines --query all --data "$T/demo")"
    cli[$k]+="$w "; cliCpu[$k]+="$c "
  done
  read -r w c <<< "$(JAVA_OPTS=-Dunderlay.log.level=INFO console "$BIN" --data "$T/demo")"
  con[bin]+="$w "; conCpu[bin]+="$c "
  read -r w c <<< "$(console env UNDERLAY_LOG_LEVEL=INFO underlay.log.level=INFO "$INSTALLED" --data "$T/demo")"
  con[installed]+="$w "; conCpu[installed]+="$c "
done
report() {
  local what=$1 a b
  read -r -a a <<< "$(tr ' ' '\n' <<< "$2" | grep . | stats)"
  read -r -a b <<< "$(tr ' ' '\n' <<< "$3" | grep . | stats)"
  printf '%-46s bin/underlay %5d ms (%d-%d)   installed %5d ms (%d-%d)   ratio %.2f\n' "$what" \
    "${a[0]}" "${a[1]}" "${a[2]}" "${b[0]}" "${b[1]}" "${b[2]}" "$(awk "BEGIN { print ${b[0]} / ${a[0]} }")"
}
echo "startup-bench: $RUNS runs each, in turns; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(nproc) cores"
report "machines --query all (wall)" "${cli[bin]}" "${cli[installed]}"
report "machines --query all (process CPU)" "${cliCpu[bin]}" "${cliCpu[installed]}"
report "console: first window with the demo (JVM up)" "${con[bin]}" "${con[installed]}"
if [[ ${conCpu[installed]} != *[1-9]* || ${conCpu[bin]} != *[1-9]* ]]; then
  echo "console CPU: a build without UNDERLAY_STARTUP_TRACE (before decision 0020) prints none"
else
  report "console: the same, process CPU until then" "${conCpu[bin]}" "${conCpu[installed]}"
fi
