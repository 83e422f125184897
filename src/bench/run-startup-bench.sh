#!/usr/bin/env bash
# The start-up benchmark: the service's start-up time and resident memory against a bare Micronaut app.
#
# The bare app (src/bench/bare: one controller on micronaut-http-server-netty + micronaut-runtime +
# micronaut-serde-jackson, the same Micronaut platform BOM, a shaded jar like the service's) is built first with
# ./mvnw -f src/bench/bare/pom.xml. Then both jars are started in turn, BENCH_RUNS times each, as `java -jar` on a
# free loopback port:
#   - the service with a temporary H2 file database (created and migrated by a first, uncounted start, which is
#     reported on its own), the generated mail directory in the same temporary directory, everything else default;
#   - the bare app.
# For each start it records: the wall time from launching `java` until the first 200 answer to a trivial GET
# (/health for the service, / for the bare app; polled every 20 ms), the "Startup completed in N ms" that Micronaut
# logs (measured inside the JVM, so without the JVM's own start), and VmRSS from /proc/<pid>/status two seconds
# after the first answer. It prints the medians and the ratios service / bare with their targets, and stops
# everything it started (trap).
#
# Needs: the jar (./mvnw -B -ntp -DskipTests package), curl. Not part of the tests or CI. Usage:
#   src/bench/run-startup-bench.sh [maven options for building the bare app…]     e.g.  src/bench/run-startup-bench.sh -o
# Settings (environment): BENCH_RUNS (default 5), BENCH_SETTLE (s before reading RSS, default 2), BENCH_JAVA_OPTS
#   (given to both), BENCH_KEEP=1 (keep the temporary directory with the logs).
# The output is also written to target/startup-bench.txt. Figures: docs/performance.md.
set -euo pipefail
# shellcheck source=src/bench/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"

RUNS="${BENCH_RUNS:-5}"
SETTLE="${BENCH_SETTLE:-2}"

command -v curl >/dev/null || die "curl not found"
bench_setup startup-bench "$@"

# Starts $1 (service or bare) once, as start number $2; appends "wall_ms logged_ms rss_kb hwm_kb" to $WORK/$1.txt
# unless $3 is "uncounted", and prints a line.
measure() {
    local kind="$1" n="$2" counted="${3:-counted}" port log t0 wall logged rss hwm pid url
    port="$(free_port)"
    log="$WORK/$kind-$n.log"
    t0="$(now_ms)"
    if [ "$kind" = service ]; then
        start_service "$WORK/service" "$port" "$log"
        pid="$SERVICE_PID"
        url="http://127.0.0.1:$port/health"
    else
        start_bare "$port" "$log"
        pid="$BARE_PID"
        url="http://127.0.0.1:$port/"
    fi
    if ! wait_http_ok "$url" 180 "$pid"; then
        tail -40 "$log" >&2
        die "$kind did not answer on $url within 180 s"
    fi
    wall=$(($(now_ms) - t0))
    sleep "$SETTLE"
    rss="$(rss_kb "$pid")"
    hwm="$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")"
    logged="$(logged_startup_ms "$log")"
    stop_pid "$pid"
    if [ "$kind" = service ]; then SERVICE_PID=""; else BARE_PID=""; fi
    printf '%-7s start %s%s: first answer after %5d ms (logged "Startup completed in %s ms"), RSS %d MiB (peak %d MiB)\n' \
        "$kind" "$n" "$([ "$counted" = counted ] || echo " (uncounted)")" "$wall" "${logged:-?}" $((rss / 1024)) $((hwm / 1024))
    [ "$counted" = counted ] && echo "$wall ${logged:-nan} $rss $hwm" >>"$WORK/$kind.txt"
    return 0
}

echo "machine: $(machine_line)"
echo "service: $SERVICE_JAR ($(($(stat -c %s "$SERVICE_JAR") / 1048576)) MiB); bare: $BARE_JAR ($(($(stat -c %s "$BARE_JAR") / 1048576)) MiB)"
echo "JVM options for both: ${BENCH_JAVA_OPTS:-(none)}"
# The first start of each creates what later starts reuse (the service's database, the page cache): not counted.
measure service 0 uncounted
measure bare 0 uncounted
for n in $(seq 1 "$RUNS"); do
    measure service "$n"
    measure bare "$n"
done

med() { awk -v c="$2" '{print $c}' "$WORK/$1.txt" | median; }
s_wall="$(med service 1)"; b_wall="$(med bare 1)"
s_log="$(med service 2)"; b_log="$(med bare 2)"
s_rss="$(awk '{print $3 / 1024}' "$WORK/service.txt" | median)"; b_rss="$(awk '{print $3 / 1024}' "$WORK/bare.txt" | median)"
s_hwm="$(awk '{print $4 / 1024}' "$WORK/service.txt" | median)"; b_hwm="$(awk '{print $4 / 1024}' "$WORK/bare.txt" | median)"

echo
echo "| start-up (median of $RUNS starts each, in turn) | service | bare Micronaut app | ratio |"
echo "|---|---:|---:|---:|"
printf '| launch of `java -jar` to the first 200 answer, ms | %.0f | %.0f | %s |\n' "$s_wall" "$b_wall" "$(ratio "$s_wall" "$b_wall")"
printf '| "Startup completed in" (logged, inside the JVM), ms | %.0f | %.0f | %s |\n' "$s_log" "$b_log" "$(ratio "$s_log" "$b_log")"
printf '| RSS %s s after the first answer, MiB | %.0f | %.0f | %s |\n' "$SETTLE" "$s_rss" "$b_rss" "$(ratio "$s_rss" "$b_rss")"
printf '| peak RSS (VmHWM) by then, MiB | %.0f | %.0f | %s |\n' "$s_hwm" "$b_hwm" "$(ratio "$s_hwm" "$b_hwm")"
echo
echo "| measure | figure | target | result |"
echo "|---|---:|---:|---|"
r="$(ratio "$s_wall" "$b_wall")"
printf '| ratio start-up time service / bare, to the first answer (target <= 2) | %s | <= 2 | %s |\n' "$r" "$(verdict "$r" "<=" 2)"
r="$(ratio "$s_rss" "$b_rss")"
printf '| ratio RSS service / bare (target <= 2) | %s | <= 2 | %s |\n' "$r" "$(verdict "$r" "<=" 2)"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
