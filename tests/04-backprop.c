/* Tests of chapter 4's library: every analytic gradient against central
   differences, accumulation, two consumers, XOR learning, stable softmax. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "backprop.h"

/* ---- finite differences of elementwise and whole-array functions --------- */

typedef void (*elementwise)(real *out, const real *inp, size_t n);

/* Checks an activation's backward against the central difference of its forward,
   at every point of inp, with an arbitrary upstream gradient. */
static real check_activation(elementwise forward,
                             void (*backward)(real *, const real *, const real *, size_t),
                             int backward_wants_output, const real *inp, size_t n) {
    real out[16], dout[16], dinp[16] = {0};
    cr_assert(n <= 16);
    forward(out, inp, n);
    for (size_t i = 0; i < n; i++) dout[i] = 0.5 + 0.25 * (real)i;
    backward(dinp, dout, backward_wants_output ? out : inp, n);
    real largest = 0;
    for (size_t i = 0; i < n; i++) {
        real up = inp[i] + 1e-5, down = inp[i] - 1e-5, y_up, y_down;
        forward(&y_up, &up, 1);
        forward(&y_down, &down, 1);
        real numeric = dout[i] * (y_up - y_down) / (up - down);
        real error = relative_error(dinp[i], numeric);
        if (error > largest) largest = error;
    }
    return largest;
}

static const real points[] = {-6, -2.5, -1, -0.3, 0.2, 0.7, 1.5, 4};
enum { N_POINTS = sizeof points / sizeof points[0] };

Test(activations, sigmoid_backward_matches_finite_differences) {
    cr_expect_lt(check_activation(sigmoid_forward, sigmoid_backward, 1, points, N_POINTS),
                 1e-7);
}

Test(activations, tanh_backward_matches_finite_differences) {
    cr_expect_lt(check_activation(tanh_forward, tanh_backward, 1, points, N_POINTS), 1e-7);
}

Test(activations, relu_backward_matches_finite_differences_away_from_zero) {
    cr_expect_lt(check_activation(relu_forward, relu_backward, 0, points, N_POINTS), 1e-7);
}

Test(activations, relu_backward_passes_nothing_below_zero) {
    real inp[3] = {-2, 0, 3}, dout[3] = {5, 5, 5}, dinp[3] = {0};
    relu_backward(dinp, dout, inp, 3);
    cr_expect_eq(dinp[0], 0);
    cr_expect_eq(dinp[1], 0, "the kink at 0 counts as flat");
    cr_expect_eq(dinp[2], 5);
}

Test(activations, derivative_facts) {
    real z = 0, y;
    sigmoid_forward(&y, &z, 1);
    cr_expect_float_eq(y * (1 - y), 0.25, 1e-15, "sigma'(0) = 1/4");
    for (real t = -5; t <= 5; t += 0.25) {
        real s = sigmoid(t), s2 = sigmoid(2 * t);
        cr_expect_leq(s * (1 - s), 0.25);
        cr_expect_float_eq(tanh(t), 2 * s2 - 1, 1e-12, "tanh(z) = 2 sigma(2z) - 1");
    }
}

Test(activations, sigmoid_is_finite_for_huge_inputs) {
    real inp[2] = {-1000, 1000}, out[2];
    sigmoid_forward(out, inp, 2);
    cr_expect_eq(out[0], 0);
    cr_expect_eq(out[1], 1);
}

/* ---- softmax and cross-entropy ------------------------------------------- */

Test(softmax, stable_for_huge_logits) {
    real logits[4] = {1000, -1000, 1000, 1000}, probs[4];
    softmax_forward(probs, logits, 2, 2);
    cr_expect_eq(probs[0], 1);
    cr_expect_eq(probs[1], 0);
    cr_expect_float_eq(probs[2], 0.5, 1e-15);
    cr_expect_float_eq(probs[3], 0.5, 1e-15);
    for (size_t k = 0; k < 4; k++) cr_expect(isfinite(probs[k]), "probs[%zu] is not finite", k);
}

