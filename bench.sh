#!/usr/bin/env bash
# Measures the service next to its raw floor (PostgreSQL INSERTs, plain Marten appends, plain MassTransit) on its own
# PostgreSQL and RabbitMQ (started on free loopback ports, stopped afterwards), and writes docs/benchmarks.md and
# docs/benchmarks.json. ./bench.sh --quick does a short run that only shows the harness works.
# ./bench.sh --generate-scale [EVENTS] generates the scale model once (600 municipality groups over 10 years,
# 20,000,000 events unless told; most of an hour); later runs measure the read queries on it.
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
state="$root/.state/bench"
mkdir -p "$state"

# One run at a time: they share the PostgreSQL data folder that keeps the scale model.
exec 9>"$state/lock"
flock -n 9 || { echo "Another ./bench.sh is running on $state." >&2; exit 1; }

# PostgreSQL's data stays between runs, for the scale model; each run's own database is dropped when it ends.
# RabbitMQ starts empty every time.
export AANKOPEN_KEEP_POSTGRES=1
# PostgreSQL's own cache at a quarter of the memory, as a database server is set up: the read models' pages the
# queries touched stay there, where the kernel's page cache on these machines drops pages unused for a minute.
# AANKOPEN_POSTGRES_SHARED_BUFFERS=128MB ./bench.sh measures with PostgreSQL's default instead.
export AANKOPEN_POSTGRES_SHARED_BUFFERS="${AANKOPEN_POSTGRES_SHARED_BUFFERS:-$(( $(awk '/^MemTotal:/ { print $2 }' /proc/meminfo) / 4 / 1024 ))MB}"
cleanup() { trap '' INT TERM; infra/local/servers.sh stop "$state" || true; rm -rf "$state/rabbitmq"; }
trap cleanup EXIT

infra/local/servers.sh start "$state" || exit 1
set -a; . "$state/env"; set +a
dotnet build bench/Aankopen.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1
# The API, worker and connector processes run as their images run them: published, compiled ahead of time (infra/docker/Dockerfile).
for project in Api Worker FinanceConnector; do
  dotnet publish "src/Aankopen.$project" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o "$state/${project,,}" -nologo -v quiet -clp:ErrorsOnly || exit 1
done
export AANKOPEN_BENCH_API="$state/api" AANKOPEN_BENCH_WORKER="$state/worker" AANKOPEN_BENCH_CONNECTOR="$state/financeconnector"
dotnet bench/Aankopen.Benchmarks/bin/Release/net10.0/Aankopen.Benchmarks.dll --out "$root/docs" "$@"
