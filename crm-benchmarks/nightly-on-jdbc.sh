#!/usr/bin/env bash
# The nightly job over a JdbcStore against the bare SQL aggregate of the tier rules' metrics, in the
# same rounds: run by hand, never by the test suite. lifecycle-on-jdbc.sh with JOB=tiering (the
# tiering part, store.tieringJob(policy, clock)) unless JOB=nightly asks for the whole job (tiering,
# then store.assessmentJob(policy, clock)), on PostgreSQL unless DATABASES says otherwise.
#
#   mvn -B -q -DskipTests package -pl crm-benchmarks -am
#   WORK_DIR=/tmp/jobbench crm-benchmarks/nightly-on-jdbc.sh /tmp/tier-data 250000 1000000
#
# Per size it prints one row: the medians of the job's and the anchor's wall times (each in a JVM of
# its own with -Xmx256m under /usr/bin/time -v), the median of the per-round ratios job/anchor, the
# peak RSS of each and the PostgreSQL server's peak PSS during the job.
set -euo pipefail
JOB="${JOB:-tiering}" DATABASES="${DATABASES:-postgres}" exec "$(dirname "$0")/lifecycle-on-jdbc.sh" "$@"
