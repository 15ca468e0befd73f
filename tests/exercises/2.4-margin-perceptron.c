/* Grades exercise 2.4: the perceptron with a margin. */
#include <criterion/criterion.h>

#include "perceptron.h"

int margin_perceptron_update(double *weights, double *bias, const double *x, size_t n_inputs,
                             int target, double learning_rate, double margin);

Test(exercise_2_4, updates_when_too_close) {
    double w[2] = {1.0, 0.0}, b = 0.0;
    const double x[2] = {0.5, 2.0};
    /* s = +1, net 0.5: right, but 0.5 <= 1, too close. */
    cr_assert_eq(margin_perceptron_update(w, &b, x, 2, 1, 1.0, 1.0), 1,
                 "net 0.5 is on the right side but within the margin 1: update and return 1");
    cr_assert(w[0] == 1.5 && w[1] == 2.0 && b == 1.0,
              "expected w = (1.5, 2), b = 1 after w += eta s x, got w = (%g, %g), b = %g",
              w[0], w[1], b);
    cr_assert_eq(margin_perceptron_update(w, &b, x, 2, 1, 1.0, 1.0), 0,
                 "net is now 5.75 > 1: no update, return 0");
}

Test(exercise_2_4, target_zero_pushes_down) {
    double w[2] = {0.0, 0.0}, b = -0.25;
    const double x[2] = {1.0, 1.0};
    /* s = -1, s * net = 0.25 <= 0.5: update towards negative. */
    cr_assert_eq(margin_perceptron_update(w, &b, x, 2, 0, 2.0, 0.5), 1,
                 "target 0 means s = -1; s * net = 0.25 is within the margin 0.5");
    cr_assert(w[0] == -2.0 && w[1] == -2.0 && b == -2.25,
              "expected w = (-2, -2), b = -2.25, got w = (%g, %g), b = %g", w[0], w[1], b);
}

Test(exercise_2_4, iris_setosa_with_a_margin) {
    iris_data data;
    char message[512];
    cr_assert_eq(iris_load("build/data/iris.json", &data, message, sizeof message), 0, "%s",
                 message);
    size_t n = data.n_samples;
    double *petals = malloc(2 * n * sizeof(double));
    iris_petals(&data, petals);
    double w[2] = {0.0, 0.0}, b = 0.0;
    size_t epoch = 0, updates = 1;
    while (updates > 0 && epoch < 10000) {
        updates = 0;
        for (size_t k = 0; k < n; k++)
            updates += (size_t)margin_perceptron_update(w, &b, &petals[2 * k], 2,
                                                        data.species[k] == 0, 0.1, 1.0);
        epoch++;
    }
    cr_assert_lt(epoch, 10000, "on separable data the margin rule must stop updating");
    cr_assert_gt(epoch, 1, "from zero weights the first epoch must update");
    for (size_t k = 0; k < n; k++) {
        double net = tlu_net(w, b, &petals[2 * k], 2);
        double s = data.species[k] == 0 ? 1.0 : -1.0;
        cr_assert_gt(s * net, 1.0, "after convergence every flower is beyond the margin");
    }
    free(petals);
    iris_free(&data);
}
