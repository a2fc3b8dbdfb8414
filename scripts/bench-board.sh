#!/usr/bin/env bash
# How long the planning board loads (page + map data, server side) for 1,000 producers and 3,000 parcels.
# Usage: scripts/bench-board.sh [producers, default 1000] [parcels, default 3000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -pl fulfillment -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=BoardBenchmark -Djiyun.excluded-test-groups=none -Dgroups=benchmark \
  -Dbench.producers="${1:-1000}" -Dbench.parcels="${2:-3000}" 2>&1 | grep -E '^BOARD|ERROR|FAIL' || true
