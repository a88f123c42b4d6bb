#!/usr/bin/env bash
# Vendors the TimelineJS3 library for the self-contained HTML viewer (storyline export html).
# Run by a developer when upgrading the library (needs the npm registry); the build itself only
# reads the committed files under exporters/viewer/, so there is no network at build time.
#
# usage: scripts/vendor-viewer.sh [VERSION]     (default: the pinned version below)
# writes: exporters/viewer/timeline.min.js   dist/js/timeline.js as published (already minified)
#         exporters/viewer/timeline.css      dist/css/timeline.css with the icon font inlined (woff, base64)
#         exporters/viewer/LICENSE-timelinejs, THIRD-PARTY-timelinejs.txt, VERSION
set -euo pipefail
VERSION="${1:-3.9.11}"
PACKAGE="@knight-lab/timelinejs"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/exporters/viewer"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v npm >/dev/null || { echo "vendor-viewer: npm is needed (Debian package npm)" >&2; exit 1; }
(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tar -xzf "$WORK"/knight-lab-timelinejs-"$VERSION".tgz -C "$WORK"
PKG="$WORK/package"
got="$(node -p "require('$PKG/package.json').version")"
[ "$got" = "$VERSION" ] || { echo "vendor-viewer: got version $got, wanted $VERSION" >&2; exit 1; }
for f in dist/js/timeline.js dist/css/timeline.css dist/css/icons/tl-icons.woff LICENSE; do
  [ -s "$PKG/$f" ] || { echo "vendor-viewer: $PACKAGE@$VERSION has no $f" >&2; exit 1; }
done

mkdir -p "$DEST"
cp "$PKG/dist/js/timeline.js" "$DEST/timeline.min.js"
# The viewer is one file read offline: the icon font goes into the CSS as a data: URL and the
# other font formats (fetched relative to the CDN script path) are dropped.
WOFF64="$(base64 -w0 "$PKG/dist/css/icons/tl-icons.woff")"
python3 - "$PKG/dist/css/timeline.css" "$DEST/timeline.css" "$WOFF64" <<'PY'
import re, sys
src, dst, woff = sys.argv[1:4]
css = open(src, encoding="utf-8").read()
face = re.compile(r"@font-face\s*\{[^}]*font-family:\s*'tl-icons';[^}]*\}", re.S)
new_face = ("@font-face {\n  font-family: 'tl-icons';\n  src: url(data:font/woff;base64," + woff +
            ") format('woff');\n  font-weight: normal;\n  font-style: normal;\n}")
css, n = face.subn(new_face, css)
if n != 1:
    sys.exit("vendor-viewer: tl-icons @font-face not found in timeline.css")
css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
left = [u for u in re.findall(r"url\(([^)]*)\)", css) if not u.startswith("data:")]
if left:
    sys.exit("vendor-viewer: timeline.css still fetches %s" % left[:3])
open(dst, "w", encoding="utf-8").write(css)
PY
sed -i 's|//# sourceMappingURL=.*$||' "$DEST/timeline.min.js"
cp "$PKG/LICENSE" "$DEST/LICENSE-timelinejs"
cp "$PKG/dist/js/timeline.js.LICENSE.txt" "$DEST/THIRD-PARTY-timelinejs.txt"
{
  echo "$PACKAGE $VERSION (npm), licence MPL-2.0 (LICENSE-timelinejs); bundles DOMPurify (THIRD-PARTY-timelinejs.txt)"
  (cd "$DEST" && sha256sum timeline.min.js timeline.css)
} >"$DEST/VERSION"
du -b "$DEST"/timeline.min.js "$DEST"/timeline.css
echo "vendor-viewer: $PACKAGE@$VERSION → $DEST"
