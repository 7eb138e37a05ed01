#!/usr/bin/env bash
# The write-path benchmark: the packaged API on a fresh embedded PostgreSQL, 1,000 items, reservations at saturation
# and at fixed rates (open model), pgbench with the same effects at the same concurrency on the same database, the
# hot-item check, statements per reservation from pg_stat_statements, start-up time and RSS. Not part of `mvn verify`.
# Knobs: BENCH_SECONDS (per phase, default 20), BENCH_CONCURRENCY (default 8), BENCH_JAVA_OPTS, BENCH_JFR=1,
# BENCH_APP (the packaged API, default target/quarkus-app).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/bench
SECONDS_PER_PHASE=${BENCH_SECONDS:-20}
CONCURRENCY=${BENCH_CONCURRENCY:-8}
ITEMS=1000
PG_PORT=${BENCH_PG_PORT:-55439}
HTTP_PORT=${BENCH_HTTP_PORT:-18089}
KEY=lak_bench_admin_key_0001
BASE=http://127.0.0.1:$HTTP_PORT
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
GEN=(java -Xss512k -XX:+UseSerialGC bench/LoadGenerator.java)
PSQL=(psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
export PGOPTIONS="-c search_path=lotastro"

APP=${BENCH_APP:-target/quarkus-app}
[ -f "$APP/quarkus-run.jar" ] || ./mvnw -q -DskipTests package
if curl -s -o /dev/null "$BASE" || (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
  echo "port $HTTP_PORT or $PG_PORT is in use (an earlier run still going?); set BENCH_HTTP_PORT / BENCH_PG_PORT" >&2
  exit 1
fi
rm -rf "$WORK" && mkdir -p "$WORK"
export LOTASTRO_EMBEDDED_POSTGRES_DATA_DIR=$WORK/pgdata LOTASTRO_EMBEDDED_POSTGRES_PORT=$PG_PORT \
       QUARKUS_HTTP_PORT=$HTTP_PORT LOTASTRO_BOOTSTRAP_API_KEY=$KEY

API_PID=
STARTED_MS=
start_api() { # $1: name of the log; sets STARTED_MS, milliseconds from exec to ready
  local t0 t1
  t0=$(date +%s%N)
  java $JAVA_OPTS ${2:-} -jar "$APP/quarkus-run.jar" >"$WORK/api-$1.log" 2>&1 &
  API_PID=$!
  until curl -sf "$BASE/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$API_PID" 2>/dev/null || { echo "the API did not start; see $WORK/api-$1.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  STARTED_MS=$(((t1 - t0) / 1000000))
}
stop_api() { kill "$API_PID" && wait "$API_PID" || true; }
trap '[ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null || true' EXIT
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$API_PID/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$API_PID/stat"; }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

echo "== fresh database, schema migrated"
start_api first; first_start=$STARTED_MS
"${PSQL[@]}" -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
stop_api
echo "== start with the schema current (measured)"
start_api measured; start_ms=$STARTED_MS
rss_start=$(rss_mb)
pg_version=$("${PSQL[@]}" -c 'show server_version')
"${PSQL[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA public"

echo "== seed $ITEMS items (and two hot items) through the API"
"${GEN[@]}" seed "$BASE" "$KEY" "$ITEMS"
"${PSQL[@]}" -f bench/hot-lines.sql

echo "== warm-up"
"${GEN[@]}" closed "$BASE" "$KEY" "$ITEMS" "$CONCURRENCY" 15 >/dev/null
"${GEN[@]}" sequential "$BASE" "$KEY" "$ITEMS" 300 >/dev/null

echo "== one request at a time"
sequential=$("${GEN[@]}" sequential "$BASE" "$KEY" "$ITEMS" 300); echo "$sequential"

echo "== statements per reservation (pg_stat_statements)"
commits() { "${PSQL[@]}" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'"; }
"${PSQL[@]}" -c "SELECT public.pg_stat_statements_reset()" >/dev/null
commits0=$(commits)
"${GEN[@]}" sequential "$BASE" "$KEY" "$ITEMS" 100 >/dev/null
commits1=$(commits)
# pg_stat_statements counts BEGIN (pgjdbc sends it with the first statement, in the same round trip) but not COMMIT;
# pg_stat_database counts the commits (less the two of the psql sessions reading these numbers).
statements=$("${PSQL[@]}" -c "SELECT round(sum(calls) FILTER (WHERE query <> 'BEGIN') / 100.0, 2) FROM public.pg_stat_statements
  WHERE query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%qrtz%'")
commits_per=$(awk -v a="$commits0" -v b="$commits1" 'BEGIN {printf "%.2f", (b - a - 2) / 100}')
"${PSQL[@]}" -F ' | ' -c "SELECT calls, left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM public.pg_stat_statements
  WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT 14" >"$WORK/statements.txt"
cat "$WORK/statements.txt"

echo "== saturation: $CONCURRENCY callers, ${SECONDS_PER_PHASE}s"
[ -n "${BENCH_JFR:-}" ] && jcmd "$API_PID" JFR.start name=bench settings=profile filename="$WORK/saturation.jfr" >/dev/null
ticks0=$(cpu_ticks)
closed=$("${GEN[@]}" closed "$BASE" "$KEY" "$ITEMS" "$CONCURRENCY" "$SECONDS_PER_PHASE"); echo "$closed"
ticks1=$(cpu_ticks)
[ -n "${BENCH_JFR:-}" ] && jcmd "$API_PID" JFR.stop name=bench >/dev/null
max_rate=$(field req_per_s "$closed")
requests=$(field requests "$closed")
cpu_ms=$(awk -v t=$((ticks1 - ticks0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')

echo "== pgbench, same effects, $CONCURRENCY clients, ${SECONDS_PER_PHASE}s"
pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "$CONCURRENCY" -j 2 -T "$SECONDS_PER_PHASE" -P 5 -D items="$ITEMS" \
  -f bench/reservation.pgbench postgres >"$WORK/pgbench.txt" 2>&1 || { cat "$WORK/pgbench.txt"; exit 1; }
grep -E "^progress|^tps|latency average|failed" "$WORK/pgbench.txt"
pgbench_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.txt")

echo "== open model at 10 % and 70 % of the saturation rate"
low=$("${GEN[@]}" open "$BASE" "$KEY" "$ITEMS" "$(awk -v r="$max_rate" 'BEGIN {printf "%d", r * 0.1 + 1}')" "$SECONDS_PER_PHASE"); echo "$low"
high=$("${GEN[@]}" open "$BASE" "$KEY" "$ITEMS" "$(awk -v r="$max_rate" 'BEGIN {printf "%d", r * 0.7}')" "$SECONDS_PER_PHASE"); echo "$high"

echo "== hot item: 100 vs 10,000 active lines, $CONCURRENCY callers on one item"
hot100=$("${GEN[@]}" closed "$BASE" "$KEY" "$ITEMS" "$CONCURRENCY" "$SECONDS_PER_PHASE" HOT-100); echo "$hot100"
hot10k=$("${GEN[@]}" closed "$BASE" "$KEY" "$ITEMS" "$CONCURRENCY" "$SECONDS_PER_PHASE" HOT-10000); echo "$hot10k"

echo "== idempotent replays"
replay=$("${GEN[@]}" replay "$BASE" "$KEY" "$ITEMS" 200); echo "$replay"
rss_end=$(rss_mb)

if [ -n "${BENCH_JFR:-}" ]; then
  python3 bench/jfr-top.py "$WORK/saturation.jfr" >"$WORK/jfr-top-frames.txt" || echo "(no JFR summary)" >"$WORK/jfr-top-frames.txt"
  echo "== JFR top frames (saturation)"; cat "$WORK/jfr-top-frames.txt"
fi
stop_api

cat <<SUMMARY | tee "$WORK/summary.txt"

== summary ($(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), PostgreSQL $pg_version)
reservations/s at saturation ($CONCURRENCY callers)   $max_rate  (p50 $(field p50_ms "$closed") ms, p99 $(field p99_ms "$closed") ms, 5xx $(field server_errors "$closed"))
pgbench tps, same effects, same concurrency           $pgbench_tps
ratio API / pgbench                                    $(awk -v a="$max_rate" -v b="$pgbench_tps" 'BEGIN {printf "%.2f", a / b}')
one request, no contention                             p50 $(field p50_ms "$sequential") ms, p99 $(field p99_ms "$sequential") ms
statements / commits per reservation (PostgreSQL)      $statements / $commits_per (round trips: their sum; BEGIN rides with the first statement)
JVM CPU per reservation at saturation                  $cpu_ms ms
hot item req/s 10,000 lines / 100 lines                $(field req_per_s "$hot10k") / $(field req_per_s "$hot100") = $(awk -v a="$(field req_per_s "$hot10k")" -v b="$(field req_per_s "$hot100")" 'BEGIN {printf "%.2f", a / b}')
open model p99 at 70 % / p50 at 10 %                  $(field p99_ms "$high") / $(field p50_ms "$low") ms = $(awk -v a="$(field p99_ms "$high")" -v b="$(field p50_ms "$low")" 'BEGIN {printf "%.2f", a / b}'), 5xx $(($(field server_errors "$low") + $(field server_errors "$high")))
replay p50 / first p50                                 $(field ratio "$replay") (not byte-identical: $(field replays_not_byte_identical "$replay"))
start-up, java -jar to ready (schema current)          $start_ms ms (first start, migrating an empty database: $first_start ms; both include the embedded PostgreSQL)
RSS after start / after the run                        $rss_start MB / $rss_end MB
SUMMARY
