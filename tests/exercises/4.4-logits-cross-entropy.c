/* Grades exercise 4.4: cross-entropy from logits. */
#include <criterion/criterion.h>
#include <math.h>

#include "backprop.h"

real cross_entropy_from_logits(const real *logits, const int *targets, size_t B,
                               size_t n_classes);

Test(exercise_4_4, agrees_with_softmax_then_cross_entropy) {
    const real logits[6] = {0.5, -1.0, 2.0, 3.0, 0.0, -2.5};
    const int targets[2] = {1, 0};
    real probs[6];
    softmax_forward(probs, logits, 2, 3);
    real expected = cross_entropy_forward(probs, targets, 2, 3);
    real got = cross_entropy_from_logits(logits, targets, 2, 3);
    cr_expect_float_eq(got, expected, 1e-12,
                       "for ordinary logits your loss %g should equal "
                       "cross_entropy_forward(softmax_forward(...)) = %g; remember the mean "
                       "over the batch.",
                       got, expected);
}

Test(exercise_4_4, huge_logits_give_a_finite_loss) {
    const real logits[4] = {1000, -1000, 1000, -1000};
    const int targets[2] = {1, 0};
    real got = cross_entropy_from_logits(logits, targets, 2, 2);
    cr_expect(isfinite(got),
              "logits {1000, -1000} gave %g: exp(1000) overflows. Subtract the row's largest "
              "logit m first: log(sum e^{z_k}) = m + log(sum e^{z_k - m}).",
              got);
    cr_expect_float_eq(got, (2000.0 + 0.0) / 2, 1e-9,
                       "the first example costs 2000 (class 1 is 2000 below class 0) and the "
                       "second costs 0, so the mean is 1000; you returned %g.",
                       got);
}
