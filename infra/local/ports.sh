# Sourced by the local scripts: finding free loopback ports and waiting for them.

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Below the kernel's range for outgoing connections: a port found free there can be taken by any process's next
# connection before the server binds it (a RabbitMQ node then fails with dist_port_already_used).
free_port() {
  local port low=32768 span
  read -r low _ < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  span=$(( low - 20000 )); [ "$span" -ge 1000 ] || span=40000
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % span ))
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
  done
  echo "no free loopback port found" >&2; return 1
}

wait_for_port() { # port seconds name logfile
  for _ in $(seq 1 $(( $2 * 5 ))); do
    if port_in_use "$1"; then return 0; fi
    sleep 0.2
  done
  echo "$3 did not listen on 127.0.0.1:$1 within $2 s; its log ($4) ends with:" >&2
  tail -n 30 "$4" >&2 || true
  return 1
}
