/* libFuzzer target: chapter 5's model-file loader. Random bytes rarely carry
 * a right CRC-32, so each input is tried twice: as it is, and with its last
 * four bytes replaced by the checksum of the rest, which lets the fuzzer
 * reach the layer sizes and parameters behind the checksum. A model it
 * accepts must save and load again to the same bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

#include "fuzz.h"
#include "mnist.h"

static void load(const uint8_t *bytes, size_t size) {
    const char *path = fuzz_write_file("model.bin", bytes, size);
    network net;
    char err[512];
    memset(err, 0x55, sizeof err);
    if (model_load(&net, path, err, sizeof err) != 0) {
        fuzz_check_message(err, sizeof err);
        return;
    }
    if (net.n_layers < 1 || net.n_layers > MAX_LAYERS || net.params == NULL) abort();
    size_t n_params = 0;
    for (size_t l = 0; l < net.n_layers; l++)
        n_params += net.sizes[l] * net.sizes[l + 1] + net.sizes[l + 1];
    if (n_params != net.n_params) abort();
    const char *copy = fuzz_path("model-copy.bin");
    if (model_save(&net, copy, err, sizeof err) != 0) {
        fprintf(stderr, "fuzz: %s\n", err);
        abort();
    }
    network_free(&net);
    FILE *file = fopen(copy, "rb");
    if (file == NULL) abort();
    uint8_t *saved = malloc(size + 1);
    if (saved == NULL) abort();
    size_t n = fread(saved, 1, size + 1, file);
    fclose(file);
    if (n != size || memcmp(saved, bytes, size) != 0) abort();
    free(saved);
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size) {
    load(bytes, size);
    if (size >= 4) {
        uint8_t *fixed = malloc(size);
        if (fixed == NULL) abort();
        memcpy(fixed, bytes, size);
        uint32_t crc = (uint32_t)crc32(0L, fixed, (uInt)(size - 4));
        for (size_t i = 0; i < 4; i++) fixed[size - 4 + i] = (uint8_t)(crc >> (8 * i));
        load(fixed, size);
        free(fixed);
    }
    return 0;
}
