#!/usr/bin/env bash
# installer/build.sh [--no-maven] [TYPE ...] — builds Underlay's packages for the platform it runs on, into
# target/installer/dist. TYPEs: app-image, deb, rpm (Linux; default: app-image, deb when dpkg-deb and fakeroot are
# there, rpm when rpmbuild is), dmg (macOS), msi (Windows, under Git Bash; build.ps1 is the same in PowerShell).
#
#  1. Maven, profile `installer`: the application jar without JavaFX, and this platform's JavaFX jars (modular).
#  2. jlink: a runtime of the modules in installer/modules.txt, JavaFX's included from those jars, and its CDS
#     archive; JavaFX's native libraries go beside the JDK's (lib/), as OpenJFX's own jmods put them.
#  3. jpackage --type app-image: launcher `underlay` (no arguments: the console; anything else: the CLI) with the
#     JVM options of installer/jvm-options.txt, the same as bin/underlay's, plus the AppCDS archive; on Linux
#     beside it bin/underlay.sh (installer/linux/underlay.sh), the same start without the native launcher.
#  4. AppCDS (installer/cds.sh): training runs of the CLI, and of the console when there is a display, write the
#     classes they load; one static archive of them goes into the image (lib/app/underlay.jsa).
#  5. jpackage from that image: the packages, with installer/<platform>/ resources (desktop entry, scripts).
# Decision 0008 says why each step is what it is. Environment: MVN (default mvn), MVN_ARGS (e.g. -o),
# JAVA_HOME (a JDK 17 with jmods; default: the one `javac` belongs to).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE=$ROOT/installer
OUT=$ROOT/target/installer
log() { printf 'installer: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

maven=yes
types=()
for a in "$@"; do
  case $a in
    --no-maven) maven= ;;
    app-image|deb|rpm|dmg|msi) types+=("$a") ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$a' (see --help)" ;;
  esac
done

case $(uname -s) in
  Linux) platform=linux ;;
  Darwin) platform=macos ;;
  MINGW*|MSYS*|CYGWIN*) platform=windows ;;
  *) die "no recipe for $(uname -s): Linux, macOS and Windows have one" ;;
esac
if [[ ${#types[@]} -eq 0 ]]; then
  case $platform in
    linux)
      types=(app-image)
      if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then types+=(deb)
      else log "no dpkg-deb/fakeroot: no .deb (Debian: apt-get install dpkg-dev fakeroot)"; fi
      if command -v rpmbuild >/dev/null; then types+=(rpm); else log "no rpmbuild: no .rpm"; fi ;;
    macos) types=(app-image dmg) ;;
    windows) types=(app-image msi) ;;
  esac
fi

if [[ -z ${JAVA_HOME:-} ]]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
JMODS=$JAVA_HOME/jmods
[[ -d $JMODS ]] || die "$JAVA_HOME has no jmods/ (jlink needs a full JDK 17; Debian: openjdk-17-jdk)"
JLINK=$JAVA_HOME/bin/jlink
JPACKAGE=$JAVA_HOME/bin/jpackage

# 1. Maven
if [[ -n $maven ]]; then
  log "maven: application jar and JavaFX jars (-Pinstaller)"
  # shellcheck disable=SC2086
  (cd "$ROOT" && ${MVN:-mvn} -B -q ${MVN_ARGS:-} -Pinstaller -DskipTests package)
fi
[[ -f $OUT/app/underlay.jar && -d $OUT/javafx ]] || die "run without --no-maven first: $OUT/app is missing"
VERSION=$(cat "$OUT/version.txt")
APP_VERSION=${VERSION%%-*}            # jpackage wants numbers: 0.1.0-SNAPSHOT is packaged as 0.1.0
[[ $APP_VERSION =~ ^[0-9]+(\.[0-9]+){0,3}$ ]] || die "version '$VERSION' does not start with numbers"

