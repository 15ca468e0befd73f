# Learning curves of chapter 5: loss and error rate per epoch, on the training
# and the validation images, for MNIST and Fashion-MNIST.
load 'plots/common.gp'
if (term eq 'pdf') { set terminal pdfcairo size 6in,3in font 'Helvetica,9' enhanced } \
else { set terminal pngcairo size 1100,520 font 'Helvetica,12' enhanced }
set output out
mnist = data.'/mnist/history.dat'
fashion = data.'/fashion/history.dat'
positive(x) = x > 0 ? x : NaN
set multiplot layout 1,2
set xlabel 'epoch'
set logscale y
set format y '%g'
set key bottom left font ',9' spacing 1.1
set ylabel 'cross-entropy loss'
set title 'Loss'
plot mnist index 0 using 1:2 with linespoints ls 1 title 'MNIST, training', \
     mnist index 0 using 1:4 with linespoints ls 2 title 'MNIST, validation', \
     fashion index 0 using 1:2 with linespoints ls 3 dt 2 title 'Fashion, training', \
     fashion index 0 using 1:4 with linespoints ls 4 dt 2 title 'Fashion, validation'
set ylabel 'error rate (%)'
set title 'Error rate (100% - accuracy)'
plot mnist index 0 using 1:(positive(100 - $3)) with linespoints ls 1 title 'MNIST, training', \
     mnist index 0 using 1:(100 - $5) with linespoints ls 2 title 'MNIST, validation', \
     fashion index 0 using 1:(positive(100 - $3)) with linespoints ls 3 dt 2 title 'Fashion, training', \
     fashion index 0 using 1:(100 - $5) with linespoints ls 4 dt 2 title 'Fashion, validation'
unset multiplot
