#!/usr/bin/env bash
# Runs every test project against its own PostgreSQL and RabbitMQ (installed if missing, started on free loopback
# ports, stopped afterwards) and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
state="$root/.state/test-$$"
results="$state/results"

# The servers' data is of no use after the run (a million-event scale model leaves gigabytes): removed with them.
cleanup() { trap '' INT TERM; infra/local/servers.sh stop "$state" || true; rm -rf "$state"; }
trap cleanup EXIT

infra/local/servers.sh start "$state" || { echo "0 passed, 1 failed"; exit 1; }

# The deployment files are checked without a cluster or a Docker engine: docker-compose (Debian's) reads the
# compose file, and the validator's pinned npm packages check the Kubernetes manifests.
if ! command -v docker-compose >/dev/null; then
  apt-get install -y -qq docker-compose >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq docker-compose >/dev/null 2>&1; } \
    || echo "docker-compose could not be installed; the compose test will fail." >&2
fi
# The browser tests drive Debian's Chromium (Playwright's own browser downloads are not used).
if [ ! -x /usr/bin/chromium ]; then
  apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; } \
    || echo "chromium could not be installed; the browser tests will fail." >&2
fi
# The OCDS community's checkers (tests/ocds-check): the compiled packages they import from Debian, the rest pinned,
# from the machine's own wheels (PIP_FIND_LINKS) if it has them, else from PyPI. Without them the OCDS community
# tests are skipped and say why.
ocds_debian="python3-btrees python3-persistent python3-transaction python3-zc.lockfile python3-zodbpickle python3-zope.interface
  python3-openpyxl python3-odf python3-tz python3-ijson python3-rfc3987 python3-requests-cache python3-cattr python3-url-normalize"
if ! dpkg -s $ocds_debian >/dev/null 2>&1; then
  apt-get install -y -qq $ocds_debian >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $ocds_debian >/dev/null 2>&1; } \
    || echo "Debian's packages for the OCDS checkers could not be installed." >&2
fi
ocds_pip=(python3 -m pip install -q --no-deps --target "$state/ocds-tools" --retries 1 --timeout 20 -r tests/ocds-check/requirements.txt)
if ! { "${ocds_pip[@]}" --no-index >/dev/null 2>&1 || "${ocds_pip[@]}" >/dev/null 2>&1; }; then
  echo "The OCDS community's checkers could not be installed (PyPI unreachable?); their tests will be skipped." >&2
elif ! ocds_said=$(PYTHONPATH="$state/ocds-tools" python3 tests/ocds-check/check.py --imports 2>&1); then
  echo "The OCDS community's checkers do not start here; their tests will be skipped: $ocds_said" | tail -n 3 >&2
else
  export AANKOPEN_OCDS_TOOLS="$state/ocds-tools"
fi
npm ci --prefix infra/validate --no-audit --no-fund --loglevel=error >/dev/null 2>&1 \
  || echo "npm ci in infra/validate failed; the manifest tests will fail." >&2
set -a; . "$state/env"; set +a

if ! dotnet build Aankopen.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

# The team's style (.editorconfig): a change the formatter would make is a failure, named with its file and line.
formatting=0
if ! dotnet format Aankopen.sln --verify-no-changes --no-restore -v quiet; then
  echo "Formatting differs from .editorconfig: run 'dotnet format Aankopen.sln' and commit the result." >&2
  formatting=1
fi

# A test that hangs is stopped after ten minutes and named (blame), instead of holding the run until its time limit.
dotnet test Aankopen.sln -c Release --no-build -nologo --logger trx --results-directory "$results" --blame-hang-timeout 10m --blame-hang-dump-type none
test_status=$?

# Known vulnerabilities in any package, direct or transitive, fail the run like a failing test. When nuget.org
# cannot be asked (offline), the check says so and does not count.
vulnerable=0
if audit=$(dotnet list Aankopen.sln package --vulnerable --include-transitive 2>&1); then
  if echo "$audit" | grep -q "has the following vulnerable packages"; then
    echo "$audit" | grep -v "^$"
    echo "Vulnerable packages above: update their pins in Directory.Packages.props." >&2
    vulnerable=1
  else
    echo "Dependency check: no known vulnerable packages."
  fi
else
  echo "Dependency check could not run (nuget.org unreachable?): $audit" | tail -n 3 >&2
fi

# The manifest and AsyncAPI validators' npm packages, against npm's advisories, as the NuGet ones above.
if npm_audit=$(npm audit --prefix infra/validate --omit=dev --audit-level=low 2>&1); then
  echo "npm dependency check: no known vulnerable packages."
elif echo "$npm_audit" | grep -q "vulnerabilit"; then
  echo "$npm_audit" | grep -v "^$"
  echo "Vulnerable npm packages above: update their pins in infra/validate/package.json." >&2
  vulnerable=1
else
  echo "npm dependency check could not run (registry's advisory endpoint unreachable?):" >&2
  echo "$npm_audit" | tail -n 3 >&2
fi

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  executed=$(count executed); ok=$(count passed); total=$(count total)
  passed=$((passed + ok))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + total - executed))
done
failed=$((failed + vulnerable + formatting))

# The TRX files outlive the servers, for reading failures after the run.
rm -rf "$root/.state/test-results"; mv "$results" "$root/.state/test-results" 2>/dev/null
cleanup; trap - EXIT

# A run that executed no test, or whose runner failed without saying which test, is a failure too.
if [ "$files" -eq 0 ] || [ "$passed" -eq 0 ] || { [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  failed=$((failed == 0 ? 1 : failed))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$test_status" -eq 0 ]
