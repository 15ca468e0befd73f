/* Grades exercise 3.6: parity of any number of bits with n hidden threshold units. */
#include <criterion/criterion.h>

#include "mlp.h"

tlu_network parity_network(size_t n_bits);

Test(exercise_3_6, parity_of_every_size_on_every_input) {
    for (size_t n_bits = 1; n_bits <= TLU_NETWORK_MAX_INPUTS; n_bits++) {
        tlu_network net = parity_network(n_bits);
        cr_assert_eq(net.n_inputs, n_bits, "parity_network(%zu) should have %zu inputs, not %zu",
                     n_bits, n_bits, net.n_inputs);
        cr_assert_eq(net.n_hidden, n_bits,
                     "parity_network(%zu) should have %zu hidden units, one per \"at least "
                     "k inputs on\", not %zu: a unit per odd pattern would also work, but "
                     "it needs 2^(n-1) of them, and that is the cost this chapter measured",
                     n_bits, n_bits, net.n_hidden);
        for (size_t pattern = 0; pattern < ((size_t)1 << n_bits); pattern++) {
            double x[TLU_NETWORK_MAX_INPUTS];
            pattern_bits(x, pattern, n_bits);
            size_t ones = 0;
            for (size_t i = 0; i < n_bits; i++) ones += x[i] == 1.0;
            int want = parity(pattern), got = tlu_network_forward(&net, x);
            cr_assert_eq(got, want,
                         "%zu-bit parity: with %zu of the inputs on, the answer is %d, "
                         "your network says %d. Unit k should fire when at least k inputs "
                         "are on; the output adds +1, -1, +1, ... of them.",
                         n_bits, ones, want, got);
        }
    }
}
