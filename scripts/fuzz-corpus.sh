#!/usr/bin/env bash
# Writes the seed corpus of every fuzz target: fuzz/corpus/TARGET/NAME.
#
#   scripts/fuzz-corpus.sh [DIR]    (default DIR: fuzz/corpus)
#
# The seeds are small files made here, byte by byte: valid inputs and
# near-valid ones (one thing wrong each), so the fuzzers start next to every
# check a reader makes. Nothing is downloaded and no data set is copied. The
# output is the same on every run (gzip -n leaves out names and times), so
# the committed corpus can be checked against this script (make test does).
# Inputs that once crashed a target live apart, in fuzz/regressions/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-fuzz/corpus}
rm -rf "$out"
mkdir -p "$out"

# ---- helpers ------------------------------------------------------------------

# Bytes from their two-digit hexadecimal codes: hex 1f 8b 08 -> three bytes.
hex() { local h; for h in "$@"; do printf "\\x$h"; done; }
byte() { local v e; for v in "$@"; do printf -v e '\\x%02x' $((v & 255)); printf "$e"; done; }
u32be() { local v; for v in "$@"; do byte $((v >> 24)) $((v >> 16)) $((v >> 8)) "$v"; done; }
u32le() { local v; for v in "$@"; do byte "$v" $((v >> 8)) $((v >> 16)) $((v >> 24)); done; }
# The CRC-32 (zlib's) of stdin, as 4 little-endian bytes: gzip's trailer holds it.
crc32le() { gzip -c -n | tail -c 8 | head -c 4; }
# N bytes counting up from 0 (mod 256)
ramp() { local i; for ((i = 0; i < $1; i++)); do byte $i; done; }
seed() { cat > "$out/$1/$2"; }   # seed TARGET NAME < bytes

# ---- the tangler: up to three chapters, separated by NUL bytes --------------

mkdir -p "$out/tangle"
chapter_one='# One

A chunk, a file that uses it, and a chunk continued.

```c {#greeting}
puts("hello");
```

```c {file=main.c}
#include <stdio.h>

int main(void) {
    <<greeting>>
    return 0;
}
```

```c {#greeting}
puts("again");
```
'
printf '%s' "$chapter_one" | seed tangle valid-one-chapter
{
    printf '%s' "$chapter_one"
    printf '\0'
    printf '# Two\n\n```c {file=two.h}\n<<01-a/greeting>>\n<<local>>\n```\n\n```c {#local}\nint two;\n```\n'
    printf '\0'
    printf '# Three\n\n~~~~c {file=sub/three.c}\n```\n  <<02-b/local>>\n~~~~\n'
} | seed tangle valid-three-chapters
printf '# Header\n\n```c {file=a.c .numberLines #named}\nint a;\n```\n\n```python\nprint(1)\n```\n\n````c {file=b.h}\n```\n````\n' \
    | seed tangle valid-attributes
printf '# CRLF\r\n\r\n```c {file=crlf.c}\r\n<<x>>\r\n```\r\n\r\n```c {#x}\r\nint x;\r\n```\r\n' \
    | seed tangle valid-crlf
printf '```c {file=a.c}\nint a;\n' | seed tangle unterminated-fence
printf '```c {file=a.c}\n<<missing>>\n```\n' | seed tangle undefined-chunk
printf '```c {file=a.c}\nint a;\n```\n\n```c {#unused}\nint b;\n```\n' | seed tangle unused-chunk
printf '```c {file=a.c}\n<<a>>\n```\n```c {#a}\n<<b>>\n```\n```c {#b}\n<<a>>\n```\n' | seed tangle cycle
printf '```c {file=a.c}\n<<a>>\n```\n```c {#a}\n<<a>>\n```\n' | seed tangle self-reference
printf '```c {file=a.c}\n<<09-nowhere/x>>\n<<01-a/>>\n<</x>>\n```\n' | seed tangle unknown-chapter
printf '```c {file=}\nint a;\n```\n```c {#}\n```\n```c {file=../escape.c}\n```\n```c {file=/abs.c}\n```\n' \
    | seed tangle empty-and-bad-names
