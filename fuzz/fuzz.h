/* fuzz.h - what the fuzz targets share.
 *
 * The chapters' readers take a path (they read files, as a student's program
 * does), so a target writes the fuzzer's input to a file of its own first:
 * $TMPDIR/nnfp-fuzz-PID-NAME, removed when the process exits. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reading every byte of a buffer into here lets ASan check its length. */
static volatile uint8_t fuzz_sink;

static char fuzz_paths[4][256];
static size_t fuzz_n_paths;

static void fuzz_remove_files(void) {
    for (size_t i = 0; i < fuzz_n_paths; i++) unlink(fuzz_paths[i]);
}

/* The path of this process's file NAME (one of at most four names). */
static const char *fuzz_path(const char *name) {
    for (size_t i = 0; i < fuzz_n_paths; i++)
        if (strstr(fuzz_paths[i], name) != NULL) return fuzz_paths[i];
    if (fuzz_n_paths == 4) abort();
    const char *dir = getenv("TMPDIR");
    snprintf(fuzz_paths[fuzz_n_paths], sizeof fuzz_paths[0], "%s/nnfp-fuzz-%ld-%s",
             dir && dir[0] ? dir : "/tmp", (long)getpid(), name);
    if (fuzz_n_paths++ == 0) atexit(fuzz_remove_files);
    return fuzz_paths[fuzz_n_paths - 1];
}

/* Writes size bytes to this process's file NAME; returns its path. A write
 * that fails is the machine's fault, not the input's: abort loudly. */
static const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size) {
    const char *path = fuzz_path(name);
    FILE *file = fopen(path, "wb");
    if (file == NULL || (size > 0 && fwrite(data, 1, size, file) != size) ||
        fclose(file) != 0) {
        perror(path);
        abort();
    }
    return path;
}

/* A message a reader filled must be a C string: NUL-terminated in its buffer
 * and not empty. */
static void fuzz_check_message(const char *message, size_t size) {
    if (memchr(message, '\0', size) == NULL || message[0] == '\0') {
        fprintf(stderr, "fuzz: the reader failed without a message\n");
        abort();
    }
}

#endif
