# Drawn by bench/run.sh (data = medians.tsv, bots = its number of rows): turns/s (bars, left) and p99 latency (points, right, log scale) per bot, cold and warm.
set terminal pngcairo size 900,480 font "sans,11"
set title "TapBot vs Bot Framework's stock echo bot (medians; higher bars and lower points are better)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set ylabel "turns/s"
set y2label "p99 latency (ms, log)"
set logscale y2
set y2tics
set ytics nomirror
set key outside bottom center horizontal autotitle columnhead
set grid ytics
set xrange [-0.6:bots - 0.4]
set yrange [0:*]
plot data using 2:xtic(1) title "cold turns/s", \
     '' using 3 title "warm turns/s", \
     '' using ($0-0.15):4 axes x1y2 with points pt 7 ps 1.5 title "cold p99", \
     '' using ($0+0.15):5 axes x1y2 with points pt 5 ps 1.5 title "warm p99"
