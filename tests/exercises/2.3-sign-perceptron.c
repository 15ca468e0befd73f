/* Grades exercise 2.3: the perceptron with the sign activation. */
#include <criterion/criterion.h>

#include "perceptron.h"

int sign_perceptron_update(double *weights, double *bias, const double *x, size_t n_inputs,
                           int target, double learning_rate);

Test(exercise_2_3, moves_on_a_mistake) {
    double w[2] = {0.0, 0.0}, b = 0.0;
    const double x[2] = {1.0, -1.0};
    /* net 0 -> sign +1, target -1: a mistake; w -= 0.5 x, b -= 0.5. */
    int moved = sign_perceptron_update(w, &b, x, 2, -1, 0.5);
    cr_assert_eq(moved, 1, "x = (1, -1) with target -1 and zero weights is a mistake "
                           "(sign_step(0) = +1): return 1");
    cr_assert(w[0] == -0.5 && w[1] == 0.5 && b == -0.5,
              "after the update expected w = (-0.5, 0.5), b = -0.5, got w = (%g, %g), "
              "b = %g: the rule is w += eta * t * x with t = -1", w[0], w[1], b);
}

Test(exercise_2_3, stays_put_when_right) {
    double w[2] = {1.0, 1.0}, b = -1.5;
    const double x[2] = {1.0, 1.0};
    cr_assert_eq(sign_perceptron_update(w, &b, x, 2, +1, 1.0), 0,
                 "net 0.5 gives +1, the target: no mistake, return 0");
    cr_assert(w[0] == 1.0 && w[1] == 1.0 && b == -1.5, "a right answer must not move weights");
}

Test(exercise_2_3, learns_and_in_plus_minus_one_coding) {
    const double inputs[8] = {-1, -1, -1, 1, 1, -1, 1, 1};
    const int targets[4] = {-1, -1, -1, 1};
    double w[2] = {0.0, 0.0}, b = 0.0;
    size_t epoch = 0, mistakes = 1;
    while (mistakes > 0 && epoch < 100) {
        mistakes = 0;
        for (size_t k = 0; k < 4; k++)
            mistakes += (size_t)sign_perceptron_update(w, &b, &inputs[2 * k], 2, targets[k], 1.0);
        epoch++;
    }
    cr_assert_lt(epoch, 100, "AND with inputs and targets in {-1, +1} is linearly separable: "
                             "the rule must stop making mistakes");
    for (size_t k = 0; k < 4; k++)
        cr_assert_eq(sign_step(tlu_net(w, b, &inputs[2 * k], 2)), targets[k],
                     "after training, row %zu of AND (in the -1/+1 coding) is still wrong", k);
    cr_assert_gt(epoch, 1, "from zero weights the first epoch must make mistakes");
}