# the licence notice of the package: what it bundles, from the same lists as Help > About
about=$ROOT/target/classes/dev/underlay/about
{
  echo "Underlay $VERSION, copyright the Underlay authors."
  echo
  echo "This package bundles a Java runtime made from OpenJDK $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.runtime.version = //p') (GPL-2.0-only WITH Classpath-exception-2.0, https://openjdk.org/legal/)"
  echo "and these libraries, each under its own licence (SPDX expression, home page):"
  echo
  awk -F'\t' 'NR==FNR { if ($0 !~ /^#/ && NF == 3) { lic[$1] = $2; home[$1] = $3 } next }
    { n = split($0, p, "/"); if (n < 4 || p[n] !~ /\.jar$/) next
      g = p[1]; for (i = 2; i <= n - 3; i++) g = g "." p[i]; a = p[n-2]; v = p[n-1]
      if (seen[g ":" a]++) next
      k = (g ":" a in lic) ? g ":" a : g
      printf "  %s:%s:%s  %s  %s\n", g, a, v, (k in lic ? lic[k] : "licence not recorded"), home[k] }' \
    "$ROOT/src/main/resources/dev/underlay/about/licences.tsv" "$about/bundled-jars.txt"
  echo
  echo "Licence texts: https://spdx.org/licenses/ and each home page. Help > About in the console lists the same."
} > "$OUT/LICENSES.txt"

# 2. jlink
modules=$(grep -v '^[[:space:]]*\(#\|$\)' "$HERE/modules.txt" | paste -sd, -)
fxgraphics=$(ls "$OUT"/javafx/javafx-graphics-*.jar)
rm -rf "$OUT/runtime"
log "jlink: $modules"
# JavaFX's jars hold their native libraries as resources; left in, JavaFX would unpack them into ~/.openjfx/cache
# at each user's first start. Out of the modules, into lib/ (bin/ on Windows), where JavaFX looks first.
"$JLINK" --module-path "$JMODS${PATHSEP:-:}$OUT/javafx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --exclude-resources 'glob:/javafx.graphics/*.so,glob:/javafx.graphics/*.dylib,glob:/javafx.graphics/*.dll' \
  --output "$OUT/runtime" | { grep -v '^Created CDS archive successfully' || true; }
natives=lib
[[ $platform == windows ]] && natives=bin
(cd "$OUT/runtime/$natives" && unzip -q -o -j "$fxgraphics" '*.so' '*.dylib' '*.dll' 2>/dev/null || true)
ls "$OUT/runtime/$natives" | grep -q 'glass' || die "no JavaFX native libraries in $fxgraphics"

# 3. the application image
rm -rf "$OUT/image" "$OUT/dist"
mkdir -p "$OUT/image" "$OUT/dist"
java_options=()
while read -r opt; do
  [[ -z $opt || $opt == \#* ]] || java_options+=(--java-options "$opt")
done < "$HERE/jvm-options.txt"
common=(--name underlay --app-version "$APP_VERSION" --vendor "Underlay"
  --description "Operations console for racks and clouds: inventory, SSH to many hosts, a simulated lab"
  --copyright "Underlay authors")
case $platform in
  linux) icon=$ROOT/assets/icons/underlay-256.png ;;
  macos) icon=$HERE/macos/underlay.icns ;;
  windows) icon=$HERE/windows/underlay.ico ;;
esac
icon_opt=()
[[ -f $icon ]] && icon_opt=(--icon "$icon") || log "no $icon: the package uses jpackage's default icon"
log "jpackage: app image"
launchers=()  # Windows: underlay.exe has no console window, so the CLI is a second launcher, underlay-cli.exe
[[ $platform == windows ]] && launchers=(--add-launcher "underlay-cli=$HERE/windows/underlay-cli.properties")
"$JPACKAGE" --type app-image "${common[@]}" "${icon_opt[@]}" --dest "$OUT/image" \
  --input "$OUT/app" --main-jar underlay.jar --main-class dev.underlay.app.Main \
  --runtime-image "$OUT/runtime" "${java_options[@]}" "${launchers[@]}"
