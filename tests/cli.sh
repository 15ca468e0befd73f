#!/usr/bin/env bash
# Bad command lines, table-driven: tests/cli/NN-slug.cases holds one case a
# line for chapter NN-slug's program, run in its sanitizer build
# build/bin/asan/NN-slug (make robust-build builds them).
#
#   tests/cli.sh [NN-slug...]     (default: every chapter with a table)
#
# A case line is four fields separated by "|" (the regex may hold "|" too,
# the arguments may not):
#
#   EXIT | STDERR | STDOUT | ARGUMENTS
#   2    | unknown option '--bogus' | - | --bogus
#
# EXIT is the exit status the program must give. STDERR is an extended regex
# that its standard error must match; when EXIT is not 0, standard error
# must be exactly one line "NN-slug: ..." (a message, not a usage text or a
# sanitizer report); "^$" means nothing at all. STDOUT is where standard output goes: "-" a file that
# is then ignored, or a path such as /dev/full (a full disk). ARGUMENTS are
# shell words, with $FIXTURES (bad files, see tests/cli/fixtures.sh), $TINY_MNIST
# (a small data set for chapter 5), $CORPUS (fuzz/corpus) and $SCRATCH (an
# empty directory of the case's own) available.
# Every case also fails if the program crashes (a signal), hangs (more than
# CLI_TIMEOUT seconds, default 60) or prints a sanitizer report.
# A line "progress | REGEX" names the progress lines a program prints on
# stderr (chapter 5's epochs): they are left out before the one-line rule.
# Lines starting with "#" and blank lines are skipped; so are the other lines
# whose first field is a word (valgrind, same, faults: read by other scripts).
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
timeout_seconds=${CLI_TIMEOUT:-60}

chapters=("$@")
if [ ${#chapters[@]} -eq 0 ]; then
    for table in tests/cli/*.cases; do chapters+=("$(basename "$table" .cases)"); done
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nnfp-cli.XXXXXX")
trap 'chmod -R u+rwx "$work" 2> /dev/null; rm -rf "$work"' EXIT
source tests/cli/fixtures.sh
make_fixtures "$work/fixtures"

# ---- the cases -----------------------------------------------------------------
passed=0
failed=0
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; printf '%s' "${s%"${s##*[![:space:]]}"}"; }

for chapter in "${chapters[@]}"; do
    table=tests/cli/$chapter.cases
    program=build/bin/asan/$chapter
    [ -f "$table" ] || { echo "cli: no table $table"; failed=$((failed + 1)); continue; }
    [ -x "$program" ] || { echo "cli: $program is not built (make robust-build)"; failed=$((failed + 1)); continue; }
    progress=$(sed -n 's/^[[:space:]]*progress[[:space:]]*|[[:space:]]*//p' "$table" | head -1)
    chapter_passed=0
    chapter_failed=0
    line_number=0
    while IFS= read -r line || [ -n "$line" ]; do
        line_number=$((line_number + 1))
        [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
        [[ $line =~ ^[[:space:]]*[0-9] ]] || continue
        # Split at the first "|" and the last two: the regex may hold "|".
        f_exit=${line%%|*} rest=${line#*|}
        f_args=${rest##*|} rest=${rest%|*}
        f_stdout=${rest##*|} f_stderr=${rest%|*}
        expected=$(trim "$f_exit") pattern=$(trim "$f_stderr")
        stdout_to=$(trim "$f_stdout") arguments=$(trim "${f_args:-}")
        export SCRATCH=$work/case-$chapter-$line_number
        mkdir -p "$SCRATCH"
        eval "words=($arguments)"
        [ "$stdout_to" = - ] && stdout_to=$SCRATCH/.stdout
        timeout -k 5 "$timeout_seconds" "$program" "${words[@]}" > "$stdout_to" 2> "$SCRATCH/.stderr" < /dev/null
        status=$?
        if [ -n "$progress" ]; then
            grep -vE -- "$progress" "$SCRATCH/.stderr" > "$SCRATCH/.messages"
        else
            cp "$SCRATCH/.stderr" "$SCRATCH/.messages"
        fi
        stderr=$(cat "$SCRATCH/.messages")
        lines=$(grep -c '' "$SCRATCH/.messages")
        problem=
        if [ $status -eq 124 ] || [ $status -eq 137 ]; then
            problem="hung (killed after ${timeout_seconds} s)"
        elif [ $status -ge 128 ]; then
            problem="crashed (exit $status, signal $((status - 128)))"
        elif grep -qE 'Sanitizer|runtime error:|^==[0-9]+==' "$SCRATCH/.stderr"; then
            problem="printed a sanitizer report"
        elif [ "$status" != "$expected" ]; then
            problem="exit $status, expected $expected"
        elif ! grep -qE -- "$pattern" <<< "$stderr"; then
            problem="stderr does not match /$pattern/"
        elif [ "$pattern" = '^$' ] && [ "$lines" != 0 ]; then
            problem="printed on stderr"
        elif [ "$expected" != 0 ] && [ "$lines" != 1 ]; then
            problem="$lines lines on stderr, expected one"
        elif [ "$expected" != 0 ] && [[ $stderr != "$chapter: "* ]]; then
            problem="stderr does not start with '$chapter: '"
        fi
        if [ -z "$problem" ]; then
            chapter_passed=$((chapter_passed + 1))
        else
            chapter_failed=$((chapter_failed + 1))
            printf '  FAIL  %s:%d: %s %s: %s\n' "$table" "$line_number" "$chapter" "$arguments" "$problem"
            head -c 1500 "$SCRATCH/.stderr" | sed 's/^/          | /'
        fi
    done < "$table"
    printf '  %s  %s: %d bad command lines, %d answered as the table says\n' \
        "$([ $chapter_failed -eq 0 ] && echo 'ok  ' || echo FAIL)" "$chapter" \
        $((chapter_passed + chapter_failed)) $chapter_passed
    passed=$((passed + chapter_passed))
    failed=$((failed + chapter_failed))
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
