# Chapter 3: XOR mistakes of the AND-OR network as the AND unit's bias slides.
load 'plots/common.gp'
set xrange [-3:1]
set yrange [-0.2:2.6]
set ytics 0,1,2
set xlabel 'bias of the AND unit (all other weights fixed)'
set ylabel 'XOR mistakes (of 4 inputs)'
set arrow 1 from -1.5,2.3 to -1.5,0.12 lc rgb '#404040' lw 1
set label 1 'hand-wired: -1.5' at -1.5,2.45 center textcolor rgb '#404040'
unset key
plot data.'/staircase.dat' using 1:2 with steps ls 1
