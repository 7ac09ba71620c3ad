#!/usr/bin/env bash
# Turn throughput of TapBot's real host, with connector-client reuse (TapBot) against Bot Framework's stock
# per-turn clients (baseline), run side by side: the variants alternate for ROUNDS rounds under the same wrk load.
#   bash bench/run.sh              # ROUNDS=3 DURATION=10s CONNECTIONS=16 THREADS=2
# Prints each round and the ratio of medians. wrk comes from Debian (installed when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}; duration=${DURATION:-10s}; connections=${CONNECTIONS:-16}; threads=${THREADS:-2}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build bench/TapBot.Bench -c Release -nologo -v quiet -clp:ErrorsOnly

run_variant() { # variant port connector_port
  dotnet bench/TapBot.Bench/bin/Release/net10.0/TapBot.Bench.dll --variant "$1" --port "$2" --connector-port "$3" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  CONNECTOR_URL="http://127.0.0.1:$3/" wrk -t1 -c4 -d3s -s bench/help-turn.lua "http://127.0.0.1:$2/api/messages" >/dev/null # warm-up
  CONNECTOR_URL="http://127.0.0.1:$3/" wrk -t"$threads" -c"$connections" -d"$duration" -s bench/help-turn.lua "http://127.0.0.1:$2/api/messages" | grep RESULT
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

declare -a reuse stock
for round in $(seq 1 "$rounds"); do
  s=$(run_variant stock 3981 3991); echo "round $round stock: $s"; stock+=("$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$s")")
  r=$(run_variant reuse 3982 3992); echo "round $round reuse: $r"; reuse+=("$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$r")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ms=$(median "${stock[@]}"); mr=$(median "${reuse[@]}")
echo "median turns/s: stock $ms, reuse $mr; reuse/stock = $(awk -v a="$mr" -v b="$ms" 'BEGIN {printf "%.2f", a/b}')x"
