#!/usr/bin/env bash
# The weekly digest benchmark: the Monday run for many WEEKLY organisations (default 10,000 with 20 items each)
# against the immediate mail of the same items, into an SMTP sink in the bench JVM; prints the figures, the ratio
# against the target (digest run time per organisation <= 1.5 x one immediate notice's relay time) and the heap
# after GC before, during and after the run. Not part of the tests or CI. Usage:
#   src/bench/run-digest-bench.sh [organisations [items [maven options…]]]   e.g.  src/bench/run-digest-bench.sh 10000 20 -o
# The output is also written to target/digest-bench.txt. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
organisations="${1:-10000}"
items="${2:-20}"
shift 2 || shift $# || true
mkdir -p target
./mvnw -B -ntp "$@" -Pbench -DskipTests -Dbench.organisations="$organisations" -Dbench.items="$items" \
    test-compile exec:exec@digest-bench | tee target/digest-bench.txt
