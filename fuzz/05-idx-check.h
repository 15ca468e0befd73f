/* The check both IDX fuzz targets make of chapter 5's reader (fuzz/05-idx.c
 * on the raw bytes, fuzz/05-idx-gzip.c on them compressed). */
#ifndef FUZZ_IDX_CHECK_H
#define FUZZ_IDX_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "mnist.h"

/* Reads path as kind; if it is accepted and raw_size is not 0, the header
 * and data must fill exactly raw_size bytes. */
static void read_as(const char *path, uint32_t kind, size_t raw_size) {
    size_t dims[3] = {0, 0, 0};
    uint8_t *data = (uint8_t *)path; /* idx_read must set it */
    char err[512];
    memset(err, 0x55, sizeof err);
    if (idx_read(path, kind, dims, &data, err, sizeof err) == 0) {
        size_t n_dims = kind & 0xff, n_bytes = 1;
        if (data == NULL) abort();
        for (size_t d = 0; d < n_dims; d++) {
            if (dims[d] == 0) abort();
            n_bytes *= dims[d];
        }
        if (raw_size != 0 && raw_size != 4 + 4 * n_dims + n_bytes) abort();
        /* Touch every byte: ASan sees a buffer shorter than announced. */
        for (size_t i = 0; i < n_bytes; i++) fuzz_sink ^= data[i];
        free(data);
    } else {
        if (data != NULL) abort();
        fuzz_check_message(err, sizeof err);
    }
}

#endif
