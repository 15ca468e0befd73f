/* Tests of chapter 2: the TLU, Rosenblatt's rule, the iris reader, the convergence
   bound and the XOR cycle. Run from the repository root. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "perceptron.h"

/* ---- random numbers ---- */

Test(rng, same_seed_same_sequence) {
    rng_state a, b;
    rng_seed(&a, 42);
    rng_seed(&b, 42);
    for (int i = 0; i < 100; i++) cr_assert_eq(rng_next(&a), rng_next(&b));
    rng_seed(&b, 43);
    rng_seed(&a, 42);
    cr_assert_neq(rng_next(&a), rng_next(&b), "different seeds must give different streams");
}

Test(rng, splitmix64_reference_value) {
    /* The first output of splitmix64 seeded with 0 (the published reference value). */
    rng_state rng;
    rng_seed(&rng, 0);
    cr_assert_eq(rng_next(&rng), UINT64_C(0xe220a8397b1dcdaf));
}

Test(rng, uniform_in_unit_interval_with_mean_one_half) {
    rng_state rng;
    rng_seed(&rng, 7);
    double sum = 0.0;
    for (int i = 0; i < 100000; i++) {
        double u = rng_uniform(&rng);
        cr_assert(u >= 0.0 && u < 1.0, "uniform gave %g", u);
        sum += u;
    }
    cr_assert_float_eq(sum / 100000, 0.5, 0.01);
}

Test(rng, normal_has_mean_zero_variance_one) {
    rng_state rng;
    rng_seed(&rng, 9);
    double sum = 0.0, squares = 0.0;
    int n = 200000;
    for (int i = 0; i < n; i++) {
        double z = rng_normal(&rng);
        cr_assert(isfinite(z));
        sum += z;
        squares += z * z;
    }
    cr_assert_float_eq(sum / n, 0.0, 0.01);
    cr_assert_float_eq(squares / n, 1.0, 0.02);
}

Test(rng, below_stays_in_range_and_hits_every_value) {
    rng_state rng;
    rng_seed(&rng, 3);
    size_t counts[7] = {0};
    for (int i = 0; i < 70000; i++) {
        size_t r = rng_below(&rng, 7);
        cr_assert_lt(r, 7);
        counts[r]++;
    }
    for (int v = 0; v < 7; v++) cr_assert(counts[v] > 9500 && counts[v] < 10500, "value %d: %zu", v, counts[v]);
    cr_assert_eq(rng_below(&rng, 1), 0);
}

Test(rng, shuffle_is_a_permutation) {
    rng_state rng;
    rng_seed(&rng, 5);
    size_t items[50];
    for (size_t i = 0; i < 50; i++) items[i] = i;
    rng_shuffle(&rng, items, 50);
    int seen[50] = {0}, moved = 0;
    for (size_t i = 0; i < 50; i++) {
        cr_assert_lt(items[i], 50);
        seen[items[i]]++;
        moved += items[i] != i;
    }
    for (size_t i = 0; i < 50; i++) cr_assert_eq(seen[i], 1);
    cr_assert_gt(moved, 25, "a shuffle of 50 items should move most of them");
    rng_shuffle(&rng, items, 0); /* nothing to do, must not crash */
}

/* ---- the threshold logic unit ---- */

Test(tlu, net_steps_and_output) {
    const double w[3] = {0.5, -1.0, 2.0}, x[3] = {2.0, 1.0, 0.25};
    cr_assert_float_eq(tlu_net(w, -0.5, x, 3), 0.5 * 2 - 1 + 0.5 - 0.5, 1e-12);
    cr_assert_eq(heaviside(0.0), 1);
    cr_assert_eq(heaviside(-1e-300), 0);
    cr_assert_eq(heaviside(3.0), 1);
    cr_assert_eq(sign_step(0.0), 1);
    cr_assert_eq(sign_step(-2.0), -1);
    cr_assert_eq(tlu_output(w, -0.5, x, 3), 1);
    cr_assert_eq(tlu_output(w, -0.6, x, 3), 0);
}

