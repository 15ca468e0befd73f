/* Grades exercise 1.4: a full adder. */
#include <criterion/criterion.h>

#include "mp.h"

void mp_full_adder(int *sum, int *carry_out, int a, int b, int carry_in);

Test(exercise_1_4, adds_three_bits) {
    for (int row = 0; row < 8; row++) {
        int a = row >> 2 & 1, b = row >> 1 & 1, c = row & 1;
        int sum = -1, carry = -1;
        mp_full_adder(&sum, &carry, a, b, c);
        int total = a + b + c;
        cr_expect(sum == (total & 1) && carry == (total >> 1),
                  "%d + %d + %d = %d, which is binary %d%d: expected carry %d, sum %d; "
                  "got carry %d, sum %d",
                  a, b, c, total, total >> 1, total & 1, total >> 1, total & 1, carry, sum);
    }
}