Test(softmax, rows_sum_to_one_and_shift_invariant) {
    real logits[6] = {1, 2, 3, -1, 0, 5}, shifted[6], p[6], q[6];
    for (size_t k = 0; k < 6; k++) shifted[k] = logits[k] + 50;
    softmax_forward(p, logits, 2, 3);
    softmax_forward(q, shifted, 2, 3);
    for (size_t b = 0; b < 2; b++)
        cr_expect_float_eq(p[3 * b] + p[3 * b + 1] + p[3 * b + 2], 1, 1e-15);
    for (size_t k = 0; k < 6; k++) cr_expect_float_eq(p[k], q[k], 1e-15);
}

typedef struct {
    const int *labels;
    size_t B, C;
} ce_context;

static real logits_storage[12];

static real softmax_ce_loss(void *context) {
    const ce_context *ce = context;
    real probs[12];
    softmax_forward(probs, logits_storage, ce->B, ce->C);
    return cross_entropy_forward(probs, ce->labels, ce->B, ce->C);
}

Test(softmax, cross_entropy_gradient_is_p_minus_y) {
    const real start[12] = {0.3, -1.2, 2.0, 0.1, 1.0, 0.5, -0.7, 0.2, -2.0, 1.1, 0.0, 0.4};
    const int labels[3] = {2, 0, 3};
    memcpy(logits_storage, start, sizeof start);
    real probs[12], dlogits[12] = {0};
    softmax_forward(probs, logits_storage, 3, 4);
    softmax_cross_entropy_backward(dlogits, probs, labels, 3, 4);
    ce_context ce = {labels, 3, 4};
    cr_expect_lt(gradient_check(softmax_ce_loss, &ce, logits_storage, dlogits, 12, 1e-5),
                 1e-7);
    cr_expect_float_eq(dlogits[2], (probs[2] - 1) / 3, 1e-15, "(p - onehot) / B");
}

/* ---- losses --------------------------------------------------------------- */

typedef enum { MSE, MAE, HUBER } which_loss;
typedef struct {
    which_loss which;
    real *pred;
    const real *target;
    size_t n;
} loss_context;

static real regression_loss(void *context) {
    const loss_context *c = context;
    switch (c->which) {
    case MSE: return mse_forward(c->pred, c->target, c->n);
    case MAE: return mae_forward(c->pred, c->target, c->n);
    default: return huber_forward(c->pred, c->target, c->n, 1);
    }
}

static real check_loss(which_loss which) {
    real pred[5] = {0.3, -2.0, 1.7, 0.05, 4.0};
    const real target[5] = {1.0, 0.5, 1.2, -0.4, 0.1};
    real grad[5] = {0};
    switch (which) {
    case MSE: mse_backward(grad, pred, target, 5); break;
    case MAE: mae_backward(grad, pred, target, 5); break;
    case HUBER: huber_backward(grad, pred, target, 5, 1); break;
    }
    loss_context c = {which, pred, target, 5};
    return gradient_check(regression_loss, &c, pred, grad, 5, 1e-5);
}

Test(losses, mse_gradient) { cr_expect_lt(check_loss(MSE), 1e-7); }
Test(losses, mae_gradient) { cr_expect_lt(check_loss(MAE), 1e-7); }
Test(losses, huber_gradient_in_both_regimes) { cr_expect_lt(check_loss(HUBER), 1e-7); }

Test(losses, huber_is_quadratic_then_linear) {
    real zero = 0, half = 0.5, three = 3;
    cr_expect_float_eq(huber_forward(&half, &zero, 1, 1), 0.125, 1e-15);
    cr_expect_float_eq(huber_forward(&three, &zero, 1, 1), 2.5, 1e-15);
    real grad = 0;
    huber_backward(&grad, &three, &zero, 1, 1);
    cr_expect_float_eq(grad, 1, 1e-15, "the gradient is clipped to delta");
}

