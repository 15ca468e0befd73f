/* Exercise 1.2: XNOR from McCulloch-Pitts units.
 *
 * mp_xnor(a, b) must be 1 when a and b are equal, 0 otherwise, computed by
 * units of the chapter (MP_AND, MP_OR, MP_NOR, MP_AND_NOT, MP_NOT, ...)
 * fired with mp_unit_fire. Do not compare the inputs with C operators.
 *
 * Grade it with:  make check EX=1.2
 */
#include "mp.h"

int mp_xnor(int a, int b) {
    /* TODO: a first layer of two units, and an output unit that combines them. */
    return 0;
}
