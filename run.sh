#!/usr/bin/env bash
# Runs the whole system with a demo: local PostgreSQL and RabbitMQ (installed if missing), the API, the worker (with
# the finance relay), the web application, one finance connector per administration and the finance-system simulator,
# each on a free loopback port.
# Then walks one joint tender to the finance systems and keeps running until Ctrl+C, which stops everything.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
. infra/local/ports.sh
state="$root/.state/demo"
pids=()

stop_all() {
  # A second Ctrl+C must not cut the clean-up short and leave servers behind: ignore it from here on (the
  # servers script inherits that).
  trap - EXIT
  trap '' INT TERM
  echo
  echo "Stopping... / Arrêt..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  infra/local/servers.sh stop "$state" || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

infra/local/servers.sh start "$state"
set -a; . "$state/env"; set +a

echo "Building... / Compilation..."
dotnet build Aankopen.sln -c Release -nologo -v quiet -clp:ErrorsOnly

launch() { # name project args...: runs a built project with its own folder as content root (for appsettings.json)
  local name=$1 project=$2; shift 2
  local dir="$root/src/$project/bin/Release/net10.0"
  dotnet "$dir/$project.dll" --contentRoot "$dir" "$@" >"$state/$name.log" 2>&1 &
  pids+=($!)
}

wait_for_log() { # name text seconds: the last launched process must print text, and not die first
  local pid=${pids[-1]}
  for _ in $(seq 1 $(( $3 * 5 ))); do
    grep -q "$2" "$state/$1.log" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "$1 did not start within $3 s; its log ($state/$1.log) ends with:" >&2
  tail -n 30 "$state/$1.log" >&2
  return 1
}

simulator_port=$(free_port)
launch simulator Aankopen.FinanceSimulator --urls "http://127.0.0.1:$simulator_port"
wait_for_log simulator "Now listening on" 60

# The local development issuer: it signs any token asked of it, so it exists only here and in the tests.
issuer_port=$(free_port)
launch issuer Aankopen.DevIssuer --urls "http://127.0.0.1:$issuer_port"
wait_for_log issuer "Now listening on" 60

api_port=$(free_port)
launch api Aankopen.Api --urls "http://127.0.0.1:$api_port" --Authentication:Authority="http://127.0.0.1:$issuer_port"
wait_for_log api "Now listening on" 60

worker_port=$(free_port)
launch worker Aankopen.Worker --urls "http://127.0.0.1:$worker_port" --Authentication:Authority="http://127.0.0.1:$issuer_port"
wait_for_log worker "Now listening on" 60

web_port=$(free_port)
launch web Aankopen.Web --urls "http://127.0.0.1:$web_port" --Authentication:Authority="http://127.0.0.1:$issuer_port" \
  --Web:ApiAddress="http://127.0.0.1:$api_port/"
wait_for_log web "Now listening on" 60

for code in $(grep -o '"Code": *"[A-Z0-9-]*"' src/Aankopen.Api/appsettings.json | cut -d'"' -f4); do
  launch "connector-$code" Aankopen.FinanceConnector \
    --Connector:Administration="$code" --FinanceSystem:BaseUrl="http://127.0.0.1:$simulator_port/systems/$code"
  wait_for_log "connector-$code" "Application started" 60
done

echo
dotnet src/Aankopen.Demo/bin/Release/net10.0/Aankopen.Demo.dll "http://127.0.0.1:$api_port/" "http://127.0.0.1:$simulator_port/" "http://127.0.0.1:$issuer_port/"
cat <<INFO

Aankopen draait / Aankopen tourne:
  Webtoepassing / application web
                              http://127.0.0.1:$web_port/   (kies wie u bent / choisissez qui vous êtes)
  API                         http://127.0.0.1:$api_port/api/tenders
  API-referentie / référence  http://127.0.0.1:$api_port/scalar
  OpenAPI                     http://127.0.0.1:$api_port/openapi/v1.json
  Aanmelden (ontwikkeling) / connexion (développement)
                              POST http://127.0.0.1:$issuer_port/token
                              {"user":"aankoopcel@jette.example","roles":["purchasing-cell"]}  (then Authorization: Bearer <accessToken>)
  Financiële pakketten (simulator) / systèmes comptables  http://127.0.0.1:$simulator_port/
  Metrieken / métriques       http://127.0.0.1:$api_port/metrics   gezondheid / santé  http://127.0.0.1:$api_port/health/ready
  Worker (relais / relay)     http://127.0.0.1:$worker_port/health/ready   http://127.0.0.1:$worker_port/metrics
  Opdrachtregel / ligne de commande
                              dotnet src/Aankopen.Cli/bin/Release/net10.0/aankopen.dll --api http://127.0.0.1:$api_port/ \\
                                --worker http://127.0.0.1:$worker_port/ --dev-issuer http://127.0.0.1:$issuer_port/ --role operator config check
  Logs                        $state/*.log
Ctrl+C stopt alles / arrête tout.
INFO
# Sleep in the background and wait: bash runs the Ctrl+C trap at once during wait, not after a foreground sleep.
while true; do sleep 3600 & wait $!; done
