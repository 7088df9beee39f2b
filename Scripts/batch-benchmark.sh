#!/usr/bin/env bash
# Measures the batch runner: --jobs 1 against --jobs 2 on the HTML pages of ../shared/data/html
# repeated to 200 MB, as one JSON Lines file and as a folder, with peak memory.
# Usage: Scripts/batch-benchmark.sh [HTML_DIR]   (the pages are read in place, data goes to a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
html="${1:-../shared/data/html}"
swift build -c release --static-swift-stdlib --experimental-lto-mode=full --product warta >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$html" "$work" <<'PY'
import glob, json, os, sys
html, work = sys.argv[1:3]
pages = sorted(glob.glob(f"{html}/*/*/*.html"))
data = [(os.path.basename(p), open(p, "rb").read()) for p in pages]
reps = 200_000_000 // sum(len(d) for _, d in data) + 1
with open(f"{work}/pages.jsonl", "w") as f:
    for r in range(reps):
        for name, d in data:
            f.write(json.dumps({"id": f"{r}/{name}", "html": d.decode("utf-8", "replace")}) + "\n")
for r in range(reps):
    os.makedirs(f"{work}/folder/{r:03d}")
    for name, d in data:
        open(f"{work}/folder/{r:03d}/{name}", "wb").write(d)
PY
for input in pages.jsonl folder; do
  for jobs in 1 2; do
    /usr/bin/time -f "  peak RSS %M KB" .build/release/warta process --jobs "$jobs" --output /dev/null "$work/$input" 2>&1 \
      | sed "s|^|$input, --jobs $jobs: |"
  done
done
.build/release/warta process --jobs 2 --unordered --output /dev/null "$work/folder" 2>&1 | sed "s|^|folder, --unordered: |"
