#!/usr/bin/env bash
# The HTTP benchmark: the service's authenticated reads against trivial endpoints of the same server, under wrk.
#
# Starts target/consultation-tracker.jar on a free loopback port with a fresh H2 file database in a temporary
# directory, seeds it through the API with curl (an agency, an officer, 20 organisations, 200 consultations), signs
# the officer in (POST /login), and runs wrk (2 threads, 16 connections, fixed duration, --latency) against:
#   - GET /health                          anonymous; the brief's "trivial endpoint" (it is not quite: see below)
#   - GET /assets/tracker.css              anonymous static file, when the jar has it: no database, no token
#   - GET /api/consultations/{id}          Authorization: Bearer <officer's token>, the 200 ids in turn
#   - GET /api/consultations?agency=…&status=PLANNED&from=…&to=…&size=20&page=0…4   same token, the 5 pages in turn
#   - GET /programme.ics with If-None-Match: its current ETag, anonymous: the 304 a polling calendar program gets
#   - GET /programme.ics, anonymous: the whole feed of BENCH_PROGRAMME_CONSULTATIONS consultations (2,000)
#   - the same with Accept-Encoding: gzip, as calendar programs send it: the feed kept gzipped, 1/24 of the bytes
#   - GET / of the bare Micronaut app (src/bench/bare, another JVM on the same machine), for reference only
#   - with BENCH_WRITES_PER_SECOND > 0 (default 5; 0 leaves it out), the mixed load of issue 17: the same
#     GET /api/consultations/{id} and list pages again while a second client changes the summary of one of 50 other
#     consultations (PATCH with If-Match, curl, paced to that rate); the writes it achieved and their p99 are shown.
#     Then the uncached read: 100 times, a PATCH forgets one consultation's kept answer and the next
#     GET /api/consultations/{id} of it is timed (curl, from the request sent to the last byte), median and p90.
# Each endpoint gets a warm-up, then BENCH_ROUNDS rounds in which the endpoints take turns (so drifting background
# load hits all of them alike); the table shows each endpoint's median req/s and p99 and the ratios with their
# targets. The service and the bare app are stopped at the end (trap), and the temporary directory removed.
#
# Needs: the jar (./mvnw -B -ntp -DskipTests package), wrk (Debian: apt-get install -y wrk), curl. Not part of the
# tests or CI. Usage:
#   src/bench/run-http-bench.sh [maven options for building the bare app…]        e.g.  src/bench/run-http-bench.sh -o
# Settings (environment): BENCH_DURATION (s, default 15), BENCH_WARMUP (s, 5), BENCH_ROUNDS (3),
#   BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_CONSULTATIONS (200; at least 110 for five full list pages),
#   BENCH_WRITES_PER_SECOND (5; 0: no mixed load), BENCH_ENDPOINTS (names to run, e.g. "health get list getw listw"),
#   BENCH_DB_URL (+ BENCH_DB_USERNAME, BENCH_DB_PASSWORD: another database than a fresh H2 file, e.g. PostgreSQL),
#   BENCH_BULK_CONSULTATIONS (0; e.g. 20000: that many more consultations over three years, and
#   BENCH_BULK_ORGANISATIONS (5000) organisations, inserted straight into the H2 file with the service stopped, see
#   "the bulk seed" below; then POST …/notify of a consultation targeting all the bulk organisations is timed too;
#   run it with BENCH_ENDPOINTS="health get list getw listw": the feed rows assume only the seeded consultations),
#   BENCH_PROGRAMME_CONSULTATIONS (2000: the consultations seeded in all, every one in the programme; the reads
#   above take the first BENCH_CONSULTATIONS), BENCH_JAVA_OPTS (for the service and the bare app), BENCH_KEEP=1 (keep the temporary directory with the logs
#   and wrk outputs).
# The output is also written to target/http-bench.txt. Figures: docs/performance.md.
set -euo pipefail
# shellcheck source=src/bench/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"

DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-5}"
ROUNDS="${BENCH_ROUNDS:-3}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
CONSULTATIONS="${BENCH_CONSULTATIONS:-200}"
PROGRAMME_CONSULTATIONS="${BENCH_PROGRAMME_CONSULTATIONS:-2000}"
WRITES_PER_SECOND="${BENCH_WRITES_PER_SECOND:-5}"
WRITTEN=50
SEEDED=$(( PROGRAMME_CONSULTATIONS > CONSULTATIONS + WRITTEN ? PROGRAMME_CONSULTATIONS : CONSULTATIONS + WRITTEN ))
ORGANISATIONS=20
PAGE_SIZE=20
PAGES=5

