#!/usr/bin/env bash
# A three-node RabbitMQ cluster on this machine, for the cluster tests and drills: three nodes with their own names,
# AMQP and distribution ports on loopback, joined into one cluster, so that quorum queues are replicated on all three.
#
#   infra/local/rabbitmq-cluster.sh start STATE_DIR        # starts the three, writes STATE_DIR/env (RabbitMq__Nodes=...)
#   infra/local/rabbitmq-cluster.sh stop STATE_DIR         # stops them
#   infra/local/rabbitmq-cluster.sh kill-node N STATE_DIR  # kills node N (1 to 3) at once, as a crash would
#   infra/local/rabbitmq-cluster.sh start-node N STATE_DIR # starts node N again; it rejoins with its data
#   infra/local/rabbitmq-cluster.sh leader QUEUE STATE_DIR # prints the number of the node leading a quorum queue
set -euo pipefail

command=${1:?usage: rabbitmq-cluster.sh start|stop|kill-node N|start-node N|leader QUEUE STATE_DIR}
case "$command" in
  kill-node|start-node|leader) argument=${2:?a node number or queue name}; state=${3:?STATE_DIR} ;;
  *) state=${2:?STATE_DIR} ;;
esac
mkdir -p "$state"
state=$(cd "$state" && pwd)
# The nodes run as the rabbitmq user, which must reach their folders under this one.
chmod o+x "$state"

log() { printf '[rabbitmq-cluster] %s\n' "$*" >&2; }

. "$(dirname "$0")/ports.sh"
. "$(dirname "$0")/rabbit.sh"

ctl() { local node=$1; shift; HOME=/var/lib/rabbitmq timeout 120 rabbitmqctl -q -n "$node" "$@"; }

node_pids() { grep -l -s -a "RABBITMQ_NODENAME=$1" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 | tr '\n' ' ' || true; }

start_node() { rabbit_start_node "$state/node$1" 120 "RabbitMQ node $1"; } # number; the folders and ports were chosen by start

start() {
  if ! command -v rabbitmq-server >/dev/null && [ ! -x /usr/sbin/rabbitmq-server ]; then
    "$(dirname "$0")/servers.sh" install-rabbitmq "$state"
  fi
  local nodes="" first=""
  for i in 1 2 3; do
    local dir="$state/node$i" port dist
    port=$(free_port); dist=$(free_port)
    rabbit_prepare_node "$dir" "aankopen-cluster$i-$port@localhost" "$port" "$dist"
    start_node "$i"
    if [ -z "$first" ]; then
      first=$(cat "$dir/node")
    else
      ctl "$(cat "$dir/node")" stop_app
      ctl "$(cat "$dir/node")" join_cluster "$first"
      ctl "$(cat "$dir/node")" start_app
    fi
    nodes="${nodes:+$nodes,}127.0.0.1:$port"
    log "node $i ($(cat "$dir/node")) listening on 127.0.0.1:$port"
  done
  ctl "$first" await_online_nodes 3 >/dev/null
  echo "RabbitMq__Nodes=$nodes" > "$state/env"
  log "cluster of three running: $nodes"
}

kill_node() {
  local dir="$state/node$1" pids
  pids=$(node_pids "$(cat "$dir/node")")
  [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
  for _ in $(seq 1 50); do port_in_use "$(cat "$dir/port")" || break; sleep 0.1; done
  log "node $1 killed"
}

stop() {
  for i in 1 2 3; do
    local dir="$state/node$i"
    [ -f "$dir/node" ] || continue
    ctl "$(cat "$dir/node")" stop >/dev/null 2>&1 || true
    kill_node "$i" >/dev/null 2>&1
  done
  for _ in $(seq 1 75); do pgrep -x beam.smp >/dev/null || break; sleep 0.2; done
  pgrep -x beam.smp >/dev/null || pkill -x epmd 2>/dev/null || true
  log "cluster stopped"
}

leader() {
  local line
  for i in 1 2 3; do
    line=$(ctl "$(cat "$state/node$i/node")" list_queues name leader 2>/dev/null | awk -v q="$1" '$1 == q { print $2 }') || continue
    [ -n "$line" ] || continue
    for j in 1 2 3; do [ "$(cat "$state/node$j/node")" = "$line" ] && { echo "$j"; return 0; }; done
  done
  log "no leader found for $1"; return 1
}

# A start that fails half way (a node that never listens) stops the nodes it started, rather than leave them running.
abandon_start() { trap - ERR; log "start failed: stopping the nodes already started"; stop >/dev/null 2>&1 || true; }

case "$command" in
  start) set -E; trap abandon_start ERR; start ;;
  stop) stop ;;
  kill-node) kill_node "$argument" ;;
  start-node) start_node "$argument"; ctl "$(cat "$state/node$argument/node")" await_startup >/dev/null; log "node $argument started again" ;;
  leader) leader "$argument" ;;
  *) echo "usage: rabbitmq-cluster.sh start|stop|kill-node N|start-node N|leader QUEUE STATE_DIR" >&2; exit 64 ;;
esac