/* ---- the dense layer ------------------------------------------------------ */

enum { B = 3, N_IN = 4, N_OUT = 2 };

typedef struct {
    real inp[B * N_IN], weight[N_OUT * N_IN], bias[N_OUT];
    real dout[B * N_OUT];  // the scalar checked is sum(dout * out)
} dense_case;

static void dense_case_fill(dense_case *c) {
    rng_state rng;
    rng_seed(&rng, 7);
    for (size_t k = 0; k < B * N_IN; k++) c->inp[k] = rng_normal(&rng);
    for (size_t k = 0; k < N_OUT * N_IN; k++) c->weight[k] = rng_normal(&rng);
    for (size_t k = 0; k < N_OUT; k++) c->bias[k] = rng_normal(&rng);
    for (size_t k = 0; k < B * N_OUT; k++) c->dout[k] = rng_normal(&rng);
}

static real dense_case_loss(void *context) {
    const dense_case *c = context;
    real out[B * N_OUT], total = 0;
    dense_forward(out, c->inp, c->weight, c->bias, B, N_IN, N_OUT);
    for (size_t k = 0; k < B * N_OUT; k++) total += c->dout[k] * out[k];
    return total;
}

Test(dense, forward_computes_the_formula) {
    const real inp[2] = {1, 2}, weight[2] = {3, -1}, bias[1] = {0.5};
    real out[1];
    dense_forward(out, inp, weight, bias, 1, 2, 1);
    cr_expect_float_eq(out[0], 1 * 3 + 2 * -1 + 0.5, 1e-15);
}

Test(dense, backward_matches_finite_differences) {
    dense_case c;
    dense_case_fill(&c);
    real dinp[B * N_IN] = {0}, dweight[N_OUT * N_IN] = {0}, dbias[N_OUT] = {0};
    dense_backward(dinp, dweight, dbias, c.dout, c.inp, c.weight, B, N_IN, N_OUT);
    cr_expect_lt(gradient_check(dense_case_loss, &c, c.inp, dinp, B * N_IN, 1e-5), 1e-7,
                 "dinp");
    cr_expect_lt(gradient_check(dense_case_loss, &c, c.weight, dweight, N_OUT * N_IN, 1e-5),
                 1e-7, "dweight");
    cr_expect_lt(gradient_check(dense_case_loss, &c, c.bias, dbias, N_OUT, 1e-5), 1e-7,
                 "dbias");
}

Test(dense, backward_called_twice_accumulates) {
    dense_case c;
    dense_case_fill(&c);
    real once[B * N_IN + N_OUT * N_IN + N_OUT] = {0};
    real twice[B * N_IN + N_OUT * N_IN + N_OUT] = {0};
    real *parts[2] = {once, twice};
    for (size_t calls = 1; calls <= 2; calls++)
        for (size_t k = 0; k < calls; k++) {
            real *g = parts[calls - 1];
            dense_backward(g, g + B * N_IN, g + B * N_IN + N_OUT * N_IN, c.dout, c.inp,
                           c.weight, B, N_IN, N_OUT);
        }
    for (size_t k = 0; k < sizeof once / sizeof once[0]; k++)
        cr_expect_float_eq(twice[k], 2 * once[k], 1e-12, "gradient %zu did not accumulate", k);
}

Test(dense, null_dinp_is_skipped) {
    dense_case c;
    dense_case_fill(&c);
    real dweight[N_OUT * N_IN] = {0}, dbias[N_OUT] = {0};
    dense_backward(NULL, dweight, dbias, c.dout, c.inp, c.weight, B, N_IN, N_OUT);
    cr_expect_neq(dbias[0], 0);
}

/* One input row feeds two dense layers; its gradient is the sum of both. */
typedef struct {
    real inp[N_IN], weight_a[N_OUT * N_IN], weight_b[N_OUT * N_IN], bias[N_OUT];
    real dout_a[N_OUT], dout_b[N_OUT];
} two_consumers;