case $platform in
  macos) image=$OUT/image/underlay.app; appdir=$image/Contents/app; java=$image/Contents/runtime/Contents/Home/bin/java ;;
  windows) image=$OUT/image/underlay; appdir=$image/app; java=$image/runtime/bin/java.exe ;;
  *) image=$OUT/image/underlay; appdir=$image/lib/app; java=$image/lib/runtime/bin/java ;;
esac
cp "$OUT/LICENSES.txt" "$appdir/LICENSES.txt"
cp "$HERE/linux/cds-dump.sh" "$appdir/cds-dump.sh"
if [[ $platform == linux ]]; then
  # bin/underlay.sh: the runtime's java with the launcher's options, without the native launcher's cost before
  # main() (decision 0020); /usr/bin/underlay and the menu entry run it. Options are double-quoted in the script,
  # where $APPDIR is the script's own lib/app.
  opts="\"-Djpackage.app-version=$APP_VERSION\""
  while read -r opt; do
    [[ -z $opt || $opt == \#* ]] && continue
    [[ $opt == *[\"\\\`]* ]] && die "jvm-options.txt: '$opt' has a quote, backslash or backquote; bin/underlay.sh cannot carry it"
    opts+="${opts:+ \\$'\n'  }\"$opt\""
  done < "$HERE/jvm-options.txt"
  script=$(cat "$HERE/linux/underlay.sh")
  printf '%s\n' "${script/@JVM_OPTIONS@/"$opts"}" > "$image/bin/underlay.sh"
  chmod 755 "$image/bin/underlay.sh"
fi

# 4. AppCDS
JAVA="$java" APPDIR="$appdir" "$HERE/cds.sh" || log "AppCDS archive not made (see above): the package starts without it"

# 5. packages. The archive is valid only at this image's path (JDK 17 checks the class path), so no package
# carries it: the .deb makes it on installation, an unpacked app image with lib/app/cds-dump.sh.
[[ -f $appdir/underlay.jsa ]] && mv "$appdir/underlay.jsa" "$OUT/underlay.jsa"
for t in "${types[@]}"; do
  case $t in
    app-image)
      (cd "$OUT/image" && tar -czf "$OUT/dist/underlay-$VERSION-$platform-app-image.tar.gz" "$(basename "$image")") ;;
    deb|rpm)
      log "jpackage: $t"
      "$JPACKAGE" --type "$t" "${common[@]}" --app-image "$image" --dest "$OUT/dist" \
        --resource-dir "$HERE/linux" --license-file "$OUT/LICENSES.txt" \
        --linux-package-name underlay --linux-app-category "$( [[ $t == deb ]] && echo admin || echo Applications/System)" --linux-menu-group "System;Network;" \
        --linux-shortcut --linux-deb-maintainer "underlay@localhost" \
        --linux-package-deps "$( [[ $t == deb ]] && echo 'libgtk-3-0, libasound2' || echo 'gtk3')" \
        "${icon_opt[@]}" ;;
    dmg)
      "$JPACKAGE" --type dmg "${common[@]}" --app-image "$image" --dest "$OUT/dist" \
        --resource-dir "$HERE/macos" --license-file "$OUT/LICENSES.txt" --mac-package-name Underlay ;;
    msi)
      "$JPACKAGE" --type msi "${common[@]}" --app-image "$image" --dest "$OUT/dist" \
        --resource-dir "$HERE/windows" --license-file "$OUT/LICENSES.txt" \
        --win-menu --win-menu-group Underlay --win-shortcut --win-dir-chooser \
        --win-upgrade-uuid 3f1f8c0e-5a3c-4c2e-9a57-1d0e2b7c9f11 ;;
  esac
done
[[ -f $OUT/underlay.jsa ]] && mv "$OUT/underlay.jsa" "$appdir/underlay.jsa"  # for bin/ of the image here
log "done: $(cd "$OUT/dist" && ls | paste -sd' ' -) in $OUT/dist"
