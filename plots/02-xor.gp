# The wall: on XOR every epoch makes mistakes, forever; AND settles after a few epochs.
load 'plots/common.gp'
set title 'Mistakes per epoch: XOR never settles'
set xlabel 'epoch'
set ylabel 'mistakes in the epoch'
set xrange [0.5:40.5]
set yrange [-0.2:4.6]
set ytics 0,1,4
set key top right
plot data.'/xor-mistakes.dat' using 1:2 with linespoints ls 4 title 'XOR, rows in order', \
     data.'/xor-mistakes.dat' using 1:3 with linespoints ls 2 title 'XOR, shuffled every epoch', \
     data.'/xor-mistakes.dat' using 1:4 with linespoints ls 1 title 'AND, rows in order'
