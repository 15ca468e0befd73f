# Chapter 1: the threshold line of AND, OR and NAND on the unit square.
load 'plots/common.gp'
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
unset key
units = "and or nand"
titles = "'AND: x_1 + x_2 {/Symbol \263} 2' 'OR: x_1 + x_2 {/Symbol \263} 1' 'NAND: -x_1 - x_2 {/Symbol \263} -1'"
do for [i=1:3] {
    u = word(units, i)
    set title word(titles, i)
    plot data.'/region-'.u.'.dat' with filledcurves closed fc rgb '#0072b2' fs transparent solid 0.18 noborder, \
         data.'/line-'.u.'.dat' with lines ls 1, \
         data.'/points-'.u.'.dat' using 1:($3 == 1 ? $2 : 1/0) with points pt 7 ps 1.6 lc rgb '#0072b2', \
         data.'/points-'.u.'.dat' using 1:($3 == 0 ? $2 : 1/0) with points pt 6 ps 1.6 lw 2 lc rgb '#404040'
}
unset multiplot
