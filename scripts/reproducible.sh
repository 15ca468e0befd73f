#!/usr/bin/env bash
# Same seed, same results: each "same | ARGUMENTS" line of
# tests/cli/NN-slug.cases is run three times, twice with two OpenMP threads
# and once with one, each time into the same empty $SCRATCH directory; the
# standard output and every file written there must be identical, bit for
# bit, across the three runs. (Standard error is not compared: it holds
# timings.)
#
#   scripts/reproducible.sh [NN-slug...]   (default: every chapter with a table)
#
# Runs the plain builds (build/bin/NN-slug); ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
chapters=("$@")
if [ ${#chapters[@]} -eq 0 ]; then
    for table in tests/cli/*.cases; do chapters+=("$(basename "$table" .cases)"); done
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/nnfp-same.XXXXXX")
trap 'rm -rf "$work"' EXIT
source tests/cli/fixtures.sh
make_fixtures "$work/fixtures"
passed=0
failed=0
for chapter in "${chapters[@]}"; do
    program=build/bin/$chapter
    [ -x "$program" ] || { printf '  FAIL  %s: %s is not built\n' "$chapter" "$program"; failed=$((failed + 1)); continue; }
    while IFS= read -r line; do
        arguments=${line#*|}
        export SCRATCH=$work/scratch
        label="$chapter $(echo $arguments)"
        problem=
        for run in 1 2 3; do
            threads=2
            [ $run = 3 ] && threads=1
            rm -rf "$SCRATCH"
            mkdir -p "$SCRATCH"
            eval "words=($arguments)"
            OMP_NUM_THREADS=$threads "$program" "${words[@]}" > "$work/stdout" 2> "$work/stderr-$run" < /dev/null
            status=$?
            if [ $status -ne 0 ]; then
                problem="run $run ($threads threads) exited $status: $(head -1 "$work/stderr-$run")"
                break
            fi
            mv "$work/stdout" "$SCRATCH/.stdout"
            rm -rf "$work/run-$run"
            mv "$SCRATCH" "$work/run-$run"
            if [ $run -gt 1 ] && ! difference=$(diff -r "$work/run-1" "$work/run-$run" 2>&1); then
                problem="run $run ($threads thread$([ $threads = 1 ] || echo s)) differs from run 1: $(head -3 <<< "$difference" | tr '\n' ' ' | cut -c1-300)"
                break
            fi
        done
        if [ -z "$problem" ]; then
            passed=$((passed + 1))
            files=$(find "$work/run-1" -type f | wc -l)
            printf '  ok    same output %s: 3 runs (2, 2, 1 threads) bit-identical, %d files\n' "$label" "$files"
        else
            failed=$((failed + 1))
            printf '  FAIL  same output %s: %s\n' "$label" "$problem"
        fi
        rm -rf "$work"/run-*
    done < <(grep -E '^[[:space:]]*same[[:space:]]*\|' "tests/cli/$chapter.cases")
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
