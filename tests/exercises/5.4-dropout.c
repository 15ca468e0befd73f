/* Grades exercise 5.4: inverted dropout. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "mnist.h"

void dropout_forward(real *out, uint8_t *mask, const real *inp, size_t n,
                     real drop_probability, rng_state *rng);
void dropout_backward(real *dinp, const real *dout, const uint8_t *mask, size_t n,
                      real drop_probability);

enum { N = 100000 };

Test(exercise_5_4, drops_about_p_and_scales_the_rest) {
    real *inp = malloc(N * sizeof(real)), *out = malloc(N * sizeof(real));
    uint8_t *mask = malloc(N);
    for (size_t i = 0; i < N; i++) inp[i] = 1;
    rng_state rng;
    rng_seed(&rng, 3);
    dropout_forward(out, mask, inp, N, 0.25f, &rng);
    size_t dropped = 0;
    double total = 0;
    for (size_t i = 0; i < N; i++) {
        dropped += mask[i] == 0;
        total += out[i];
        if (mask[i]) {
            cr_assert_float_eq(out[i], 1 / 0.75f, 1e-6,
                               "unit %zu is kept (mask 1), so its output should be "
                               "inp / (1 - p) = 1 / 0.75 = 1.333, not %g", i, (double)out[i]);
        } else {
            cr_assert_eq(out[i], 0, "unit %zu is dropped (mask 0), so its output should "
                         "be 0, not %g", i, (double)out[i]);
        }
    }
    cr_expect(dropped > 0.24 * N && dropped < 0.26 * N,
              "with p = 0.25 about a quarter of the units should be dropped, but %zu of "
              "%d were: draw mask[i] = rng_uniform(rng) >= p for every unit", dropped, N);
    cr_expect(total / N > 0.98 && total / N < 1.02,
              "the mean output should stay close to the mean input (1), it is %g: that "
              "is what the scaling by 1 / (1 - p) is for", total / N);
    free(inp);
    free(out);
    free(mask);
}

Test(exercise_5_4, keeps_everything_when_p_is_zero) {
    real inp[5] = {-2, -1, 0, 1, 2.5f}, out[5];
    uint8_t mask[5];
    rng_state rng;
    rng_seed(&rng, 1);
    dropout_forward(out, mask, inp, 5, 0, &rng);
    for (size_t i = 0; i < 5; i++) {
        cr_expect_eq(mask[i], 1, "with p = 0 every unit is kept");
        cr_expect_eq(out[i], inp[i], "with p = 0 the output equals the input");
    }
}

Test(exercise_5_4, backward_accumulates_through_the_mask) {
    const uint8_t mask[4] = {1, 0, 1, 0};
    const real dout[4] = {1, 2, -3, 4};
    real dinp[4] = {0.5f, 0.5f, 0.5f, 0.5f};
    dropout_backward(dinp, dout, mask, 4, 0.5f);
    const real expected[4] = {0.5f + 2, 0.5f, 0.5f - 6, 0.5f};
    for (size_t i = 0; i < 4; i++)
        cr_assert_float_eq(dinp[i], expected[i], 1e-6,
                           "dinp[%zu]: started at 0.5, mask %u, dout %g, p = 0.5: expected "
                           "%g, got %g. A kept unit passes dout / (1 - p); a dropped one "
                           "passes nothing; and backward functions accumulate (+=).",
                           i, mask[i], (double)dout[i], (double)expected[i], (double)dinp[i]);
}