Test(tlu, update_on_a_false_positive) {
    /* Worked in the text: from zero, x = (1, 1) with target 0 is a mistake. */
    double w[2] = {0.0, 0.0}, b = 0.0;
    const double x[2] = {1.0, 1.0};
    cr_assert_eq(perceptron_update(w, &b, x, 2, 0, 1.0), 1);
    cr_assert_float_eq(w[0], -1.0, 1e-12);
    cr_assert_float_eq(w[1], -1.0, 1e-12);
    cr_assert_float_eq(b, -1.0, 1e-12);
    cr_assert_eq(tlu_output(w, b, x, 2), 0);
}

Test(tlu, update_on_a_false_negative_with_a_learning_rate) {
    /* net = -1 + 0 = -1 -> output 0, target 1: w += 0.5 * (2, -1), b += 0.5. */
    double w[2] = {0.0, 3.0}, b = -1.0;
    const double x[2] = {2.0, -0.0};
    cr_assert_eq(perceptron_update(w, &b, x, 2, 1, 0.5), 1);
    cr_assert_float_eq(w[0], 1.0, 1e-12);
    cr_assert_float_eq(w[1], 3.0, 1e-12);
    cr_assert_float_eq(b, -0.5, 1e-12);
}

Test(tlu, no_update_when_right) {
    double w[2] = {1.0, 1.0}, b = -1.5;
    const double x[2] = {1.0, 1.0};
    cr_assert_eq(perceptron_update(w, &b, x, 2, 1, 1.0), 0);
    cr_assert_eq(perceptron_update(w, &b, (const double[]){0.0, 1.0}, 2, 0, 1.0), 0);
    cr_assert(w[0] == 1.0 && w[1] == 1.0 && b == -1.5, "weights moved on a right answer");
}

/* ---- the layer ---- */

Test(layer, net_is_x_w_plus_b) {
    /* X (2, 2), W^T (3, 2), b (3): Z = X W + b by hand. */
    const double inputs[4] = {1, 2, -1, 0.5};
    const double weights[6] = {1, 0, 0, 1, 2, -1};
    const double biases[3] = {0.5, 0, -1};
    const double expected[6] = {1.5, 2, -1, -0.5, 0.5, -3.5};
    double nets[6];
    layer_net(nets, inputs, weights, biases, 2, 2, 3);
    for (int k = 0; k < 6; k++) cr_assert_float_eq(nets[k], expected[k], 1e-12, "entry %d", k);
}

Test(layer, update_targets_one_hot_and_classify_takes_largest) {
    double weights[6] = {0}, biases[3] = {0};
    const double x[2] = {1.0, 2.0};
    /* From zero every output says 1; class 2 is right only for output 2. */
    cr_assert_eq(layer_update(weights, biases, x, 2, 3, 2, 1.0), 2);
    cr_assert_float_eq(weights[0], -1.0, 1e-12);
    cr_assert_float_eq(weights[3], -2.0, 1e-12);
    cr_assert_float_eq(weights[4], 0.0, 1e-12);
    cr_assert_float_eq(biases[2], 0.0, 1e-12);
    cr_assert_eq(layer_classify(weights, biases, x, 2, 3), 2);
    cr_assert_eq(layer_update(weights, biases, x, 2, 3, 2, 1.0), 0);
}

/* ---- training ---- */

Test(training, gates_learned_exactly) {
    for (size_t g = 0; g < 3; g++) {
        double w[2] = {0.0, 0.0}, b = 0.0;
        size_t order[4];
        training_summary s = perceptron_train(w, &b, truth_table_inputs, logic_gates[g].targets,
                                              4, 2, 1.0, 100, order, NULL, NULL);
        cr_assert(s.converged, "%s did not converge", logic_gates[g].name);
        cr_assert_gt(s.mistakes, 0);
        for (size_t row = 0; row < 4; row++)
            cr_assert_eq(tlu_output(w, b, &truth_table_inputs[2 * row], 2),
                         logic_gates[g].targets[row], "%s row %zu", logic_gates[g].name, row);
    }
}

