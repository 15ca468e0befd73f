# Files the robustness tests feed the programs (sourced by tests/cli.sh,
# scripts/faults.sh, scripts/reproducible.sh and scripts/valgrind.sh).
#
#   make_fixtures DIR   makes DIR and exports FIXTURES=DIR, TINY_MNIST
#                       (DIR/tiny-mnist, see tests/cli/tiny-mnist.sh) and
#                       CORPUS (the fuzz seeds, fuzz/corpus)
make_fixtures() {
    export FIXTURES=$1 TINY_MNIST=$1/tiny-mnist CORPUS=$PWD/fuzz/corpus
    mkdir -p "$FIXTURES"
    : > "$FIXTURES/empty"
    mkdir "$FIXTURES/directory"
    printf 'not a directory\n' > "$FIXTURES/file"        # $FIXTURES/file/x: ENOTDIR
    head -c 4096 /dev/zero | tr '\0' '\377' > "$FIXTURES/binary"
    # Unreadable: a file without read permission, or for root (who reads it
    # anyway) a directory, which no one can read as a file.
    if [ "$(id -u)" = 0 ]; then
        mkdir "$FIXTURES/unreadable"
    else
        printf '[]\n' > "$FIXTURES/unreadable"
        chmod 000 "$FIXTURES/unreadable"
    fi
    # The iris data, wrong in small ways.
    printf '[[5.1,3.5,1.4,0.2,"setosa"]]\n' > "$FIXTURES/iris-one-flower.json"
    printf '[[5.1,3.5,1.4,0.2,"setosa"],[4.9,3.0,1.4,0.2,"setosa"],[4.7,3.2,1.3,0.2,"setosa"]]\n' \
        > "$FIXTURES/iris-setosa-only.json"
    printf '[[5.1,3.5,1.4,0.2,"setosa"],[7.0,3.2,4.7,1.4,"versicolor"],[6.3,3.3,6.0,2.5,"virgin' \
        > "$FIXTURES/iris-truncated.json"
    printf '[[5.1,3.5,1.4,0.2,"setosa"],[7.0,3.2,4.7,1.4,"rose"]]\n' > "$FIXTURES/iris-rose.json"
    head -c 2000000 /dev/zero | tr '\0' ' ' > "$FIXTURES/iris-huge.json"
    # Chapter 5: a tiny data set, and the same with its files damaged.
    tests/cli/tiny-mnist.sh "$TINY_MNIST" 1000 200
    mkdir -p "$FIXTURES/mnist-truncated" "$FIXTURES/mnist-gzip"
    cp "$TINY_MNIST"/* "$FIXTURES/mnist-truncated/"
    head -c 5000 "$TINY_MNIST/t10k-images-idx3-ubyte" > "$FIXTURES/mnist-truncated/t10k-images-idx3-ubyte"
    for f in "$TINY_MNIST"/*; do gzip -c -n "$f" > "$FIXTURES/mnist-gzip/$(basename "$f").gz"; done
    local broken
    for broken in swapped few-labels bad-label empty huge-count other-size; do
        mkdir -p "$FIXTURES/mnist-$broken"
        cp "$TINY_MNIST"/* "$FIXTURES/mnist-$broken/"
    done
    cp "$TINY_MNIST/t10k-labels-idx1-ubyte" "$FIXTURES/mnist-swapped/t10k-images-idx3-ubyte"
    cp "$TINY_MNIST/t10k-images-idx3-ubyte" "$FIXTURES/mnist-swapped/t10k-labels-idx1-ubyte"
    printf '\0\0\10\1\0\0\0\5\0\1\2\3\4' > "$FIXTURES/mnist-few-labels/t10k-labels-idx1-ubyte"
    printf '\12' | dd of="$FIXTURES/mnist-bad-label/t10k-labels-idx1-ubyte" bs=1 seek=20 conv=notrunc 2> /dev/null
    : > "$FIXTURES/mnist-empty/t10k-images-idx3-ubyte"
    { printf '\0\0\10\3\0\0\0\310\0\0\0\24\0\0\0\24'; head -c 80000 /dev/zero; } \
        > "$FIXTURES/mnist-other-size/t10k-images-idx3-ubyte"  # 200 test images of 20 x 20
    cp fuzz/corpus/05-idx/labels-huge-count "$FIXTURES/mnist-huge-count/t10k-labels-idx1-ubyte"
    tests/cli/tiny-mnist.sh "$FIXTURES/mnist-five" 5 5
    # A model trained on the tiny set, for the commands that read one.
    if [ -x build/bin/05-mnist ]; then
        build/bin/05-mnist train --data-dir "$TINY_MNIST" --epochs 1 --save "$FIXTURES/m.model" \
            > /dev/null 2>&1 || echo "fixtures: cannot train $FIXTURES/m.model" >&2
    fi
}
