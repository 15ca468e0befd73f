# Novikoff's theorem measured: every training run's mistakes against its (R/gamma)^2 bound.
load 'plots/common.gp'
set title 'Mistakes before convergence never exceed (R/{/Symbol g})^2'
set xlabel 'bound (R/{/Symbol g})^2'
set ylabel 'mistakes made by the rule'
set logscale xy
set xrange [10:300000]
set yrange [1:300000]
set format x '10^{%L}'
set format y '10^{%L}'
set key top left
plot x with lines ls 6 title 'mistakes = bound', \
     data.'/convergence.dat' using 1:($4 == 3 ? $2 : 1/0) with points ls 3 title 'synthetic, shrinking margins', \
     data.'/convergence.dat' using 1:($4 == 1 ? $2 : 1/0) with points ls 2 title 'AND, OR, NAND', \
     data.'/convergence.dat' using 1:($4 == 2 ? $2 : 1/0) with points ls 1 title 'iris setosa'