Test(training, same_seed_same_weights) {
    double w1[2] = {0}, w2[2] = {0}, b1 = 0, b2 = 0;
    size_t order[4];
    rng_state r1, r2;
    rng_seed(&r1, 11);
    rng_seed(&r2, 11);
    perceptron_train(w1, &b1, truth_table_inputs, logic_gates[0].targets, 4, 2, 0.3, 100, order, &r1, NULL);
    perceptron_train(w2, &b2, truth_table_inputs, logic_gates[0].targets, 4, 2, 0.3, 100, order, &r2, NULL);
    cr_assert(w1[0] == w2[0] && w1[1] == w2[1] && b1 == b2);
}

Test(training, xor_never_converges_and_cycles) {
    const int *xor_targets = logic_gates[3].targets;
    double w[2] = {0.0, 0.0}, b = 0.0;
    size_t order[4], mistakes[1000];
    rng_state rng;
    rng_seed(&rng, 1);
    training_summary s = perceptron_train(w, &b, truth_table_inputs, xor_targets, 4, 2, 1.0,
                                          1000, order, &rng, mistakes);
    cr_assert_not(s.converged);
    cr_assert_eq(s.epochs, 1000);
    for (size_t e = 0; e < 1000; e++) cr_assert_gt(mistakes[e], 0, "epoch %zu had no mistake", e);
    size_t wrong = 0;
    for (size_t row = 0; row < 4; row++)
        wrong += tlu_output(w, b, &truth_table_inputs[2 * row], 2) != xor_targets[row];
    cr_assert_gt(wrong, 0, "a single TLU computing XOR is impossible");

    double history[(50 + 1) * 3];
    size_t start, length, fixed[50];
    w[0] = w[1] = b = 0.0;
    size_t epochs = perceptron_find_cycle(w, &b, truth_table_inputs, xor_targets, 4, 2, 1.0, 50,
                                          fixed, history, &start, &length);
    cr_assert_eq(epochs, 50);
    cr_assert_gt(length, 0, "in index order the weights must repeat");
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(history[3 * start + i], history[3 * (start + length) + i]);
}

Test(training, find_cycle_stops_on_convergence) {
    double w[2] = {0.0, 0.0}, b = 0.0, history[(20 + 1) * 3];
    size_t start, length, mistakes[20];
    size_t epochs = perceptron_find_cycle(w, &b, truth_table_inputs, logic_gates[1].targets, 4, 2,
                                          1.0, 20, mistakes, history, &start, &length);
    cr_assert_lt(epochs, 20);
    cr_assert_eq(mistakes[epochs - 1], 0);
    cr_assert_eq(length, 0);
}

/* ---- the convergence theorem ---- */

Test(convergence, radius_and_margin_by_hand) {
    const double inputs[4] = {3.0, 0.0, 0.0, 1.0};
    const int targets[2] = {1, 0};
    cr_assert_float_eq(augmented_radius(inputs, 2, 2), sqrt(10.0), 1e-12);
    /* u along (1, -1, 0): x1 gives 3/sqrt2, x2 (target 0) gives +1/sqrt2. */
    const double separator[3] = {2.0, -2.0, 0.0};
    cr_assert_float_eq(separation_margin(separator, inputs, targets, 2, 2), 1.0 / sqrt(2.0), 1e-12);
    const double wrong_way[3] = {-1.0, 1.0, 0.0};
    cr_assert_lt(separation_margin(wrong_way, inputs, targets, 2, 2), 0.0);
}

