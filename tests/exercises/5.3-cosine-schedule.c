/* Grades exercise 5.3: the cosine learning-rate schedule. */
#include <criterion/criterion.h>

#include "mnist.h"

real cosine_learning_rate(real initial, size_t epoch, size_t n_epochs);

Test(exercise_5_3, starts_at_the_initial_rate) {
    cr_expect_float_eq(cosine_learning_rate(0.05f, 1, 20), 0.05f, 1e-7,
                       "epoch 1 of 20 should use the initial rate 0.05, not %g: "
                       "cos(0) = 1.", (double)cosine_learning_rate(0.05f, 1, 20));
    cr_expect_float_eq(cosine_learning_rate(0.3f, 1, 1), 0.3f, 1e-7,
                       "a single epoch uses the initial rate");
}

Test(exercise_5_3, is_half_way_down_half_way_through) {
    const real rate = cosine_learning_rate(0.05f, 11, 20);
    cr_expect_float_eq(rate, 0.025f, 1e-7,
                       "epoch 11 of 20 is half-way: (11 - 1) / 20 = 1/2, cos(pi/2) = 0, so "
                       "the rate should be 0.05 / 2 = 0.025, not %g.", (double)rate);
    cr_expect_float_eq(cosine_learning_rate(0.05f, 6, 20), 0.025f * (1 + 0.70710678f), 1e-7,
                       "epoch 6 of 20: (6 - 1) / 20 = 1/4 of the way, cos(pi/4) = 0.7071");
}

Test(exercise_5_3, falls_towards_zero) {
    real previous = cosine_learning_rate(1, 1, 50);
    for (size_t epoch = 2; epoch <= 50; epoch++) {
        const real rate = cosine_learning_rate(1, epoch, 50);
        cr_assert_lt(rate, previous, "the rate must fall every epoch: epoch %zu has %g, "
                     "epoch %zu had %g", epoch, (double)rate, epoch - 1, (double)previous);
        previous = rate;
    }
    cr_expect_gt(previous, 0, "the last epoch still takes a (small) step");
    cr_expect_lt(previous, 0.01, "the last of 50 epochs should be close to 0, not %g",
                 (double)previous);
}
