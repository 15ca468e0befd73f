/* Exercise 1.3: single units with more than two inputs.
 *
 * majority3():    fires when at least two of its three inputs fire.
 * all_but_veto(): inputs 0-2 excitatory, input 3 inhibitory; fires when
 *                 inputs 0, 1 and 2 all fire and input 3 is silent.
 *
 * Each returns one mp_unit: choose its synapses and its threshold.
 * Grade it with:  make check EX=1.3
 */
#include "mp.h"

mp_unit majority3(void) {
    /* TODO: three excitatory synapses; what threshold makes two of three enough? */
    return (mp_unit){.n_inputs = 3, .synapses = {EXCITATORY, EXCITATORY, EXCITATORY},
                     .threshold = 0};
}

mp_unit all_but_veto(void) {
    /* TODO: four inputs; the last one inhibitory. */
    return (mp_unit){.n_inputs = 0};
}
