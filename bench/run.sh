#!/usr/bin/env bash
# TapBot against Bot Framework 4.23.1's stock echo bot, side by side: each round starts each bot fresh, measures its
# first seconds (cold), warms it up, measures again (warm) and reads its memory; the bots alternate round by round
# under the same wrk load and the same connector stand-in. Prints the table (medians and ratios) and writes it, with a
# chart, to artifacts/bench/ (results.md, chart.png). wrk and gnuplot come from Debian (installed when missing).
#   bash bench/run.sh     # ROUNDS=3 COLD=10s WARMUP=20s DURATION=10s CONNECTIONS=32 THREADS=2 BOTS="echo tapbot" FLOWS=20 GRAPH_LATENCY_MS=100
# BOTS may also name tapbot-stock: TapBot with the stock per-turn connector client (the connector-reuse baseline).
# TapBot is published as a deployment is (ReadyToRun, src/TapBot/TapBot.Runtime.props) and measured from /readyz, which
# answers once its warm-up is done; the echo bot from /healthz. FLOWS=N (0: skip) then times the issue and approval
# flows N times with every Graph request GRAPH_LATENCY_MS slower (bench/TapBot.Bench/Flows.cs).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}; cold=${COLD:-10s}; warmup=${WARMUP:-20s}; duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}; threads=${THREADS:-2}; bots=${BOTS:-echo tapbot}
flows=${FLOWS:-20}; graph_latency=${GRAPH_LATENCY_MS:-100}
out=artifacts/bench; mkdir -p "$out"
connector_port=3990; export CONNECTOR_URL="http://127.0.0.1:$connector_port/"

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk; need gnuplot gnuplot-nox
for p in ConnectorStub EchoBot; do dotnet build "bench/$p" -c Release -nologo -v quiet -clp:ErrorsOnly; done
tapbot_dir="$out/tapbot"
dotnet publish bench/TapBot.Bench -c Release -r "linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')" --self-contained false \
  -o "$tapbot_dir" -nologo -v quiet -clp:ErrorsOnly

# A bot is measured from when a load balancer would send it users: /readyz where it has one (TapBot), else /healthz.
wait_healthy() { local probe=${2:-healthz}; for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$1/$probe" >/dev/null 2>&1 && return 0; sleep 0.25; done; echo "port $1 never answered /$probe" >&2; return 1; }
probe_for() { case "$1" in tapbot*) echo readyz ;; *) echo healthz ;; esac; }
command_for() { # bot port: the command line that serves it
  case "$1" in
    echo) echo "bench/EchoBot/bin/Release/net10.0/EchoBot.dll --urls http://127.0.0.1:$2" ;;
    tapbot) echo "$tapbot_dir/TapBot.Bench.dll --variant reuse --port $2" ;;
    tapbot-stock) echo "$tapbot_dir/TapBot.Bench.dll --variant stock --port $2" ;;
    *) echo "unknown bot $1" >&2; return 1 ;;
  esac
}
load() { wrk -t"$threads" -c"$connections" -d"$2" -s bench/help-turn.lua "http://127.0.0.1:$1/api/messages" | grep RESULT; }
field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

dotnet bench/ConnectorStub/bin/Release/net10.0/ConnectorStub.dll --urls "http://127.0.0.1:$connector_port" >/dev/null 2>&1 &
stub=$!; pid=""; trap 'kill $stub $pid 2>/dev/null || true' EXIT
wait_healthy $connector_port

raw="$out/rounds.tsv"; printf 'round\tbot\tready_s\tcold_rps\tcold_p99_ms\twarm_rps\twarm_p50_ms\twarm_p99_ms\tturns\trss_mb_cold\trss_mb_end\terrors\n' >"$raw"
port=3981
for round in $(seq 1 "$rounds"); do
  for bot in $bots; do
    port=$((port + 1)); t0=$(date +%s.%N)
    # shellcheck disable=SC2046 # the command line splits into words on purpose
    dotnet $(command_for "$bot" "$port") >/dev/null 2>&1 & pid=$!
    wait_healthy "$port" "$(probe_for "$bot")"; ready=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b-a}')
    c=$(load "$port" "$cold"); rss_cold=$(rss_mb "$pid")
    w0=$(load "$port" "$warmup")
    w=$(load "$port" "$duration"); rss_end=$(rss_mb "$pid")
    turns=$(( $(field requests "$c") + $(field requests "$w0") + $(field requests "$w") ))
    errors=$(( $(field errors "$c") + $(field errors "$w0") + $(field errors "$w") ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$bot" "$ready" "$(field rps "$c")" "$(field p99_ms "$c")" \
      "$(field rps "$w")" "$(field p50_ms "$w")" "$(field p99_ms "$w")" "$turns" "$rss_cold" "$rss_end" "$errors" | tee -a "$raw"
  done
done

# Per-flow latency and Graph round trips, every Graph request made GRAPH_LATENCY_MS slower.
flows_tsv=""
if [ "$flows" -gt 0 ]; then
  flows_tsv="$out/flows.tsv"; port=$((port + 1))
  dotnet "$tapbot_dir/TapBot.Bench.dll" --port "$port" --graph-latency-ms "$graph_latency" --flows "$flows" 2>"$out/flows.log" | tee "$flows_tsv"
fi

# Medians per bot, ratios against the echo bot, the issue's table and the chart.
python3 bench/report.py "$raw" "$out" "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), $(date -u +%Y-%m-%d)" $flows_tsv
gnuplot -e "data='$out/medians.tsv'; bots=$(( $(wc -l <"$out/medians.tsv") - 1 )); set output '$out/chart.png'" bench/chart.gp
echo "wrote $out/results.md and $out/chart.png"
