/* Exercise 3.3: parity of three bits (1 when an odd number of inputs is 1).
 *
 * Use three hidden units: unit k (k = 1, 2, 3) fires when at least k inputs are on,
 * x1 + x2 + x3 >= k - 0.5. Then choose output weights and a bias that turn
 * "at least 1, at least 2, at least 3" into "exactly 1 or exactly 3".
 *     tlu_network_set_hidden(&net, unit, (const double[]){w1, w2, w3}, bias);
 *     tlu_network_set_output(&net, (const double[]){v1, v2, v3}, bias);
 *
 * Grade it: make check EX=3.3
 */
#include "mlp.h"

tlu_network parity3_network(void) {
    tlu_network net = tlu_network_zero(3, 3);
    /* TODO: the three "at least k" hidden units and the output unit. */
    return net;
}
