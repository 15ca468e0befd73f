# Chapter 3: the first 2, 4 and 8 units of one random hidden layer; the output unit trained.
load 'plots/common.gp'
point_size = (term eq 'pdf') ? 1.3 : 2.2
if (term eq 'pdf') {
    set terminal pdfcairo size 6in,2.3in font 'Helvetica,9' enhanced
} else {
    set terminal pngcairo size 1200,440 font 'Helvetica,13' enhanced
}
set output out
set multiplot layout 1,3
set size ratio -1
set xrange [-0.25:1.25]
set yrange [-0.25:1.25]
set xtics 0,1,1
set ytics 0,1,1
set xlabel 'x_1'
set ylabel 'x_2' offset 1,0
set palette defined (0 '#f4f4f4', 1 '#bcd9ee')
set cbrange [0:1]
unset colorbox
unset key
set grid front
do for [n in "2 4 8"] {
    set title n.' random hidden units'
    plot data.'/units-'.n.'-regions.dat' using 1:2:3 with image, \
         data.'/units-'.n.'-lines.dat' with lines lw 1.5 lc rgb '#606060', \
         data.'/xor-points.dat' index 1 with points pt 7 ps point_size lc rgb '#0072b2', \
         data.'/xor-points.dat' index 0 with points pt 6 ps point_size lw 2 lc rgb '#404040'
}
unset multiplot