command -v wrk >/dev/null || die "wrk not found (Debian: apt-get install -y wrk)"
command -v curl >/dev/null || die "curl not found"
bench_setup http-bench "$@"

# ---- the service, and what it holds ----
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
start_service "$WORK/service" "$PORT" "$WORK/service.log"
if ! wait_http_ok "$BASE/health" 180 "$SERVICE_PID"; then
    tail -40 "$WORK/service.log" >&2
    die "the service did not answer on $BASE/health within 180 s"
fi

# POST/GET with curl; prints the body, fails unless the status is $1.
call() {
    local expect="$1" method="$2" path="$3" token="$4" body="${5:-}" out code
    local args=(-s --max-time 20 -X "$method" -w '\n%{http_code}' -H 'Content-Type: application/json')
    [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
    [ -n "$body" ] && args+=(--data-binary "$body")
    out="$(curl "${args[@]}" "$BASE$path")" || die "curl $method $path failed"
    code="${out##*$'\n'}"
    [ "$code" = "$expect" ] || die "$method $path answered $code, not $expect: ${out%$'\n'*}"
    printf '%s' "${out%$'\n'*}"
}
json_id() {
    sed -n 's/^{"id":\([0-9]*\).*/\1/p'
}
login() {
    call 200 POST /login "" "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
day() {
    date -u -d "$TODAY + $1 days" +%F
}

TODAY="$(date -u +%F)"
WARDS=(Ordsall Kersal Broughton Langworthy Weaste Eccles Walkden Swinton Irlam Cadishead)
INTERESTS=(housing health transport "youth services" "social care" libraries parks "community safety")
COMMUNITIES=("older people" "young people" carers "lone parents" refugees "disabled people")
METHODS=(ONLINE_SURVEY PAPER_SURVEY PUBLIC_MEETING DROP_IN FOCUS_GROUP WORKSHOP)
PROVISIONS=(LARGE_PRINT ONLINE_OPTION PAPER_OPTION EVENING_MEETINGS HEARING_LOOP CHILDCARE)

seed_start=$(now_ms)
ADMIN_TOKEN="$(login admin "$BENCH_ADMIN_PASSWORD")"
[ -n "$ADMIN_TOKEN" ] || die "admin could not sign in"
AGENCY="$(call 201 POST /api/agencies "$ADMIN_TOKEN" \
    '{"name":"Bench City Council","kind":"COUNCIL","complianceContactEmail":"compact@council.bench.example"}' | json_id)"
OFFICER_PASSWORD="bench-officer-$(date +%s)-password"
call 201 POST /api/users "$ADMIN_TOKEN" "{\"username\":\"bench.officer\",\"password\":\"$OFFICER_PASSWORD\",
    \"email\":\"officer@council.bench.example\",\"agencyId\":$AGENCY,\"roles\":[\"OFFICER\"]}" >/dev/null
TOKEN="$(login bench.officer "$OFFICER_PASSWORD")"
[ -n "$TOKEN" ] || die "the officer could not sign in"

ORG_IDS=()
for i in $(seq 1 "$ORGANISATIONS"); do
    w="${WARDS[$((i % ${#WARDS[@]}))]}"
    ORG_IDS+=("$(call 201 POST /api/organisations "$TOKEN" "{\"name\":\"$w Community Group $i\",
        \"kind\":\"COMMUNITY_GROUP\",\"emails\":[\"secretary@group$i.bench.example\"],\"areas\":[\"$w\"],
        \"interests\":[\"${INTERESTS[$((i % ${#INTERESTS[@]}))]}\",\"${INTERESTS[$(((i + 3) % ${#INTERESTS[@]}))]}\"],
        \"communities\":[\"${COMMUNITIES[$((i % ${#COMMUNITIES[@]}))]}\"]}" | json_id)")
done

: >"$WORK/get.paths"
for i in $(seq 1 "$SEEDED"); do
    w="${WARDS[$((i % ${#WARDS[@]}))]}"
    theme="${INTERESTS[$((i % ${#INTERESTS[@]}))]}"
    opens=$((45 + i % 120))
    body="{\"title\":\"Bench consultation $i: $theme in $w\",
      \"summary\":\"We want to hear what you think about changes to $theme in $w. Tell us what matters to you. We will read every answer. We will tell you what we decided and why.\",
      \"themes\":[\"$theme\"],\"areas\":[\"$w\"],\"audiences\":[\"OLDER_PEOPLE\",\"young people\"],
      \"methods\":[\"${METHODS[$((i % ${#METHODS[@]}))]}\",\"ONLINE_SURVEY\"],
      \"targets\":{\"organisationIds\":[${ORG_IDS[$((i % ORGANISATIONS))]},${ORG_IDS[$(((i + 7) % ORGANISATIONS))]}],
                   \"areas\":[\"$w\"],\"interests\":[\"$theme\"]},
      \"openToChange\":\"Which days, places and hours.\",\"fixed\":\"The budget for the year.\",
      \"decisionDate\":\"$(day $((opens + 120)))\",\"decisionMaker\":\"Cabinet\",
      \"opensOn\":\"$(day "$opens")\",\"closesOn\":\"$(day $((opens + 84)))\",
      \"provisions\":[\"${PROVISIONS[$((i % ${#PROVISIONS[@]}))]}\",\"LARGE_PRINT\"],\"languages\":[\"Polish\"],
      \"venues\":[\"$w Library\"],\"priorWork\":{\"statement\":\"No earlier consultation on this.\"}}"
    id="$(call 201 POST /api/consultations "$TOKEN" "$body" | json_id)"
    [ -n "$id" ] || die "no id for consultation $i"
    if [ "$i" -le "$CONSULTATIONS" ]; then
        echo "/api/consultations/$id" >>"$WORK/get.paths"
    elif [ "$i" -le $((CONSULTATIONS + WRITTEN)) ]; then
        echo "$id" >>"$WORK/written.ids"
    fi
done
FROM="$(day 60)"
TO="$(day 150)"
: >"$WORK/list.paths"
for p in $(seq 0 $((PAGES - 1))); do
    path="/api/consultations?agency=$AGENCY&status=PLANNED&from=$FROM&to=$TO&size=$PAGE_SIZE&page=$p"
    n="$(call 200 GET "$path" "$TOKEN" | grep -o '{"id":' | wc -l)"
    [ "$n" = "$PAGE_SIZE" ] || die "$path gave $n consultations, not $PAGE_SIZE"
    echo "$path" >>"$WORK/list.paths"
done
echo "/ping" >"$WORK/health.paths"
echo "/programme.ics" >"$WORK/ics.paths"
events="$(call 200 GET /programme.ics "" | grep -c '^BEGIN:VEVENT')"
[ "$events" = "$SEEDED" ] || die "/programme.ics has $events events, not $SEEDED"
ICS_ETAG="$(curl -s -o /dev/null -D - --max-time 20 "$BASE/programme.ics" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
[ -n "$ICS_ETAG" ] || die "/programme.ics answered no ETag"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ICS_ETAG" "$BASE/programme.ics")" = 304 ] \
    || die "/programme.ics with If-None-Match: $ICS_ETAG did not answer 304"
gz_events="$(curl -s --max-time 20 -H 'Accept-Encoding: gzip' "$BASE/programme.ics" | gzip -dc | grep -c '^BEGIN:VEVENT')"
[ "$gz_events" = "$SEEDED" ] || die "/programme.ics with Accept-Encoding: gzip has $gz_events events, not $SEEDED"
echo "/assets/tracker.css" >"$WORK/asset.paths"
echo "/" >"$WORK/bare.paths"
echo "seeded in $(( ($(now_ms) - seed_start) / 1000 )) s: agency $AGENCY, 1 officer, $ORGANISATIONS organisations," \
    "$SEEDED consultations (PLANNED, full fields, 2 target organisations each)"

# ---- the bulk seed (issue 17's sizes): straight into the tables, the service stopped ----
# With BENCH_BULK_CONSULTATIONS > 0 (H2 only): stops the service, adds BENCH_BULK_ORGANISATIONS organisations and
# BENCH_BULK_CONSULTATIONS consultations of the same agency spread over three years (two years back, one ahead;
# CLOSED, OPEN, NOTIFIED or PLANNED by their dates, each naming two of the bulk organisations), with their
# consultation_stamp rows, by set-based INSERT … SELECT through H2's RunScript; marks consultation_target to be
# built again, so the service resolves every consultation's targets itself at its next start (as after V27); starts
# the service again on the same database and signs the officer in again. The bulk organisations share the interest
# "civic life" and areas of their own ("Bulk ward 1…50"), so the consultations read above keep their own targets
# (the uncached read compares like with like at both sizes) and one consultation can target all of them (notify).
BULK_CONSULTATIONS="${BENCH_BULK_CONSULTATIONS:-0}"
BULK_ORGANISATIONS="${BENCH_BULK_ORGANISATIONS:-5000}"
bulk_seed() {
    [ -z "${BENCH_DB_URL:-}" ] || die "BENCH_BULK_CONSULTATIONS works on the default H2 file only"
    local h2cp="$SERVICE_JAR" t0
    unzip -l "$SERVICE_JAR" 2>/dev/null | grep -q 'org/h2/tools/RunScript.class' \
        || h2cp="$(ls "$HOME"/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | tail -1)"
    t0=$(now_ms)
    stop_pid "$SERVICE_PID"
    SERVICE_PID=""
    cat >"$WORK/bulk.sql" <<SQL
SET @today = CURRENT_DATE;
INSERT INTO organisation (version, name, kind, emails, areas, interests, communities, opt_out_all, opt_out_themes,
    created_at, updated_at)
SELECT 0, 'Bulk community group ' || X, 'COMMUNITY_GROUP', '["info@bulk' || X || '.bench.example"]',
    '["Bulk ward ' || (MOD(X, 50) + 1) || '"]', '["civic life"]', '[]', FALSE, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM (SELECT "X" AS x FROM SYSTEM_RANGE(1, $BULK_ORGANISATIONS)) AS r;
SET @base = (SELECT MIN(id) FROM organisation WHERE name LIKE 'Bulk community group %');
INSERT INTO consultation (version, agency_id, status, title, summary, lead_officer, themes, areas, audiences, methods,
    provisions, languages, venues, target_organisation_ids, target_areas, target_interests, target_communities,
    open_to_change, fixed, decision_date, decision_maker, opens_on, closes_on, prior_work_ids, prior_work_statement,
    notified_on, notified_at, opened_on, closed_on, created_by, created_at, updated_at)
SELECT 0, $AGENCY,
    CASE WHEN c < @today THEN 'CLOSED' WHEN o <= @today THEN 'OPEN'
         WHEN o <= DATEADD(DAY, 90, @today) THEN 'NOTIFIED' ELSE 'PLANNED' END,
    'Bulk consultation ' || X || ' on civic life',
    'We want to hear what you think about civic life. Tell us what matters to you. We will tell you what we decided.',
    'bench.officer', '["civic life"]', '["Bulk ward ' || (MOD(X, 50) + 1) || '"]', '["OLDER_PEOPLE"]',
    '["ONLINE_SURVEY"]', '["LARGE_PRINT"]', '[]', '[]',
    '[' || (@base + MOD(X, $BULK_ORGANISATIONS)) || ',' || (@base + MOD(X * 7 + 13, $BULK_ORGANISATIONS)) || ']',
    '[]', '[]', '[]', 'Which days, places and hours.', 'The budget for the year.', DATEADD(DAY, 60, c), 'Cabinet',
    o, c, '[]', 'No earlier consultation on this.',
    CASE WHEN o <= DATEADD(DAY, 90, @today) THEN DATEADD(DAY, -90, o) END,
    CASE WHEN o <= DATEADD(DAY, 90, @today) THEN CAST(DATEADD(DAY, -90, o) AS TIMESTAMP WITH TIME ZONE) END,
    CASE WHEN o <= @today THEN o END, CASE WHEN c < @today THEN c END,
    'bench', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM (SELECT "X" AS x, DATEADD(DAY, MOD("X" * 37, 1095) - 730, @today) AS o,
             DATEADD(DAY, MOD("X" * 37, 1095) - 730 + 84, @today) AS c
      FROM SYSTEM_RANGE(1, $BULK_CONSULTATIONS)) AS d;
INSERT INTO consultation_stamp (consultation_id, stamp)
SELECT id, 0 FROM consultation c WHERE NOT EXISTS (SELECT 1 FROM consultation_stamp s WHERE s.consultation_id = c.id);
UPDATE consultation_target_state SET built = FALSE WHERE id = 1;
SQL
    "$JAVA" -cp "$h2cp" org.h2.tools.RunScript -url "jdbc:h2:$WORK/service/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
        -user sa -script "$WORK/bulk.sql" || die "the bulk seed failed"
    local inserted=$(( ($(now_ms) - t0) / 1000 ))
    t0=$(now_ms)
    start_service "$WORK/service" "$PORT" "$WORK/service.log"
    if ! wait_http_ok "$BASE/health" 600 "$SERVICE_PID"; then
        tail -40 "$WORK/service.log" >&2
        die "the service did not answer on $BASE/health within 600 s after the bulk seed"
    fi
    TOKEN="$(login bench.officer "$OFFICER_PASSWORD")"
    [ -n "$TOKEN" ] || die "the officer could not sign in after the bulk seed"
    echo "bulk seed: $BULK_ORGANISATIONS organisations and $BULK_CONSULTATIONS consultations inserted in $inserted s" \
        "(service stopped); the service started again and answered in $(( ($(now_ms) - t0) / 1000 )) s" \
        "($(grep -o 'Resolved the targets of [0-9]* dated consultations' "$WORK/service.log" | tail -1))"
}
if [ "$BULK_CONSULTATIONS" -gt 0 ]; then
    bulk_seed
fi

# ---- the bare app, for reference ----
BARE_PORT="$(free_port)"
start_bare "$BARE_PORT" "$WORK/bare.log"
wait_http_ok "http://127.0.0.1:$BARE_PORT/" 120 "$BARE_PID" || die "the bare app did not answer"

# name|base url|paths file|auth (1 = the officer's bearer token, 304 = If-None-Match: the feed's ETag,
#   gzip = Accept-Encoding: gzip)|label
ENDPOINTS=(
    "bare|http://127.0.0.1:$BARE_PORT|$WORK/bare.paths|0|bare Micronaut app GET / (another JVM; reference)"
    "health|$BASE|$WORK/health.paths|0|GET /ping (anonymous, constant text: the trivial endpoint)"
)
if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/assets/tracker.css")" = 200 ]; then
    ENDPOINTS+=("asset|$BASE|$WORK/asset.paths|0|GET /assets/tracker.css (anonymous static file)")
else
    echo "GET /assets/tracker.css does not answer 200 in this jar: no static-file reference"
fi
ENDPOINTS+=(
    "get|$BASE|$WORK/get.paths|1|GET /api/consultations/{id} (bearer; $CONSULTATIONS ids in turn)"
    "list|$BASE|$WORK/list.paths|1|GET /api/consultations?agency&status&from&to&size=$PAGE_SIZE&page=0..$((PAGES - 1)) (bearer)"
    "ics304|$BASE|$WORK/ics.paths|304|GET /programme.ics, If-None-Match: its ETag (anonymous; 304, no body)"
    "ics|$BASE|$WORK/ics.paths|0|GET /programme.ics (anonymous; the whole feed, $SEEDED consultations)"
    "icsgz|$BASE|$WORK/ics.paths|gzip|GET /programme.ics, Accept-Encoding: gzip (anonymous; the whole feed gzipped)"
)
if [ "$WRITES_PER_SECOND" != 0 ]; then
    ENDPOINTS+=(
        "getw|$BASE|$WORK/get.paths|1|GET /api/consultations/{id} while one client writes (bearer; $CONSULTATIONS ids in turn)"
        "listw|$BASE|$WORK/list.paths|1|GET /api/consultations?… while one client writes (bearer; the 5 pages in turn)"
    )
fi

# BENCH_ENDPOINTS="health get list getw listw" (names as above) runs only those.
if [ -n "${BENCH_ENDPOINTS:-}" ]; then
    KEEP=()
    for e in "${ENDPOINTS[@]}"; do
        [[ " $BENCH_ENDPOINTS " == *" ${e%%|*} "* ]] && KEEP+=("$e")
    done
    ENDPOINTS=("${KEEP[@]}")
fi

# The writer: changes the summary of one of the $WRITTEN consultations after another, with If-Match: its ETag, at
# most $WRITES_PER_SECOND a second, until $1 exists; each write's "ms http-code" goes to $2.
writer() {
    local stop="$1" out="$2" n=0 id etag t0 line code ms pause
    local ids=()
    mapfile -t ids <"$WORK/written.ids"
    declare -A etags=()
    pause="$(awk -v r="$WRITES_PER_SECOND" 'BEGIN { printf "%.4f", 1 / r }')"
    while [ ! -e "$stop" ]; do
        t0=$(now_ms)
        id="${ids[$((n % ${#ids[@]}))]}"
        etag="${etags[$id]:-}"
        if [ -z "$etag" ]; then
            etag="$(curl -s -o /dev/null -D - --max-time 10 -H "Authorization: Bearer $TOKEN" \
                "$BASE/api/consultations/$id" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
        fi
        line="$(curl -s -o /dev/null -D "$WORK/writer.headers" -w '%{http_code} %{time_starttransfer} %{time_pretransfer}' \
            --max-time 10 -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -H "If-Match: $etag" --data-binary "{\"summary\":\"We want to hear what you think, change $n. Tell us what matters to you.\"}" \
            "$BASE/api/consultations/$id")" || line="000 0 0"
        read -r code ms <<<"$(awk '{ printf "%s %.2f", $1, ($2 - $3) * 1000 }' <<<"$line")"
        echo "$ms $code" >>"$out"
        etags[$id]="$(tr -d '\r' <"$WORK/writer.headers" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
        n=$((n + 1))
        sleep "$(awk -v p="$pause" -v e="$(( $(now_ms) - t0 ))" 'BEGIN { s = p - e / 1000; printf "%.3f", (s > 0 ? s : 0) }')"
    done
}

cat >"$WORK/rotate.lua" <<'LUA'
-- Each request takes the next path of the file named after "--"; each wrk thread starts at its own place.
local threads = 0
function setup(thread)
    thread:set("first", threads * 97)
    threads = threads + 1
end
local paths = {}
local i = 0
function init(args)
    for line in io.lines(args[1]) do
        paths[#paths + 1] = line
    end
    i = (first or 0) % #paths
end
function request()
    i = i % #paths + 1
    return wrk.format(nil, paths[i])
end
LUA
# Runs wrk for $2 seconds on endpoint $1 (an ENDPOINTS entry), output to $3.
run_wrk() {
    local name base paths auth label
    IFS='|' read -r name base paths auth label <<<"$1"
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 5s --latency -s "$WORK/rotate.lua")
    [ "$auth" = 1 ] && args+=(-H "Authorization: Bearer $TOKEN")
    [ "$auth" = 304 ] && args+=(-H "If-None-Match: $ICS_ETAG")
    [ "$auth" = gzip ] && args+=(-H "Accept-Encoding: gzip")
    timeout $(($2 + 60)) wrk "${args[@]}" "$base" -- "$paths" >"$3" 2>&1 || die "wrk on $name failed: $(cat "$3")"
}
# From a wrk output: requests/s, p50 ms, p99 ms, non-2xx-or-3xx count, socket error count, requests.
parse_wrk() {
    awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000;
                          if (v ~ /s$/) return v * 1000; return v }
         /^Requests\/sec:/ { rps = $2 }
         /^ *50%/ { p50 = ms($2) }
         /^ *99%/ { p99 = ms($2) }
         /Non-2xx or 3xx responses:/ { bad = $NF }
         /Socket errors:/ { gsub(",", ""); err = $4 + $6 + $8 + $10 }
         / requests in / { n = $1 }
         END { printf "%.0f %.2f %.2f %d %d %d\n", rps, p50, p99, bad, err, n }' "$1"
}

