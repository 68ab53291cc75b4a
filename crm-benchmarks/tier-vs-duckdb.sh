#!/usr/bin/env bash
# crm tier against DuckDB on the same CSV files: run by hand, never by the test suite.
#
#   mvn -B -q -DskipTests package -pl crm-cli,crm-benchmarks -am
#   crm-benchmarks/tier-vs-duckdb.sh /tmp/tier-data 250000 1000000
#
# For each number of customers (default 250000 and 1000000, 10 orders and about 1 interaction
# each) it writes the data set into DATA_DIR/<customers>/ unless it is there (TierData, seeded),
# then runs `./crm tier ... > crm.jsonl` (the launcher, with its JVM options) and DuckDB (DuckDbTiers,
# memory_limit 1GB, threads = cores) in turn, ROUNDS times each (default 3), interleaved, every run
# under /usr/bin/time -v for its wall time and the peak resident memory of the whole process.
# It checks that both gave every customer the same tier, and prints one row per size: medians,
# the median of the per-round ratios crm/DuckDB, and the largest peak RSS. CRM_JAVA_OPTS, when set,
# replaces the launcher's JVM options, as it does for users; CRM_JAVA_OPTS= (set, empty) runs crm
# with the JVM's defaults, as `java -jar` did in the measurements before 2026-12-07 10:00.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:?usage: tier-vs-duckdb.sh DATA_DIR [CUSTOMERS ...]}"
shift
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(250000 1000000)
fi
rounds="${ROUNDS:-3}"
as_of=2026-03-31
bench="$root/crm-benchmarks/target/benchmarks.jar"
crm="$root/crm-cli/target/crm.jar"
for jar in "$bench" "$crm"; do
  [ -f "$jar" ] || { echo "tier-vs-duckdb: $jar is missing; build it first (see the top of this script)" >&2; exit 1; }
done

# seconds and peak RSS (MB) of one /usr/bin/time -v report
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
largest() { sort -g | tail -1; }

printf '%-10s %-7s %12s %12s %12s %14s %14s\n' customers rounds "crm tier s" "DuckDB s" "crm/DuckDB" "crm peak MB" "DuckDB peak MB"
for n in "${sizes[@]}"; do
  dir="$data/$n"
  if [ ! -f "$dir/interactions.csv" ]; then
    java -Xmx2g -cp "$bench" org.crmkit.benchmarks.TierData "$dir" "$n" >&2
  fi
  crm_s=(); duck_s=(); ratios=(); crm_mb=(); duck_mb=()
  for r in $(seq 1 "$rounds"); do
    /usr/bin/time -v -o "$dir/crm-time.txt" "$root/crm" tier --customers "$dir/customers.csv" \
      --orders "$dir/orders.csv" --interactions "$dir/interactions.csv" --as-of "$as_of" \
      > "$dir/crm.jsonl" 2> "$dir/crm-err.txt"
    /usr/bin/time -v -o "$dir/duck-time.txt" java -cp "$bench" org.crmkit.benchmarks.DuckDbTiers \
      "$dir" "$as_of" "$dir/duckdb.csv" 2> "$dir/duck-err.txt"
    c=$(wall "$dir/crm-time.txt"); d=$(wall "$dir/duck-time.txt")
    crm_s+=("$c"); duck_s+=("$d"); ratios+=("$(awk -v c="$c" -v d="$d" 'BEGIN { printf "%.2f", c / d }')")
    crm_mb+=("$(rss "$dir/crm-time.txt")"); duck_mb+=("$(rss "$dir/duck-time.txt")")
    echo "tier-vs-duckdb: $n customers, round $r: crm tier ${c} s, DuckDB ${d} s" >&2
  done
  java -cp "$bench" org.crmkit.benchmarks.TierComparison "$dir/crm.jsonl" "$dir/duckdb.csv" >&2
  printf '%-10s %-7s %12s %12s %12s %14s %14s\n' "$n" "$rounds" \
    "$(printf '%s\n' "${crm_s[@]}" | median)" "$(printf '%s\n' "${duck_s[@]}" | median)" \
    "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${crm_mb[@]}" | largest)" \
    "$(printf '%s\n' "${duck_mb[@]}" | largest)"
done