printf '```c {file=a.c}\n<<a\n<<>>\n  <<a>> trailing\n<<a>>\n```\n```c {#a}\n```\n' | seed tangle odd-references
{
    printf '```c {file=a.c}\n<<x1>>\n```\n'
    for i in 1 2 3 4 5 6 7; do
        j=$((i + 1))
        printf '```c {#x%d}\n<<x%d>>\n<<x%d>>\n```\n' $i $j $j
    done
    printf '```c {#x8}\nint x;\n```\n'
} | seed tangle doubling-expansion
printf '```c {file=a.c}\n\0<<x>>\n```\0```c {file=b.c}\n```\0' | seed tangle nul-bytes

# ---- the iris reader (chapter 2) ----------------------------------------------

mkdir -p "$out/02-iris"
rows='[5.1,3.5,1.4,0.2,"setosa"],[7.0,3.2,4.7,1.4,"versicolor"],[6.3,3.3,6.0,2.5,"virginica"]'
printf '[%s]\n' "$rows" | seed 02-iris valid-three-rows
printf '[\n  [5.1, 3.5, 1.4, 0.2, "setosa"],\r\n\t[4.9e0, 3.0E+0, 14e-1, 0.2, "setosa"]\n]\n' | seed 02-iris valid-spacing-exponents
printf '[[5.1,3.5,1.4,0.2,"setosa"]]' | seed 02-iris valid-one-row
printf '' | seed 02-iris empty
printf '[]' | seed 02-iris no-rows
printf '[%s,]' "$rows" | seed 02-iris trailing-comma
printf '[%s' "$rows" | seed 02-iris unclosed
printf '[%s]]' "$rows" | seed 02-iris extra-bracket
printf '[[5.1,3.5,1.4,0.2,"rose"]]' | seed 02-iris unknown-species
printf '[[5.1,3.5,1.4,0.2,"setosa]]' | seed 02-iris unclosed-string
printf '[[5.1,3.5,1.4,"setosa"]]' | seed 02-iris three-measurements
printf '[[5.1,3.5,1.4,0.2,0.1,"setosa"]]' | seed 02-iris five-measurements
printf '[[-5.1,3.5,1.4,0.2,"setosa"]]' | seed 02-iris negative
printf '[[0,3.5,1.4,0.2,"setosa"]]' | seed 02-iris zero
printf '[[100,3.5,1.4,0.2,"setosa"]]' | seed 02-iris hundred
printf '[[1e999,3.5,1.4,0.2,"setosa"]]' | seed 02-iris overflow
printf '[[5.,3.5,1.4,0.2,"setosa"]]' | seed 02-iris bare-point
printf '[[05.1,3.5,1.4,0.2,"setosa"]]' | seed 02-iris leading-zero
printf '[[5.1,3.5,1.4,0.2,"setosa"]]\0' | seed 02-iris nul-after
printf '[[%s,3.5,1.4,0.2,"setosa"]]' "0.$(printf '1%.0s' {1..80})" | seed 02-iris long-number
printf '{"data": [%s]}' "$rows" | seed 02-iris object

# ---- the IDX reader (chapter 5) -----------------------------------------------