echo
echo "machine: $(machine_line)"
echo "wrk: $THREADS threads, $CONNECTIONS connections, warm-up ${WARMUP} s each, then $ROUNDS rounds of ${DURATION} s" \
    "each, endpoints in turn"
for e in "${ENDPOINTS[@]}"; do
    run_wrk "$e" "$WARMUP" "$WORK/warmup-${e%%|*}.txt"
done
for r in $(seq 1 "$ROUNDS"); do
    line="round $r (load $(cut -d' ' -f1 /proc/loadavg)):"
    for e in "${ENDPOINTS[@]}"; do
        name="${e%%|*}"
        WRITER_PID=""
        if [ "$name" = getw ] || [ "$name" = listw ]; then
            rm -f "$WORK/writer.stop"
            : >"$WORK/writes-$name-$r.txt"
            writer "$WORK/writer.stop" "$WORK/writes-$name-$r.txt" &
            WRITER_PID=$!
        fi
        run_wrk "$e" "$DURATION" "$WORK/wrk-$name-$r.txt"
        if [ -n "$WRITER_PID" ]; then
            touch "$WORK/writer.stop"
            wait "$WRITER_PID" || true
            writes="$(wc -l <"$WORK/writes-$name-$r.txt")"
            good="$(awk '$2 == 200' "$WORK/writes-$name-$r.txt" | wc -l)"
            wp99="$(awk '$2 == 200 { print $1 }' "$WORK/writes-$name-$r.txt" | sort -n \
                | awk '{ v[NR] = $1 } END { i = int(NR * 0.99 + 0.999); if (i < 1) i = 1; print (NR ? v[i] : "n/a") }')"
            echo "$(awk -v g="$good" -v d="$DURATION" 'BEGIN { printf "%.2f", g / d }') $wp99 $((writes - good))" \
                >>"$WORK/writes-$name.txt"
        fi
        read -r rps p50 p99 bad err n <<<"$(parse_wrk "$WORK/wrk-$name-$r.txt")"
        # wrk counts a 304 among its "non-2xx or 3xx": for the conditional GET every answer should be one, so the
        # wrong ones are those it did not count. wrk cannot tell a 5xx from a 304 there; the check before the run
        # saw a 304, and the service log would show an error.
        [ "$name" = ics304 ] && bad=$((n - bad))
        echo "$rps $p50 $p99 $bad $err" >>"$WORK/results-$name.txt"
        line="$line $name $rps req/s p99 $p99 ms;"
        [ "$bad" = 0 ] && [ "$err" = 0 ] || line="$line ($bad non-2xx, $err socket errors)"
    done
    echo "$line"
