# Three TLUs, one per species: whichever net input is largest decides.
load 'plots/common.gp'
set title 'Three TLUs on petal size: the largest net input wins'
set xlabel 'petal length (cm)'
set ylabel 'petal width (cm)'
set xrange [0:7.5]
set yrange [0:2.8]
set palette defined (0 '#d3e6f5', 1 '#fbe3c8', 2 '#cdeee2')
set cbrange [0:2]
unset colorbox
set key top left
set jitter overlap 0.02 spread 0.6
plot data.'/iris3-regions.dat' using 1:2:3 with image notitle, \
     data.'/iris3-points.dat' using 1:($3 == 0 ? $2 : 1/0) with points ls 1 title 'setosa', \
     data.'/iris3-points.dat' using 1:($3 == 1 ? $2 : 1/0) with points ls 2 title 'versicolor', \
     data.'/iris3-points.dat' using 1:($3 == 2 ? $2 : 1/0) with points ls 3 title 'virginica'
