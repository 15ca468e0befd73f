/* Exercise 4.2: the leaky ReLU, forward and backward.
 *
 *   leaky(z) = z          for z > 0
 *            = slope * z  otherwise          (slope is small, e.g. 0.01)
 *
 * Write both functions in the style of the chapter's relu_forward and
 * relu_backward: the backward ADDS (+=) its result to dinp.
 * Grade it with:  make check EX=4.2
 */
#include "backprop.h"

// out (n) = leaky(inp (n))
void leaky_relu_forward(real *out, const real *inp, size_t n, real slope) {
    // TODO: one line in a loop
}

// dinp (n) += dout (n) * leaky'(inp (n))
void leaky_relu_backward(real *dinp, const real *dout, const real *inp, size_t n,
                         real slope) {
    // TODO: upstream gradient times the local slope, accumulated
}