static real two_consumers_loss(void *context) {
    const two_consumers *c = context;
    real out_a[N_OUT], out_b[N_OUT], total = 0;
    dense_forward(out_a, c->inp, c->weight_a, c->bias, 1, N_IN, N_OUT);
    dense_forward(out_b, c->inp, c->weight_b, c->bias, 1, N_IN, N_OUT);
    for (size_t o = 0; o < N_OUT; o++) total += c->dout_a[o] * out_a[o] + c->dout_b[o] * out_b[o];
    return total;
}

Test(dense, value_with_two_consumers_gets_both_contributions) {
    two_consumers c;
    rng_state rng;
    rng_seed(&rng, 11);
    real *all = (real *)&c;
    for (size_t k = 0; k < sizeof c / sizeof(real); k++) all[k] = rng_normal(&rng);
    real dinp[N_IN] = {0}, dweight[N_OUT * N_IN] = {0}, dbias[N_OUT] = {0};
    dense_backward(dinp, dweight, dbias, c.dout_a, c.inp, c.weight_a, 1, N_IN, N_OUT);
    dense_backward(dinp, dweight, dbias, c.dout_b, c.inp, c.weight_b, 1, N_IN, N_OUT);
    cr_expect_lt(gradient_check(two_consumers_loss, &c, c.inp, dinp, N_IN, 1e-5), 1e-7);
    /* and the shared bias collects both too */
    cr_expect_float_eq(dbias[0], c.dout_a[0] + c.dout_b[0], 1e-12);
}

/* ---- the hand-derived networks ------------------------------------------- */

Test(neuron, gradient_is_the_formula) {
    const real params[3] = {0.5, -0.25, 0.1}, a[2] = {1, 2};
    real grad[3] = {0};
    real z = 0.5 * 1 - 0.25 * 2 + 0.1, y = 1 / (1 + exp(-z)), t = 1;
    neuron_backward(grad, params, a, t, 2);
    cr_expect_float_eq(grad[0], (y - t) * y * (1 - y) * a[0], 1e-15);
    cr_expect_float_eq(grad[1], (y - t) * y * (1 - y) * a[1], 1e-15);
    cr_expect_float_eq(grad[2], (y - t) * y * (1 - y), 1e-15);
}

Test(two_layer, zero_weights_give_the_textbook_numbers) {
    two_layer_net net;
    cr_assert_eq(two_layer_init(&net, 2, 3), 0);
    net.param.output_weight[1] = 2;  /* w_1 = 2, everything else 0 */
    const real x[2] = {1, 0.5};
    real t = 1, a = 0.5;              /* every hidden unit has z = 0 */
    real y = sigmoid(2 * a);
    real E = two_layer_backward(&net, x, t);
    cr_expect_float_eq(E, 0.5 * (y - t) * (y - t), 1e-15);
    real delta = (y - t) * y * (1 - y);
    cr_expect_float_eq(net.grad.output_weight[0], delta * a, 1e-15);
    cr_expect_float_eq(net.grad.output_bias[0], delta, 1e-15);
    /* dE/dv_ij = (y - t) y (1 - y) w_j a_j (1 - a_j) x_i, here for j = 1, i = 1 */
    cr_expect_float_eq(net.grad.hidden_weight[1 * 2 + 1], delta * 2 * a * (1 - a) * x[1], 1e-15);
    cr_expect_eq(net.grad.hidden_weight[0], 0, "w_0 = 0 sends no blame to unit 0");
    two_layer_free(&net);
}

Test(gradient_check, every_network_of_the_chapter) {
    gradient_check_row rows[GRADIENT_CHECKS];
    gradient_check_all(rows, 4);
    for (size_t k = 0; k < GRADIENT_CHECKS; k++) {
        cr_expect_geq(rows[k].largest_error, 0, "%s did not run", rows[k].name);
        cr_expect_lt(rows[k].largest_error, 1e-7, "%s: %g", rows[k].name,
                     rows[k].largest_error);
        cr_expect_gt(rows[k].n_params, 0);
    }
}

