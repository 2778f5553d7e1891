#!/usr/bin/env bash
# Make sure the test suite's real services are up: PostgreSQL on 127.0.0.1:5432 (trust auth)
# and Redis on 127.0.0.1:6379, installing them from Debian's packages when missing.
# With --browser, also make sure Debian's chromium is installed for the Playwright tests.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

want=()
command -v pg_ctlcluster >/dev/null 2>&1 || want+=(postgresql)
command -v redis-server >/dev/null 2>&1 || want+=(redis-server)
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then want+=(chromium); fi
if [ ${#want[@]} -gt 0 ]; then
  echo "installing from Debian: ${want[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${want[@]}" >/dev/null
fi

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
if ! pg_up; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 0.5; done
fi
pg_up || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
if [ -n "${LUMEN_TEST_DATABASE_URL:-}" ]; then
  :  # the tests use the server named there
elif ! psql -h 127.0.0.1 -U postgres -d postgres -w -Atc 'select 1' >/dev/null 2>&1; then
  if [[ " ${want[*]:-} " != *" postgresql "* ]]; then
    echo "PostgreSQL on 127.0.0.1 refuses passwordless login as postgres; set" >&2
    echo "LUMEN_TEST_DATABASE_URL=postgresql+asyncpg://USER:PASS@HOST/postgres" >&2
    exit 1
  fi
  # The cluster we just installed asks for passwords on TCP; the tests use local trust auth.
  version=$(ls /etc/postgresql | sort -V | tail -1)
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  echo "enabling trust auth for 127.0.0.1 in $hba"
  $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  sleep 1
  psql -h 127.0.0.1 -U postgres -d postgres -w -Atc 'select 1' >/dev/null
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.25; done
fi
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis did not start" >&2; exit 1; }
echo "services ready: postgresql 127.0.0.1:5432, redis 127.0.0.1:6379"
