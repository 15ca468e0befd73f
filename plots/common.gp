# Loaded by every figure script: sets the terminal from `term` ('pdf' for the
# book, 'png' for the web) and the output file from `out`, and defines a
# consistent palette. Usage: gnuplot -e "data='DIR'; term='pdf'; out='F.pdf'" plots/X.gp
if (!exists("term")) term = 'png'
if (!exists("out")) out = 'figure.'.term
if (!exists("data")) data = '.'
if (term eq 'pdf') {
    set terminal pdfcairo size 5in,3.2in font 'Helvetica,10' enhanced
} else {
    set terminal pngcairo size 900,576 font 'Helvetica,12' enhanced
}
set output out
set encoding utf8
set border lw 1 lc rgb '#404040'
set tics textcolor rgb '#404040'
set key noautotitle box lc rgb '#c0c0c0' opaque
set grid lc rgb '#e0e0e0' lw 1
# 1 blue, 2 orange, 3 green, 4 red, 5 purple, 6 grey (colour-blind safe, Okabe-Ito)
set style line 1 lc rgb '#0072b2' lw 2 pt 7 ps 0.8
set style line 2 lc rgb '#e69f00' lw 2 pt 5 ps 0.8
set style line 3 lc rgb '#009e73' lw 2 pt 9 ps 0.9
set style line 4 lc rgb '#d55e00' lw 2 pt 11 ps 0.9
set style line 5 lc rgb '#cc79a7' lw 2 pt 13 ps 0.9
set style line 6 lc rgb '#808080' lw 1.5 dt 2 pt 6 ps 0.8
