#!/usr/bin/env bash
# Local PostgreSQL and RabbitMQ for the demo and the tests: installed with apt-get when missing, started on free
# loopback ports under a state folder of ours (never the system's data directories), stopped on request.
#
#   infra/local/servers.sh start STATE_DIR   # starts both, writes STATE_DIR/env (KEY=value lines to source)
#   infra/local/servers.sh stop STATE_DIR    # stops whatever start started there
#   (AANKOPEN_KEEP_POSTGRES=1 with start: PostgreSQL starts on the data an earlier start left there, if any;
#    AANKOPEN_POSTGRES_SHARED_BUFFERS=6GB with start: PostgreSQL's own cache, 128MB unless told)
# and, for fault tests and drills, on servers started there:
#   infra/local/servers.sh restart-postgres STATE_DIR   # fast shutdown and start again: every connection drops
#   infra/local/servers.sh pause-rabbitmq STATE_DIR     # stops the broker application (connections refused)
#   infra/local/servers.sh resume-rabbitmq STATE_DIR    # starts it again with its queues and messages
set -euo pipefail

command=${1:?usage: servers.sh start|stop STATE_DIR}
state=${2:?usage: servers.sh start|stop STATE_DIR}
mkdir -p "$state"
state=$(cd "$state" && pwd)

log() { printf '[servers] %s\n' "$*" >&2; }

. "$(dirname "$0")/ports.sh"
. "$(dirname "$0")/rabbit.sh"

apt_install() {
  log "installing $* with apt-get"
  # Keep the package's own service from starting: we run our own instances on our own ports.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >"$state/apt.log" 2>&1; then
    rm -f /usr/sbin/policy-rc.d
    log "apt-get install $* failed; the end of $state/apt.log:"; tail -n 20 "$state/apt.log" >&2; return 1
  fi
  rm -f /usr/sbin/policy-rc.d
}

pg_bin() {
  local found
  found=$(command -v "$1" 2>/dev/null || ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] && echo "$found"
}

as_user() { local user=$1; shift; runuser -u "$user" -- "$@"; }

start_postgres() {
  if [ -z "$(pg_bin initdb)" ]; then apt_install postgresql; fi
  local dir="$state/postgres" port
  port=$(free_port)
  # AANKOPEN_KEEP_POSTGRES=1: the data of an earlier start under this state folder is used again (the benchmark's
  # scale model takes most of an hour to generate); otherwise every start begins with an empty cluster.
  local kept=
  if [ "${AANKOPEN_KEEP_POSTGRES:-}" = 1 ] && [ -f "$dir/data/PG_VERSION" ]; then
    kept=1
    mkdir -p "$dir/run"
  else
    rm -rf "$dir" && mkdir -p "$dir/data" "$dir/run"
  fi
  chown -R postgres:postgres "$dir"
  if ! as_user postgres test -w "$dir"; then
    log "user postgres cannot reach $dir; give its parent folders o+x or choose another state folder"; return 1
  fi
  if [ -z "$kept" ]; then
    as_user postgres "$(pg_bin initdb)" -D "$dir/data" -U aankopen -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { log "initdb failed:"; tail -n 20 "$dir/initdb.log" >&2; return 1; }
  fi
  as_user postgres "$(pg_bin pg_ctl)" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on -c shared_buffers=${AANKOPEN_POSTGRES_SHARED_BUFFERS:-128MB}" start >/dev/null
  [ -n "$kept" ] || "$(pg_bin psql)" -h 127.0.0.1 -p "$port" -U aankopen -d postgres -qc 'CREATE DATABASE aankopen' >/dev/null
  echo "$port" > "$dir/port"
  log "PostgreSQL listening on 127.0.0.1:$port (data in $dir)"
  {
    echo "AANKOPEN_POSTGRES_PORT=$port"
    echo "AANKOPEN_SERVERS_STATE=$state"
    echo "AANKOPEN_SERVERS_SCRIPT=$(cd "$(dirname "$0")" && pwd)/servers.sh"
    echo "ConnectionStrings__Aankopen='Host=127.0.0.1;Port=$port;Database=aankopen;Username=aankopen;Password=aankopen'"
  } >> "$state/env"
}

start_rabbitmq() {
  if ! command -v rabbitmq-server >/dev/null && [ ! -x /usr/sbin/rabbitmq-server ]; then apt_install rabbitmq-server; fi
  local dir="$state/rabbitmq" port dist node
  port=$(free_port); dist=$(free_port)
  node="aankopen-$port@localhost"
  rabbit_prepare_node "$dir" "$node" "$port" "$dist"
  rabbit_start_node "$dir" 90 RabbitMQ
  log "RabbitMQ listening on 127.0.0.1:$port (node $node)"
  {
    echo "AANKOPEN_RABBITMQ_PORT=$port"
    echo "RabbitMq__Host=127.0.0.1"
    echo "RabbitMq__Port=$port"
  } >> "$state/env"
}

stop_postgres() {
  local dir="$state/postgres"
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_user postgres "$(pg_bin pg_ctl)" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  log "PostgreSQL stopped"
}

node_pids() { grep -l -s -a "RABBITMQ_NODENAME=$1" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 | tr '\n' ' ' || true; }

stop_rabbitmq() {
  local dir="$state/rabbitmq" node
  [ -f "$dir/node" ] || return 0
  node=$(cat "$dir/node")
  HOME=/var/lib/rabbitmq timeout 30 rabbitmqctl -q -n "$node" stop >/dev/null 2>&1 || true
  # The server switches user and session on start, so find its processes by the node name in their environment.
  for _ in $(seq 1 75); do [ -n "$(node_pids "$node")" ] || break; sleep 0.2; done
  local left; left=$(node_pids "$node")
  [ -z "$left" ] || kill -KILL $left 2>/dev/null || true
  # epmd outlives its node; stop it once no Erlang node is left on this machine.
  for _ in $(seq 1 75); do pgrep -x beam.smp >/dev/null || break; sleep 0.2; done
  pgrep -x beam.smp >/dev/null || pkill -x epmd 2>/dev/null || true
  rm -f "$dir/node"
  log "RabbitMQ stopped"
}

restart_postgres() {
  local dir="$state/postgres"
  as_user postgres "$(pg_bin pg_ctl)" -D "$dir/data" -l "$dir/postgres.log" -m fast -w -t 60 restart >/dev/null
  log "PostgreSQL restarted"
}

rabbitmq_app() {
  HOME=/var/lib/rabbitmq timeout 60 rabbitmqctl -q -n "$(cat "$state/rabbitmq/node")" "$1" >/dev/null
  log "RabbitMQ $1 done"
}

case "$command" in
  restart-postgres) restart_postgres ;;
  install-rabbitmq) command -v rabbitmq-server >/dev/null || [ -x /usr/sbin/rabbitmq-server ] || apt_install rabbitmq-server ;;
  pause-rabbitmq) rabbitmq_app stop_app ;;
  resume-rabbitmq) rabbitmq_app start_app ;;
  start)
    rm -f "$state/env"
    start_postgres
    start_rabbitmq
    # The servers write their data under the state directory, which usually lies inside the directory .NET hosts
    # take as content root; left on, their watch for changed appsettings wakes up on every database write.
    echo "DOTNET_hostBuilder__reloadConfigOnChange=false" >> "$state/env"
    ;;
  stop)
    stop_rabbitmq
    stop_postgres
    ;;
  *) echo "usage: servers.sh start|stop|restart-postgres|pause-rabbitmq|resume-rabbitmq STATE_DIR" >&2; exit 64 ;;
esac
