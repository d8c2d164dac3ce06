#!/usr/bin/env bash
# installer/test-rpm.sh [--no-build] — the .rpm's test (Linux with rpmbuild; .ci/run runs it after test-deb.sh).
# Builds the .rpm (installer/build.sh rpm, unless --no-build) and checks it without installing it into this machine,
# which is Debian (an rpm there would be outside dpkg's knowledge; `rpm -i --nodeps` or alien are not what an RPM
# user runs). What is checked:
#   - metadata (`rpm -qip`, `rpm -qpR`): name, version of this build, licence, the GTK 3 dependency;
#   - contents (`rpm -qlp`): the script the PATH link leads to, the native launcher, the runtime's java, the jar,
#     the class list and cds-dump.sh, the menu entry and icon, the licence file; no AppCDS archive (it is valid only
#     where it is made: %post makes it);
#   - scriptlets (`rpm -qp --scripts`): %post makes /usr/bin/underlay and the archive, %preun removes the archive
#     and removes the link only on removal ($1 = 0), never anything under a user's home;
#   - the payload, unpacked into a temporary root (`rpm2cpio | cpio`): cds-dump.sh makes the archive there,
#     bin/underlay.sh --version names this build, and a CLI export/import round trip on a fresh data folder works,
#     with Underlay's classes coming from that archive.
# Not tested here: installing with rpm on an RPM distribution (the %post/%preun run, the menu entry through
# xdg-desktop-menu, upgrade and erase); the .deb's test does those for the same scripts' logic.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=$ROOT/target/installer/dist
command -v rpm >/dev/null && command -v rpmbuild >/dev/null || { echo "test-rpm: no rpm/rpmbuild (Debian: apt-get install rpm)" >&2; exit 2; }
command -v rpm2cpio >/dev/null && command -v cpio >/dev/null || { echo "test-rpm: no rpm2cpio/cpio (Debian: apt-get install rpm cpio)" >&2; exit 2; }
[[ ${1:-} == --no-build ]] || "$ROOT/installer/build.sh" rpm
rpmfile=$(ls "$DIST"/underlay-*.rpm 2>/dev/null | head -1)
[[ -n $rpmfile ]] || { echo "test-rpm: no .rpm in $DIST (installer/build.sh rpm)" >&2; exit 1; }
version=$(cat "$ROOT/target/installer/version.txt")
commit=$(unzip -p "$ROOT/target/installer/app/underlay.jar" dev/underlay/about/build.properties | sed -n 's/^commit=//p')
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "test-rpm: FAILED: $*" >&2; exit 1; }
ok() { echo "test-rpm: ok: $*"; }
echo "test-rpm: checking $(basename "$rpmfile") ($(du -h "$rpmfile" | cut -f1))"

# metadata
info=$(rpm -qip "$rpmfile" 2>/dev/null)
field() { sed -n "s/^$1 *: //p" <<< "$info" | head -1; }
[[ $(field Name) == underlay ]] || fail "Name is '$(field Name)'"
[[ $(field Version) == "${version%%-*}" ]] || fail "Version is '$(field Version)', the build is $version"
[[ -n $(field License) ]] || fail "no License"  # 'Unknown': the project names no licence of its own yet
[[ $(field Summary) == *console* ]] || fail "Summary is '$(field Summary)'"
# directories every system has belong to its filesystem package, not to this one
for d in / /opt /usr /usr/share /usr/share/licenses; do
  rpm -qlp "$rpmfile" 2>/dev/null | grep -qx "$d" && fail "the package claims the system's directory $d"
done
requires=$(rpm -qpR "$rpmfile" 2>/dev/null)
grep -qx 'gtk3' <<< "$requires" || fail "does not require gtk3: $requires"
ok "metadata: $(field Name) $(field Version)-$(field Release) $(field Architecture), licence '$(field License)', installed size $(field Size) bytes; requires $(grep -v '^rpmlib(' <<< "$requires" | paste -sd' ' -)"

# contents
files=$(rpm -qlp "$rpmfile" 2>/dev/null)
for f in /opt/underlay/bin/underlay /opt/underlay/bin/underlay.sh /opt/underlay/lib/runtime/bin/java \
    /opt/underlay/lib/app/underlay.jar /opt/underlay/lib/app/underlay.cfg /opt/underlay/lib/app/underlay.classlist \
    /opt/underlay/lib/app/cds-dump.sh /opt/underlay/lib/app/LICENSES.txt /opt/underlay/lib/underlay-underlay.desktop \
    /opt/underlay/lib/underlay.png; do
  grep -qx "$f" <<< "$files" || fail "the package has no $f"