done

# The uncached read: a PATCH forgets the consultation's kept answer, then its GET is timed (server time + transfer).
UNCACHED=""
if [ "$WRITES_PER_SECOND" != 0 ]; then
    : >"$WORK/uncached.txt"
    rm -f "$WORK/writer.stop"
    : >"$WORK/writes-uncached.txt"
    mapfile -t WRITTEN_IDS <"$WORK/written.ids"
    for k in $(seq 1 100); do
        id="${WRITTEN_IDS[$((k % ${#WRITTEN_IDS[@]}))]}"
        etag="$(curl -s -o /dev/null -D - --max-time 10 -H "Authorization: Bearer $TOKEN" \
            "$BASE/api/consultations/$id" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X PATCH -H "Authorization: Bearer $TOKEN" \
            -H 'Content-Type: application/json' -H "If-Match: $etag" \
            --data-binary "{\"summary\":\"Uncached read $k: tell us what matters to you about this.\"}" \
            "$BASE/api/consultations/$id")"
        [ "$code" = 200 ] || die "PATCH /api/consultations/$id answered $code"
        curl -s -o /dev/null -w '%{http_code} %{time_starttransfer} %{time_pretransfer}\n' --max-time 10 \
            -H "Authorization: Bearer $TOKEN" "$BASE/api/consultations/$id" >>"$WORK/uncached.txt"
    done
    bad="$(awk '$1 != 200' "$WORK/uncached.txt" | wc -l)"
    [ "$bad" = 0 ] || die "$bad uncached reads did not answer 200"
    UNCACHED="$(awk '{ printf "%.2f\n", ($2 - $3) * 1000 }' "$WORK/uncached.txt" | sort -n \
        | awk '{ v[NR] = $1 } END { printf "%s %s", v[int(NR / 2)], v[int(NR * 0.9)] }')"
