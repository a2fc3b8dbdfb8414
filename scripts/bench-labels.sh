#!/usr/bin/env bash
# A van's load of e-waybills and labels against the sandbox: 200 orders at the hub take their e-waybills in one
# request and their labels render in one PDF (target: under 10 s together).
# Usage: scripts/bench-labels.sh [orders per round, default 200] [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -pl fulfillment -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=LabelsBenchmark -Djiyun.excluded-test-groups=none -Dgroups=benchmark \
  -Dbench.orders="${1:-200}" -Dbench.rounds="${2:-2}" 2>&1 | grep -E '^LABELS|ERROR|FAIL' || true
