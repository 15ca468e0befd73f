# Chapter 3: how often the perceptron rule learns parity on top of N random frozen TLUs.
load 'plots/common.gp'
set logscale x 2
set xrange [1:128]
set yrange [0:128]
set xtics (1, 2, 4, 8, 16, 32, 64, 128)
set ytics 0,25,100
set xlabel 'random hidden units N'
set ylabel 'random hidden layers that learned (%)'
set key top left horizontal maxrows 2 width -2
plot data.'/random-hidden.dat' using 1:2 with linespoints ls 1 title 'XOR (2 bits, 4 patterns)', \
     '' using 1:3 with linespoints ls 2 title 'parity of 3 bits (8 patterns)', \
     '' using 1:4 with linespoints ls 3 title 'parity of 4 bits (16 patterns)', \
     '' using 1:5 with linespoints ls 4 title 'parity of 5 bits (32 patterns)'
