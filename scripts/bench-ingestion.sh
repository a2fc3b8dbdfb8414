#!/usr/bin/env bash
# Ingestion throughput from the platform sandbox into the store, in orders per second.
# Usage: scripts/bench-ingestion.sh [h2|postgis] [orders per shop, default 3000]
#        (three shops: Douyin, Kuaishou, WeChat, through the real connectors; postgis uses the tests' server;
#        BENCH_PLATFORMS=DOUYIN,KUAISHOU picks the platforms)
#        scripts/bench-ingestion.sh intake-only|intake-only-postgis [orders, default 3000]
#        (the store's share alone: canonical orders straight into the intake, one thread, order by order
#        and then a page of 100 at a time; H2GIS or PostGIS)
#        Each measures BENCH_ROUNDS rounds (default 2) in one JVM, each with fresh shops and orders: round 1
#        includes the JIT compiling the intake path, the later rounds show the steady state.
set -euo pipefail
cd "$(dirname "$0")/.."
store="${1:-h2}"
orders="${2:-3000}"
if [[ "$store" == "postgis" || "$store" == "intake-only-postgis" ]]; then
  bash scripts/postgis-for-tests.sh
  export JIYUN_TEST_DB_URL="${JIYUN_TEST_DB_URL:-jdbc:postgresql://localhost:5432/jiyun_test}"
  export JIYUN_TEST_DB_USER="${JIYUN_TEST_DB_USER:-jiyun}"
  export JIYUN_TEST_DB_PASSWORD="${JIYUN_TEST_DB_PASSWORD:-jiyun}"
fi
if [[ "$store" == intake-only* ]]; then
  benchmark=H2gisIntakeOnlyBenchmark
  [[ "$store" == "intake-only-postgis" ]] && benchmark=PostgisIntakeOnlyBenchmark
  ./mvnw -B -q -ntp -pl fulfillment -am test -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest="$benchmark" -Djiyun.excluded-test-groups=none -Dgroups=benchmark \
    -Dbench.orders="$orders" -Dbench.rounds="${BENCH_ROUNDS:-2}" 2>&1 | grep -E '^INTAKE-ONLY|ERROR|FAIL' || true
  exit 0
fi
./mvnw -B -q -ntp -pl fulfillment -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=IngestionBenchmark -Djiyun.excluded-test-groups=none -Dgroups=benchmark \
  -Dbench.store="$store" -Dbench.orders="$orders" -Dbench.rounds="${BENCH_ROUNDS:-2}" -Dbench.platforms="${BENCH_PLATFORMS:-DOUYIN,KUAISHOU,WECHAT}" 2>&1 | grep -E '^INGESTION|ERROR|FAIL' || true
