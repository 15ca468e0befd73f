/* libFuzzer target: chapter 5's IDX reader through zlib. The fuzzer's bytes
 * are the uncompressed file; the target gzips them and hands the reader the
 * .gz file, so every header and data mutation is also tried compressed (the
 * 05-idx target feeds it damaged gzip streams). A file it accepts must
 * decompress to exactly its header and announced data. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

#include "05-idx-check.h"
#include "fuzz.h"
#include "mnist.h"

/* gzip-compresses bytes (size) into *out; returns the compressed length. */
static size_t gzip(const uint8_t *bytes, size_t size, uint8_t **out) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    size_t capacity = deflateBound(&stream, (uLong)size) + 64;
    *out = malloc(capacity);
    if (*out == NULL) abort();
    stream.next_in = (Bytef *)bytes;
    stream.avail_in = (uInt)size;
    stream.next_out = *out;
    stream.avail_out = (uInt)capacity;
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END) abort();
    size_t length = stream.total_out;
    deflateEnd(&stream);
    return length;
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size) {
    uint8_t *compressed;
    size_t length = gzip(bytes, size, &compressed);
    const char *path = fuzz_write_file("data.idx.gz", compressed, length);
    free(compressed);
    read_as(path, IDX_IMAGES, size);
    read_as(path, IDX_LABELS, size);
    return 0;
}
