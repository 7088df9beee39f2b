#!/usr/bin/env bash
# Rewrites the expected outputs of the seed articles and the HTML fixture from the current build.
# Review the diff (git diff seeds/) before committing: each change must be a fix.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --experimental-lto-mode=full --product warta >/dev/null
for seed in seeds/*.txt; do
  base="${seed%.txt}"
  .build/release/warta process --quiet --tokens "$seed" > "$base.expected.jsonl"
  .build/release/warta tokenize "$seed" > "$base.expected.conllu"
done
# A page written for the tests (Tests/Fixtures/html/SOURCES.md): its whole record.
.build/release/warta process --quiet --tokens Tests/Fixtures/html/berita.html > Tests/Fixtures/html/berita.expected.jsonl
git --no-pager diff --stat seeds/ Tests/Fixtures/html/ || true
