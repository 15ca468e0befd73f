/* Exercise 2.4: a perceptron that insists on a margin.
 *
 * With s = +1 for target 1 and s = -1 for target 0, update whenever
 *     s * (w . x + b) <= margin
 * (a mistake, or a right answer too close to the boundary) by
 *     w += eta * s * x,   b += eta * s
 * and return 1; otherwise return 0. With margin = 0 this is almost Rosenblatt's rule.
 *
 * Grade it with: make check EX=2.4
 */
#include <stddef.h>

#include "perceptron.h"

int margin_perceptron_update(double *weights, double *bias, const double *x, size_t n_inputs,
                             int target, double learning_rate, double margin) {
    /* TODO */
    return 0;
}
