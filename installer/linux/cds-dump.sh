#!/bin/sh
# cds-dump.sh — makes Underlay's AppCDS archive (underlay.jsa, beside this script) from the class list that the
# build's training runs wrote (underlay.classlist). JDK 17 accepts an archive only for the class path it was made
# with, so it is made where Underlay is installed: the .deb's postinst runs this; after unpacking an app image
# somewhere, run it once. Without an archive Underlay starts as usual, only slower (decision 0008).
set -e
app=$(cd "$(dirname "$0")" && pwd)
java=$(cd "$app/../runtime/bin" 2>/dev/null && pwd)/java
[ -x "$java" ] || java=$(cd "$app/../runtime/Contents/Home/bin" && pwd)/java
rm -f "$app/underlay.jsa"
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xshare:dump -XX:SharedClassListFile="$app/underlay.classlist" \
    -XX:SharedArchiveFile="$app/underlay.jsa" -cp "$app/underlay.jar" >/dev/null
