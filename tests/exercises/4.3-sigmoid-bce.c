/* Grades exercise 4.3: sigmoid + binary cross-entropy. */
#include <criterion/criterion.h>
#include <math.h>

#include "backprop.h"

real binary_cross_entropy_forward(const real *probs, const real *targets, size_t n);
void sigmoid_binary_cross_entropy_backward(real *dlogits, const real *probs,
                                           const real *targets, size_t n);

enum { N = 5 };
static real logits[N] = {-2.0, -0.3, 0.1, 1.4, 3.0};
static const real targets[N] = {0, 1, 1, 0.25, 1};

/* The test's own loss of the logits, so that the backward is graded on its own. */
static real loss_of_logits(void *context) {
    (void)context;
    real probs[N], total = 0;
    sigmoid_forward(probs, logits, N);
    for (size_t k = 0; k < N; k++)
        total -= targets[k] * log(probs[k]) + (1 - targets[k]) * log(1 - probs[k]);
    return total / N;
}

Test(exercise_4_3, forward) {
    real probs[N], expected = 0;
    sigmoid_forward(probs, logits, N);
    for (size_t k = 0; k < N; k++)
        expected -= targets[k] * log(probs[k]) + (1 - targets[k]) * log(1 - probs[k]);
    expected /= N;
    cr_assert_float_eq(expected, loss_of_logits(NULL), 1e-15);
    real got = binary_cross_entropy_forward(probs, targets, N);
    cr_expect_float_eq(got, expected, 1e-12,
                       "binary_cross_entropy_forward returned %g, expected %g: the MEAN over "
                       "the n outputs of -(t log p + (1 - t) log(1 - p)).",
                       got, expected);
}

Test(exercise_4_3, backward_matches_finite_differences) {
    real probs[N], dlogits[N] = {0};
    sigmoid_forward(probs, logits, N);
    sigmoid_binary_cross_entropy_backward(dlogits, probs, targets, N);
    real error = gradient_check(loss_of_logits, NULL, logits, dlogits, N, 1e-5);
    cr_expect_lt(error, 1e-7,
                 "the gradient with respect to the logits disagrees with central differences "
                 "of the loss (largest relative error %g). Multiply dE/dp by the sigmoid's "
                 "slope p (1 - p) and simplify: almost everything cancels. Remember the 1/n of "
                 "the mean.",
                 error);
}

Test(exercise_4_3, backward_accumulates) {
    real probs[N], once[N] = {0}, twice[N] = {0};
    sigmoid_forward(probs, logits, N);
    sigmoid_binary_cross_entropy_backward(once, probs, targets, N);
    sigmoid_binary_cross_entropy_backward(twice, probs, targets, N);
    sigmoid_binary_cross_entropy_backward(twice, probs, targets, N);
    cr_expect_neq(once[0], 0, "the backward added nothing to dlogits");
    for (size_t k = 0; k < N; k++)
        cr_expect_float_eq(twice[k], 2 * once[k], 1e-12,
                           "calling the backward twice should add the gradient twice "
                           "(+= into dlogits, never =); dlogits[%zu] is %g after two calls "
                           "and %g after one.",
                           k, twice[k], once[k]);
}