Test(convergence, mistakes_stay_below_the_bound) {
    const double margins[] = {0.2, 0.05, 0.01};
    enum { N = 300 };
    double inputs[2 * N], separator[3];
    int targets[N];
    size_t order[N];
    rng_state rng;
    rng_seed(&rng, 2024);
    for (size_t m = 0; m < 3; m++)
        for (int trial = 0; trial < 5; trial++) {
            make_separable_data(inputs, targets, separator, N, margins[m], &rng);
            cr_assert_float_eq(separator[0] * separator[0] + separator[1] * separator[1] +
                                   separator[2] * separator[2], 1.0, 1e-12);
            double gamma = separation_margin(separator, inputs, targets, N, 2);
            cr_assert_geq(gamma, margins[m], "the generator promised a margin");
            double radius = augmented_radius(inputs, N, 2);
            double w[2] = {0.0, 0.0}, b = 0.0;
            training_summary s = perceptron_train(w, &b, inputs, targets, N, 2, 1.0, 100000,
                                                  order, &rng, NULL);
            cr_assert(s.converged);
            cr_assert_leq((double)s.mistakes, (radius / gamma) * (radius / gamma));
            for (size_t k = 0; k < N; k++)
                cr_assert_eq(tlu_output(w, b, &inputs[2 * k], 2), targets[k]);
        }
}

/* ---- iris ---- */

Test(iris, real_data_setosa_separated_with_zero_errors) {
    iris_data data;
    char message[512];
    cr_assert_eq(iris_load("build/data/iris.json", &data, message, sizeof message), 0,
                 "%s", message);
    cr_assert_eq(data.n_samples, 150);
    size_t per_species[3] = {0};
    for (size_t s = 0; s < 150; s++) per_species[data.species[s]]++;
    for (int j = 0; j < 3; j++) cr_assert_eq(per_species[j], 50);
    cr_assert_float_eq(data.measurements[0], 5.1, 1e-12);
    cr_assert_float_eq(data.measurements[3], 0.2, 1e-12);
    double petals[300];
    int targets[150];
    size_t order[150];
    iris_petals(&data, petals);
    for (size_t s = 0; s < 150; s++) targets[s] = data.species[s] == 0;
    for (uint64_t seed = 1; seed <= 5; seed++) {
        rng_state rng;
        rng_seed(&rng, seed);
        double w[2] = {0.0, 0.0}, b = 0.0;
        training_summary s = perceptron_train(w, &b, petals, targets, 150, 2, 1.0, 1000, order,
                                              &rng, NULL);
        cr_assert(s.converged, "seed %llu", (unsigned long long)seed);
        for (size_t k = 0; k < 150; k++)
            cr_assert_eq(tlu_output(w, b, &petals[2 * k], 2), targets[k]);
        /* The program's default seed: the chapter's prediction. (A 2.0 cm petal is
           longer than any setosa's, so other orders may put the line on its left.) */
        if (seed == 1)
            cr_assert_eq(tlu_output(w, b, (const double[]){2.0, 0.5}, 2), 1,
                         "with seed 1, a 2.0 x 0.5 cm petal is a setosa");
    }
    iris_free(&data);
}

/* Writes text to a fresh file named iris.json in a temporary directory and loads it. */
static int load_text(const char *text, size_t length, char *message, size_t size,
                     iris_data *data) {
    char dir[] = "/tmp/perceptron-test-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/iris.json", dir);
    FILE *file = fopen(path, "wb");
    cr_assert_not_null(file);
    fwrite(text, 1, length, file);
    fclose(file);
    int status = iris_load(path, data, message, size);
    remove(path);
    rmdir(dir);
    return status;
}

static void assert_refused(const char *text, const char *expected) {
    iris_data data = {0, NULL, NULL};
    char message[512] = "";
    cr_assert_eq(load_text(text, strlen(text), message, sizeof message, &data), -1,
                 "accepted a bad file:\n%s", text);
    cr_assert_not_null(strstr(message, expected), "message '%s' should contain '%s'", message,
                       expected);
    cr_assert_null(data.measurements);
}

