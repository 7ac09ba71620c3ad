#!/usr/bin/env bash
# TapBot demo: the bot on its built-in simulated Contoso tenant, plus Microsoft's Agents Playground (a local
# Teams emulator) signed in as a simulated approver. No Azure needed.
#
#   bash scripts/demo.sh                      # you are Megan Bowen, an approver
#   DEMO_USER=adele@contoso.com bash scripts/demo.sh   # an ordinary employee
#
# Then open http://127.0.0.1:56150 and type "help". Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
user=${DEMO_USER:-megan@contoso.com}
bot_port=${BOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}
playground_version=$(node -p "require('./package.json').devDependencies['@microsoft/m365agentsplayground']" 2>/dev/null || true)

command -v dotnet >/dev/null || { echo "TapBot needs the .NET 10 SDK (dotnet) on PATH." >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "The demo needs Node.js 20 and npm on PATH." >&2; exit 1; }

installed=$(node -p "require('./node_modules/@microsoft/m365agentsplayground/package.json').version" 2>/dev/null || true)
if [[ "$installed" != "$playground_version" ]]; then
  echo "Installing Microsoft 365 Agents Playground $playground_version (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "Building TapBot..."
dotnet build src/TapBot -nologo -v quiet -clp:ErrorsOnly

demo_dir="$root/.demo/$user"
dotnet run --project src/TapBot.SimulatedTenant --no-build -- playground-config --user "$user" --out "$demo_dir" >/dev/null

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

dotnet run --project src/TapBot --no-build -- --urls "http://127.0.0.1:$bot_port" &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$bot_port/healthz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$bot_port/healthz" >/dev/null || { echo "TapBot did not start; see the messages above." >&2; exit 1; }

# The Playground exits when its standard input closes, so it gets one that never does.
(cd "$demo_dir" && tail -f /dev/null | TEAMSAPPTESTER_BROWSER=none node "$root/node_modules/@microsoft/m365agentsplayground/cli.js" \
  -e "http://127.0.0.1:$bot_port/api/messages" -c msteams --dt -p "$playground_port") &
pids+=($!)

cat <<MSG

  TapBot is running on the simulated Contoso tenant.
  Open http://127.0.0.1:$playground_port in a browser: you are $user.
  Try: help · my TAP status · TAP status for lynne@contoso.com · TAP status for Alex
  Ctrl+C stops the bot and the Playground.

MSG
wait
