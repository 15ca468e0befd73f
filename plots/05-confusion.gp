# The confusion matrix of the MNIST model on the 10,000 test digits: row t,
# column p counts the digits t that the network read as p. The colour scale is
# logarithmic so that the mistakes stand out next to the diagonal.
load 'plots/common.gp'
if (term eq 'pdf') { set terminal pdfcairo size 4.6in,4in font 'Helvetica,9' enhanced } \
else { set terminal pngcairo size 760,660 font 'Helvetica,12' enhanced }
set output out
set xrange [-0.5:9.5]
set yrange [9.5:-0.5]
set xtics 0,1,9 scale 0
set ytics 0,1,9 scale 0
set xlabel 'predicted digit'
set ylabel 'true digit'
set size ratio -1
unset grid
unset key
set logscale cb
set cbrange [0.8:1200]
set cblabel 'test images'
set palette defined (0 '#ffffff', 1 '#fde0c5', 2 '#e69f00', 3 '#d55e00', 4 '#0072b2', 5 '#003a5c')
plot data.'/mnist/confusion.dat' using 1:2:($3 > 0 ? $3 : 0.8) with image notitle, \
     '' using 1:2:($3 > 0 && $3 < 100 ? sprintf('%d', $3) : '') with labels font ',8' tc rgb '#202020' notitle, \
     '' using 1:2:($3 >= 100 ? sprintf('%d', $3) : '') with labels font ',8' tc rgb '#ffffff' notitle
