#!/usr/bin/env bash
# bench/console-open.sh [N] — how long a technician waits for the console on N machines (default 100,000), from a
# cold process as `bin/underlay` starts it, under Xvfb. Generates N machines (ScaleInventory, 56 MB of JSON at
# 100,000), imports them with `bin/underlay import` into a new data folder, then starts the console RUNS times
# (default 5) and prints the time the console logs once the folder is open and the table holds the machines
# ("opened ...: N machines, T ms after the JVM started"). Each console is ended by its PID.
#
# Needs target/underlay.jar and the test classes (mvn -q -DskipTests package), and Xvfb with GTK 3 when DISPLAY is
# not set (Debian: xvfb xauth libgtk-3-0). Environment: RUNS (5), JAVA_CMD (default bin/underlay; e.g.
# "java -Dunderlay.log.level=INFO -jar target/underlay.jar" for the JVM's own JIT and GC), WORK (a folder kept
# between runs, so the data is generated once; default a temporary one, removed at the end).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-100000}
RUNS=${RUNS:-5}
[[ $N =~ ^[0-9]+$ && $RUNS =~ ^[0-9]+$ ]] || { echo "usage: $0 [N]  (RUNS=k)" >&2; exit 2; }
JAR=$ROOT/target/underlay.jar
[[ -f $JAR && -d $ROOT/target/test-classes ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
KEEP=${WORK:+yes}
WORK=${WORK:-$(mktemp -d)}
XVFB_PID=
cleanup() {
  [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null
  [[ -n $KEEP ]] || rm -rf "$WORK"  # a WORK of the caller's is kept, data folder and all, for the next run
}
trap cleanup EXIT
if [[ -z ${DISPLAY:-} ]]; then
  command -v Xvfb >/dev/null || { echo "no DISPLAY and no Xvfb (apt-get install xvfb xauth libgtk-3-0)" >&2; exit 1; }
  for d in $(seq 90 99); do [[ -e /tmp/.X11-unix/X$d ]] || break; done
  Xvfb ":$d" -screen 0 1600x1000x24 >/dev/null 2>&1 & XVFB_PID=$!
  export DISPLAY=":$d"
  sleep 1
fi

if [[ ! -d $WORK/data ]]; then
  java -cp "$ROOT/target/test-classes:$JAR" dev.underlay.inventory.io.ScaleInventory "$N" "$WORK/scale.json"
  start=$(date +%s%N)
  "$ROOT/bin/underlay" import "$WORK/scale.json" --data "$WORK/data" >/dev/null
  printf 'bin/underlay import of %s machines (%s bytes of JSON) into a new folder: %.2f s wall\n' "$N" \
    "$(stat -c %s "$WORK/scale.json")" "$(( $(date +%s%N) - start ))e-9"
fi

read -r -a cmd <<< "${JAVA_CMD:-$ROOT/bin/underlay}"
times=()
for i in $(seq 1 "$RUNS"); do
  log=$WORK/console-$i.log
  JAVA_OPTS="-Dunderlay.log.level=INFO ${JAVA_OPTS:-}" "${cmd[@]}" --data "$WORK/data" >"$log" 2>&1 & pid=$!
  t=
  for _ in $(seq 1 600); do  # at most 60 s
    t=$(grep -o 'machines, [0-9]* ms after the JVM started' "$log" | grep -o '[0-9]* ms' | head -1 || true)
    [[ -n $t ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -n $t ]] || { echo "run $i: the console did not report opening; its log: $log" >&2; exit 1; }
  times+=("${t% ms}")
  sleep 1
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
printf 'console open on %s machines, %s cold starts (%s): %sms; median %s ms; load average %s\n' "$N" "$RUNS" \
  "${cmd[*]##*/}" "$sorted" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
