#!/usr/bin/env bash
# Scores tokens, words (after clitic splitting) and sentences against UD Indonesian.
# Usage: Scripts/evaluate-ud.sh [UD_DIR]   (default: ../shared/data/ud beside the repository)
# The gold files are read in place and never copied into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
ud="${1:-../shared/data/ud}"
swift build -c release --static-swift-stdlib --experimental-lto-mode=full --product warta >/dev/null
for f in "$ud"/id_gsd-ud-dev.conllu "$ud"/id_csui-ud-train.conllu; do
  [ -f "$f" ] || { echo "missing $f" >&2; exit 2; }
  .build/release/warta eval ud "$f"
  echo
done
