# Chapter 3: the four XOR points; the diagonals of the two classes cross, so no line works.
load 'plots/common.gp'
point_size = (term eq 'pdf') ? 1.3 : 2.2
set size ratio -1
set xrange [-0.25:1.25]
set yrange [-0.25:1.25]
set xtics 0,1,1
set ytics 0,1,1
set xlabel 'x_1'
set ylabel 'x_2'
set key outside right top Left reverse samplen 2 spacing 1.3
set label 1 'crossing point' at 0.56,0.46 left textcolor rgb '#404040'
plot data.'/and-or-lines.dat' every :::1::1 with lines ls 6 lc rgb '#d55e00' title 'a try: the OR line', \
     data.'/xor-points.dat' index 1 with lines lc rgb '#0072b2' lw 1.5 dt 2 title 'segment between the 1s', \
     data.'/xor-points.dat' index 0 with lines lc rgb '#404040' lw 2 dt 3 title 'segment between the 0s', \
     data.'/xor-points.dat' index 1 with points pt 7 ps point_size lc rgb '#0072b2' title 'x_1 XOR x_2 = 1', \
     data.'/xor-points.dat' index 0 with points pt 6 ps point_size lw 2 lc rgb '#404040' title 'x_1 XOR x_2 = 0', \
     '+' using (0.5):(0.5) every ::0::0 with points pt 3 ps point_size lw 2 lc rgb '#000000' notitle
