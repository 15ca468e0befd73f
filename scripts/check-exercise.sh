#!/usr/bin/env bash
# Grades one exercise:  make check EX=1.2  [FILE=path/to/a/students/1.2-xnor.c]
#
# Compiles the exercise file (the stub in chapters/NN-slug/exercises/, or
# FILE) with the chapter's library and the exercise's Criterion test, runs
# it, and says plainly whether it passes.
set -uo pipefail
cd "$(dirname "$0")/.."
EX=${1:-}
FILE=${FILE:-}

available() {
    echo "The exercises with a graded file are:" >&2
    for stub in chapters/*/exercises/*.c; do
        [ -f "$stub" ] && printf '  make check EX=%s\n' "$(basename "$stub" .c | cut -d- -f1)" >&2
    done
}

if [ -z "$EX" ]; then
    echo "check: which exercise? Use make check EX=N.M" >&2
    available
    exit 2
fi
stubs=(chapters/*/exercises/"$EX"-*.c)
if [ ! -f "${stubs[0]}" ]; then
    echo "check: there is no coding exercise $EX" >&2
    available
    exit 2
fi
stub=${stubs[0]}
name=$(basename "$stub" .c)
chapter=$(echo "$stub" | cut -d/ -f2)
file=${FILE:-$stub}
if [ ! -r "$file" ]; then
    echo "check: cannot read $file" >&2
    exit 2
fi

# The chapter library, built by make from the chapter's markdown.
if ! make --no-print-directory -s "build/bin/$chapter" > build/check.log 2>&1; then
    cat build/check.log >&2
    echo "check: chapter $chapter does not build (see above)" >&2
    exit 1
fi
library=$(make --no-print-directory -s "print-$chapter"_LIB | sed 's#build/\([^ ]*\)\.c#build/obj/\1.o#g')

binary=build/ex/$name-check
mkdir -p build/ex
echo "Exercise $EX: compiling $file"
if ! ${CC:-cc} -std=c17 -Wall -Wextra -Wpedantic -Werror -Wno-unused-parameter \
    -D_POSIX_C_SOURCE=200809L -fopenmp -O1 -g -I"build/$chapter" -o "$binary" \
    "$file" "tests/exercises/$name.c" $library -lcriterion -lm -lz; then
    echo
    echo "Exercise $EX does not compile yet: the compiler's messages above point at $file."
    exit 1
fi
if "$binary" --jobs 1 --short-filename 2>&1; then
    echo
    echo "Exercise $EX passes. Well done."
else
    echo
    echo "Exercise $EX is not solved yet: the messages above say which case fails and why."
    echo "Edit $file and run 'make check EX=$EX' again."
    exit 1
fi
