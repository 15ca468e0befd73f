#!/usr/bin/env bash
# Every chapter program's default runs under valgrind memcheck: no invalid
# read or write, no use of uninitialised memory, no leak of any kind
# (definite, indirect or possible), and the exit status the run has without
# valgrind. The runs are the "valgrind | ARGUMENTS" lines of
# tests/cli/NN-slug.cases ($SCRATCH: an empty directory of the run's own).
#
#   scripts/valgrind.sh [NN-slug...]    (default: every chapter with a table)
#
# Runs build/bin/valgrind/NN-slug (make valgrind builds them: the plain
# build, -O2 -g, but without a chapter's -march=native, whose AVX-512
# instructions valgrind cannot run). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
chapters=("$@")
if [ ${#chapters[@]} -eq 0 ]; then
    for table in tests/cli/*.cases; do chapters+=("$(basename "$table" .cases)"); done
fi
if ! command -v valgrind > /dev/null; then
    echo "valgrind: not installed (scripts/setup.sh installs it)"
    echo "0 passed, 1 failed"
    exit 1
fi
mkdir -p build/test-logs
work=$(mktemp -d "${TMPDIR:-/tmp}/nnfp-valgrind.XXXXXX")
trap 'rm -rf "$work"' EXIT
source tests/cli/fixtures.sh
make_fixtures "$work/fixtures"
# One thread: valgrind runs threads one at a time anyway, and libgomp's
# thread pool outlives main (its stacks would count as possibly lost).
export OMP_NUM_THREADS=1
passed=0
failed=0
for chapter in "${chapters[@]}"; do
    program=build/bin/valgrind/$chapter
    [ -x "$program" ] || { printf '  FAIL  %s: %s is not built\n' "$chapter" "$program"; failed=$((failed + 1)); continue; }
    n=0
    while IFS= read -r line; do
        arguments=${line#*|}
        n=$((n + 1))
        export SCRATCH=$work/$chapter-$n
        mkdir -p "$SCRATCH"
        eval "words=($arguments)"
        log=build/test-logs/valgrind-$chapter-$n.log
        start=$SECONDS
        valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect,possible \
            --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
            --suppressions=tests/cli/valgrind.supp --log-file="$log" \
            "$program" "${words[@]}" > "$SCRATCH/.stdout" 2> "$SCRATCH/.stderr" < /dev/null
        status=$?
        errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -1)
        leaked=$(sed -n 's/.*\(definitely lost: .*\)/\1/p' "$log" | tail -1)
        label="$chapter $(echo $arguments)"
        if [ "$status" = 0 ] && [ "${errors:-x}" = 0 ]; then
            passed=$((passed + 1))
            printf '  ok    valgrind %s: no error, no leak (%d s)\n' "$label" $((SECONDS - start))
        else
            failed=$((failed + 1))
            printf '  FAIL  valgrind %s: exit %s, %s errors%s (see %s)\n' "$label" "$status" \
                "${errors:-?}" "${leaked:+, $leaked}" "$log"
            grep -E 'Invalid|uninitialised|lost in|at 0x|by 0x' "$log" | head -12 | sed 's/^/          /'
            tail -3 "$SCRATCH/.stderr" | sed 's/^/          stderr: /'
        fi
    done < <(grep -E '^[[:space:]]*valgrind[[:space:]]*\|' "tests/cli/$chapter.cases")
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
