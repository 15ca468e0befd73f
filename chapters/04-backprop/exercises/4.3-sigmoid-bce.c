/* Exercise 4.3: a sigmoid output with binary cross-entropy.
 *
 *   E = (1/n) sum_k -( t_k log p_k + (1 - t_k) log(1 - p_k) ),  p_k = sigmoid(z_k)
 *
 * Write the loss, and the backward of the PAIR sigmoid + loss, which takes the
 * probabilities p and adds dE/dz to dlogits. Derive dE/dz on paper first: it
 * is much simpler than either factor.
 * Grade it with:  make check EX=4.3
 */
#include "backprop.h"

// mean over n of -(t log p + (1 - t) log(1 - p)); probs in (0, 1), targets in [0, 1]
real binary_cross_entropy_forward(const real *probs, const real *targets, size_t n) {
    // TODO
    return 0;
}

// dlogits (n) += dE/dz, where probs = sigmoid(logits)
void sigmoid_binary_cross_entropy_backward(real *dlogits, const real *probs,
                                           const real *targets, size_t n) {
    // TODO: one line in a loop, once you have derived it
}
