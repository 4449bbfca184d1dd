# Sourced by servers.sh and rabbitmq-cluster.sh: one RabbitMQ node under a folder of ours, on loopback ports.

# Writes the node's folders, configuration and names: folder, node name, AMQP port, distribution port.
rabbit_prepare_node() {
  local dir=$1
  rm -rf "$dir" && mkdir -p "$dir/mnesia" "$dir/log"
  echo "$2" > "$dir/node"
  echo "$3" > "$dir/port"
  echo "$4" > "$dir/dist-port"
  cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$3
loopback_users = none
CONF
  echo '[].' > "$dir/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$dir"
}

# Starts the node prepared in a folder, in the background, and waits until it listens: folder, seconds, name for messages.
# The package's own start script switches to the rabbitmq user with su, which leaves 1,024 open files: RabbitMQ 3.10
# keeps three file handles per quorum queue in its count, and beyond the limit it stops accepting connections without
# a word (a few hundred administrations' queues were enough). The node gets the most the machine allows instead.
rabbit_start_node() {
  local dir=$1
  HOME=/var/lib/rabbitmq ERL_CRASH_DUMP="$dir/erl_crash.dump" RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_NODENAME="$(cat "$dir/node")" RABBITMQ_NODE_PORT="$(cat "$dir/port")" RABBITMQ_DIST_PORT="$(cat "$dir/dist-port")" \
    RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    setsid su rabbitmq -s /bin/sh -c 'ulimit -n "$(ulimit -Hn)"; cd /var/lib/rabbitmq && exec /usr/lib/rabbitmq/bin/rabbitmq-server' \
    >>"$dir/server.log" 2>&1 < /dev/null &
  wait_for_port "$(cat "$dir/port")" "$2" "$3" "$dir/server.log"
}
