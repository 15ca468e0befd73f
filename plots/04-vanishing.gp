# Norm of each layer's weight gradient in a deep stack (build/bin/04-backprop --plot-data).
load 'plots/common.gp'
set xlabel 'layer (1 = nearest the input)'
set ylabel 'norm of dE/dW'
set logscale y
set format y '10^{%L}'
set xtics 1
set key bottom right
plot data.'/gradient_norms.dat' using 1:2 with linespoints ls 1 title 'sigmoid', \
     '' using 1:3 with linespoints ls 2 title 'tanh', \
     '' using 1:4 with linespoints ls 3 title 'ReLU'
