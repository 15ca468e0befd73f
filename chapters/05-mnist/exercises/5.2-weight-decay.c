/* Exercise 5.2: L2 weight decay.
 *
 * Adding (decay / 2) * (the sum of the squares of all weights) to the loss
 * adds decay * w to the gradient of every weight w. Biases are not decayed.
 *
 * add_weight_decay(net, decay) must add decay * w to net->grads for every
 * weight of every layer, and leave the gradients of the biases alone.
 * Layer l's weights are the sizes[l + 1] * sizes[l] numbers that start at
 * net->weight_offset[l], in net->params and net->grads alike (mnist.h).
 *
 * Grade it with:  make check EX=5.2
 */
#include "mnist.h"

void add_weight_decay(network *net, real decay) {
    /* TODO: for every layer, for every weight: grad += decay * weight. */
}
