#!/usr/bin/env bash
# bench/ssh-fanout.sh N... — Underlay's `exec` fan-out against the OpenSSH loopback lab, in the same run as
# parallel-ssh and Ansible, for each N (e.g. 200 500); then 1,000 hosts of the simulated in-JVM lab.
#
# For each N: lab-up.sh N, baseline.sh (parallel-ssh at the default and at curve25519-sha256 KEX, Ansible),
# `bench/underlay-bench exec` (WARMUPS untimed rounds, the first from a cold JVM, then REPS timed rounds in the same
# JVM, host keys verified against the lab's known_hosts), lab-down.sh (also on failure or Ctrl-C). Results:
# $OUT/raw-N<N>.tsv (baseline.sh rows plus ours), $OUT/N<N>.md (medians), $OUT/compare-N<N>.md (per host
# figures and ratios), $OUT/underlay-N<N>.log, $OUT/simlab.txt.
#
# Environment: RIG (the lab scripts, default /work/shared/bench), LAB (default /tmp/underlay-lab), REPS (3),
# WARMUPS (2), FORKS (200), OUT (default target/bench/<UTC time>), ONLY (baseline cases, default
# 'parallel-ssh|parallel-ssh-c25519|ansible'), SIM_HOSTS (1000, 0 = skip), JAVA_OPTS (default: bin/underlay's,
# '' for the JVM's own); QUIET_WAIT (120), TRIES (3) and ANSIBLE_FORKS ("50 200") for both runners on a busy box.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RIG=${RIG:-/work/shared/bench}
export LAB=${LAB:-/tmp/underlay-lab}
REPS=${REPS:-3}
FORKS=${FORKS:-200}
SIM_HOSTS=${SIM_HOSTS:-1000}
ONLY=${ONLY:-parallel-ssh|parallel-ssh-c25519|ansible}
OUT=${OUT:-$ROOT/target/bench/$(date -u +%Y%m%dT%H%M%SZ)}
(( $# )) || set -- 200 500
for n in "$@"; do [[ $n =~ ^[0-9]+$ ]] || { echo "usage: $0 N... (host counts, 1-1000)" >&2; exit 2; }; done
[[ -x $RIG/lab-up.sh && -x $RIG/summarize.sh ]] || { echo "no lab scripts in $RIG (set RIG=)" >&2; exit 1; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# Build once (main and test classes: the bench commands live with the tests, not in the product's jar), then run
# them from target/ with the JVM options of bin/underlay (docs/decisions/0005); JAVA_OPTS replaces them.
JAVA_OPTS=${JAVA_OPTS-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}
export JAVA_OPTS
"$ROOT/bench/underlay-bench" --help > /dev/null
bench() { BUILD=0 "$ROOT/bench/underlay-bench" "$@"; }

LAB_STARTED=0
cleanup() { (( LAB_STARTED )) && "$RIG/lab-down.sh" || true; LAB_STARTED=0; }
trap cleanup EXIT
trap 'exit 130' INT TERM

{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"; echo "host: $(nproc) cores, $(uname -srm)"
  echo "java: $(java -version 2>&1 | head -n 1), options: ${JAVA_OPTS:-none}"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee -a "$OUT/run-info.txt"

for n in "$@"; do
  echo "== N=$n"
  "$RIG/lab-up.sh" "$n" | tail -n 1
  LAB_STARTED=1
  RIG=$RIG QUIET_WAIT=${QUIET_WAIT:-120} TRIES=${TRIES:-3} ONLY=$ONLY REPS=$REPS PROBE=0 OUT=$OUT "$ROOT/bench/baseline.sh" "$n" > "$OUT/baseline-N$n.log" 2>&1 ||
    { echo "baseline.sh failed, see $OUT/baseline-N$n.log" >&2; exit 1; }
  echo "load before ours: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run-info.txt"
  bench exec --lab "$LAB" --reps "$REPS" --warmups "${WARMUPS:-2}" --forks "$FORKS" \
      --quiet-wait "${QUIET_WAIT:-120}" --tries "${TRIES:-3}" --out "$OUT/raw-N$n.tsv" |
    tee "$OUT/underlay-N$n.log"
  cleanup
  "$RIG/summarize.sh" "$OUT/raw-N$n.tsv" > "$OUT/N$n.md"
  "$ROOT/bench/compare.sh" "$OUT/raw-N$n.tsv" "$(sed -n 's/.*kex \([a-z0-9@.-]*\), ok.*/\1/p' "$OUT/underlay-N$n.log")" \
    > "$OUT/compare-N$n.md"
  cat "$OUT/compare-N$n.md"
done

if (( SIM_HOSTS > 0 )); then
  echo "== simulated lab, $SIM_HOSTS hosts"
  bench lab --hosts "$SIM_HOSTS" | tee "$OUT/simlab.txt"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run-info.txt"
echo "results in $OUT"
