#!/usr/bin/env bash
# Copy of the shared bench rig's baseline.sh (/work/shared/bench), same measurement method. Changes: the rig's
# other scripts are found through RIG; a missing clush/pdsh no longer aborts the tool-version line (set -e with
# pipefail ended the whole script there, as did a broken pipe from `ansible --version | head`); QUIET_WAIT (max seconds to wait for an idle box, default 120), TRIES
# (runs per rep when others disturb it, default 3) and ANSIBLE_FORKS (default "50 200") can be lowered on a box
# that other builds keep busy.
#
# baseline.sh [N] — measure SSH fan-out baselines against the running lab
# (start it first with lab-up.sh N).  Every case runs REPS (default 3) times;
# one TSV row per run goes to results/raw-N<N>.tsv, medians to results/N<N>.md.
#
# Per run we record:
#   wall     elapsed seconds of the tool (GNU /usr/bin/time %e)
#   client   user+sys CPU of the tool and every child it waited for (ssh clients)
#   server   user+sys CPU of all lab sshd listeners + their reaped children
#            (/proc/PID/stat utime+stime+cutime+cstime delta) = all server work
#   foreign  busy CPU of the whole box (/proc/stat delta) minus client, server and
#            our own cleanup: ~0 on a quiet box.  Other sessions may share this
#            machine, so each run first waits for the box to be idle, and a run with
#            foreign CPU > 0.5 s + 5% of client+server + 4% of wall (kernel threads and
#            the idle box's own noise) is thrown away and redone (max 3 tries;
#            noisy=1 in the raw file when all 3 were disturbed and the last was kept).
#   ok       hosts whose `uname -a` line came back; fail = N - ok
set -euo pipefail
HERE=${RIG:-/work/shared/bench}
LAB=${LAB:-/tmp/underlay-lab}
[[ -s $LAB/pids ]] || { echo "no lab running: lab-up.sh N first" >&2; exit 1; }
source "$LAB/lab.env"                                  # N, PORT
[[ ${1:-$N} == "$N" ]] || { echo "lab has $N hosts, not $1: lab-down.sh; lab-up.sh $1" >&2; exit 1; }
REPS=${REPS:-3}
PROBE=${PROBE:-200}                # connections in the handshake-cost probe (0 = skip)
OUT=${OUT:-$HERE/results}; mkdir -p "$OUT"
RAW=$OUT/raw-N$N.tsv
CFG=$LAB/ssh_config
HZ=$(getconf CLK_TCK)
MATCH="$(uname -s) $(uname -n) "   # every `uname -a` line contains this
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
command -v bc >/dev/null || apt-get install -y -qq bc

server_ticks()  { sed 's|.*|/proc/&/stat|' "$LAB/pids" | xargs cat | awk '{s+=$14+$15+$16+$17} END{print s}'; }
machine_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
cpu_of_time()   { tail -n 1 "$1" | awk '{print $2 + $3}'; }   # user+sys from a /usr/bin/time file
settle() {      # up to 10 s until no lab sshd has a live child (all sessions reaped and counted)
  local i list; list=$(paste -sd, "$LAB/pids")
  for (( i = 0; i < 100; i++ )); do
    [[ -z $(ps -o pid= --ppid "$list") ]] && return 0; sleep 0.1
  done
}

QUIET_WAIT=${QUIET_WAIT:-120}
TRIES=${TRIES:-3}
wait_quiet() {  # up to QUIET_WAIT s for a 1 s window with the box <= 5% busy
  local i a b
  for (( i = 0; i < QUIET_WAIT; i++ )); do
    a=$(machine_ticks); sleep 1; b=$(machine_ticks)
    (( (b - a) * 20 <= 2 * HZ )) && return 0
  done
  echo "  box never went quiet; measuring anyway" >&2
}

