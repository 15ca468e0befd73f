# The confusion matrix of the Fashion-MNIST model on its 10,000 test images.
load 'plots/common.gp'
if (term eq 'pdf') { set terminal pdfcairo size 5in,4.2in font 'Helvetica,9' enhanced } \
else { set terminal pngcairo size 860,720 font 'Helvetica,12' enhanced }
set output out
set xrange [-0.5:9.5]
set yrange [9.5:-0.5]
set xtics 0,1,9 scale 0
set ytics ('T-shirt/top' 0, 'Trouser' 1, 'Pullover' 2, 'Dress' 3, 'Coat' 4, \
           'Sandal' 5, 'Shirt' 6, 'Sneaker' 7, 'Bag' 8, 'Ankle boot' 9) scale 0
set xlabel 'predicted class (numbered as the rows)'
set size ratio -1
unset grid
unset key
set logscale cb
set cbrange [0.8:1200]
set cblabel 'test images'
set palette defined (0 '#ffffff', 1 '#fde0c5', 2 '#e69f00', 3 '#d55e00', 4 '#0072b2', 5 '#003a5c')
plot data.'/fashion/confusion.dat' using 1:2:($3 > 0 ? $3 : 0.8) with image notitle, \
     '' using 1:2:($3 > 0 && $3 < 100 ? sprintf('%d', $3) : '') with labels font ',8' tc rgb '#202020' notitle, \
     '' using 1:2:($3 >= 100 ? sprintf('%d', $3) : '') with labels font ',8' tc rgb '#ffffff' notitle
