#!/usr/bin/env bash
# The compliance report benchmark: fills a fresh database (H2 file under target/bench-db, PostgreSQL mode, the
# service's Flyway migrations) with 100,000 consultations and 1,000,000 NOTICE deliveries with their outbox rows, by
# batched JDBC inserts, then times the full compliance report (median of 3) beside one hand-written SQL aggregate
# (the NOTICE full-notice share) over the same data, and prints both and their ratio; then times the annual Compact
# monitoring report of last year as PDF for the biggest agency (target under 10 s). Not part of the tests or CI.
# Usage:
#   src/bench/run-compliance-bench.sh [consultations [maven options…]]     e.g.  src/bench/run-compliance-bench.sh 100000 -o
# Against PostgreSQL: BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/bench BENCH_DB_USERNAME=… BENCH_DB_PASSWORD=… src/bench/run-compliance-bench.sh
# It uses the bench profile's compilation of src/bench/java and exec:exec with the test classpath (no profile change).
# The output is also written to target/compliance-bench.txt. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
consultations="${1:-100000}"
shift || true
mkdir -p target
args="-Xmx3g -Dbench.consultations=${consultations} -Dbench.deliveries-per-consultation=${BENCH_DELIVERIES_PER_CONSULTATION:-10}"
args="$args -Dbench.rounds=${BENCH_ROUNDS:-3} -Dbench.db.url=${BENCH_DB_URL:-} -Dbench.db.username=${BENCH_DB_USERNAME:-}"
args="$args -Dbench.db.password=${BENCH_DB_PASSWORD:-} -classpath %classpath org.compact.tracker.compliance.ComplianceBench"
./mvnw -B -ntp "$@" -Pbench -DskipTests test-compile exec:exec \
    -Dexec.executable="$(command -v java)" -Dexec.classpathScope=test -Dexec.args="$args" \
    | tee target/compliance-bench.txt
