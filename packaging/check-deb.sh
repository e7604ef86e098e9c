#!/usr/bin/env bash
# Builds the .deb from a configured build directory and checks it as a user would meet it:
# its Depends, its files, the desktop entry, AppStream and MIME files, and the installed program
# (unpacked into a fresh root) printing its version and running the installed sample headless.
# As root, apt also checks that every dependency can be installed from the archive.
# Usage: packaging/check-deb.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-deb: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" > "$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/valuescope_*.deb)
echo "check-deb: $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 libxlsxwriter4 libfreexl1 \
           libzip4 libuchardet0 libnlopt0 libexpat1 fonts-wqy-microhei; do
  [[ ", $depends," == *", $dep "* || ", $depends," == *", $dep,"* ]] || fail "Depends lacks $dep: $depends"
done

files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in usr/bin/valuescope \
         usr/lib/valuescope/valuescope-app \
         usr/lib/valuescope/valuescope-cli \
         usr/share/applications/org.valuescope.ValueScope.desktop \
         usr/share/metainfo/org.valuescope.ValueScope.metainfo.xml \
         usr/share/mime/packages/valuescope.xml \
         usr/share/icons/hicolor/scalable/apps/org.valuescope.ValueScope.svg \
         usr/share/icons/hicolor/48x48/apps/org.valuescope.ValueScope.png \
         usr/share/icons/hicolor/256x256/apps/org.valuescope.ValueScope.png \
         usr/share/man/man1/valuescope.1.gz \
         usr/share/valuescope/sample/sample.valuescope.json \
         usr/share/valuescope/sample/sample.zh_CN.valuescope.json \
         usr/share/valuescope/sample/customers.csv; do
  grep -qx "./$f" <<< "$files" || fail "the package lacks /$f"
done

if [[ $(id -u) -eq 0 ]] && command -v apt-get > /dev/null; then
  apt-get install --simulate -qq "$deb" > "$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt cannot install it"; }
fi

root="$work/root"
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/org.valuescope.ValueScope.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.valuescope.ValueScope.metainfo.xml" > "$work/as.log" ||
  { cat "$work/as.log"; fail "appstreamcli validate"; }
python3 - "$root/usr/share/mime/packages/valuescope.xml" <<'PY' || fail "MIME file"
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
t = ET.parse(sys.argv[1]).find("m:mime-type", ns)
assert t.get("type") == "application/x-valuescope-project"
assert t.find("m:glob", ns).get("pattern") == "*.valuescope.json"
PY
grep -q "^MimeType=application/x-valuescope-project;" "$root/usr/share/applications/org.valuescope.ValueScope.desktop" ||
  fail "the desktop entry does not open projects"
gzip -t "$root/usr/share/man/man1/valuescope.1.gz" || fail "man page"

version=$(dpkg-deb -f "$deb" Version)
got=$("$root/usr/bin/valuescope" --version)
[[ $got == "valuescope $version" ]] || fail "--version printed '$got', not 'valuescope $version'"
cd "$work"
"$root/usr/bin/valuescope" run "$root/usr/share/valuescope/sample/sample.valuescope.json" \
  --summary summary.json --out customers.csv --chart segments=segments.png --report report.pdf || fail "headless run"
# without charts or a report the launcher starts valuescope-cli (no window libraries): the same files
"$root/usr/bin/valuescope" run "$root/usr/share/valuescope/sample/sample.valuescope.json" \
  --summary cli-summary.json --out cli-customers.csv || fail "headless run without the window's libraries"
cmp customers.csv cli-customers.csv || fail "valuescope-cli wrote other results than valuescope-app"
python3 - <<'PY' || fail "the run's output"
import json
s = json.load(open("summary.json"))
assert sum(v["count"] for v in s["segments"].values()) == 3000, s["segments"]
assert open("customers.csv", encoding="utf-8").read().count("\n") == 3001
assert open("segments.png", "rb").read(8) == b"\x89PNG\r\n\x1a\n"
assert open("report.pdf", "rb").read(5) == b"%PDF-"
PY
echo "check-deb: ok"
