/* Exercise 4.4: cross-entropy straight from the logits.
 *
 * cross_entropy_forward(softmax(z)) returns infinity for logits {1000, -1000}
 * and target class 1, although the true loss is 2000. Compute
 *
 *     -log p_t = log(sum_k e^{z_k}) - z_t
 *
 * without ever forming p, using the same trick as the stable softmax.
 * Grade it with:  make check EX=4.4
 */
#include "backprop.h"

// mean over the batch of -log softmax(logits[b])[targets[b]]; logits (B, C)
real cross_entropy_from_logits(const real *logits, const int *targets, size_t B,
                               size_t n_classes) {
    // TODO
    return 0;
}
