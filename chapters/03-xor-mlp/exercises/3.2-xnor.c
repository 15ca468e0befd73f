/* Exercise 3.2: wire XNOR (1 when the two inputs are equal) with threshold units.
 *
 * Build a network with two inputs, a hidden layer and one output unit:
 *     tlu_network_set_hidden(&net, unit, (const double[]){w1, w2}, bias);
 *     tlu_network_set_output(&net, (const double[]){v1, v2}, bias);
 * A unit fires when weights . input + bias >= 0 (bias = -threshold).
 * Hint: xor_and_or_network() in the chapter is one output unit away.
 *
 * Grade it: make check EX=3.2
 */
#include "mlp.h"

tlu_network xnor_network(void) {
    tlu_network net = tlu_network_zero(2, 2);
    /* TODO: set hidden units 0 and 1 and the output unit. */
    return net;
}
