/* Exercise 2.5: the pocket algorithm.
 *
 * Run Rosenblatt's rule (perceptron_update) from zero weights for max_epochs epochs
 * (or until an epoch without a mistake), visiting the samples as perceptron_train
 * does: an order array that starts as 0, 1, ..., n_samples - 1 and is shuffled with
 * rng_shuffle before every epoch. After every update,
 * count the training errors of the current weights; whenever they are fewer than
 * those of the weights "in the pocket", copy the current weights and bias into
 * pocket_weights (n_inputs) and *pocket_bias. Start with the zero weights in the
 * pocket. Return the number of training errors of the pocket weights.
 *
 * Grade it with: make check EX=2.5
 */
#include <stddef.h>
#include <stdint.h>

#include "perceptron.h"

size_t pocket_train(double *pocket_weights, double *pocket_bias, const double *inputs,
                    const int *targets, size_t n_samples, size_t n_inputs,
                    double learning_rate, size_t max_epochs, rng_state *rng) {
    /* TODO */
    return SIZE_MAX;
}