# measure CMD [CLEANUP] — one timed run; sets WALL CLIENT SERVER FOREIGN OK
measure() {
  local s0 m0 s1 m1 clean=0 extra=0
  : > "$TMP/extra"
  s0=$(server_ticks); m0=$(machine_ticks)
  /usr/bin/time -f '%e %U %S' -o "$TMP/time" timeout 900 bash -c "$1" >"$TMP/out" 2>"$TMP/err" || true
  if [[ -n ${2:-} ]]; then
    /usr/bin/time -f '%e %U %S' -o "$TMP/ctime" bash -c "$2" >/dev/null 2>&1 || true
    clean=$(cpu_of_time "$TMP/ctime")
    extra=$(awk '{s+=$1} END{print s/'"$HZ"'+0}' "$TMP/extra")   # CPU of processes the tool left behind
  fi
  settle
  s1=$(server_ticks); m1=$(machine_ticks)
  WALL=$(tail -n 1 "$TMP/time" | cut -d' ' -f1)
  CLIENT=$(echo "$(cpu_of_time "$TMP/time") + $extra" | bc -l)
  SERVER=$(echo "($s1 - $s0) / $HZ" | bc -l)
  FOREIGN=$(echo "($m1 - $m0) / $HZ - $CLIENT - $SERVER - $clean" | bc -l)
  OK=$(grep -cF "$MATCH" "$TMP/out" || true)
}

# run LABEL CONC CMD [CLEANUP] — REPS clean runs of CMD, one TSV row each.
run() {
  local label=$1 conc=$2 want=${EXPECT:-$N} rep try noisy
  [[ -z ${ONLY:-} || $label =~ ^($ONLY)$ ]] || return 0   # ONLY='clush.*|pdsh.*' runs just those cases
  for (( rep = 1; rep <= REPS; rep++ )); do
    for (( try = 1; try <= TRIES; try++ )); do
      wait_quiet
      measure "$3" "${4:-}"
      noisy=$(echo "$FOREIGN > 0.5 + 0.05 * ($CLIENT + $SERVER) + 0.04 * $WALL" | bc)
      (( noisy )) || break
      printf '  %s rep %d: %.1f s CPU used by other processes meanwhile\n' "$label" "$rep" "$FOREIGN" >&2
    done
    (( try > TRIES )) && try=$TRIES             # noisy=1: all tries were disturbed, last kept
    printf '%s\t%s\t%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s\t%s\n' "$label" "$conc" "$N" "$rep" "$WALL" \
      "$CLIENT" "$SERVER" "$FOREIGN" "$OK" "$(( want - OK ))" "$try" "$noisy" | tee -a "$RAW"
    (( OK == want )) || { echo "  stderr:"; head -n 5 "$TMP/err"; }
  done
}

{ ssh -V 2>&1; echo "pssh $(parallel-ssh --version)"; { ansible --version || true; } | head -n 1
  clush --version 2>/dev/null || true; { pdsh -V 2>/dev/null || true; } | head -n 1; } > "$OUT/versions.txt"
[[ -n ${ONLY:-} && -s $RAW ]] || printf 'tool\tconc\tN\trep\twall_s\tclient_cpu_s\tserver_cpu_s\tforeign_cpu_s\tok\tfail\ttries\tnoisy\n' > "$RAW"

# (a) sequential plain ssh, one full handshake per host (-n: don't eat the host list on stdin)
run ssh-seq 1 "while read -r hp; do ssh -n -F $CFG -p \${hp#*:} \${hp%:*} uname -a; done < $LAB/hosts.txt"

# (b) parallel-ssh; -i prints each host's output inline (so it is really collected)
for p in 50 200; do
  run parallel-ssh "$p" "parallel-ssh -h $LAB/hosts.txt -p $p -t 120 -i -x '-F $CFG' uname -a"
done
# ...and pinned to curve25519-sha256: OpenSSH's default sntrup761x25519 KEX costs the
# *client* ~50 ms extra CPU per connection here; many Java stacks negotiate curve25519.
run parallel-ssh-c25519 200 "parallel-ssh -h $LAB/hosts.txt -p 200 -t 120 -i -x '-F $CFG -o KexAlgorithms=curve25519-sha256' uname -a"

