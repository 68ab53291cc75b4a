#!/usr/bin/env bash
# The lifecycle and lifetime-value analysis over a JdbcStore against the bare SQL aggregates of the
# same facts: run by hand, never by the test suite.
#
#   mvn -B -q -DskipTests package -pl crm-benchmarks -am
#   crm-benchmarks/lifecycle-on-jdbc.sh /tmp/tier-data 250000 1000000
#
# For each number of customers (default 250000 and 1000000, 10 orders and about 1 interaction each)
# it writes the data set into DATA_DIR/<customers>/ unless it is there (TierData, seeded), then, for
# each database of DATABASES (default "postgres h2"), runs LifecycleOnJdbc: it loads the files into a
# JdbcStore's tables in bulk (PostgreSQL: COPY into an embedded server; H2: CSVREAD into a database
# file), then runs the anchor (the facts' SQL aggregates, once, streamed and discarded) and the
# analysis (CustomerBaseAnalysis with the standard policy's BG/NBD and Gamma-Gamma models, one CSV
# line per customer) in turn, ROUNDS times each (default 3), each in a JVM of its own with -Xmx256m
# under /usr/bin/time -v. It prints one row per database and size: medians of the wall times, the
# median of the per-round ratios analysis/anchor, the largest peak RSS of the Java processes and,
# for PostgreSQL, the server's largest peak PSS during an analysis. Last, it checks that both
# databases gave every customer the same assessment.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:?usage: lifecycle-on-jdbc.sh DATA_DIR [CUSTOMERS ...]}"
shift
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(250000 1000000)
fi
rounds="${ROUNDS:-3}"
read -r -a databases <<< "${DATABASES:-postgres h2}"
bench="$root/crm-benchmarks/target/benchmarks.jar"
[ -f "$bench" ] || { echo "lifecycle-on-jdbc: $bench is missing; build it first (see the top of this script)" >&2; exit 1; }

echo "database | customers | rounds | analysis wall, median | anchor wall, median | analysis / anchor, median (per round) | analysis peak RSS | anchor peak RSS | server peak PSS"
for n in "${sizes[@]}"; do
  dir="$data/$n"
  if [ ! -f "$dir/interactions.csv" ]; then
    java -Xmx2g -cp "$bench" org.crmkit.benchmarks.TierData "$dir" "$n" >&2
  fi
  for db in "${databases[@]}"; do
    work="$data/lifecycle-$n/$db"
    row=$(java -Xmx2g -cp "$bench" org.crmkit.benchmarks.LifecycleOnJdbc "$db" "$dir" "$work" "$rounds" \
      2> >(grep -v '^\[' >&2))
    echo "${row%% |*} | $n | ${row#* | }"
  done
  if [ ${#databases[@]} -gt 1 ]; then
    first="$data/lifecycle-$n/${databases[0]}/assessments.csv"
    for db in "${databases[@]:1}"; do
      if cmp -s "$first" "$data/lifecycle-$n/$db/assessments.csv"; then
        echo "lifecycle-on-jdbc: $n customers: ${databases[0]} and $db gave every customer the same assessment ($(wc -l < "$first") lines)" >&2
      else
        echo "lifecycle-on-jdbc: $n customers: ${databases[0]} and $db DIFFER, see $first" >&2
        exit 1
      fi
    done
  fi
done