fi

# Notify to every bulk organisation (issue 17): a consultation targeting the interest all of them share; the POST's
# time (curl, request sent to last byte) and the notices its delivery report counts at once after the answer.
NOTIFY=""
if [ "$BULK_CONSULTATIONS" -gt 0 ]; then
    body="{\"title\":\"Bench notice to every bulk organisation\",
      \"summary\":\"We want to hear what you think about civic life. Tell us what matters to you. We will read every answer.\",
      \"themes\":[\"civic life\"],\"areas\":[\"Bulk ward 1\"],\"audiences\":[\"OLDER_PEOPLE\"],\"methods\":[\"ONLINE_SURVEY\"],
      \"targets\":{\"organisationIds\":[],\"areas\":[],\"interests\":[\"civic life\"]},
      \"openToChange\":\"Which days, places and hours.\",\"fixed\":\"The budget for the year.\",
      \"decisionDate\":\"$(day 230)\",\"decisionMaker\":\"Cabinet\",\"opensOn\":\"$(day 100)\",\"closesOn\":\"$(day 184)\",
      \"provisions\":[\"LARGE_PRINT\"],\"languages\":[],\"venues\":[\"Bulk ward 1 Library\"],
      \"howToRespond\":{\"email\":\"consult@council.bench.example\"},
      \"priorWork\":{\"statement\":\"No earlier consultation on this.\"}}"
    nid="$(call 201 POST /api/consultations "$TOKEN" "$body" | json_id)"
    [ -n "$nid" ] || die "no id for the notify consultation"
    read -r ncode nms <<<"$(curl -s -o "$WORK/notify.json" -w '%{http_code} %{time_total} %{time_pretransfer}' \
        --max-time 120 -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/consultations/$nid/notify" \
        | awk '{ printf "%s %.0f", $1, ($2 - $3) * 1000 }')"
    if [ "$ncode" = 200 ]; then
        queued="$(call 200 GET "/api/consultations/$nid/deliveries" "$TOKEN" | grep -o '"TOTAL":[0-9]*' | head -1 | cut -d: -f2)"
        NOTIFY="$nms ${queued:-0}"
    else
        echo "POST /api/consultations/$nid/notify answered $ncode, not 200: $(head -c 600 "$WORK/notify.json")"
        NOTIFY="n/a n/a"
    fi
