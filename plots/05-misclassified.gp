# The first misclassified MNIST test digits, each with its label and what the
# network read (label -> prediction).
load 'plots/common.gp'
if (term eq 'pdf') { set terminal pdfcairo size 5.5in,2.9in font 'Helvetica,9' enhanced } \
else { set terminal pngcairo size 1000,520 font 'Helvetica,13' enhanced }
set output out
set size ratio -1
set yrange [*:*] reverse
unset xtics
unset ytics
unset border
unset grid
unset key
unset colorbox
set lmargin 1
set rmargin 1
set tmargin 1
set bmargin 1
set palette gray negative
set cbrange [0:255]
plot data.'/mnist/misclassified.dat' using 1:2:3 with image notitle, \
     data.'/mnist/misclassified-labels.dat' using 1:2:(sprintf('%d → %d', $4, $5)) \
       with labels font ',11' tc rgb '#d55e00' notitle
