/* Grades exercise 3.3: a network of threshold units computing parity of three bits. */
#include <criterion/criterion.h>

#include "mlp.h"

tlu_network parity3_network(void);

Test(exercise_3_3, parity_on_all_eight_inputs) {
    tlu_network net = parity3_network();
    cr_assert_eq(net.n_inputs, 3, "parity of 3 bits has 3 inputs; start from "
                                  "tlu_network_zero(3, 3), not %zu inputs", net.n_inputs);
    cr_assert_eq(net.n_hidden, 3,
                 "the exercise asks for three hidden units, one per \"at least k\"; your "
                 "network has %zu", net.n_hidden);
    for (size_t pattern = 0; pattern < 8; pattern++) {
        double x[3], hidden[TLU_NETWORK_MAX_HIDDEN];
        pattern_bits(x, pattern, 3);
        tlu_network_hidden(hidden, &net, x);
        int want = parity(pattern), got = tlu_network_output(&net, hidden);
        cr_assert_eq(got, want,
                     "parity(%d, %d, %d) should be %d, your network says %d. Check the hidden "
                     "units first: unit k should fire when at least k inputs are 1; then the "
                     "output: +1, -1, +1 on the hidden units counts 1 for an odd count.",
                     (int)x[0], (int)x[1], (int)x[2], want, got);
    }
}