static const char good[] = "[\n  [5.1, 3.5, 1.4, 0.2, \"setosa\"],\n"
                           "  [7, 3.2, 4.7, 1.4, \"versicolor\"],\n"
                           "  [6.3, 3.3, 6e0, 2.5E+0, \"virginica\"]\n]\n";

Test(iris, small_good_file) {
    iris_data data;
    char message[512];
    cr_assert_eq(load_text(good, strlen(good), message, sizeof message, &data), 0, "%s", message);
    cr_assert_eq(data.n_samples, 3);
    cr_assert_eq(data.species[2], 2);
    cr_assert_float_eq(data.measurements[2 * 4 + 2], 6.0, 1e-12);
    cr_assert_float_eq(data.measurements[2 * 4 + 3], 2.5, 1e-12);
    cr_assert_str_eq(iris_species_name(1), "versicolor");
    iris_free(&data);
}

Test(iris, truncated_files_are_refused_at_every_length) {
    size_t n = strlen(good);
    for (size_t cut = 0; cut + 1 < n; cut++) { /* the last byte is a harmless newline */
        iris_data data = {0, NULL, NULL};
        char message[512] = "";
        int status = load_text(good, cut, message, sizeof message, &data);
        cr_assert_eq(status, -1, "a file cut after %zu bytes was accepted", cut);
        cr_assert_not_null(strstr(message, "iris.json:"), "no line in '%s'", message);
    }
}

Test(iris, malformed_rows_name_their_line) {
    assert_refused("[\n  [5.1, 3.5, 1.4, 0.2, \"setosa\"],\n  [5.1, 3.5, 1.4, \"setosa\"]\n]",
                   "iris.json:3: expected a number, found '\"'");
    assert_refused("[\n  [5.1, 3.5, 1.4, 0.2, \"setosa\"]\n  [1, 2, 3, 4, \"setosa\"]\n]",
                   "iris.json:3: expected ',' or ']' after a row");
    assert_refused("[\n[1., 2, 3, 4, \"setosa\"]]", "iris.json:2: expected a digit after");
    assert_refused("[\n\n[1, 2, 3, 4, \"rose\"]]", "iris.json:3: unknown species \"rose\"");
    assert_refused("[[1, 2, nan, 4, \"setosa\"]]", "iris.json:1: expected a number, found 'n'");
    assert_refused("[[1, 2, -3, 4, \"setosa\"]]", "not between 0 and 100 cm");
    assert_refused("[[1, 2, 1e999, 4, \"setosa\"]]", "not between 0 and 100 cm");
    assert_refused("[[1, 2, 3, 4, 5, \"setosa\"]]", "expected a species name in quotes");
    assert_refused("[[1, 2, 3, 4, \"setosa\", 6]]", "expected ']' to close the row");
    assert_refused("[[1, 2, 3, 4, \"set\\u006fsa\"]]", "closed by");
    assert_refused("[[1, 2, 3, 4, \"setosa\"]] extra", "expected nothing after the closing ']'");
    assert_refused("[]", "expected '[' to open a row");
    assert_refused("", "iris.json:1: expected '[' at the start of the file, found the end");
    assert_refused("<html>404</html>", "found '<'");
}

Test(iris, embedded_zero_byte_is_refused) {
    const char text[] = "[[1, 2, 3\0, 4, \"setosa\"]]";
    iris_data data;
    char message[512];
    cr_assert_eq(load_text(text, sizeof text - 1, message, sizeof message, &data), -1);
    cr_assert_not_null(strstr(message, "byte 0x00"), "%s", message);
}

Test(iris, missing_file_says_how_to_fetch_it) {
    iris_data data;
    char message[512];
    cr_assert_eq(iris_load("/nonexistent/iris.json", &data, message, sizeof message), -1);
    cr_assert_not_null(strstr(message, "make data"), "%s", message);
}
