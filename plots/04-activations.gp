# Sigmoid, tanh and ReLU (left) and their derivatives (right), from
# build/bin/04-backprop --plot-data: the derivatives are the backward functions'.
load 'plots/common.gp'
set multiplot layout 1,2
set xrange [-5:5]
set xlabel 'z'
set key top left
set title 'activation f(z)'
set yrange [-1.1:2.1]
plot data.'/activations.dat' using 1:2 with lines ls 1 title 'sigmoid', \
     '' using 1:4 with lines ls 2 title 'tanh', \
     '' using 1:6 with lines ls 3 title 'ReLU'
set title "derivative f'(z)"
set yrange [-0.05:1.5]
set ytics 0, 0.2, 1
set key top left  # above the curves, which never exceed 1
plot data.'/activations.dat' using 1:3 with lines ls 1 title "sigmoid' = {/Symbol s}(1-{/Symbol s})", \
     '' using 1:5 with lines ls 2 title "tanh' = 1-tanh^2", \
     '' using 1:7 with steps ls 3 title "ReLU'", \
     0.25 with lines ls 6 title '1/4'
unset multiplot
