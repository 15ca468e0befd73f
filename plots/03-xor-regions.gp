# Chapter 3: the AND-OR network's two hidden lines and the band its output selects.
load 'plots/common.gp'
point_size = (term eq 'pdf') ? 1.3 : 2.2
set size ratio -1
set xrange [-0.25:1.25]
set yrange [-0.25:1.25]
set xtics 0,0.5,1
set ytics 0,0.5,1
set xlabel 'x_1'
set ylabel 'x_2'
set palette defined (0 '#f4f4f4', 1 '#bcd9ee')
set cbrange [0:1]
unset colorbox
set grid front
set key outside right top Left reverse samplen 2 spacing 1.3
set label 1 'h_1 (AND): x_1 + x_2 = 1.5' at 1.22,0.34 right rotate by -45 front textcolor rgb '#d55e00'
set label 2 'h_2 (OR): x_1 + x_2 = 0.5' at -0.17,0.60 left rotate by -45 front textcolor rgb '#009e73'
set label 3 'h = (0,1): y = 1' at 0.62,0.62 center rotate by -45 front font ',13' textcolor rgb '#0072b2'
set label 4 'h = (0,0): y = 0' at -0.21,-0.17 left front textcolor rgb '#404040'
set label 5 'h = (1,1): y = 0' at 1.21,1.17 right front textcolor rgb '#404040'
plot data.'/and-or-regions.dat' using 1:2:3 with image notitle, \
     data.'/and-or-lines.dat' every :::0::0 with lines lw 2.5 lc rgb '#d55e00' title 'AND unit boundary', \
     data.'/and-or-lines.dat' every :::1::1 with lines lw 2.5 lc rgb '#009e73' title 'OR unit boundary', \
     data.'/xor-points.dat' index 1 with points pt 7 ps point_size lc rgb '#0072b2' title 'XOR = 1', \
     data.'/xor-points.dat' index 0 with points pt 6 ps point_size lw 2 lc rgb '#404040' title 'XOR = 0'