static real xor_loss_of(void *net) { return xor_loss(net); }

Test(gradient_check, catches_a_wrong_gradient) {
    two_layer_net net;
    rng_state rng;
    rng_seed(&rng, 3);
    cr_assert_eq(two_layer_init(&net, 2, 2), 0);
    two_layer_randomize(&net, &rng);
    two_layer_zero_grad(&net);
    xor_gradient(&net);
    cr_expect_lt(gradient_check(xor_loss_of, &net, net.params, net.grads, net.n_params, 1e-5),
                 1e-7);
    net.grads[0] *= 1.01;  /* a one-percent error in one derivative */
    cr_expect_gt(gradient_check(xor_loss_of, &net, net.params, net.grads, net.n_params, 1e-5),
                 1e-3);
    two_layer_free(&net);
}

/* ---- XOR ------------------------------------------------------------------ */

Test(xor, default_seed_learns_xor_below_loss_0_01) {
    two_layer_net net;
    rng_state rng;
    rng_seed(&rng, 2);
    cr_assert_eq(two_layer_init(&net, 2, 2), 0);
    two_layer_randomize(&net, &rng);
    size_t solved_at = xor_train(&net, 1, 3000, 0, NULL);
    cr_expect_neq(solved_at, XOR_UNSOLVED);
    cr_expect_lt(xor_loss(&net), 0.01, "loss %g after 3000 epochs", xor_loss(&net));
    for (size_t p = 0; p < XOR_PATTERNS; p++)
        cr_expect_lt(fabs(two_layer_forward(&net, xor_inputs[p]) - xor_targets[p]), 0.1);
    two_layer_free(&net);
}

Test(xor, training_is_deterministic) {
    real losses[2][101];
    for (size_t run = 0; run < 2; run++) {
        two_layer_net net;
        rng_state rng;
        rng_seed(&rng, 42);
        cr_assert_eq(two_layer_init(&net, 2, 3), 0);
        two_layer_randomize(&net, &rng);
        xor_train(&net, 1, 100, 0, losses[run]);
        two_layer_free(&net);
    }
    cr_expect_eq(memcmp(losses[0], losses[1], sizeof losses[0]), 0);
}

Test(xor, each_step_goes_downhill_with_a_small_rate) {
    two_layer_net net;
    rng_state rng;
    rng_seed(&rng, 5);
    cr_assert_eq(two_layer_init(&net, 2, 2), 0);
    two_layer_randomize(&net, &rng);
    real losses[51];
    xor_train(&net, 0.1, 50, 0, losses);
    for (size_t e = 0; e < 50; e++) cr_expect_lt(losses[e + 1], losses[e]);
    two_layer_free(&net);
}

Test(xor, eight_hidden_units_always_solve_it) {
    xor_survey_row row;
    cr_assert_eq(xor_survey(&row, 8, 20, 1, 1, 3000), 0);
    cr_expect_eq(row.n_solved, 20);
    cr_expect_leq(row.fastest, row.median);
    cr_expect_leq(row.median, row.slowest);
}

/* ---- vanishing gradients --------------------------------------------------- */

Test(vanishing, sigmoid_gradients_fade_relu_gradients_do_not) {
    real sig[10], relu[10];
    cr_assert_eq(layer_gradient_norms(sig, 10, 32, ACTIVATION_SIGMOID, 2), 0);
    cr_assert_eq(layer_gradient_norms(relu, 10, 32, ACTIVATION_RELU, 2), 0);
    cr_expect_lt(sig[0], 1e-3 * sig[9], "sigmoid: first %g, last %g", sig[0], sig[9]);
    cr_expect_gt(relu[0], 0.1 * relu[9], "ReLU: first %g, last %g", relu[0], relu[9]);
}
