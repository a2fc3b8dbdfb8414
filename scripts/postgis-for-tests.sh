#!/usr/bin/env bash
# Makes sure a PostGIS server is reachable for the test suite, and gives it a fresh test database.
#
# - If JIYUN_TEST_DB_URL is set, that server is used as it is (nothing is installed or started).
# - Otherwise the local PostgreSQL 15 cluster is used: Debian's postgresql-15-postgis-3 is installed
#   if missing (needs root, or sudo), the cluster is started if stopped, and the role `jiyun`
#   (password `jiyun`) and the database `jiyun_test` are created anew, with the postgis extension.
set -euo pipefail

if [[ -n "${JIYUN_TEST_DB_URL:-}" ]]; then
  echo "postgis-for-tests: using ${JIYUN_TEST_DB_URL}"
  exit 0
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then su postgres -c "$*"; else sudo -u postgres bash -c "$*"; fi
}

if ! dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1; then
  echo "postgis-for-tests: installing postgresql-15-postgis-3"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3 >/dev/null
fi

if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  as_root pg_createcluster 15 main >/dev/null
fi
if ! pg_isready -q -h localhost -p 5432; then
  echo "postgis-for-tests: starting the local PostgreSQL 15 cluster"
  as_root pg_ctlcluster 15 main start
  for _ in $(seq 1 30); do
    pg_isready -q -h localhost -p 5432 && break
    sleep 1
  done
fi
pg_isready -h localhost -p 5432

as_postgres "psql -q -v ON_ERROR_STOP=1" <<'SQL'
SELECT 'CREATE ROLE jiyun LOGIN PASSWORD ''jiyun'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jiyun')\gexec
DROP DATABASE IF EXISTS jiyun_test WITH (FORCE);
CREATE DATABASE jiyun_test OWNER jiyun;
\c jiyun_test
CREATE EXTENSION postgis;
SQL
echo "postgis-for-tests: jiyun_test ready at jdbc:postgresql://localhost:5432/jiyun_test (PostGIS $(as_postgres "psql -tA -d jiyun_test -c 'SELECT postgis_lib_version()'"))"
