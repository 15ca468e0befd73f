/* Grades exercise 3.2: a network of threshold units computing XNOR. */
#include <criterion/criterion.h>

#include "mlp.h"

tlu_network xnor_network(void);

Test(exercise_3_2, xnor_on_all_four_inputs) {
    tlu_network net = xnor_network();
    cr_assert_eq(net.n_inputs, 2, "XNOR has 2 inputs; start from tlu_network_zero(2, 2), not %zu",
                 net.n_inputs);
    cr_assert_eq(net.n_hidden, 2,
                 "the exercise asks for two hidden units; your network has %zu (one cannot "
                 "do it: see exercise 3.4)", net.n_hidden);
    for (size_t pattern = 0; pattern < 4; pattern++) {
        double x[2], hidden[TLU_NETWORK_MAX_HIDDEN];
        pattern_bits(x, pattern, 2);
        tlu_network_hidden(hidden, &net, x);
        int want = !parity(pattern), got = tlu_network_output(&net, hidden);
        cr_assert_eq(got, want,
                     "XNOR(%d, %d) should be %d, your network says %d (its hidden units say "
                     "h1 = %d, h2 = %d). Remember a unit fires when weights . input + bias >= 0, "
                     "and a network of zeros says 1 everywhere.",
                     (int)x[0], (int)x[1], want, got, (int)hidden[0],
                     (int)hidden[1]);
    }
}
