/* libFuzzer target: chapter 5's IDX reader on the bytes as they are (a raw
 * file, or a gzip stream when they start with its magic bytes), read both as
 * images (3 dimensions) and as labels (1 dimension). A file it accepts must
 * be exactly its header and the data the header announces. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "05-idx-check.h"
#include "fuzz.h"
#include "mnist.h"

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size) {
    const char *path = fuzz_write_file("data.idx", bytes, size);
    int is_gzip = size >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
    read_as(path, IDX_IMAGES, is_gzip ? 0 : size);
    read_as(path, IDX_LABELS, is_gzip ? 0 : size);
    return 0;
}