# The uncompressed files; 05-idx also gets them gzipped, whole and damaged.
idx_seeds=$(mktemp -d)
trap 'rm -rf "$idx_seeds"' EXIT
raw() { cat > "$idx_seeds/$1"; }
{ u32be 0x803 2 3 3; ramp 18; } | raw images-2x3x3
{ u32be 0x803 1 28 28; ramp 784; } | raw images-1x28x28
{ u32be 0x801 5; hex 00 01 02 09 07; } | raw labels-5
{ u32be 0x801 3; hex 00 0a ff; } | raw labels-out-of-range
{ u32be 0x803 2 3 3; ramp 17; } | raw images-truncated-data
{ u32be 0x803 2 3 3; ramp 19; } | raw images-extra-byte
{ u32be 0x801 5; hex 00 01; } | raw labels-truncated-data
{ u32be 0x803 2 3; } | raw images-short-header
{ u32be 0x803 0 3 3; } | raw images-zero-count
{ u32be 0x803 2 0 3; } | raw images-zero-rows
{ u32be 0x803 0xffffffff 0xffffffff 0xffffffff; hex 00; } | raw images-huge-dims
{ u32be 0x803 0x10000 0x10000 0x10; hex 00; } | raw images-product-overflows-32-bits
{ u32be 0x801 0xffffffff; hex 00; } | raw labels-huge-count
{ u32be 0x802 2 3 3; ramp 18; } | raw wrong-magic-2-dims
{ u32be 0x0d03 2 3 3; ramp 18; } | raw wrong-type-double
{ hex 00 00; } | raw two-bytes
printf '' | raw empty
mkdir -p "$out/05-idx-gzip" "$out/05-idx"
for f in "$idx_seeds"/*; do
    name=$(basename "$f")
    cp "$f" "$out/05-idx-gzip/$name"
    cp "$f" "$out/05-idx/$name"
done
for name in images-2x3x3 labels-5 images-truncated-data images-huge-dims; do
    gzip -c -n -9 < "$idx_seeds/$name" | seed 05-idx "$name.gz"
done
gzip -c -n < "$idx_seeds/images-1x28x28" | head -c 40 | seed 05-idx images-1x28x28-cut.gz
gzip -c -n < "$idx_seeds/images-2x3x3" | head -c -4 | seed 05-idx images-2x3x3-no-size.gz
{ gzip -c -n < "$idx_seeds/labels-5"; printf 'garbage'; } | seed 05-idx labels-5-trailing-garbage.gz
{ gzip -c -n < "$idx_seeds/images-2x3x3" | head -c 12; hex ff ff ff ff; gzip -c -n < "$idx_seeds/images-2x3x3" | tail -c +17; } \
    | seed 05-idx images-2x3x3-corrupt-deflate.gz
{ u32be 0x801 5 | gzip -c -n; hex 00 01 02 09 07 | gzip -c -n; } | seed 05-idx labels-5-two-members.gz
hex 1f 8b | seed 05-idx gzip-magic-only

# ---- the model loader (chapter 5) ---------------------------------------------

# "NNFP", version 1, the number of layer sizes, the sizes, the parameters
# (32-bit floats), all little-endian, then the CRC-32 of everything before.
mkdir -p "$out/05-model"
model() { # model NAME SIZE... -- FLOAT_HEX_BYTES...: writes NAME with its CRC
    local name=$1 body
    shift
    body=$(mktemp)
    { printf 'NNFP'; u32le 1; u32le 0; } > "$body"
    local sizes=()
    while [ "$1" != -- ]; do sizes+=("$1"); shift; done
    shift
    u32le ${#sizes[@]} >> "$body"
    u32le "${sizes[@]}" >> "$body"
    [ $# -gt 0 ] && hex "$@" >> "$body"
    { cat "$body"; crc32le < "$body"; } | seed 05-model "$name"
    rm -f "$body"
}
one=(00 00 80 3f) half=(00 00 00 bf) nan=(00 00 c0 7f) inf=(00 00 80 7f)
# 2-1: 2 weights and 1 bias; 2-3-2: 6 + 3 + 6 + 2 = 17 parameters.
model valid-2-1 2 1 -- "${one[@]}" "${half[@]}" "${one[@]}"
params17=()
for i in $(seq 17); do params17+=("${one[@]}"); done
model valid-2-3-2 2 3 2 -- "${params17[@]}"
model nan-and-inf-parameters 2 1 -- "${nan[@]}" "${inf[@]}" "${one[@]}"
model one-parameter-short 2 1 -- "${one[@]}" "${half[@]}"
model one-size 2 --
model no-sizes --
model zero-size 2 0 --
model nine-layers 1 1 1 1 1 1 1 1 1 1 --
model eighty-thousand-wide 80000 1 --
model huge-declared-sizes 65536 65536 65536 --
{ head -c -1 "$out/05-model/valid-2-1"; } | seed 05-model truncated-crc
{ cat "$out/05-model/valid-2-1"; hex 00; } | seed 05-model extra-byte
sed 's/^NNFP/NNFQ/' "$out/05-model/valid-2-1" | seed 05-model wrong-magic
{ printf 'NNFP'; u32le 2; tail -c +9 "$out/05-model/valid-2-1"; } | seed 05-model version-2
{ head -c 20 "$out/05-model/valid-2-1"; hex ff; tail -c +22 "$out/05-model/valid-2-1"; } | seed 05-model bad-crc
printf 'NNFP' | seed 05-model magic-only
printf '' | seed 05-model empty

echo "fuzz-corpus: $(find "$out" -type f | wc -l) seeds in $out ($(ls "$out" | tr '\n' ' '))"
