#!/usr/bin/env bash
# Builds Jiyun and starts it on the embedded H2GIS store (./data) with the demo cooperative,
# on http://localhost:8080 (users coop-admin, courier-1, seller-1; password demo).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -DskipTests package
exec java -Xmx512m -jar fulfillment/target/jiyun.jar "$@"
