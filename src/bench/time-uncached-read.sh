#!/usr/bin/env bash
# Where one uncached GET /api/consultations/{id} spends its time (issue 17), step by step, without HTTP:
# src/bench/java/…/consultation/UncachedReadBench.java on the H2 database an HTTP bench run left behind.
# (Named time-*, not run-*-bench.sh: it needs a kept database, so src/bench/run-all.sh does not run it.)
# Usage (the HTTP bench kept with BENCH_KEEP=1 prints "kept /tmp/tracker-http-bench.XXXX"):
#   src/bench/time-uncached-read.sh /tmp/tracker-http-bench.XXXX [maven options…]     e.g. … -o
# The service must be stopped (the HTTP bench stops it on exit). Output also in target/uncached-read-bench.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
kept="${1:?the folder an HTTP bench run kept (BENCH_KEEP=1)}"
shift
[ -f "$kept/service/bench.mv.db" ] || { echo "no $kept/service/bench.mv.db" >&2; exit 2; }
url="jdbc:h2:$kept/service/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
args="-Dbench.db.url=$url -Dbench.reads=${BENCH_READS:-200} -Dbench.rounds=${BENCH_ROUNDS:-10}"
args="$args -classpath %classpath org.compact.tracker.consultation.UncachedReadBench"
mkdir -p target
./mvnw -B -ntp "$@" -Pbench -DskipTests test-compile exec:exec \
    -Dexec.executable="$(command -v java)" -Dexec.classpathScope=test -Dexec.args="$args" \
    | tee target/uncached-read-bench.txt
