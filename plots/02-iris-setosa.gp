# Setosa or not: the flowers, the learned boundary and the unit's two decision regions.
load 'plots/common.gp'
set title 'One TLU on petal size: setosa or not'
set xlabel 'petal length (cm)'
set ylabel 'petal width (cm)'
set xrange [0:7.5]
set yrange [0:2.8]
set palette defined (0 '#fbe3c8', 1 '#d3e6f5')
set cbrange [0:1]
unset colorbox
set key top left
set jitter overlap 0.02 spread 0.6
plot data.'/iris-setosa-regions.dat' using 1:2:3 with image notitle, \
     data.'/iris-setosa-points.dat' using 1:($3 == 1 ? $2 : 1/0) with points ls 1 title 'setosa', \
     data.'/iris-setosa-points.dat' using 1:($3 == 0 ? $2 : 1/0) with points ls 2 title 'versicolor or virginica', \
     data.'/iris-setosa-boundary.dat' using 1:2 with lines lc rgb '#202020' lw 2 title 'learned boundary'
