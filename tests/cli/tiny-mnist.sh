#!/usr/bin/env bash
# Writes a tiny MNIST look-alike for quick runs of chapter 5's program:
#
#   tests/cli/tiny-mnist.sh DIR [N_TRAIN] [N_TEST]   (default 1000 and 200)
#
# DIR/{train,t10k}-{images-idx3,labels-idx1}-ubyte, 28 x 28 images whose
# label d is drawn as a bar in column 4 + 2d over deterministic noise, so a
# network learns it in an epoch or two. Same arguments, same bytes.
set -euo pipefail
dir=$1 n_train=${2:-1000} n_test=${3:-200}
mkdir -p "$dir"
write() { # write PREFIX COUNT SEED
    LC_ALL=C awk -v count="$2" -v seed="$3" -v images="$dir/$1-images-idx3-ubyte" \
        -v labels="$dir/$1-labels-idx1-ubyte" '
    function u32(file, v) { printf "%c%c%c%c", int(v / 16777216) % 256, int(v / 65536) % 256,
                            int(v / 256) % 256, v % 256 > file }
    BEGIN {
        state = seed
        u32(images, 2051); u32(images, count); u32(images, 28); u32(images, 28)
        u32(labels, 2049); u32(labels, count)
        for (i = 0; i < count; i++) {
            label = i % 10
            printf "%c", label > labels
            for (p = 0; p < 784; p++) {
                state = (state * 1103515245 + 12345) % 2147483648
                ink = int(state / 65536) % 64
                column = p % 28
                if (column == 4 + 2 * label || column == 5 + 2 * label) ink = 200 + ink
                printf "%c", ink > images
            }
        }
    }'
}
write train "$n_train" 1
write t10k "$n_test" 2
