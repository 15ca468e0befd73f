/* Grades exercise 4.2: the leaky ReLU. */
#include <criterion/criterion.h>
#include <math.h>

#include "backprop.h"

void leaky_relu_forward(real *out, const real *inp, size_t n, real slope);
void leaky_relu_backward(real *dinp, const real *dout, const real *inp, size_t n,
                         real slope);

static const real inputs[6] = {-3, -0.5, -0.01, 0.02, 0.7, 5};

/* The test's own leaky ReLU, so that the backward is graded on its own. */
static real reference_leaky(real z, real slope) { return z > 0 ? z : slope * z; }

Test(exercise_4_2, forward) {
    real out[6];
    for (size_t i = 0; i < 6; i++) out[i] = NAN;
    leaky_relu_forward(out, inputs, 6, 0.1);
    for (size_t i = 0; i < 6; i++) {
        real expected = inputs[i] > 0 ? inputs[i] : 0.1 * inputs[i];
        cr_expect_float_eq(out[i], expected, 1e-15,
                           "leaky_relu_forward at z = %g with slope 0.1 gave %g; expected %g "
                           "(z itself when z > 0, slope * z otherwise).",
                           inputs[i], out[i], expected);
    }
}

Test(exercise_4_2, backward_matches_finite_differences) {
    real dout[6] = {1, 2, -1, 0.5, 3, -2}, dinp[6] = {0};
    leaky_relu_backward(dinp, dout, inputs, 6, 0.1);
    for (size_t i = 0; i < 6; i++) {
        real up = inputs[i] + 1e-5, down = inputs[i] - 1e-5;
        real numeric =
            dout[i] * (reference_leaky(up, 0.1) - reference_leaky(down, 0.1)) / (up - down);
        cr_expect(relative_error(dinp[i], numeric) < 1e-7,
                  "at z = %g with upstream gradient %g, leaky_relu_backward gave %g but the "
                  "central difference of the leaky ReLU says %g. The local slope is 1 for z > 0 "
                  "and `slope` otherwise; multiply it by dout.",
                  inputs[i], dout[i], dinp[i], numeric);
    }
}

Test(exercise_4_2, backward_accumulates) {
    real dout[6] = {1, 1, 1, 1, 1, 1}, dinp[6] = {10, 10, 10, 10, 10, 10};
    leaky_relu_backward(dinp, dout, inputs, 6, 0.1);
    for (size_t i = 0; i < 6; i++) {
        real expected = 10 + (inputs[i] > 0 ? 1 : 0.1);
        cr_expect_float_eq(dinp[i], expected, 1e-12,
                           "dinp[%zu] started at 10 and should be 10 + slope = %g after the "
                           "backward, but it is %g: a backward function adds (+=) to dinp, "
                           "it does not overwrite it.",
                           i, expected, dinp[i]);
    }
}
