#!/usr/bin/env bash
# Hostile input, faults and memory: the robustness checks of the book
# (make robust; scripts/test.sh runs this too). Needs make robust-build.
#
#   fuzzing       each libFuzzer target for FUZZ_SMOKE_SECONDS (default 4),
#                 after replaying its seeds and past crashes (scripts/fuzz.sh);
#                 the committed seeds are what scripts/fuzz-corpus.sh writes
#   command lines tests/cli.sh on the sanitizer builds
#   faults        scripts/faults.sh: failed writes, divergence, Ctrl-C, resume
#   same output   scripts/reproducible.sh: same seed, bit-identical results
#   valgrind      scripts/valgrind.sh: every default run under memcheck
#                 (skipped with NNFP_VALGRIND=0)
#
# Chapters: $NNFP_CHAPTERS (make sets it), else every chapter with a table
# tests/cli/NN-slug.cases whose program is built. Fuzz targets:
# $NNFP_FUZZ_TARGETS, else every one built. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
log=build/test-logs
mkdir -p $log
if [ -n "${NNFP_CHAPTERS:-}" ]; then
    read -r -a chapters <<< "$NNFP_CHAPTERS"
else
    chapters=()
    for table in tests/cli/*.cases; do
        chapter=$(basename "$table" .cases)
        [ -x "build/bin/$chapter" ] && chapters+=("$chapter")
    done
fi
# Only the chapters that have a table of cases.
with_table=()
for chapter in "${chapters[@]}"; do
    if [ -f "tests/cli/$chapter.cases" ]; then with_table+=("$chapter")
    else echo "  note  $chapter has no tests/cli/$chapter.cases: no robustness checks"; fi
done
if [ -n "${NNFP_FUZZ_TARGETS:-}" ]; then
    read -r -a targets <<< "$NNFP_FUZZ_TARGETS"
else
    targets=()
    for binary in build/fuzz/*; do [ -f "$binary" ] && [ -x "$binary" ] && targets+=("$(basename "$binary")"); done
fi

passed=0
failed=0
# part TITLE COMMAND...: runs a checker that ends with "N passed, N failed",
# shows its other lines and adds up its counts.
part() {
    local title=$1 out
    shift
    echo "$title"
    out=$log/robust-$(echo "$title" | tr -c 'a-zA-Z0-9\n' '-' | cut -c1-40).log
    "$@" > "$out" 2>&1
    local status=$? counts
    grep -vE '^[0-9]+ passed, [0-9]+ failed$' "$out"
    counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -1)
    if [ -z "$counts" ]; then
        failed=$((failed + 1))
        printf '  FAIL  %s ended without a count (exit %d; see %s)\n' "$1" $status "$out"
        return
    fi
    passed=$((passed + ${counts%% passed*}))
    local f=${counts#*, }
    failed=$((failed + ${f%% failed*}))
    if [ $status -ne 0 ] && [ "${f%% failed*}" = 0 ]; then
        failed=$((failed + 1))
        printf '  FAIL  %s exited %d\n' "$1" $status
    fi
}

fuzz_part() {
    local p=0 f=0 line corpus
    corpus=$(mktemp -d "${TMPDIR:-/tmp}/nnfp-corpus.XXXXXX")
    if scripts/fuzz-corpus.sh "$corpus" > /dev/null && diff -r fuzz/corpus "$corpus" > /dev/null; then
        p=$((p + 1)); echo "  ok    fuzz/corpus is what scripts/fuzz-corpus.sh writes"
    else
        f=$((f + 1)); echo "  FAIL  fuzz/corpus differs from what scripts/fuzz-corpus.sh writes (make fuzz-corpus)"
    fi
    rm -rf "$corpus"
    while IFS= read -r line; do
        echo "$line"
        case $line in "  ok "*) p=$((p + 1)) ;; *FAIL*) f=$((f + 1)) ;; esac
    done < <(scripts/fuzz.sh --smoke --seconds "${FUZZ_SMOKE_SECONDS:-4}" "${targets[@]}")
    echo "$p passed, $f failed"
}

part "Fuzzing: ${FUZZ_SMOKE_SECONDS:-4} s per target after replaying seeds and past crashes" fuzz_part
if [ ${#with_table[@]} -gt 0 ]; then
    part "Bad command lines (sanitizer builds; tests/cli/*.cases)" tests/cli.sh "${with_table[@]}"
    part "Faults injected: nothing lost" scripts/faults.sh "${with_table[@]}"
    part "Same seed, same results" scripts/reproducible.sh "${with_table[@]}"
    if [ "${NNFP_VALGRIND:-1}" != 0 ]; then
        part "Valgrind memcheck: the default runs" scripts/valgrind.sh "${with_table[@]}"
    fi
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
