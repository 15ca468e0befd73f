/* Exercise 3.6: parity of n_bits inputs, for n_bits from 1 to TLU_NETWORK_MAX_INPUTS.
 *
 * Generalise exercise 3.3: n_bits hidden units, unit k (k = 1, ..., n_bits) firing when
 * at least k inputs are on, and an output unit that turns those counts into parity.
 *     tlu_network_set_hidden(&net, unit, weights, bias);   weights: n_bits values
 *     tlu_network_set_output(&net, weights, bias);         weights: n_bits values
 *
 * Grade it: make check EX=3.6
 */
#include "mlp.h"

tlu_network parity_network(size_t n_bits) {
    tlu_network net = tlu_network_zero(n_bits, n_bits);
    /* TODO: the n_bits "at least k" hidden units and the output unit. */
    return net;
}
