#!/usr/bin/env bash
# Runs every benchmark script present (src/bench/run-*-bench.sh: mail, compliance, HTTP, start-up, …) one after
# the other with its defaults, keeps each one's output under target/bench-all/<name>.txt, and prints one table of
# every measure that has a target: the rows "| … (target <op> <value>) | <figure> |" that the scripts print.
# Not part of the tests or CI. Usage:
#   src/bench/run-all.sh
#   BENCH_SKIP="compliance mail" src/bench/run-all.sh     # leave some out (names as in run-<name>-bench.sh)
#   MAVEN_ARGS=-o src/bench/run-all.sh                    # Maven options for the scripts that build (Maven 3.9 reads MAVEN_ARGS)
# Each script is stopped after BENCH_SCRIPT_TIMEOUT seconds (default 3600). The HTTP and start-up benchmarks need
# target/consultation-tracker.jar (./mvnw -B -ntp -DskipTests package) and, for HTTP, wrk.
set -uo pipefail
cd "$(dirname "$0")/../.."
LIMIT="${BENCH_SCRIPT_TIMEOUT:-3600}"
mkdir -p target/bench-all
summary="target/bench-all/summary.txt"
: >"$summary.rows"

for script in src/bench/run-*-bench.sh; do
    [ -f "$script" ] || continue
    name="$(basename "$script")"
    name="${name#run-}"
    name="${name%-bench.sh}"
    case " ${BENCH_SKIP:-} " in *" $name "*) echo "=== $name: skipped (BENCH_SKIP)"; continue ;; esac
    out="target/bench-all/$name.txt"
    echo "=== $name: $script (output in $out)"
    start=$(date +%s)
    timeout -k 30 "$LIMIT" bash "$script" 2>&1 | tee "$out"
    rc=${PIPESTATUS[0]}
    echo "=== $name: exit $rc after $(($(date +%s) - start)) s"
    # "| label (target op value[ unit]) | figure | …"  →  name <TAB> label <TAB> figure <TAB> op <TAB> value <TAB> unit
    awk -F'|' -v name="$name" '
        /^\|.*\(target [<>]=/ {
            label = $2; figure = $3
            gsub(/\*/, "", label); gsub(/\*/, "", figure)
            match(label, /\(target [<>]= *[0-9.]+[^)]*\)/)
            t = substr(label, RSTART + 8, RLENGTH - 9)
            label = substr(label, 1, RSTART - 1)
            gsub(/^ +| +$/, "", label); gsub(/^ +| +$/, "", figure)
            op = substr(t, 1, 2); rest = substr(t, 3); gsub(/^ +/, "", rest)
            match(rest, /^[0-9.]+/); value = substr(rest, 1, RLENGTH); unit = substr(rest, RLENGTH + 1)
            gsub(/^ +| +$/, "", unit)
            printf "%s\t%s\t%s\t%s\t%s\t%s\n", name, label, figure, op, value, unit
        }' "$out" >"target/bench-all/$name.rows"
    if [ ! -s "target/bench-all/$name.rows" ]; then
        printf '%s\t%s\t\t\t\t\n' "$name" "no result (exit $rc; see $out)" >>"$summary.rows"
    else
        if [ "$rc" != 0 ]; then
            printf '%s\t%s\t\t\t\t\n' "$name" "exit $rc: the rows below may be incomplete (see $out)" >>"$summary.rows"
        fi
        cat "target/bench-all/$name.rows" >>"$summary.rows"
    fi
done

{
    echo
    echo "All benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| benchmark | measure | figure | target | result |"
    echo "|---|---|---:|---:|---|"
    awk -F'\t' '{
        name = $1; label = $2; figure = $3; op = $4; value = $5; unit = $6
        if (op == "") { printf "| %s | %s | | | |\n", name, label; next }
        v = figure; sub(/[^0-9.].*$/, "", v)
        if (v == "") result = "n/a"
        else if ((op == ">=" && v + 0 >= value + 0) || (op == "<=" && v + 0 <= value + 0)) result = "pass"
        else result = "**miss**"
        printf "| %s | %s | %s%s | %s %s%s | %s |\n", name, label, figure, (unit == "" || index(figure, unit) ? "" : " " unit),
               op, value, (unit == "" ? "" : " " unit), result
    }' "$summary.rows"
} | tee "$summary"
rm -f "$summary.rows"
