#!/usr/bin/env bash
# Times rolling over 1,000 rounds of one institution that admit to 10,000 programmes, so
# that 10,000 years of entry are prepared (issue 28; docs/benchmarks.md): the preview and
# the rollover, with the SQL statements each ran and the bytes each allocated, beside a
# reference in the same run (the same rows copied by two insert ... select statements).
# It runs the test-scope RolloverBenchmark against the tests' PostgreSQL (embedded, or
# Testcontainers where Docker answers) and prints its table.
#
#   bench/rollover.sh                     # 1,000 rounds x 10 programmes
#   ROUNDS=200 PER_ROUND=5 bench/rollover.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-1000}
PER_ROUND=${PER_ROUND:-10}
timeout "${MAX_SECONDS:-1200}" ./mvnw -q -B -ntp test -Dtest=RolloverBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Drollover.rounds="$ROUNDS" -Drollover.programmes-per-round="$PER_ROUND" >/dev/null
sed -n '/^Rollover of/,/^  made:/p' target/surefire-reports/org.prospectus.intake.RolloverBenchmark-output.txt
