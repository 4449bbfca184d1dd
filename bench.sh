#!/usr/bin/env bash
# Measures the service next to its raw floor (PostgreSQL INSERTs, plain Marten appends, plain MassTransit) on its own
# PostgreSQL and RabbitMQ (started on free loopback ports, stopped afterwards), and writes docs/benchmarks.md and
# docs/benchmarks.json. ./bench.sh --quick does a short run that only shows the harness works.
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
state="$root/.state/bench-$$"

# The servers' data is of no use after the run (a million-event scale model leaves gigabytes): removed with them.
cleanup() { trap '' INT TERM; infra/local/servers.sh stop "$state" || true; rm -rf "$state"; }
trap cleanup EXIT

infra/local/servers.sh start "$state" || exit 1
set -a; . "$state/env"; set +a
dotnet build bench/Aankopen.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1
dotnet bench/Aankopen.Benchmarks/bin/Release/net10.0/Aankopen.Benchmarks.dll --out "$root/docs" "$@"
