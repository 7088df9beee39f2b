#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and then ThreadSanitizer, each in its own build
# folder (.build-asan, .build-tsan; git-ignored), then the sanitised `warta process --jobs 4`
# over HTML pages, JSON Lines and WARC files. Extra arguments go to `swift test`
# (e.g. --filter WARCReaderTests). Slow: on a shared machine wrap it in
# `flock /tmp/warta-cpu.lock`. Exits non-zero on the first failure or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}

inputs=(Tests/Fixtures/warc Tests/Fixtures/warc-hostile)
[ -d ../shared/data/html/pages-modern ] && inputs+=(../shared/data/html/pages-modern)
jsonl=$(mktemp --suffix=.jsonl)
trap 'rm -f "$jsonl"' EXIT
for k in $(seq 1 200); do echo "{\"id\": \"d$k\", \"text\": \"Presiden berkata \\\"jalan $k dibuka\\\". Warga di Jakarta senang.\"}"; done >"$jsonl"

for sanitizer in address thread; do
    scratch=.build-${sanitizer/address/asan}
    scratch=${scratch/thread/tsan}
    echo "== swift test --sanitize=$sanitizer ($scratch)"
    swift test --scratch-path "$scratch" --sanitize="$sanitizer" "$@"
    bin=$(swift build --scratch-path "$scratch" --sanitize="$sanitizer" --show-bin-path)/warta
    echo "== warta process --jobs 4 under $sanitizer"
    set +e
    "$bin" process --quiet --jobs 4 "${inputs[@]}" "$jsonl" >/dev/null 2>"$scratch/process.err"
    code=$?
    set -e
    if [ $code -gt 1 ] || grep -q "Sanitizer" "$scratch/process.err"; then
        echo "sanitize.sh: warta process under $sanitizer exited $code:" >&2
        head -40 "$scratch/process.err" >&2
        exit 1
    fi
done
echo "sanitize.sh: clean under ASan and TSan"
