#!/usr/bin/env bash
# The mail benchmark: GreenMail on a free loopback port inside the bench JVM, then
#   (a) raw Angus Mail over one kept-open connection, (b) the service's outbox + MailRelay,
# and a table of msg/s. Not part of the tests or CI. Usage:
#   src/bench/run-mail-bench.sh [messages [maven options…]]   e.g.  src/bench/run-mail-bench.sh 5000 -o
# The output is also written to target/mail-bench.txt. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
messages="${1:-5000}"
shift || true
mkdir -p target
./mvnw -B -ntp "$@" -Pbench -DskipTests -Dbench.messages="$messages" \
    test-compile exec:exec@mail-bench | tee target/mail-bench.txt
