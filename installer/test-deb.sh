#!/usr/bin/env bash
# installer/test-deb.sh [--no-build] [--replace-installed] — the packaging test (Linux, as root; .ci/run runs it after `mvn -B verify`).
# Builds the .deb (installer/build.sh deb, unless --no-build), installs it into this machine, and checks what a
# technician would: `underlay --version` from the PATH names this build's version and commit and the bundled
# runtime; a CLI export -> import -> export round trip on a fresh data folder gives the same bytes; the installed
# console, started as the desktop entry starts it, opens its window under Xvfb; installing the package again (an
# upgrade) and removing it (`dpkg -r`) leave the user's data folder and secrets keys as they were, and removal
# takes away the program, the `underlay` link and the menu entry. Every process it starts is ended by its PID;
# the package is removed at the end whatever happened. Needs xvfb (and x11-utils for the window check): .ci/run
# installs both. An `underlay` package installed before it runs is refused (it would be removed at the end), unless
# --replace-installed says to remove it first (.ci/run does: a CI machine may carry one from an earlier run); the
# note printed then says which version went and that its users' data folders are untouched.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=$ROOT/target/installer/dist
[[ $(id -u) -eq 0 ]] || { echo "test-deb: run as root (it installs the package with dpkg)" >&2; exit 2; }
build=yes
replace=
for arg in "$@"; do
  case $arg in
    --no-build) build= ;;
    --replace-installed) replace=yes ;;
    *) echo "test-deb: unknown option $arg (options: --no-build, --replace-installed)" >&2; exit 2 ;;
  esac
done
[[ -z $build ]] || "$ROOT/installer/build.sh" deb
deb=$(ls "$DIST"/underlay_*.deb | head -1)
version=$(cat "$ROOT/target/installer/version.txt")
commit=$(unzip -p "$ROOT/target/installer/app/underlay.jar" dev/underlay/about/build.properties | sed -n 's/^commit=//p')

