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
#
# NEXT_NIGHT=true (with JOB=tiering or nightly) also times, in each round, the anchor and the job as of the next
# day on the tables the first night left: a night that writes the changes only.
# JOB=tiering times the nightly tiering job instead (nightly-on-jdbc.sh sets it): in each round the
# anchor is the tier rules' metrics in one SQL aggregate with the tiers decided by hand, and the job
# is store.tieringJob(policy, clock).run(asOf) after its tables were emptied, so every run is the first
# of its day and writes every customer's first assignment; every run must report the same tiers.
# JOB=nightly times the whole nightly job, tiering and then assessment as crm nightly runs them, in the
# same way and against the same anchor.
# WORK_DIR (default DATA_DIR) is where the databases go, in WORK_DIR/<job>-<customers>/<database>.
# BENCH_JAR runs a copy of the jar (so that a build meanwhile cannot change it under the runs).
# PGJDBC="reWriteBatchedInserts=true" (driver properties) adds, on PostgreSQL, a run of the job in each
# round with these properties on its JDBC URL, and a row for it.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:?usage: lifecycle-on-jdbc.sh DATA_DIR [CUSTOMERS ...]}"
shift
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(250000 1000000)
fi
rounds="${ROUNDS:-3}"
job="${JOB:-lifecycle}"
work_root="${WORK_DIR:-$data}"
read -r -a databases <<< "${DATABASES:-postgres h2}"
bench="${BENCH_JAR:-$root/crm-benchmarks/target/benchmarks.jar}"
[ -f "$bench" ] || { echo "lifecycle-on-jdbc: $bench is missing; build it first (see the top of this script)" >&2; exit 1; }

echo "database | customers | rounds | $job wall, median | anchor wall, median | $job / anchor, median (per round) | $job peak RSS | anchor peak RSS | server peak PSS"
for n in "${sizes[@]}"; do
  dir="$data/$n"
  if [ ! -f "$dir/interactions.csv" ]; then
    java -Xmx2g -cp "$bench" org.crmkit.benchmarks.TierData "$dir" "$n" >&2
  fi
  for db in "${databases[@]}"; do
    work="$work_root/$job-$n/$db"
    java -Xmx2g -Dcrmkit.bench.pgjdbc="${PGJDBC:-}" -Dcrmkit.bench.nextNight="${NEXT_NIGHT:-false}" -cp "$bench" org.crmkit.benchmarks.LifecycleOnJdbc "$db" "$dir" \
      "$work" "$rounds" "$job" 2> >(grep --line-buffered -v '^\[' >&2) | while IFS= read -r row; do
      echo "${row%% |*} | $n | ${row#* | }"
    done
  done
  if [ "$job" = lifecycle ] && [ ${#databases[@]} -gt 1 ]; then
    first="$work_root/lifecycle-$n/${databases[0]}/assessments.csv"
    for db in "${databases[@]:1}"; do
      if cmp -s "$first" "$work_root/lifecycle-$n/$db/assessments.csv"; then
        echo "lifecycle-on-jdbc: $n customers: ${databases[0]} and $db gave every customer the same assessment ($(wc -l < "$first") lines)" >&2
      else
        echo "lifecycle-on-jdbc: $n customers: ${databases[0]} and $db DIFFER, see $first" >&2
        exit 1
      fi
    done
  fi
done
