# Helpers shared by src/bench/run-http-bench.sh and src/bench/run-startup-bench.sh (sourced, not run).
# Everything here stays on the loopback interface, and every wait is bounded.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICE_JAR="${BENCH_JAR:-$BENCH_ROOT/target/consultation-tracker.jar}"
BARE_JAR="$BENCH_ROOT/target/bench-bare/bare-micronaut.jar"
JAVA="${JAVA:-java}"
# Extra JVM options given to the service and the bare app alike (none by default: both run as `java -jar`).
read -r -a BENCH_JAVA_OPTS_ARRAY <<<"${BENCH_JAVA_OPTS:-}"

die() {
    echo "bench: $*" >&2
    exit 2
}

require_service_jar() {
    [ -f "$SERVICE_JAR" ] || die "no $SERVICE_JAR: build it first with ./mvnw -B -ntp -DskipTests package"
}

# Builds the bare Micronaut app (src/bench/bare) into target/bench-bare/bare-micronaut.jar. Maven options (e.g. -o)
# may be given as arguments or in MAVEN_ARGS.
# The common start of a benchmark script, called with its name and the script's arguments: its output also goes to
# target/<name>.txt; $WORK is a fresh folder, removed on exit (kept with BENCH_KEEP=1); the service and the bare app
# ($SERVICE_PID, $BARE_PID) are stopped on exit; the bare app is built.
bench_setup() {
    local name="$1"
    shift
    require_service_jar
    mkdir -p "$BENCH_ROOT/target"
    exec > >(tee "$BENCH_ROOT/target/$name.txt") 2>&1
    SERVICE_PID=""
    BARE_PID=""
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/tracker-$name.XXXXXX")"
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
    build_bare_jar "$@"
}

bench_cleanup() {
    stop_pid "$SERVICE_PID"
    stop_pid "$BARE_PID"
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        echo "kept $WORK"
    else
        rm -rf "$WORK"
    fi
}

build_bare_jar() {
    (cd "$BENCH_ROOT" && ./mvnw -B -ntp -q "$@" -f src/bench/bare/pom.xml package) >&2 \
        || die "could not build the bare app (src/bench/bare/pom.xml)"
    [ -f "$BARE_JAR" ] || die "the bare app's build left no $BARE_JAR"
}

# A TCP port on 127.0.0.1 that nothing listens on (tried at random in 20000-31999, at most 200 tries): below Linux's
# usual range of ephemeral ports (32768-60999), which the benchmark's own curl and client connections draw from, so
# one of those cannot take the port between this check and the server's bind.
free_port() {
    local port i
    for i in $(seq 1 200); do
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free port found"
}

now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

# Waits until GET url answers 200, polling every 20 ms, for at most $2 seconds (default 180) and while $3 (a pid,
# optional) is alive. Returns 1 on timeout or if the process died.
wait_http_ok() {
    local url="$1" limit="${2:-180}" pid="${3:-}" deadline
    deadline=$(($(now_ms) + limit * 1000))
    while [ "$(now_ms)" -lt "$deadline" ]; do
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" 2>/dev/null)" = 200 ]; then
            return 0
        fi
        sleep 0.02
    done
    return 1
}

# Stops a process this script started: SIGTERM, then SIGKILL after 20 s.
stop_pid() {
    local pid="$1" i
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in $(seq 1 200); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

rss_kb() {
    awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null
}

# The median of the numbers on stdin, one a line (the mean of the middle two for an even count).
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan" } else if (NR % 2) { print v[(NR + 1) / 2] }
                                        else { print (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'
}

# a / b, printed with two decimals ("n/a" when either is missing or b is 0).
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "nan" || b == "nan" || b + 0 == 0) print "n/a";
                                     else printf "%.2f\n", a / b }'
}

# "pass" or "miss" for a figure against a target: cmp is ">=" or "<=".
verdict() {
    awk -v v="$1" -v cmp="$2" -v t="$3" 'BEGIN { if (v == "n/a" || v == "nan" || v == "") print "n/a";
        else if ((cmp == ">=" && v + 0 >= t + 0) || (cmp == "<=" && v + 0 <= t + 0)) print "pass"; else print "miss" }'
}

# Starts the service jar on 127.0.0.1:$port with the H2 database under $dir (created on first start), logging to
# $log; sets SERVICE_PID. The service's own defaults otherwise, as a deployment would run it. With BENCH_DB_URL (and
# BENCH_DB_USERNAME, BENCH_DB_PASSWORD) set, that database instead (e.g. an empty PostgreSQL database).
start_service() {
    local dir="$1" port="$2" log="$3"
    mkdir -p "$dir/mail"
    (
        cd "$dir" || exit 1
        export TRACKER_DB_URL="${BENCH_DB_URL:-jdbc:h2:async:$dir/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE}"
        if [ -n "${BENCH_DB_URL:-}" ]; then
            export TRACKER_DB_USERNAME="${BENCH_DB_USERNAME:-postgres}" TRACKER_DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
        fi
        export TRACKER_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD"
        export TRACKER_PORT="$port"
        export MICRONAUT_SERVER_HOST=127.0.0.1
        export TRACKER_PUBLIC_URL="http://127.0.0.1:$port"
        export TRACKER_MAIL_FILE_DIR="$dir/mail"
        exec "$JAVA" "${BENCH_JAVA_OPTS_ARRAY[@]}" -jar "$SERVICE_JAR" >"$log" 2>&1
    ) &
    SERVICE_PID=$!
}

# Starts the bare app on 127.0.0.1:$port, logging to $log; sets BARE_PID.
start_bare() {
    local port="$1" log="$2"
    "$JAVA" "${BENCH_JAVA_OPTS_ARRAY[@]}" -Dmicronaut.server.port="$port" -Dmicronaut.server.host=127.0.0.1 \
        -jar "$BARE_JAR" >"$log" 2>&1 &
    BARE_PID=$!
}

# The "Startup completed in N ms" figure Micronaut logs (empty if absent).
logged_startup_ms() {
    sed -n 's/.*Startup completed in \([0-9]*\)ms.*/\1/p' "$1" | tail -1
}

# One line about the machine, for the tables.
machine_line() {
    local cpu
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
    printf '%s cores (%s), %s MiB RAM, %s, load average %s' "$(nproc)" "$cpu" \
        "$(awk '/^MemTotal:/ {printf "%d", $2 / 1024}' /proc/meminfo)" \
        "$("$JAVA" -version 2>&1 | head -1 | sed 's/"//g')" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

BENCH_ADMIN_PASSWORD="${BENCH_ADMIN_PASSWORD:-bench-admin-$(date +%s)-password}"