T=$(mktemp -d)
chmod 755 "$T"
xvfb=
console=
installed=
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
ok() { echo "test-deb: ok: $*"; }
cleanup() {
  [[ -n $console ]] && kill "$console" 2>/dev/null || true
  [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
  [[ -n $installed ]] && dpkg --purge underlay >/dev/null 2>&1 || true
  rm -rf "$T"
}
trap cleanup EXIT

# a user of our own: the data folder and keys are where a first-time user's would be. Java takes user.home from
# the password database, not $HOME, so the JVM is told (JAVA_TOOL_OPTIONS reaches the launcher's JVM as well).
export HOME=$T/home
unset XDG_DATA_HOME XDG_CONFIG_HOME UNDERLAY_HOME UNDERLAY_KEYS
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
mkdir -p "$HOME"
data=$HOME/.local/share/underlay
keys=$HOME/.config/underlay/keys

echo "test-deb: installing $(basename "$deb") ($(du -h "$deb" | cut -f1))"
if dpkg -s underlay 2>/dev/null | grep -q "^Status: install ok"; then
  before=$(dpkg-query -W -f '${Version}' underlay)
  [[ -n $replace ]] || fail "a package 'underlay' ($before) is installed already and this test removes it at the end:" \
    "remove it first (dpkg -r underlay), or pass --replace-installed"
  dpkg --purge underlay >"$T/dpkg.log" 2>&1 || { cat "$T/dpkg.log"; fail "dpkg --purge of the underlay $before installed before"; }
  echo "test-deb: note: removed the underlay $before that was installed before (--replace-installed); data folders untouched"
fi
installed=yes
if ! dpkg -i "$deb" >"$T/dpkg.log" 2>&1; then
  # dependencies (GTK) missing: let apt bring them, as `apt-get install ./underlay.deb` would
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >>"$T/dpkg.log" 2>&1 || { cat "$T/dpkg.log"; fail "dpkg -i"; }
fi
dpkg -s underlay | grep -q '^Status: install ok installed' || fail "the package is not installed"
[[ $(command -v underlay) == /usr/bin/underlay ]] || fail "underlay is not on the PATH (found: $(command -v underlay || true))"
[[ $(readlink -f /usr/bin/underlay) == /opt/underlay/bin/underlay.sh ]] \
  || fail "/usr/bin/underlay leads to $(readlink -f /usr/bin/underlay), not the script bin/underlay.sh (decision 0020)"
# the installed CLI, without the JVM's note about JAVA_TOOL_OPTIONS
underlay() { /usr/bin/underlay "$@" 2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2); }
ok "installed: /opt/underlay ($(du -sh /opt/underlay | cut -f1)), /usr/bin/underlay -> $(readlink /usr/bin/underlay)"
desktop=$(ls /usr/share/applications/*underlay*.desktop 2>/dev/null | head -1 || true)
[[ -n $desktop ]] && grep -q '^Name=Underlay$' "$desktop" || fail "no menu entry in /usr/share/applications"
launcher=$(sed -n 's/^Exec=//p' "$desktop")
ok "menu entry $desktop runs $launcher"

v=$(underlay --version)
[[ $v == "underlay $version (commit $commit)"$'\n'"Java "*" at /opt/underlay/lib/runtime" ]] \
  || fail "underlay --version said: $v"
ok "underlay --version: ${v//$'\n'/ | }"
# the AppCDS archive postinst made: the application's classes come from it
[[ -f /opt/underlay/lib/app/underlay.jsa ]] || fail "postinst made no AppCDS archive"
shared=$(JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xlog:class+load=info" underlay --version 2>/dev/null \
  | grep -c 'dev.underlay.* source: shared objects file' || true)
[[ $shared -gt 0 ]] || fail "no class of Underlay came from the AppCDS archive"
ok "AppCDS: $shared classes of Underlay's from /opt/underlay/lib/app/underlay.jsa ($(du -h /opt/underlay/lib/app/underlay.jsa | cut -f1))"

# the console, as the menu starts it, until its window is open with the demo inventory
if [[ -z ${DISPLAY:-} ]]; then
  command -v Xvfb >/dev/null || fail "no DISPLAY and no Xvfb (apt-get install xvfb)"
  for d in $(seq 80 99); do [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]] || break; done
  Xvfb ":$d" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=":$d"
  sleep 1
fi
# logback reads UNDERLAY_LOG_LEVEL (sh drops the dotted underlay.log.level): INFO prints the line that says the window is open
env UNDERLAY_LOG_LEVEL=INFO "$launcher" >"$T/console.log" 2>&1 & console=$!
for _ in $(seq 1 1200); do  # at most 120 s
  grep -q 'ms after the JVM started' "$T/console.log" && break
  kill -0 "$console" 2>/dev/null || break
  sleep 0.1
done
grep -q 'machines, [0-9]* ms after the JVM started' "$T/console.log" || { cat "$T/console.log"; fail "the console did not open"; }
if command -v xwininfo >/dev/null; then
  xwininfo -root -tree | grep -q '"Underlay — ' || { xwininfo -root -tree | head -30; fail "no window titled Underlay"; }
fi
grep -qi 'unsupported JavaFX configuration' "$T/console.log" && fail "JavaFX warned: $(cat "$T/console.log")"
[[ -e $HOME/.openjfx ]] && fail "JavaFX unpacked its libraries into ~/.openjfx"
# the menu's script execs the runtime's java: the PID we started is the JVM, so SIGTERM reaches it
[[ $(readlink "/proc/$console/exe") == /opt/underlay/lib/runtime/bin/java ]] \
  || fail "the console's process $console is $(readlink "/proc/$console/exe"), not the bundled java"
# ... with exactly the options jpackage's launcher gives it (its lib/app/underlay.cfg, in order, and jpackage.app-path)
want=$(printf '%s\n' /opt/underlay/lib/runtime/bin/java; sed -n 's/^java-options=//p' /opt/underlay/lib/app/underlay.cfg \
  | sed 's|\$APPDIR|/opt/underlay/lib/app|g'; printf '%s\n' -Djpackage.app-path=/opt/underlay/bin/underlay \
  -cp /opt/underlay/lib/app/underlay.jar dev.underlay.app.Main)
got=$(tr '\0' '\n' < "/proc/$console/cmdline")
[[ $got == "$want" ]] || { diff <(echo "$want") <(echo "$got") || true; fail "the script's JVM options differ from the launcher's"; }
kill "$console"; rc=0; wait "$console" 2>/dev/null || rc=$?; console=
[[ $rc -eq 143 ]] || fail "the console ended with $rc on SIGTERM, not 143"
ok "console window open: $(grep -o 'opened .*' "$T/console.log")"
[[ -f $data/underlay.mv.db ]] || fail "the console made no data folder at $data"

# every file of the user's data folder and keys folder (the latter exists once a secret was sealed), with its hash
user_files() {
  (cd "$HOME" && find .local/share/underlay $([[ -d .config/underlay ]] && echo .config/underlay) -type f \
    -exec sha256sum {} + | sort)
}

# CLI round trip: the demo out, into a fresh folder, out again
underlay export "$T/demo.json" --format json --data "$data" >/dev/null
fresh="$T/fresh folder"  # an argument with a space goes through bin/underlay.sh as one
underlay import "$T/demo.json" --data "$fresh" >"$T/import.log" || { cat "$T/import.log"; fail "import"; }
underlay export "$T/again.json" --format json --data "$fresh" >/dev/null
cmp -s "$T/demo.json" "$T/again.json" || { diff "$T/demo.json" "$T/again.json" | head -20; fail "export -> import -> export differs"; }
[[ -f $fresh/underlay.mv.db ]] || fail "import did not write its data folder at '$fresh'"
n=$(underlay machines --query all --data "$fresh" | tail -1)
[[ $n == "41 machines" ]] || fail "machines --query all said '$n', not the demo's 41 machines"
ok "CLI round trip: export, import into a fresh folder, export: same $(stat -c %s "$T/demo.json") bytes; $n"
# a refused command exits as it does through jpackage's launcher (still in the package), with its message
rc=0; underlay machines --query 'rack:' --data "$fresh" >/dev/null 2>"$T/refused.err" || rc=$?
lrc=0; /opt/underlay/bin/underlay machines --query 'rack:' --data "$fresh" >/dev/null 2>/dev/null || lrc=$?
[[ $rc -ne 0 && $rc -eq $lrc && -s $T/refused.err ]] || fail "a refused query exited $rc (launcher: $lrc): $(cat "$T/refused.err")"
ok "a refused command: exit code $rc as through the launcher, $(grep -vc '^Picked up' "$T/refused.err") line(s) on stderr"

# upgrade (the same package again: prerm upgrade, unpack, postinst configure) keeps the user's folders
before=$(user_files)
dpkg -i "$deb" >"$T/upgrade.log" 2>&1 || { cat "$T/upgrade.log"; fail "installing over the installed package"; }
[[ -L /usr/bin/underlay ]] || fail "the upgrade lost /usr/bin/underlay"
after=$(user_files)
[[ $before == "$after" ]] || fail "the upgrade changed the user's folders"
underlay machines --query 'name:fra1-web*' --data "$data" >/dev/null || fail "the CLI after the upgrade"
ok "upgrade: data folder and keys unchanged"
before=$(user_files)  # the CLI above opened the folder (H2 rewrites its file on close)

dpkg -r underlay >"$T/remove.log" 2>&1 || { cat "$T/remove.log"; fail "dpkg -r"; }
installed=
[[ ! -e /usr/bin/underlay && ! -e /opt/underlay/bin/underlay && ! -e /opt/underlay/bin/underlay.sh ]] || fail "dpkg -r left the program: $(ls -la /usr/bin/underlay /opt/underlay 2>&1)"
[[ ! -e $desktop ]] || fail "dpkg -r left the menu entry $desktop"
after=$(user_files)
[[ $before == "$after" ]] || fail "dpkg -r changed the user's folders"
ok "removed: program, link and menu entry gone; $data and $keys kept ($(echo "$after" | wc -l) file(s))"
dpkg --purge underlay >/dev/null 2>&1 || true  # no record of it left either (it has no conffiles)
echo "test-deb: passed"
