#!/usr/bin/env bash
# Runs every test: unit, integration, the data-layer tests on both H2GIS and a real PostGIS, and the
# browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/postgis-for-tests.sh
bash scripts/browser-for-tests.sh
export JIYUN_TEST_DB_URL="${JIYUN_TEST_DB_URL:-jdbc:postgresql://localhost:5432/jiyun_test}"
export JIYUN_TEST_DB_USER="${JIYUN_TEST_DB_USER:-jiyun}"
export JIYUN_TEST_DB_PASSWORD="${JIYUN_TEST_DB_PASSWORD:-jiyun}"

./mvnw -B -ntp clean verify "$@"
