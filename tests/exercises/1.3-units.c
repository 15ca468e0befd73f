/* Grades exercise 1.3: majority and vetoed AND as single units. */
#include <criterion/criterion.h>

#include "mp.h"

mp_unit majority3(void);
mp_unit all_but_veto(void);

Test(exercise_1_3, majority3) {
    mp_unit unit = majority3();
    cr_assert_eq(unit.n_inputs, 3, "majority3() must have 3 inputs, it has %zu", unit.n_inputs);
    for (int row = 0; row < 8; row++) {
        int inputs[3] = {row >> 2 & 1, row >> 1 & 1, row & 1};
        int active = inputs[0] + inputs[1] + inputs[2];
        int expected = active >= 2;
        cr_expect_eq(mp_unit_fire(&unit, inputs), expected,
                     "majority3() on inputs %d %d %d: fired %d, expected %d (%d of 3 "
                     "inputs on; the threshold decides how many are enough)",
                     inputs[0], inputs[1], inputs[2], !expected, expected, active);
    }
}

Test(exercise_1_3, all_but_veto) {
    mp_unit unit = all_but_veto();
    cr_assert_eq(unit.n_inputs, 4, "all_but_veto() must have 4 inputs, it has %zu",
                 unit.n_inputs);
    for (int row = 0; row < 16; row++) {
        int inputs[4] = {row >> 3 & 1, row >> 2 & 1, row >> 1 & 1, row & 1};
        int expected = inputs[0] && inputs[1] && inputs[2] && !inputs[3];
        cr_expect_eq(mp_unit_fire(&unit, inputs), expected,
                     "all_but_veto() on inputs %d %d %d %d: fired %d, expected %d "
                     "(input 3 must veto; inputs 0-2 must all be on)",
                     inputs[0], inputs[1], inputs[2], inputs[3], !expected, expected);
    }
}
