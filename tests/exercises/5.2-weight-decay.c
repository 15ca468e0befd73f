/* Grades exercise 5.2: L2 weight decay. */
#include <criterion/criterion.h>

#include "mnist.h"

void add_weight_decay(network *net, real decay);

Test(exercise_5_2, decays_weights_and_not_biases) {
    const size_t sizes[] = {3, 4, 2};
    network net;
    char err[256];
    cr_assert_eq(network_create(&net, sizes, 3, err, sizeof err), 0, "%s", err);
    for (size_t p = 0; p < net.n_params; p++) {
        net.params[p] = (real)(p % 7) - 3;  /* weights and biases of both signs */
        net.grads[p] = 0.5f;
    }
    add_weight_decay(&net, 0.1f);
    for (size_t l = 0; l < net.n_layers; l++) {
        const size_t n_weights = net.sizes[l + 1] * net.sizes[l];
        for (size_t i = 0; i < n_weights; i++) {
            const size_t p = net.weight_offset[l] + i;
            cr_assert_float_eq(net.grads[p], 0.5f + 0.1f * net.params[p], 1e-6,
                               "layer %zu, weight %zu: weight %g, gradient 0.5 before; "
                               "after add_weight_decay(net, 0.1) the gradient should be "
                               "0.5 + 0.1 * %g = %g, not %g. Each weight w adds decay * w "
                               "to its own gradient (it accumulates: +=).",
                               l, i, (double)net.params[p], (double)net.params[p],
                               0.5 + 0.1 * (double)net.params[p], (double)net.grads[p]);
        }
        for (size_t o = 0; o < net.sizes[l + 1]; o++)
            cr_assert_eq(net.grads[net.bias_offset[l] + o], 0.5f,
                         "layer %zu, bias %zu: its gradient changed to %g. Weight decay "
                         "leaves the biases alone: they start at bias_offset[l], right "
                         "after the layer's weights.",
                         l, o, (double)net.grads[net.bias_offset[l] + o]);
    }
    network_free(&net);
}
