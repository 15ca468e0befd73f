/* Exercise 2.3: the perceptron with the sign activation.
 *
 * Targets are +1 and -1, the unit outputs sign_step(w . x + b), and the rule is
 *     on a mistake:  w += eta * t * x,   b += eta * t
 * Return 1 if x was misclassified (the weights moved), else 0.
 *
 * Grade it with: make check EX=2.3
 */
#include <stddef.h>

#include "perceptron.h"

int sign_perceptron_update(double *weights, double *bias, const double *x, size_t n_inputs,
                           int target, double learning_rate) {
    /* TODO: compute the output with tlu_net and sign_step; on a mistake, move the
       weights and the bias towards the target. */
    return 0;
}
