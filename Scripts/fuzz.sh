#!/usr/bin/env bash
# Builds Warta's fuzz targets (Fuzz/) with libFuzzer and AddressSanitizer and runs each one
# for SECONDS seconds (default 60), or only the targets named.
#
#   Scripts/fuzz.sh 600                    every target, ten minutes each
#   Scripts/fuzz.sh 120 FuzzWARC           one target
#
# The growing corpus is kept in Fuzz/.corpus/<target> (git-ignored) and starts from
# Fuzz/Seeds plus the test fixtures; a crashing input is written to Fuzz/.artifacts/<target>/
# (crash-<sha1>) and the script exits 1. Replay one with: Fuzz/.build/release/<target> FILE.
# Every crash found becomes a regression test. On a shared machine wrap the whole script in
# `flock /tmp/warta-cpu.lock`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzHTML FuzzText FuzzWARC FuzzJSONLines)

# A crash must end the run, not hang in Swift's backtracer.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1}

# SwiftPM keeps the build plan of Warta's targets from the last build of this package and does
# not see source files added to Warta since ("cannot find 'X' in scope"): plan afresh (the
# compiled objects stay).
rm -f Fuzz/.build/release.yaml Fuzz/.build/build.db
(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

status=0
for target in "${targets[@]}"; do
    case $target in
        FuzzHTML) seeds=(Fuzz/Seeds/html); dict=html ;;
        FuzzText) seeds=(Fuzz/Seeds/text); dict=text ;;
        FuzzWARC) seeds=(Fuzz/Seeds/warc Tests/Fixtures/warc-hostile Tests/Fixtures/warc); dict=warc ;;
        FuzzJSONLines) seeds=(Fuzz/Seeds/jsonl); dict=jsonl ;;
        *) echo "fuzz.sh: no target $target" >&2; exit 2 ;;
    esac
    corpus=Fuzz/.corpus/$target
    artifacts=Fuzz/.artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    log=$artifacts/last-run.log
    echo "== $target: $seconds s"
    if ! Fuzz/.build/release/$target -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=16384 \
            -dict=Fuzz/Dictionaries/$dict.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
            "$corpus" "${seeds[@]}" >"$log" 2>&1; then
        echo "$target: FAILED (see $log and $artifacts/)"
        grep -E "ERROR|check failed|Fatal error|SUMMARY" "$log" | head -5 || true
        status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -o 'cov: [0-9]*' || true)
    echo "$target: $runs executions, $rate exec/s, $cov"
done
exit $status
