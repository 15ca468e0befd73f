# Output of the XOR network over the input plane before, midway through and after
# training (build/bin/04-backprop --plot-data).
load 'plots/common.gp'
# three square panels side by side: a wider, lower canvas than the default
if (term eq 'pdf') {
    set terminal pdfcairo size 5.5in,2.2in font 'Helvetica,9' enhanced
} else {
    set terminal pngcairo size 1000,400 font 'Helvetica,12' enhanced
}
set output out
unset key
stats data.'/xor_epochs.dat' using 2 nooutput
midway = int(STATS_max)
stats data.'/xor_epochs.dat' using 3 nooutput
after = int(STATS_max)
$ones << EOD
0 1
1 0
EOD
$zeros << EOD
0 0
1 1
EOD
set multiplot layout 1,3 margins 0.06,0.88,0.15,0.9 spacing 0.03,0
set size ratio -1
set xrange [-0.25:1.25]
set yrange [-0.25:1.25]
set xtics 0,1,1
set ytics 0,1,1
unset grid
set cbrange [0:1]
set palette defined (0 '#0072b2', 0.5 '#f7f7f7', 1 '#e69f00')
set xlabel 'x_1'
unset colorbox
set ylabel 'x_2'
set title 'before training'
plot data.'/xor_surface.dat' using 1:2:3 with image, \
     $ones using 1:2 with points pt 7 ps 1.6 lc rgb 'black' notitle, \
     $zeros using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb 'black' notitle
unset ylabel
set format y ''
set title sprintf('epoch %d (loss halfway)', midway)
plot data.'/xor_surface.dat' using 1:2:4 with image, \
     $ones using 1:2 with points pt 7 ps 1.6 lc rgb 'black' notitle, \
     $zeros using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb 'black' notitle
set title sprintf('epoch %d', after)
set colorbox user origin 0.90,0.25 size 0.02,0.55
set cblabel 'output y'
plot data.'/xor_surface.dat' using 1:2:5 with image, \
     $ones using 1:2 with points pt 7 ps 1.6 lc rgb 'black' notitle, \
     $zeros using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb 'black' notitle
unset multiplot
