/* Tests of chapter 1: McCulloch-Pitts units, networks and the catalogue. */
#include <criterion/criterion.h>
#include <string.h>

#include "mp.h"

/* Each gate against the same function written with C's logical operators. */
static void reference(const char *name, int *outputs, const int *in) {
    if (strcmp(name, "identity") == 0) outputs[0] = in[0];
    else if (strcmp(name, "and") == 0) outputs[0] = in[0] && in[1];
    else if (strcmp(name, "or") == 0) outputs[0] = in[0] || in[1];
    else if (strcmp(name, "and-not") == 0) outputs[0] = in[0] && !in[1];
    else if (strcmp(name, "not") == 0) outputs[0] = !in[0];
    else if (strcmp(name, "nor") == 0) outputs[0] = !(in[0] || in[1]);
    else if (strcmp(name, "nand") == 0) outputs[0] = !(in[0] && in[1]);
    else if (strcmp(name, "xor") == 0) outputs[0] = in[0] != in[1];
    else if (strcmp(name, "half-adder") == 0) {
        outputs[0] = (in[0] + in[1]) & 1;
        outputs[1] = (in[0] + in[1]) >> 1;
    } else cr_assert_fail("the test has no reference for gate '%s'", name);
}

Test(gates, every_truth_table_matches_logic) {
    cr_assert_eq(mp_gate_count(), 9, "the chapter has 9 gates");
    for (size_t g = 0; g < mp_gate_count(); g++) {
        const mp_gate *gate = mp_gate_at(g);
        for (int row = 0; row < 1 << gate->n_inputs; row++) {
            int inputs[2] = {row >> (gate->n_inputs - 1) & 1, row & 1};
            int got[2] = {-1, -1}, want[2] = {-1, -1};
            mp_gate_evaluate(gate, got, inputs);
            reference(gate->name, want, inputs);
            for (size_t o = 0; o < gate->n_outputs; o++)
                cr_expect_eq(got[o], want[o], "%s on row %d, output %zu: got %d, want %d",
                             gate->name, row, o, got[o], want[o]);
        }
    }
}

Test(units, inhibition_is_absolute) {
    /* An AND-NOT unit with many excitatory inputs on and one inhibitory on. */
    mp_unit unit = {.n_inputs = 5,
                    .synapses = {EXCITATORY, EXCITATORY, EXCITATORY, EXCITATORY, INHIBITORY},
                    .threshold = 1};
    cr_expect_eq(mp_unit_fire(&unit, (const int[]){1, 1, 1, 1, 1}), 0);
    cr_expect_eq(mp_unit_fire(&unit, (const int[]){1, 1, 1, 1, 0}), 1);
    cr_expect_eq(mp_unit_fire(&unit, (const int[]){0, 0, 0, 0, 0}), 0);
}

Test(units, threshold_counts_excitatory_inputs) {
    for (unsigned threshold = 0; threshold <= 4; threshold++) {
        mp_unit unit = {.n_inputs = 3,
                        .synapses = {EXCITATORY, EXCITATORY, EXCITATORY},
                        .threshold = threshold};
        for (int row = 0; row < 8; row++) {
            int in[3] = {row >> 2 & 1, row >> 1 & 1, row & 1};
            unsigned on = (unsigned)(in[0] + in[1] + in[2]);
            cr_expect_eq(mp_unit_fire(&unit, in), on >= threshold,
                         "threshold %u, %u inputs on", threshold, on);
        }
    }
}

Test(units, threshold_zero_fires_at_rest) {
    cr_expect_eq(mp_unit_fire(&MP_NOT, (const int[]){0}), 1);
    cr_expect_eq(mp_unit_fire(&MP_NOT, (const int[]){1}), 0);
}

Test(networks, half_adder_adds) {
    for (int a = 0; a <= 1; a++)
        for (int b = 0; b <= 1; b++) {
            int sum = -1, carry = -1;
            mp_half_adder(&sum, &carry, a, b);
            cr_expect_eq(2 * carry + sum, a + b, "%d + %d", a, b);
        }
}

Test(weighted, translation_agrees_with_every_single_unit) {
    size_t checked = 0;
    for (size_t g = 0; g < mp_gate_count(); g++) {
        const mp_unit *unit = mp_gate_at(g)->unit;
        if (!unit) continue;
        weighted_unit w = weighted_from_mp(unit);
        for (int row = 0; row < 1 << unit->n_inputs; row++) {
            int in[MP_MAX_INPUTS];
            for (size_t i = 0; i < unit->n_inputs; i++) in[i] = row >> i & 1;
            cr_expect_eq(weighted_unit_fire(&w, in), mp_unit_fire(unit, in),
                         "%s, row %d", mp_gate_at(g)->name, row);
        }
        checked++;
    }
    cr_expect_eq(checked, 6, "six single-unit gates");
}

Test(weighted, translation_holds_for_wide_units) {
    /* Four excitatory inputs and two inhibitory ones, every threshold. */
    for (unsigned threshold = 0; threshold <= 4; threshold++) {
        mp_unit unit = {.n_inputs = 6,
                        .synapses = {EXCITATORY, INHIBITORY, EXCITATORY, EXCITATORY,
                                     INHIBITORY, EXCITATORY},
                        .threshold = threshold};
        weighted_unit w = weighted_from_mp(&unit);
        for (int row = 0; row < 64; row++) {
            int in[6];
            for (int i = 0; i < 6; i++) in[i] = row >> i & 1;
            cr_expect_eq(weighted_unit_fire(&w, in), mp_unit_fire(&unit, in),
                         "threshold %u, row %d", threshold, row);
        }
    }
}

Test(weighted, nand_is_one_weighted_unit) {
    for (int a = 0; a <= 1; a++)
        for (int b = 0; b <= 1; b++)
            cr_expect_eq(weighted_unit_fire(&WEIGHTED_NAND, (const int[]){a, b}), !(a && b));
}

Test(catalogue, find_by_name) {
    cr_assert_not_null(mp_gate_find("xor"));
    cr_expect_str_eq(mp_gate_find("xor")->name, "xor");
    cr_expect_null(mp_gate_find("XOR"));
    cr_expect_null(mp_gate_find(""));
    cr_expect_null(mp_gate_find("xnor"));
}
