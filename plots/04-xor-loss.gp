# Loss per epoch of 2-H-1 sigmoid networks learning XOR (build/bin/04-backprop --plot-data).
load 'plots/common.gp'
set xlabel 'epoch'
set ylabel 'loss E (sum over the four patterns)'
set logscale y
set format y '10^{%L}'
set key top right
plot data.'/xor_loss.dat' using 1:2 with lines ls 1 title '2 hidden units', \
     '' using 1:3 with lines ls 2 title '3 hidden units', \
     '' using 1:4 with lines ls 3 title '8 hidden units'
