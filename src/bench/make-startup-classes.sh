#!/usr/bin/env bash
# Writes src/main/resources/META-INF/tracker/startup-classes.txt: the classes one start of the service loads, in the
# order it loads them, which org.compact.tracker.startup.ClassPreloader loads ahead on a second thread.
#
# Starts the built jar twice on a temporary H2 database (the first start creates and migrates it; the second, the
# one recorded, is an ordinary restart) with -Xlog:class+load and the preloader off, stops it at the first 200 answer
# from /health, and keeps the classes that came from the jar or from the JDK's modules (not the ones already in the
# JDK's shared archive, nor generated lambda and proxy classes). Run it after changing dependencies or start-up code:
#   ./mvnw -B -ntp -DskipTests package && src/bench/make-startup-classes.sh && ./mvnw -B -ntp -DskipTests package
# StartupClassListTest fails when much of the list names classes that no longer exist.
set -euo pipefail
# shellcheck source=src/bench/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
require_service_jar
command -v curl >/dev/null || die "curl not found"

OUT="src/main/resources/META-INF/tracker/startup-classes.txt"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tracker-startup-classes.XXXXXX")"
SERVICE_PID=""
trap 'stop_pid "$SERVICE_PID"; rm -rf "$WORK"' EXIT
BENCH_JAVA_OPTS_ARRAY=(-Dtracker.preload=false)

for n in 1 2; do
    port="$(free_port)"
    if [ "$n" = 2 ]; then
        BENCH_JAVA_OPTS_ARRAY+=("-Xlog:class+load=info:file=$WORK/classes.log")
    fi
    start_service "$WORK/service" "$port" "$WORK/service-$n.log"
    wait_http_ok "http://127.0.0.1:$port/health" 180 "$SERVICE_PID" || {
        tail -40 "$WORK/service-$n.log" >&2
        die "the service did not answer"
    }
    stop_pid "$SERVICE_PID"
    SERVICE_PID=""
done

jar_source="source: file:$(cd "$(dirname "$SERVICE_JAR")" && pwd)/$(basename "$SERVICE_JAR")"
mkdir -p "$(dirname "$OUT")"
{
    echo "# Written by src/bench/make-startup-classes.sh on $(date -u +%Y-%m-%d) from $(basename "$SERVICE_JAR"); do not edit."
    # "[0.123s][info][class,load] a.b.C source: …": the name is the second field.
    awk -v jar="$jar_source" 'index($0, jar) || index($0, "source: jrt:/") { print $2 }' "$WORK/classes.log" \
        | grep -v -e '\$\$Lambda' -e '/0x' -e '\$Proxy' | awk '!seen[$0]++'
} >"$OUT"
echo "wrote $OUT: $(grep -vc '^#' "$OUT") classes"
