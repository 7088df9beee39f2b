#!/usr/bin/env bash
# Renders the seed's `warta view` page with headless Chromium to docs/view-seed.png.
# Usage: Scripts/view-screenshot.sh [WIDTH HEIGHT]   (default 1400 1900)
# Installs Debian's chromium when it is missing (needs root and the network).
set -euo pipefail
cd "$(dirname "$0")/.."

width=${1:-1400}
height=${2:-1900}
seed=seeds/000_43943d992f4a7b6d.txt
out=docs/view-seed.png

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "installing chromium (Debian's package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi

swift build --product warta >&2
page=$(mktemp --suffix=.html)
profile=$(mktemp -d)
trap 'rm -rf "$page" "$profile"' EXIT
.build/debug/warta view "$seed" --output "$page"

mkdir -p docs
# --no-sandbox: CI and containers run as root, where Chromium's sandbox cannot start.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="$width,$height" --screenshot="$out" "file://$page" 2>/dev/null
echo "wrote $out (${width}x${height})" >&2
