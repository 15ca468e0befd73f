/* Exercise 5.4: inverted dropout.
 *
 * dropout_forward: for each of the n units, draw mask[i] = 1 (kept) with
 * probability 1 - drop_probability and 0 (dropped) otherwise, using
 * rng_uniform(rng) once per unit; then out[i] = inp[i] / (1 - drop_probability)
 * for a kept unit and 0 for a dropped one.
 *
 * dropout_backward: ACCUMULATES (+=) into dinp the gradient through the same
 * mask: dout[i] / (1 - drop_probability) where mask[i] is 1, nothing where
 * it is 0.
 *
 * Grade it with:  make check EX=5.4
 */
#include "mnist.h"

void dropout_forward(real *out, uint8_t *mask, const real *inp, size_t n,
                     real drop_probability, rng_state *rng) {
    /* TODO: this keeps every unit, unscaled: no dropout at all. */
    for (size_t i = 0; i < n; i++) {
        mask[i] = 1;
        out[i] = inp[i];
    }
}

void dropout_backward(real *dinp, const real *dout, const uint8_t *mask, size_t n,
                      real drop_probability) {
    /* TODO: pass the gradient through the kept units. */
}