done
grep -q 'underlay\.jsa$' <<< "$files" && fail "the package carries an AppCDS archive (valid only where it is made)"
grep -v '^/opt/underlay' <<< "$files" | grep -qv '^/usr/share/licenses/underlay' \
  && fail "files outside /opt/underlay and the licence folder: $(grep -v '^/opt/underlay' <<< "$files" | grep -v '^/usr/share/licenses/' | head -5)"
ok "contents: $(wc -l <<< "$files") paths under /opt/underlay (and the licence in $(grep '^/usr/share/licenses' <<< "$files" | head -1)), no archive"

# scriptlets
scripts=$(rpm -qp --scripts "$rpmfile" 2>/dev/null)
post=$(sed -n '/^postinstall scriptlet/,/^[a-z]* scriptlet/p' <<< "$scripts")
preun=$(sed -n '/^preuninstall scriptlet/,/^[a-z]* scriptlet/p' <<< "$scripts")
grep -q 'ln -sfn /opt/underlay/bin/underlay.sh /usr/bin/underlay' <<< "$post" || fail "%post makes no /usr/bin/underlay link"
grep -q '/opt/underlay/lib/app/cds-dump.sh' <<< "$post" || fail "%post makes no AppCDS archive"
grep -q 'xdg-desktop-menu install' <<< "$post" || fail "%post installs no menu entry"
grep -q 'rm -f /opt/underlay/lib/app/underlay.jsa' <<< "$preun" || fail "%preun leaves the archive"
grep -q '"$1" -eq 0' <<< "$preun" || fail "%preun does not tell removal from upgrade"
grep -qE 'HOME|\.local/share|\.config' <<< "$scripts" && fail "a scriptlet names a user's folder"
ok "scriptlets: %post links /usr/bin/underlay and makes the archive; %preun removes the archive, the link only on removal"

# the payload, unpacked where nothing else is: it runs
mkdir -p "$T/root"
(cd "$T/root" && rpm2cpio "$rpmfile" | cpio -idm --quiet) || fail "rpm2cpio | cpio"
top=$T/root/opt/underlay
"$top/lib/app/cds-dump.sh" || fail "cds-dump.sh in the unpacked tree"
[[ -f $top/lib/app/underlay.jsa ]] || fail "cds-dump.sh made no archive"
export HOME=$T/home UNDERLAY_KEYS=$T/keys
unset XDG_DATA_HOME XDG_CONFIG_HOME UNDERLAY_HOME JAVA_TOOL_OPTIONS
mkdir -p "$HOME"
v=$("$top/bin/underlay.sh" --version)
[[ $v == "underlay $version (commit $commit)"$'\n'"Java "*" at $top/lib/runtime" ]] || fail "underlay.sh --version said: $v"
ok "unpacked: underlay.sh --version: ${v//$'\n'/ | }"
shared=$(JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$top/bin/underlay.sh" --version 2>/dev/null \
  | grep -c 'dev.underlay.* source: shared objects file' || true)
[[ $shared -gt 0 ]] || fail "no class of Underlay came from the archive cds-dump.sh made"
cat > "$T/in.csv" <<'EOF'
name,kind,site,address,port,status
rpm-test-01,bare-metal,lab1,127.0.0.1,22,in-use
rpm-test-02,bare-metal,lab1,127.0.0.1,23,ready
EOF
"$top/bin/underlay.sh" import "$T/in.csv" --data "$T/one" >"$T/import.log" 2>&1 || { cat "$T/import.log"; fail "import"; }
"$top/bin/underlay.sh" export "$T/one.json" --format json --data "$T/one" >/dev/null
"$top/bin/underlay.sh" import "$T/one.json" --data "$T/two" >"$T/import2.log" 2>&1 || { cat "$T/import2.log"; fail "import of the export"; }
"$top/bin/underlay.sh" export "$T/two.json" --format json --data "$T/two" >/dev/null
cmp -s "$T/one.json" "$T/two.json" || fail "export -> import -> export differs"
n=$("$top/bin/underlay.sh" machines --query all --data "$T/two" | tail -1)
[[ $n == "2 machines" ]] || fail "machines --query all said '$n', not 2 machines"
ok "unpacked: $shared classes of Underlay's from the archive; CSV import, export -> import -> export same bytes; $n"
echo "test-rpm: passed"
