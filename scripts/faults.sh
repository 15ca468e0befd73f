#!/usr/bin/env bash
# Faults injected into the programs while they write files: nothing is lost.
#
#   scripts/faults.sh [NN-slug...]   (default: every chapter with a table)
#
# 1. Failed writes. Each "faults | ARGUMENTS" line of tests/cli/NN-slug.cases
#    is a run that writes files into $SCRATCH. It is run once as it is (the
#    reference), then again into the same directory with one fault injected:
#    a file-size limit of zero (every write fails with EFBIG, as on a full
#    disk; root is not exempt) or one failing call of fopen, fdopen,
#    mkstemp, fsync, fclose or rename, the first or the second
#    (tests/cli/inject.c, through LD_PRELOAD). Whatever the fault, the
#    directory must afterwards hold exactly the reference files, byte for
#    byte: no half-written file, no temporary left behind, no file missing.
#    A run that failed must say so in one line "NN-slug: ..." and exit with
#    a status from 1 to 127; a run that exits 0 was not touched by the fault.
# 2. Chapter 5: a run that diverges stops in the epoch it diverged, with a
#    hint, and saves nothing; Ctrl-C (SIGINT) during training writes the
#    last good checkpoint and exits; resuming from it continues.
#
# Runs the plain builds (build/bin/NN-slug) and build/lib/nnfp-inject.so.
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
chapters=("$@")
if [ ${#chapters[@]} -eq 0 ]; then
    for table in tests/cli/*.cases; do chapters+=("$(basename "$table" .cases)"); done
fi
inject=$PWD/build/lib/nnfp-inject.so
work=$(mktemp -d "${TMPDIR:-/tmp}/nnfp-faults.XXXXXX")
trap 'rm -rf "$work"' EXIT
source tests/cli/fixtures.sh
make_fixtures "$work/fixtures"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
passed=0
failed=0
injected=0
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
not_ok() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$1"; }

# The one-line message rule: prints nothing if stderr is right, else why not.
check_message() { # check_message CHAPTER STDERR_FILE STATUS
    local lines
    lines=$(grep -c '' "$2")
    if [ "$3" -ge 128 ]; then echo "crashed (exit $3)"
    elif [ "$lines" != 1 ]; then echo "$lines lines on stderr, expected one: $(head -c 300 "$2" | tr '\n' '~')"
    elif ! grep -q "^$1: " "$2"; then echo "stderr does not start with '$1: ': $(head -c 200 "$2")"
    fi
}

# ---- 1. failed writes ------------------------------------------------------------
faults=(fsize fopen:1 fopen:2 fdopen:1 mkstemp:1 fsync:1 fsync:2 fclose:1 fclose:2 fclose:3
        rename:1 rename:2)
for chapter in "${chapters[@]}"; do
    program=$PWD/build/bin/$chapter
    [ -f "tests/cli/$chapter.cases" ] || continue
    while IFS= read -r line; do
        arguments=${line#*|}
        label="$chapter $(echo $arguments)"
        if [ ! -x "$program" ] || [ ! -f "$inject" ]; then
            not_ok "faults $label: $program or $inject is not built"
            continue
        fi
        export SCRATCH=$work/scratch
        rm -rf "$SCRATCH" "$work/reference"
        mkdir -p "$SCRATCH"
        eval "words=($arguments)"
        if ! "$program" "${words[@]}" > /dev/null 2> "$work/stderr" < /dev/null; then
            not_ok "faults $label: the run without a fault fails: $(head -1 "$work/stderr")"
            continue
        fi
        cp -a "$SCRATCH" "$work/reference"
        problems=() reached=() missed=()
        for fault in "${faults[@]}"; do
            injected=$((injected + 1))
            if [ "$fault" = fsize ]; then
                # An ignored SIGXFSZ stays ignored in the program: writes fail with EFBIG.
                # The limit would stop stderr going to a file too: it goes through a pipe.
                (trap '' XFSZ; ulimit -f 0; exec "$program" "${words[@]}" 2>&1 > /dev/null < /dev/null) \
                    | cat > "$work/stderr"
                status=${PIPESTATUS[0]}
            else
                NNFP_FAIL=$fault LD_PRELOAD=$inject "$program" "${words[@]}" \
                    > /dev/null 2> "$work/stderr" < /dev/null
                status=$?
            fi
            problem=
            if [ $status -ne 0 ]; then
                reached+=("$fault")
                problem=$(check_message "$chapter" "$work/stderr" $status)
            else
                missed+=("$fault")
            fi
            if [ -z "$problem" ] && ! difference=$(diff -r "$work/reference" "$SCRATCH" 2>&1); then
                problem="files differ from the run without a fault: $(head -2 <<< "$difference" | tr '\n' ' ' | cut -c1-250)"
            fi
            [ -n "$problem" ] && problems+=("$fault (exit $status): $problem")
            # Start the next fault from the reference files again.
            rm -rf "$SCRATCH"
            cp -a "$work/reference" "$SCRATCH"
        done
        if [ ${#problems[@]} -eq 0 ]; then
            ok "faults $label: ${#faults[@]} faults, ${#reached[@]} reported (${reached[*]}), files intact after each"
        else
            not_ok "faults $label: ${#problems[@]} of ${#faults[@]} faults lost or damaged work"
            printf '          %s\n' "${problems[@]}"
        fi
    done < <(grep -E '^[[:space:]]*faults[[:space:]]*\|' "tests/cli/$chapter.cases")
done

# ---- 2. chapter 5: divergence, Ctrl-C, resume -----------------------------------
if [[ " ${chapters[*]} " == *" 05-mnist "* ]]; then
    program=build/bin/05-mnist
    data=(--data-dir "$TINY_MNIST")
    model=$work/mnist.model
    # Divergence: a huge learning rate; the model saved before must stay as it was.
    "$program" train "${data[@]}" --epochs 1 --save "$model" > /dev/null 2>&1
    cp "$model" "$work/before.model" 2> /dev/null
    "$program" train "${data[@]}" --epochs 3 --learning-rate 1e6 --save "$model" \
        > /dev/null 2> "$work/stderr" < /dev/null
    status=$?
    injected=$((injected + 1))
    message=$(grep -v '^epoch ' "$work/stderr")
    problem=$(grep -v '^epoch ' "$work/stderr" > "$work/message"; check_message 05-mnist "$work/message" $status)
    if [ ! -f "$work/before.model" ]; then
        not_ok "divergence: the first run saved no model to start from"
    elif [ $status -eq 0 ]; then
        not_ok "divergence: --learning-rate 1e6 exits 0"
    elif [ -n "$problem" ]; then
        not_ok "divergence: $problem"
    elif ! grep -qiE 'diverged' <<< "$message" || ! grep -qE 'epoch [0-9]+' <<< "$message" \
        || ! grep -qiE 'learning rate' <<< "$message"; then
        not_ok "divergence: the message lacks 'diverged', the epoch or the learning-rate hint: $message"
    elif ! cmp -s "$model" "$work/before.model"; then
        not_ok "divergence: the model file changed"
    else
        ok "divergence stops at once, says where (${message#05-mnist: }), saves nothing"
    fi

    # Ctrl-C: train for long, interrupt after the second epoch, expect a checkpoint.
    checkpoint=$work/interrupted.model
    rm -f "$checkpoint"
    # A background job of a script starts with SIGINT ignored; a terminal's
    # Ctrl-C reaches a program with SIGINT at its default: restore that.
    env --default-signal=INT "$program" train "${data[@]}" --epochs 1000 --patience 0 \
        --save "$checkpoint" > "$work/stdout" 2> "$work/stderr" < /dev/null &
    pid=$!
    for _ in $(seq 600); do
        [ "$(grep -c '^epoch ' "$work/stderr")" -ge 2 ] && break
        kill -0 $pid 2> /dev/null || break
        sleep 0.1
    done
    epochs_before=$(grep -c '^epoch ' "$work/stderr")
    kill -INT $pid 2> /dev/null
    for _ in $(seq 100); do kill -0 $pid 2> /dev/null || break; sleep 0.1; done
    if kill -0 $pid 2> /dev/null; then
        kill -KILL $pid
        wait $pid 2> /dev/null
        status=hung
    else
        wait $pid
        status=$?
    fi
    injected=$((injected + 1))
    last=$(grep -v '^epoch ' "$work/stderr" | tail -1)
    if [ "$status" = hung ]; then
        not_ok "Ctrl-C: training went on for 10 s after SIGINT"
    elif [ "$status" = 0 ] || [ "$status" = 130 ] && [ ! -f "$checkpoint" ]; then
        not_ok "Ctrl-C: exit $status and no checkpoint at $checkpoint"
    elif [ "$status" = $((128 + 2)) ] && ! grep -qi 'interrupt' "$work/stderr"; then
        not_ok "Ctrl-C: killed by SIGINT (exit 130) without a word: the signal is not handled"
    elif [ ! -f "$checkpoint" ]; then
        not_ok "Ctrl-C: exit $status, no checkpoint written (stderr: $last)"
    elif ! "$program" evaluate "${data[@]}" --model "$checkpoint" > /dev/null 2> "$work/eval"; then
        not_ok "Ctrl-C: the checkpoint does not load: $(head -1 "$work/eval")"
    elif ! grep -qi 'interrupt' <<< "$last"; then
        not_ok "Ctrl-C: exit $status, checkpoint written, but stderr does not say it was interrupted: $last"
    else
        ok "Ctrl-C after $epochs_before epochs: exit $status, '$last', the checkpoint loads"
        # Resume: from the checkpoint, training continues after the interrupted epoch.
        "$program" train "${data[@]}" --resume "$checkpoint" --epochs $((epochs_before + 3)) --patience 0 \
            --save "$work/resumed.model" > "$work/stdout" 2> "$work/stderr" < /dev/null
        status=$?
        first=$(grep -m1 '^epoch ' "$work/stderr")
        if [ $status -ne 0 ]; then
            not_ok "resume: exit $status: $(grep -v '^epoch ' "$work/stderr" | head -1)"
        elif [[ $first == "epoch  1/"* ]] || [[ $first == "epoch 1/"* ]]; then
            not_ok "resume: counts epochs from 1 again ('$first'), not from where it stopped (epoch $epochs_before)"
        else
            ok "resume continues: '$first'"
        fi
    fi
fi

printf '  %d faults injected\n' "$injected"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
