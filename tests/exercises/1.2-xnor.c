/* Grades exercise 1.2: XNOR from units. */
#include <criterion/criterion.h>

#include "mp.h"

int mp_xnor(int a, int b);

Test(exercise_1_2, xnor_truth_table) {
    const int expected[2][2] = {{1, 0}, {0, 1}};
    for (int a = 0; a <= 1; a++)
        for (int b = 0; b <= 1; b++)
            cr_expect_eq(mp_xnor(a, b), expected[a][b],
                         "mp_xnor(%d, %d) returned %d, but XNOR is %d there: it is 1 exactly "
                         "when both inputs are equal (both on, or both off).",
                         a, b, mp_xnor(a, b), expected[a][b]);
}
