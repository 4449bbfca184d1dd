#!/usr/bin/env bash
# Rebuilds packages/Patched.DistributedLock.Postgres.1.3.3.nupkg from its nuspec (the .nupkg is committed so
# that a clean clone restores without this step).
set -euo pipefail
cd "$(dirname "$0")/Patched.DistributedLock.Postgres"
dotnet pack Patched.DistributedLock.Postgres.csproj --nologo -v quiet
