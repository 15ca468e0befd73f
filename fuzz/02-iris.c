/* libFuzzer target: chapter 2's iris reader (iris_parse, and iris_load on the
 * same bytes in a file). A file it accepts must hold what the chapter's
 * programs assume: at least one flower, measurements in (0, 100) cm, and a
 * species 0, 1 or 2. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "perceptron.h"

static void check(const iris_data *data) {
    if (data->n_samples == 0) abort();
    for (size_t s = 0; s < data->n_samples; s++) {
        if (data->species[s] < 0 || data->species[s] >= IRIS_N_SPECIES) abort();
        for (size_t m = 0; m < IRIS_N_MEASUREMENTS; m++) {
            double value = data->measurements[s * IRIS_N_MEASUREMENTS + m];
            if (!(value > 0.0 && value < 100.0)) abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size) {
    char message[512];
    iris_data data;
    memset(message, 0x55, sizeof message);
    int parsed = iris_parse((const char *)bytes, size, "fuzz.json", &data, message,
                            sizeof message);
    if (parsed == 0) {
        check(&data);
        iris_free(&data);
    } else {
        fuzz_check_message(message, sizeof message);
    }

    /* The same bytes through the file reader must give the same verdict. */
    const char *path = fuzz_write_file("iris.json", bytes, size);
    memset(message, 0x55, sizeof message);
    int loaded = iris_load(path, &data, message, sizeof message);
    if (loaded == 0) {
        check(&data);
        iris_free(&data);
    } else {
        fuzz_check_message(message, sizeof message);
    }
    if (loaded != parsed) abort();
    return 0;
}
