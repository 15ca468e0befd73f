#!/usr/bin/env bash
# Runs every test of the book (make test builds everything first):
#   the tangler's and every chapter's Criterion tests, plain and under
#   AddressSanitizer + UndefinedBehaviorSanitizer; every exercise stub must
#   fail its test and every reference solution pass it; the output quoted in
#   the chapters must be what the programs print; both editions of the book
#   must build. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

passed=0
failed=0
failures=()
log=build/test-logs
mkdir -p $log

pass() { passed=$((passed + ${2:-1})); printf '  ok    %s\n' "$1"; }
fail() { failed=$((failed + ${2:-1})); failures+=("$1"); printf '  FAIL  %s\n' "$1"; }

# A Criterion binary: count its tests from the "Synthesis" line.
criterion() { # criterion NAME BINARY
    local out="$log/$(echo "$1" | tr '/ ' '__').log"
    "$2" --jobs 2 > "$out" 2>&1
    local status=$?
    local line tested passing
    line=$(grep 'Synthesis:' "$out" | tail -1)
    tested=$(sed -n 's/.*Tested: \([0-9]*\).*/\1/p' <<< "$line")
    passing=$(sed -n 's/.*Passing: \([0-9]*\).*/\1/p' <<< "$line")
    if [ -z "$tested" ]; then
        fail "$1 (no test summary; see $out)"
        tail -20 "$out"
    elif [ $status -ne 0 ] || [ "$tested" != "$passing" ]; then
        passed=$((passed + passing))
        fail "$1: $((tested - passing)) of $tested tests failed" $((tested - passing))
        grep -E '\[FAIL\]|\[----\]|ERROR|runtime error' "$out" | head -30
    else
        pass "$1: $tested tests" "$tested"
    fi
}

# The test binaries are the arguments (make test passes them); by default
# every one that has been built.
binaries=("$@")
if [ ${#binaries[@]} -eq 0 ]; then
    binaries=(build/tests/* build/tests/asan/*)
fi
echo "Criterion tests (those under asan/: built with AddressSanitizer and UndefinedBehaviorSanitizer)"
for binary in "${binaries[@]}"; do
    [ -f "$binary" ] && [ -x "$binary" ] && criterion "${binary#build/tests/}" "$binary"
done

echo "Exercises: every stub fails, every reference solution passes"
if [ -z "${EXERCISES+set}" ]; then
    EXERCISES=$(for stub in build/ex/*-stub; do basename "$stub" -stub; done)
fi
for name in $EXERCISES; do
    stub=build/ex/$name-stub
    if "$stub" > "$log/ex-$name-stub.log" 2>&1; then
        fail "exercise $name: the stub passes its test as shipped"
    else
        pass "exercise $name: the stub fails as shipped"
    fi
    if "build/ex/$name-solution" > "$log/ex-$name-solution.log" 2>&1; then
        pass "exercise $name: the reference solution passes"
    else
        fail "exercise $name: the reference solution fails (see $log/ex-$name-solution.log)"
        grep -E '\[FAIL\]|\[----\]' "$log/ex-$name-solution.log" | head -10
    fi
done

echo "Program output quoted in the chapters"
if make --no-print-directory -s check-outputs > "$log/check-outputs.log" 2>&1; then
    pass "every {.run} block matches its program"
else
    fail "quoted output differs (see $log/check-outputs.log)"
    tail -20 "$log/check-outputs.log"
fi

echo "Bibliography"
duplicates=$(cat book/references.bib chapters/*/references.bib 2> /dev/null |
    sed -n 's/^@[A-Za-z]*{\([^,]*\),.*/\1/p' | sort | uniq -d)
if [ -z "$duplicates" ]; then
    pass "every citation key is defined once"
else
    fail "citation keys defined twice: $(echo $duplicates) (a work cited by several chapters belongs in book/references.bib)"
fi

echo "The book"
for edition in student instructor; do
    pdf=build/book.pdf
    [ $edition = instructor ] && pdf=build/book-instructor.pdf
    if make --no-print-directory -s book EDITION=$edition > "$log/book-$edition.log" 2>&1; then
        pages=$(pdfinfo "$pdf" 2> /dev/null | awk '/^Pages/ {print $2}')
        solutions=$(pdftotext "$pdf" - 2> /dev/null | grep -c '^Solution\.' || true)
        if [ $edition = student ] && [ "$solutions" -ne 0 ]; then
            fail "the student edition prints $solutions solutions"
        elif [ $edition = instructor ] && [ "$solutions" -eq 0 ]; then
            fail "the instructor edition prints no solutions"
        else
            pass "$pdf builds ($pages pages, $solutions solutions)"
        fi
    else
        fail "$pdf does not build (see $log/book-$edition.log)"
        tail -20 "$log/book-$edition.log"
    fi
done

# ---- robustness (issue 7): hostile input, faults and memory ----
# Fuzzing smoke runs, bad command lines, injected faults, reproducibility and
# valgrind (scripts/robust.sh says what each is); its checks count here.
robust_log=$log/robust.log
scripts/robust.sh > "$robust_log" 2>&1
robust_status=$?
grep -vE '^[0-9]+ passed, [0-9]+ failed$' "$robust_log"
robust_counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$robust_log" | tail -1)
if [ -z "$robust_counts" ]; then
    fail "robustness checks ended without a count (exit $robust_status; see $robust_log)"
else
    robust_failed=${robust_counts#*, }
    robust_failed=${robust_failed%% failed*}
    passed=$((passed + ${robust_counts%% passed*}))
    failed=$((failed + robust_failed))
    while IFS= read -r line; do failures+=("${line#  FAIL  }"); done < <(grep '^  FAIL  ' "$robust_log")
    [ "$robust_status" -ne 0 ] && [ "$robust_failed" = 0 ] && fail "scripts/robust.sh exited $robust_status"
fi

echo
if [ $failed -gt 0 ]; then
    printf 'failed:\n'
    printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
