#!/usr/bin/env bash
# make bench: chapter 5's MNIST trainer against scikit-learn's MLPClassifier.
#
# Both train a 784-300-100-10 ReLU network by SGD with (plain, not Nesterov)
# momentum 0.9, learning rate 0.05, batches of 128, no weight decay, on the
# same 55,000 training images, for
# BENCH_EPOCHS epochs (default 15). After every epoch each measures its test
# accuracy outside the timing. Printed: seconds per epoch, images per second,
# seconds of training until the test accuracy first reaches 98.0%, and peak
# resident memory (getrusage ru_maxrss), with the ratios ours/peer.
#
# The peer is Debian's python3-sklearn with libopenblas0-pthread (so numpy
# multiplies with OpenBLAS on every core, not the slow reference BLAS). They
# are installed with apt-get when missing and running as root; otherwise the
# command to install them is printed and only our side runs.
#
# Ours and the peer take turns, BENCH_REPEATS times (default 2), and each side
# is reported at its best run (fewest seconds per epoch), so that a burst of
# other work on the machine during one run penalises neither; ours runs with
# both OpenMP wait policies. Both use every core: run it on an otherwise idle
# machine.
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${BENCH_EPOCHS:-15}
REPEATS=${BENCH_REPEATS:-2}
DATA=${MNIST_DIR:-build/data/mnist}
# Debian's python3-sklearn lives in the system Python, which another python3
# earlier in PATH (pyenv, a virtualenv) would not see.
PYTHON=${PYTHON:-$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
say() { printf 'bench: %s\n' "$*"; }

make --no-print-directory data > /dev/null
make --no-print-directory ${CHAPTERS:+CHAPTERS="$CHAPTERS"} build/bin/05-mnist > /dev/null

# ---- the peer: install it if we may ----------------------------------------
peer_ok=1
missing=()
for package in python3-sklearn libopenblas0-pthread; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2> /dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
        say "installing ${missing[*]} for the peer"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y --no-install-recommends "${missing[@]}" > /tmp/nnfp-bench-apt.log 2>&1 ||
            { apt-get update -qq && apt-get install -y --no-install-recommends "${missing[@]}" \
                > /tmp/nnfp-bench-apt.log 2>&1; } || {
            say "apt-get failed (see /tmp/nnfp-bench-apt.log); measuring our side only"
            peer_ok=0
        }
    else
        say "the peer needs: sudo apt-get install ${missing[*]}; measuring our side only"
        peer_ok=0
    fi
fi

# ---- the two programs ------------------------------------------------------------
run_ours() {
    build/bin/05-mnist bench --epochs "$EPOCHS" --data-dir "$DATA" 2> /dev/null
}

run_peer() {
    "$PYTHON" - "$DATA" "$EPOCHS" << 'PEER'
import gzip, os, resource, sys, time
import numpy as np
from sklearn.neural_network import MLPClassifier

data_dir, epochs = sys.argv[1], int(sys.argv[2])

def idx(name):
    path = os.path.join(data_dir, name)
    if not os.path.exists(path):
        path += ".gz"
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        raw = f.read()
    n_dims = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * d:8 + 4 * d], "big") for d in range(n_dims)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * n_dims).reshape(dims)

images = idx("train-images-idx3-ubyte").reshape(60000, -1)
labels = idx("train-labels-idx1-ubyte")
x_train = images[:55000].astype(np.float32) / 255   # the same split as ours
y_train = labels[:55000]
x_test = idx("t10k-images-idx3-ubyte").reshape(10000, -1).astype(np.float32) / 255
y_test = idx("t10k-labels-idx1-ubyte")
del images

# the same algorithm as ours: plain momentum (not Nesterov's, the default) and
# no L2 penalty (alpha, 1e-4 by default)
peer = MLPClassifier(hidden_layer_sizes=(300, 100), activation="relu", solver="sgd",
                     batch_size=128, learning_rate_init=0.05, momentum=0.9,
                     nesterovs_momentum=False, alpha=0.0, random_state=1)
total, to_98 = 0.0, None
classes = np.arange(10)
for epoch in range(1, epochs + 1):
    start = time.perf_counter()
    peer.partial_fit(x_train, y_train, classes=classes)
    seconds = time.perf_counter() - start
    total += seconds
    accuracy = peer.score(x_test, y_test)
    print(f"epoch {epoch:2d}  {seconds:.3f} s  test accuracy {100 * accuracy:.2f}%"
          f"  ({peer.coefs_[0].dtype})", flush=True)
    if accuracy >= 0.98 and to_98 is None:
        to_98 = total
print(f"seconds_per_epoch {total / epochs:.3f}")
print(f"images_per_second {len(x_train) * epochs / total:.0f}")
print(f"seconds_to_98 {to_98:.2f}" if to_98 is not None else "seconds_to_98 not-reached")
print(f"peak_memory_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
PEER
}

value() { printf '%s\n' "$1" | awk -v key="$2" '$1 == key { print $2 }'; }
faster() { # faster RUN BEST: is RUN's seconds per epoch below BEST's (or BEST empty)?
    [ -z "$2" ] || awk -v a="$(value "$1" seconds_per_epoch)" \
        -v b="$(value "$2" seconds_per_epoch)" 'BEGIN { exit !(a < b) }'
}

# ---- the runs -------------------------------------------------------------------
ours="" peer=""
for repeat in $(seq "$REPEATS"); do
    # OpenMP's waiting threads spin by default (fastest on an idle machine) or
    # sleep with OMP_WAIT_POLICY=passive (far better when other work competes
    # for the cores): ours runs both ways.
    for policy in active passive; do
        run=$(OMP_WAIT_POLICY=$policy run_ours) || { say "build/bin/05-mnist bench failed"; exit 1; }
        say "run $repeat, ours (OMP_WAIT_POLICY=$policy): $(value "$run" seconds_per_epoch) s per epoch"
        if faster "$run" "$ours"; then ours=$run; fi
    done
    if [ $peer_ok = 1 ]; then
        if run=$(run_peer); then
            say "run $repeat, peer: $(value "$run" seconds_per_epoch) s per epoch"
            if faster "$run" "$peer"; then peer=$run; fi
        else
            say "the peer failed"
            peer_ok=0
        fi
    fi
done
echo
echo "the best run of each (ours: build/bin/05-mnist bench; peer: scikit-learn MLPClassifier):"
printf '%s\n' "$ours" | grep '^epoch' | sed 's/^/  ours  /'
printf '%s\n' "$peer" | grep '^epoch' | sed 's/^/  peer  /' || true

# ---- the table ------------------------------------------------------------------
ratio() {
    if [ -z "$1" ] || [ -z "$2" ] || [[ "$1$2" == *not-reached* ]]; then echo "-"
    else awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; fi
}
echo
printf '%-28s %12s %12s %12s\n' "" "ours" "peer" "ours/peer"
for key in seconds_per_epoch images_per_second seconds_to_98 peak_memory_mb; do
    mine=$(value "$ours" $key)
    theirs=$(value "$peer" $key)
    printf '%-28s %12s %12s %12s\n' "$key" "$mine" "${theirs:--}" "$(ratio "$mine" "$theirs")"
done
echo
echo "(seconds and memory: lower is better; images per second: higher is better."
echo " $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end.)"