# ...and ClusterShell (clush, the HPC admins' tool; default fanout 64) and pdsh, both forking OpenSSH per host.
if command -v clush >/dev/null; then
  W=$(cut -d: -f1 "$LAB/hosts.txt" | paste -sd,)
  run clush 64 "clush -w $W -o '-F $CFG' uname -a"
  run clush-c25519 200 "clush -w $W -f 200 -o '-F $CFG -o KexAlgorithms=curve25519-sha256' uname -a"
fi
if command -v pdsh >/dev/null; then
  cut -d: -f1 "$LAB/hosts.txt" > "$TMP/pdsh-hosts"
  run pdsh 200 "PDSH_SSH_ARGS='-F $CFG -x %h' pdsh -R ssh -w ^$TMP/pdsh-hosts -f 200 uname -a"
  run pdsh-c25519 200 "PDSH_SSH_ARGS='-F $CFG -o KexAlgorithms=curve25519-sha256 -x %h' pdsh -R ssh -w ^$TMP/pdsh-hosts -f 200 uname -a"
fi

# (c) Ansible ad hoc, tuned for a one-shot fan-out: pipelining (1 ssh connection per
# host instead of ~6), no ControlPersist (every run cold, nothing left running),
# facts off, fixed interpreter (inventory), host key checking ON via the lab known_hosts.
ANS="ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_GATHERING=explicit ANSIBLE_NOCOLOR=1 ANSIBLE_LOCAL_TEMP=$TMP/ans"
for f in ${ANSIBLE_FORKS:-50 200}; do
  run ansible "$f" "$ANS ANSIBLE_PIPELINING=True ANSIBLE_SSH_ARGS= ansible all -i $LAB/inventory.ini -m command -a 'uname -a' -f $f -o"
done
# ...and with Ansible's stock ssh settings (no pipelining, -C -o ControlMaster=auto
# -o ControlPersist=60s).  After each run the persisted masters are asked for their
# CPU (added to client) and closed, so nothing lingers and the next run is cold.
CP=$TMP/cp
run ansible-stock-ssh 50 "$ANS ANSIBLE_SSH_CONTROL_PATH_DIR=$CP ansible all -i $LAB/inventory.ini -m command -a 'uname -a' -f 50 -o" \
  "for s in $CP/*; do [ -S \"\$s\" ] || continue
     pid=\$(ssh -o ControlPath=\"\$s\" -O check lab 2>&1 | sed -n 's/.*pid=\([0-9]*\).*/\1/p')
     [ -n \"\$pid\" ] && awk '{print \$14+\$15}' /proc/\$pid/stat >> $TMP/extra
     ssh -o ControlPath=\"\$s\" -O exit lab; done"

# (d) handshake cost probe: PROBE sequential ssh (ControlMaster off) round-robin over
# the hosts, with OpenSSH's default KEX and with plain curve25519-sha256 (what many
# Java SSH stacks negotiate).  Per-connection cost = CPU / PROBE.
if (( PROBE > 0 )); then
  for kex in default curve25519-sha256; do
    opt=""; [[ $kex == default ]] || opt="-o KexAlgorithms=$kex"
    EXPECT=$PROBE run "probe-$kex" 1 \
      "mapfile -t H < <(cut -d: -f1 $LAB/hosts.txt)
       for ((i=0;i<$PROBE;i++)); do ssh -n -F $CFG -o ControlMaster=no $opt \${H[i % $N]} uname -a; done"
  done
fi
ssh -v -n -F "$CFG" "$(head -n 1 "$LAB/hosts.txt" | cut -d: -f1)" true 2>&1 |
  grep -E 'kex: algorithm|host key algorithm|kex: client->server cipher' > "$OUT/negotiated.txt" || true

"$HERE/summarize.sh" "$RAW" > "$OUT/N$N.md"
cat "$OUT/N$N.md"
