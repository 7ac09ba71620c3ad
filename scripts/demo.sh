#!/usr/bin/env bash
# TapBot demo: the bot on its built-in simulated Contoso tenant, plus Microsoft's Agents Playground (a local
# Teams emulator) signed in as a simulated approver. No Azure needed.
#
#   bash scripts/demo.sh                      # you are Megan Bowen, an approver (http://127.0.0.1:56150)
#                                             # and Adele Vance, an employee (http://127.0.0.1:56151)
#   DEMO_USER=alex@contoso.com DEMO_SECOND_USER=lynne@contoso.com bash scripts/demo.sh
#
# Then open both pages and type "help". Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
user=${DEMO_USER:-megan@contoso.com}
second_user=${DEMO_SECOND_USER:-adele@contoso.com}
bot_port=${BOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}
second_port=$((playground_port + 1))
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

for who in "$user" "$second_user"; do
  dotnet run --project src/TapBot.SimulatedTenant --no-build -- playground-config --user "$who" --out "$root/.demo/$who" >/dev/null
done

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

# One Playground per person, each in its own folder with its own config. The Playground exits when its standard
# input closes, so each gets one that never does.
start_playground() { # user port
  (cd "$root/.demo/$1" && tail -f /dev/null | TEAMSAPPTESTER_BROWSER=none node "$root/node_modules/@microsoft/m365agentsplayground/cli.js" \
    -e "http://127.0.0.1:$bot_port/api/messages" -c msteams --dt -p "$2") &
  pids+=($!)
}
start_playground "$user" "$playground_port"
start_playground "$second_user" "$second_port"

cat <<MSG

  TapBot is running on the simulated Contoso tenant, with two Teams-like chats:
    http://127.0.0.1:$playground_port   you are $user
    http://127.0.0.1:$second_port   you are $second_user (type hi there once: TapBot learns where to reach someone privately from their own messages)
  Try as $user: help · TAP policy · TAP status for lynne@contoso.com · TAP status for Alex
               · issue TAP for $second_user   (the code appears only in $second_user's chat)
  Ctrl+C stops the bot and the Playgrounds.

MSG
wait
