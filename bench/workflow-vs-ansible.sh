#!/usr/bin/env bash
# bench/workflow-vs-ansible.sh [N...] (default 200 500) — issue 13: the three-step workflow of
# bench/workflow/wf-pack.yaml (`underlay run wf-bench --on all`) against bench/workflow/wf-playbook.yml
# (`ansible-playbook`, pipelining, host key checking on) on the OpenSSH lab, interleaved, REPS rounds each.
# Both use curve25519-sha256 (our default; Ansible's ssh pinned with -o KexAlgorithms) and FORKS forks.
# The Underlay data folder is fresh per N: the lab's inventory.ini and known_hosts through `underlay import`.
# Per run (one TSV row): wall and client CPU (/usr/bin/time %e %U+%S, process tree), server CPU (lab sshd
# utime+stime+cutime+cstime delta, as baseline.sh), ok = hosts whose check passed, fail = N - ok.
# Environment: RIG (/work/shared/bench), LAB (/tmp/underlay-lab-ansible), REPS (3), FORKS (200), TIMEOUT (3600), OUT.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RIG=${RIG:-/work/shared/bench}
export LAB=${LAB:-/tmp/underlay-lab-ansible}
REPS=${REPS:-3}
FORKS=${FORKS:-200}
TIMEOUT=${TIMEOUT:-3600}   # seconds a run may take before it is ended (Ansible at 500 hosts on a busy box: ~30 min)
KEX=curve25519-sha256
OUT=${OUT:-$ROOT/target/bench/workflow-$(date -u +%Y%m%dT%H%M%SZ)}
(( $# )) || set -- 200 500
for n in "$@"; do [[ $n =~ ^[0-9]+$ ]] || { echo "usage: $0 N... (host counts, 1-1000)" >&2; exit 2; }; done
[[ -f $ROOT/target/underlay.jar ]] || (cd "$ROOT" && mvn -B -o -q -DskipTests package)
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
HZ=$(getconf CLK_TCK)
TMP=$(mktemp -d)
LAB_STARTED=0
cleanup() { (( LAB_STARTED )) && "$RIG/lab-down.sh" || true; LAB_STARTED=0; }
trap 'cleanup; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

server_ticks() { sed 's|.*|/proc/&/stat|' "$LAB/pids" | xargs cat | awk '{s+=$14+$15+$16+$17} END{print s}'; }
settle() { local i list; list=$(paste -sd, "$LAB/pids")   # up to 10 s until every session is reaped
  for (( i = 0; i < 100; i++ )); do [[ -z $(ps -o pid= --ppid "$list") ]] && return 0; sleep 0.1; done; }
# measure LABEL N CMD OKCOUNT-CMD — one timed run, one TSV row
measure() {
  local s0 s1
  rm -f /tmp/wf-host*.txt                                  # every run writes the files anew
  s0=$(server_ticks)
  /usr/bin/time -f '%e %U %S' -o "$TMP/time" timeout "$TIMEOUT" bash -c "$3" > "$TMP/out" 2> "$TMP/err" || true
  cp "$TMP/out" "$OUT/$1-N$2-r$5.out"; cp "$TMP/err" "$OUT/$1-N$2-r$5.err"   # the failures' causes, kept
  settle; s1=$(server_ticks)
  local ok; ok=$(cat "$TMP/out" "$TMP/err" | bash -c "$4" || true); ok=${ok:-0}
  tail -n 1 "$TMP/time" | awk -v l="$1" -v n="$2" -v r="$5" -v s="$(( s1 - s0 ))" -v hz="$HZ" -v ok="$ok" \
    '{printf "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%s\t%s\t%s\n", l, n, r, $1, $2 + $3, s / hz, ok, n - ok, strftime("%H:%M:%S")}' |
    tee -a "$RAW"
  (( ok == $2 )) || { echo "  $1: $(( $2 - ok )) hosts failed; stderr:"; head -n 5 "$TMP/err"; tail -n 3 "$TMP/out"; }
}

{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "$(ansible-playbook --version | head -n 1), $(ssh -V 2>&1)"; echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"; } |
  tee -a "$OUT/run-info.txt"
for n in "$@"; do
  echo "== N=$n"
  RAW=$OUT/raw-N$n.tsv
  printf 'tool\tN\trep\twall_s\tclient_cpu_s\tserver_cpu_s\tok\tfail\tat\n' > "$RAW"
  "$RIG/lab-up.sh" "$n" | tail -n 1
  LAB_STARTED=1
  D=$TMP/data-$n
  "$ROOT/bin/underlay" --data "$D" import "$LAB/inventory.ini" > "$OUT/import-N$n.log"
  "$ROOT/bin/underlay" --data "$D" import "$LAB/known_hosts" >> "$OUT/import-N$n.log"
  "$ROOT/bin/underlay" --data "$D" content import "$ROOT/bench/workflow/wf-pack.yaml" >> "$OUT/import-N$n.log"
  UL="$ROOT/bin/underlay --data $D run wf-bench --on all --forks $FORKS"
  ANS="ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_PIPELINING=True ANSIBLE_NOCOLOR=1 ANSIBLE_LOCAL_TEMP=$TMP/ans \
ANSIBLE_SSH_ARGS='-o KexAlgorithms=$KEX' ansible-playbook -i $LAB/inventory.ini -f $FORKS $ROOT/bench/workflow/wf-playbook.yml"
  # ok: Underlay's summary line "N ok" (on stderr); Ansible's recap lines with failed=0 unreachable=0 and ok=4
  for (( rep = 1; rep <= REPS; rep++ )); do
    echo "  load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run-info.txt"
    measure underlay "$n" "$UL" "sed -n 's/.*: \([0-9]*\) ok.*/\1/p' | tail -n 1" "$rep"
    measure ansible-playbook "$n" "$ANS" "grep -cE 'ok=4 .*unreachable=0 +failed=0'" "$rep"
  done
  cleanup
  awk -F'\t' 'function med(a, n,  i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
                return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    NR > 1 { k = $1; i = ++c[k]; W[k, i] = $4; C[k, i] = $5; S[k, i] = $6; F[k] += $8; N = $2 }
    END { print "| tool | N | wall s | client CPU s | server CPU s | failures |"; print "|---|---:|---:|---:|---:|---:|"
      for (k in c) { n = c[k]; delete a; for (i = 1; i <= n; i++) a[i] = W[k, i]; w[k] = med(a, n)
        delete a; for (i = 1; i <= n; i++) a[i] = C[k, i]; cp[k] = med(a, n)
        delete a; for (i = 1; i <= n; i++) a[i] = S[k, i]; s[k] = med(a, n)
        printf "| %s | %s | %.2f | %.2f | %.2f | %d/%d |\n", k, N, w[k], cp[k], s[k], F[k], N * n }
      if (w["ansible-playbook"] > 0) printf "\n- wall %.3fx, client CPU %.3fx of ansible-playbook (goal: under 0.1x each)\n",
        w["underlay"] / w["ansible-playbook"], cp["underlay"] / cp["ansible-playbook"] }' "$RAW" | tee "$OUT/N$n.md"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run-info.txt"
echo "results in $OUT"
