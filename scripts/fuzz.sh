#!/usr/bin/env bash
# Runs libFuzzer targets (build/fuzz/TARGET, built by make) for a while each.
#
#   scripts/fuzz.sh [--seconds N] [--smoke] TARGET...
#
# Each target starts from its committed seeds (fuzz/corpus/TARGET) and the
# inputs that once crashed it (fuzz/regressions/TARGET), which are all run
# first, so an old crash that comes back fails at once. New interesting
# inputs go to build/fuzz/corpus/TARGET (kept between runs of make fuzz; a
# fresh temporary directory with --smoke), crashes to build/fuzz/crashes/.
# Prints one line per target:
#   ok    TARGET: N executions in S s (N/s), corpus K inputs
#   FAIL  TARGET: crash, input saved as build/fuzz/crashes/TARGET-crash-...
# and exits non-zero if any target failed.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=60
smoke=0
while [ $# -gt 0 ]; do
    case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --smoke) smoke=1; shift ;;
    *) break ;;
    esac
done
export ASAN_OPTIONS=${FUZZ_ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p build/fuzz/crashes build/test-logs
status=0
for target in "$@"; do
    binary=build/fuzz/$target
    if [ ! -x "$binary" ]; then
        printf '  FAIL  %s: %s is not built (make %s)\n' "$target" "$binary" "$binary"
        status=1
        continue
    fi
    if [ $smoke = 1 ]; then
        work=$(mktemp -d "${TMPDIR:-/tmp}/nnfp-fuzz.XXXXXX")
    else
        work=build/fuzz/corpus/$target
        mkdir -p "$work"
    fi
    seeds=()
    for dir in fuzz/corpus/$target fuzz/regressions/$target; do
        [ -d "$dir" ] && seeds+=("$dir")
    done
    log=build/test-logs/fuzz-$target.log
    # -rss_limit_mb and -malloc_limit_mb: a reader that asks for more than
    # 2 GiB because a header said so is a finding, not a machine to fill.
    "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="build/fuzz/crashes/$target-" \
        "$work" "${seeds[@]}" > "$log" 2>&1
    result=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    time=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    units=$(find "$work" -type f | wc -l)
    [ $smoke = 1 ] && rm -rf "$work"
    if [ $result -eq 0 ] && [ -n "$runs" ]; then
        time=${time:-$seconds}
        printf '  ok    %s: %s executions in %s s (%s/s), corpus %s inputs\n' "$target" "$runs" \
            "$time" "$(( runs / (time > 0 ? time : 1) ))" "$units"
    else
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        summary=$(grep -m1 -E 'SUMMARY|ERROR: libFuzzer|runtime error|==ERROR' "$log")
        printf '  FAIL  %s: %s; input: %s (log: %s)\n' "$target" "${summary:-exit $result}" \
            "${artifact:-none}" "$log"
        status=1
    fi
done
exit $status
