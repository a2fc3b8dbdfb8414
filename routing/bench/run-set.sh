#!/usr/bin/env bash
# Runs the benchmark command on a set of instances, one JVM at a time, and prints the gap to the best known
# solution per instance and the mean.
#
#   routing/bench/run-set.sh FORMAT SECONDS BKS_CSV INSTANCE_FILE...
#   routing/bench/run-set.sh solomon 60 ../shared/benchmarks/solomon/bks-distance.csv ../shared/benchmarks/solomon/*.txt
#   routing/bench/run-set.sh cvrplib 60 ../shared/benchmarks/cvrplib-x/bks.csv ../shared/benchmarks/cvrplib-x/X-n1*.vrp
#
# Build first: ./mvnw -q -pl routing package. Extra JVM options via JAVA_OPTS (default -Xmx2g).
set -euo pipefail
if [ $# -lt 4 ]; then
  sed -n '2,8p' "$0"; exit 2
fi
format=$1; seconds=$2; bks=$3; shift 3
jar="$(cd "$(dirname "$0")/.." && pwd)/target/jiyun-routing.jar"
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw -q -pl routing package" >&2; exit 1; }

printf '%-14s %8s %12s %12s %8s %9s %7s\n' instance vehicles cost bks gap% feasible seconds
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for file in "$@"; do
  name=$(basename "$file"); name=${name%.*}
  line=$(java ${JAVA_OPTS:--Xmx2g} -jar "$jar" --format "$format" --instance "$file" --seconds "$seconds" 2>/dev/null | tail -1)
  cost=$(sed -E 's/.*"cost":([0-9.]+).*/\1/' <<<"$line")
  vehicles=$(sed -E 's/.*"vehicles":([0-9]+).*/\1/' <<<"$line")
  feasible=$(sed -E 's/.*"feasible":(true|false).*/\1/' <<<"$line")
  spent=$(sed -E 's/.*"seconds":([0-9.]+).*/\1/' <<<"$line")
  best=$(awk -F, -v n="$name" 'tolower($1)==tolower(n) {print $3}' "$bks")
  if [ -n "$best" ]; then
    gap=$(awk -v c="$cost" -v b="$best" 'BEGIN {printf "%.2f", (c-b)/b*100}')
    echo "$gap $feasible" >>"$results"
  else
    gap="n/a"
  fi
  printf '%-14s %8s %12s %12s %8s %9s %7s\n' "$name" "$vehicles" "$cost" "${best:-?}" "$gap" "$feasible" "$spent"
done
awk '{s+=$1; n++; if ($2!="true") bad++} END {if (n) printf "mean gap %.2f%% over %d instances, %d infeasible\n", s/n, n, bad+0}' "$results"