fi

col() { # median of column $2 of endpoint $1's results
    if [ -f "$WORK/results-$1.txt" ]; then awk -v c="$2" '{print $c}' "$WORK/results-$1.txt" | median; fi
}
sum_col() {
    if [ -f "$WORK/results-$1.txt" ]; then awk -v c="$2" '{s += $c} END {print s + 0}' "$WORK/results-$1.txt"; fi
}
echo
echo "| endpoint (median of $ROUNDS rounds of ${DURATION} s; wrk -t$THREADS -c$CONNECTIONS) | req/s | p50 ms | p99 ms | non-2xx + socket errors |"
echo "|---|---:|---:|---:|---:|"
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name _ _ _ label <<<"$e"
    printf '| %s | %.0f | %.2f | %.2f | %d |\n' "$label" "$(col "$name" 1)" "$(col "$name" 2)" "$(col "$name" 3)" \
        $(($(sum_col "$name" 4) + $(sum_col "$name" 5)))
done
echo
echo "| measure | figure | target | result |"
echo "|---|---:|---:|---|"
row() { # label, figure, cmp, target, unit
    printf '| %s (target %s %s%s) | %s | %s %s%s | %s |\n' "$1" "$3" "$4" "$5" "$2" "$3" "$4" "$5" "$(verdict "$2" "$3" "$4")"
}
APIS=(get list)
[ "$WRITES_PER_SECOND" != 0 ] && APIS+=(getw listw)
for api in "${APIS[@]}"; do
    path="GET /api/consultations/{id}"
    [ "$api" = list ] && path="GET /api/consultations?…"
    [ "$api" = getw ] && path="GET /api/consultations/{id} while one client writes"
    [ "$api" = listw ] && path="GET /api/consultations?… while one client writes"
    row "ratio $path / GET /ping" "$(ratio "$(col "$api" 1)" "$(col health 1)")" ">=" 0.25 ""
    if [ -f "$WORK/results-asset.txt" ]; then
        row "ratio $path / GET /assets/tracker.css" "$(ratio "$(col "$api" 1)" "$(col asset 1)")" ">=" 0.25 ""
    fi
    row "p99 $path" "$(col "$api" 3)" "<=" 10 " ms"
