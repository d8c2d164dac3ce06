#!/usr/bin/env bash
# bench/import-cost.sh [ROUNDS] [BASE] — what issue 11's safer write costs a 100,000-machine JSON import: this tree
# against BASE (default df88413, the last commit before issue 11), ROUNDS (default 5) interleaved runs of
# ScaleImportBenchmark in each. The base is a temporary detached worktree given this tree's benchmark (so both
# print the same lines); it is built once (online the first time: the base's H2 and ControlsFX may not be in the
# local repository) and removed at the end. Prints each run, then the means and after/before ratios.
set -euo pipefail
ROUNDS=${1:-5}
BASE=${2:-df88413}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WT=$(mktemp -d /tmp/underlay-importbase.XXXXXX)
LOG=$WT.log
trap 'git -C "$HERE" worktree remove --force "$WT" >/dev/null 2>&1 || true' EXIT
git -C "$HERE" worktree add --detach "$WT" "$BASE" >/dev/null
cp "$HERE/src/test/java/dev/underlay/inventory/io/ScaleImportBenchmark.java" \
   "$WT/src/test/java/dev/underlay/inventory/io/ScaleImportBenchmark.java"
(cd "$WT" && { mvn -B -o -q test-compile >/dev/null 2>&1 || mvn -B -q test-compile >/dev/null; })
(cd "$HERE" && mvn -B -o -q test-compile >/dev/null)
run() { # tree label
  echo "== $2 $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd "$1" && mvn -B -o -q surefire:test -Dtest=ScaleImportBenchmark -Dunderlay.scale=100000 2>&1) \
    | grep -E 'scale import|importing thread|per phase'
}
for r in $(seq "$ROUNDS"); do run "$WT" before; run "$HERE" after; done | tee "$LOG"
awk '
  /^== / { who = $2 }
  /scale import/ { match($0, /plan \(parse\+check\) [0-9.]+/); p[who] += substr($0, RSTART + 19, RLENGTH - 19)
                   match($0, /apply \(check\+write\) [0-9.]+/); a[who] += substr($0, RSTART + 20, RLENGTH - 20)
                   match($0, /end to end [0-9.]+/); e[who] += substr($0, RSTART + 11, RLENGTH - 11); n[who]++ }
  /importing thread CPU/ { match($0, /plan [0-9.]+/); cp[who] += substr($0, RSTART + 5, RLENGTH - 5)
                   match($0, /apply [0-9.]+/); ca[who] += substr($0, RSTART + 6, RLENGTH - 6) }
  /per phase/ { match($0, /allocated [0-9]+ \/ [0-9]+/); split(substr($0, RSTART + 10, RLENGTH - 10), m, " / ")
                   ap[who] += m[1]; aa[who] += m[2] }
  END { printf "means of %d runs each:\n", n["before"]
        for (w in n) printf "  %-6s end to end %.2f s, plan %.2f s, apply %.2f s; thread CPU plan %.2f s, apply %.2f s; allocated plan %.0f MB, apply %.0f MB\n", w, e[w]/n[w], p[w]/n[w], a[w]/n[w], cp[w]/n[w], ca[w]/n[w], ap[w]/n[w], aa[w]/n[w]
        if (n["before"] && n["after"]) printf "  after/before: end to end %.2f, plan %.2f, apply %.2f, thread CPU %.2f\n", e["after"]/e["before"], p["after"]/p["before"], a["after"]/a["before"], (cp["after"]+ca["after"])/(cp["before"]+ca["before"]) }
' "$LOG"
