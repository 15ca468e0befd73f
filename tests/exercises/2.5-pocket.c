/* Grades exercise 2.5: the pocket algorithm. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "perceptron.h"

size_t pocket_train(double *pocket_weights, double *pocket_bias, const double *inputs,
                    const int *targets, size_t n_samples, size_t n_inputs,
                    double learning_rate, size_t max_epochs, rng_state *rng);

static size_t errors_of(const double *w, double b, const double *inputs, const int *targets,
                        size_t n, size_t n_inputs) {
    size_t errors = 0;
    for (size_t k = 0; k < n; k++)
        errors += tlu_output(w, b, &inputs[k * n_inputs], n_inputs) != targets[k];
    return errors;
}

Test(exercise_2_5, xor_best_line_gets_three_of_four) {
    double w[2] = {0.0, 0.0}, b = 0.0;
    rng_state rng;
    rng_seed(&rng, 1);
    size_t reported = pocket_train(w, &b, truth_table_inputs, logic_gates[3].targets, 4, 2,
                                   1.0, 100, &rng);
    size_t actual = errors_of(w, b, truth_table_inputs, logic_gates[3].targets, 4, 2);
    cr_assert_eq(reported, actual, "pocket_train returned %zu errors, but the pocket weights "
                                   "make %zu: return the pocket's own error count",
                 reported, actual);
    cr_assert_eq(actual, 1, "no line gets XOR right, but one gets 3 of 4 rows: the pocket "
                            "should hold such a line, it holds one with %zu errors", actual);
}

Test(exercise_2_5, separable_data_end_with_zero_errors) {
    double w[2] = {0.0, 0.0}, b = 0.0;
    rng_state rng;
    rng_seed(&rng, 2);
    size_t reported = pocket_train(w, &b, truth_table_inputs, logic_gates[0].targets, 4, 2,
                                   1.0, 100, &rng);
    cr_assert_eq(reported, 0, "AND is separable: the pocket must end with zero errors");
    cr_assert_eq(errors_of(w, b, truth_table_inputs, logic_gates[0].targets, 4, 2), 0);
}

Test(exercise_2_5, versicolor_beats_the_last_weights) {
    iris_data data;
    char message[512];
    cr_assert_eq(iris_load("build/data/iris.json", &data, message, sizeof message), 0, "%s",
                 message);
    size_t n = data.n_samples;
    double *petals = malloc(2 * n * sizeof(double));
    int *targets = malloc(n * sizeof(int));
    size_t *order = malloc(n * sizeof(size_t));
    iris_petals(&data, petals);
    for (size_t k = 0; k < n; k++) targets[k] = data.species[k] == 1; /* versicolor */
    rng_state rng;
    rng_seed(&rng, 3);
    double w[2] = {0.0, 0.0}, b = 0.0;
    size_t pocket = pocket_train(w, &b, petals, targets, n, 2, 1.0, 50, &rng);
    cr_assert_eq(pocket, errors_of(w, b, petals, targets, n, 2),
                 "return the pocket weights' own error count");
    double last_w[2] = {0.0, 0.0}, last_b = 0.0;
    rng_seed(&rng, 3);
    perceptron_train(last_w, &last_b, petals, targets, n, 2, 1.0, 50, order, &rng, NULL);
    size_t last = errors_of(last_w, last_b, petals, targets, n, 2);
    cr_assert_leq(pocket, last, "the pocket (%zu errors) must do at least as well as the "
                                "weights where plain training stopped (%zu)", pocket, last);
    cr_assert_leq(pocket, 50, "versicolor is a third of the flowers: calling everything "
                              "'not versicolor' already makes only 50 errors");
    free(petals);
    free(targets);
    free(order);
    iris_free(&data);
}