done
if [ "$WRITES_PER_SECOND" != 0 ]; then
    for api in getw listw; do
        wcol() { awk -v c="$1" '{print $c}' "$WORK/writes-$api.txt" | median; }
        row "writes a second achieved beside $api (asked: $WRITES_PER_SECOND)" "$(wcol 1)" ">=" "$WRITES_PER_SECOND" ""
        row "p99 PATCH /api/consultations/{id} beside $api" "$(wcol 2)" "<=" 25 " ms"
        printf '| PATCH answers other than 200 beside %s (sum of rounds) | %s | | |\n' "$api" \
            "$(awk '{ s += $3 } END { print s + 0 }' "$WORK/writes-$api.txt")"
    done
    read -r u50 u90 <<<"$UNCACHED"
    row "uncached GET /api/consultations/{id} just after a PATCH, median of 100 ($((SEEDED + BULK_CONSULTATIONS)) consultations)" "$u50" "<=" 2 " ms"
    printf '| uncached GET /api/consultations/{id}, p90 of 100 | %s ms | | |\n' "$u90"
fi
if [ -n "$NOTIFY" ]; then
    read -r nms queued <<<"$NOTIFY"
    row "POST /api/consultations/{id}/notify to $BULK_ORGANISATIONS organisations, answer time" "$nms" "<=" 2000 " ms"
    row "notices in its delivery report at the answer" "$queued" ">=" "$BULK_ORGANISATIONS" ""
fi
row "ratio GET /programme.ics 304 / GET /ping" "$(ratio "$(col ics304 1)" "$(col health 1)")" ">=" 0.8 ""
row "ratio GET /programme.ics ($SEEDED consultations) / GET /ping" "$(ratio "$(col ics 1)" "$(col health 1)")" ">=" 0.25 ""
row "ratio GET /programme.ics ($SEEDED consultations, gzip) / GET /ping" "$(ratio "$(col icsgz 1)" "$(col health 1)")" ">=" 0.25 ""
printf '| ratio GET /ping / bare app GET / (reference) | %s | | |\n' "$(ratio "$(col health 1)" "$(col bare 1)")"
if [ -f "$WORK/results-asset.txt" ]; then
    printf '| ratio GET /assets/tracker.css / bare app GET / (reference) | %s | | |\n' \
        "$(ratio "$(col asset 1)" "$(col bare 1)")"
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
