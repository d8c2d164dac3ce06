#!/usr/bin/env bash
# bench/h2-crash/sweep.sh VERSION [KILLS] [FROM_MS] [TO_MS]
# Kills H2CommitKill's write with SIGKILL (the JVM's own PID) at random points in [FROM_MS, TO_MS] after its start,
# reopens each copy and counts it: old (3 1 3), new (50000 1250 3), partial, unreadable. Aim the window at the
# commit: the script prints when "committing" and "committed" came in an uninterrupted run. decision 0007.
set -euo pipefail
v=${1:?H2 version, e.g. 2.4.240}; kills=${2:-30}; from=${3:-}; to=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
jar="$HOME/.m2/repository/com/h2database/h2/$v/h2-$v.jar"
[[ -f $jar ]] || mvn -q dependency:get -Dartifact=com.h2database:h2:"$v" >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
run() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar" "$here/H2CommitKill.java" "$@"; }
run setup "$work/tpl"
cp -r "$work/tpl" "$work/full"; t0=$(date +%s%N)
run write "$work/full" | while read -r l; do echo "  $(( ($(date +%s%N) - t0) / 1000000 )) ms: $l"; done
echo "  uninterrupted: $(run count "$work/full")"
from=${from:-1000}; to=${to:-3000}
old=0 new=0 part=0 bad=0 incommit=0
for i in $(seq 1 "$kills"); do
  rm -rf "$work/t"; cp -r "$work/tpl" "$work/t"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar" "$here/H2CommitKill.java" write "$work/t" >"$work/out" 2>&1 &
  pid=$!; ms=$(( from + RANDOM % (to - from) ))
  sleep "$(awk "BEGIN{print $ms/1000}")"; kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  if grep -q committing "$work/out" && ! grep -q committed "$work/out"; then incommit=$((incommit+1)); fi
  r=$(run count "$work/t" 2>&1 | tail -1)
  case "$r" in
    "3 1 3") old=$((old+1));;
    "50000 1250 3") new=$((new+1));;
    [0-9]*" "[0-9]*" "[0-9]*) part=$((part+1)); echo "  partial after a kill at $ms ms: $r";;
    *) bad=$((bad+1)); echo "  unreadable after a kill at $ms ms: $r";;
  esac
done
echo "h2 $v: $kills kills ($incommit during commit): $old old, $new new, $part partial, $bad unreadable"
