# Shared by the bench/*.sh scripts (sourced, not run). Settings, each overridable from the environment:
#   BENCH_DB (ediary_bench)  BENCH_PORT (8091)  BENCH_PORT2 (8092)  BENCH_RESULTS (bench/results)
#   BENCH_INITIAL_WARMUP (30s, once per server start)  BENCH_WARMUP (5s, before each concurrency)  BENCH_DURATION (15s)  BENCH_RUNS (3)  BENCH_CONCURRENCY ("1 16 64")  BENCH_TOKENS (2000)
#   BENCH_JVM (the server's heap and collector; default: production's, as docker/Dockerfile sets them)
#   BENCH_JAVA_OPTS (extra JVM options for the server)  BENCH_JAR (the packaged server to run)
# A server on port P serves /q/health and /q/metrics on its management port, P + 1000 (management_port P).
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
BENCH_DB=${BENCH_DB:-ediary_bench}
BENCH_PORT=${BENCH_PORT:-8091}
BENCH_PORT2=${BENCH_PORT2:-8092}
BENCH_RESULTS=${BENCH_RESULTS:-$BENCH_DIR/results}
BENCH_INITIAL_WARMUP=${BENCH_INITIAL_WARMUP:-30s}
BENCH_WARMUP=${BENCH_WARMUP:-5s}
BENCH_DURATION=${BENCH_DURATION:-15s}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-"1 16 64"}
BENCH_TOKENS=${BENCH_TOKENS:-2000}
BENCH_JVM=${BENCH_JVM:-"-XX:+UseG1GC -Xmx256m"}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
JAR=${BENCH_JAR:-$REPO_DIR/target/quarkus-app/quarkus-run.jar}
mkdir -p "$BENCH_RESULTS"

psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

require() {
    local tool=$1 package=$2
    if ! command -v "$tool" > /dev/null; then
        echo "$tool is missing: install it with  apt-get install -y $package" >&2
        exit 1
    fi
}

require_jar() {
    if [[ ! -f $JAR ]]; then
        echo "No packaged server: run  ./mvnw -q package -DskipTests  first" >&2
        exit 1
    fi
}

management_port() {
    echo $(($1 + 1000))
}

# The dev public key (src/dev) as the one line quarkus.oidc.public-key takes.
dev_public_key() {
    openssl pkey -in "$REPO_DIR/src/dev/dev-signing-key.pem" -pubout 2> /dev/null | grep -v -- '-----' | tr -d '\n'
}

# await_ready URL PID NAME LOG: until URL answers 2xx (60 s at most); exits when the process PID dies first.
await_ready() {
    local url=$1 pid=$2 name=$3 log=$4 i
    for i in $(seq 1 600); do
        if curl -fsS -o /dev/null "$url" 2> /dev/null; then
            return 0
        fi
        if ! kill -0 "$pid" 2> /dev/null; then
            echo "$name exited; see $log" >&2
            tail -20 "$log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "$name not ready after 60 s; see $log" >&2
    exit 1
}

# Starts the packaged server (prod profile) on port $1 against $BENCH_DB, trusting the dev signing key.
# Extra arguments are JVM options (system properties). Sets SERVER_PID; logs to $BENCH_RESULTS/server-PORT.log.
# The prod profile names an OIDC server (OIDC_AUTH_SERVER_URL); a system property with an empty value removes it
# (system properties outrank application.properties), and with quarkus.oidc.public-key set Quarkus then
# verifies tokens locally with the dev key, contacting no server.
start_server() {
    local port=$1
    shift
    require_jar
    local log=$BENCH_RESULTS/server-$port.log
    SERVER_STARTED_AT=$(date +%s%N)
    # shellcheck disable=SC2086 # BENCH_JVM and BENCH_JAVA_OPTS are lists of options
    DB_NAME=$BENCH_DB \
        java $BENCH_JVM ${BENCH_JAVA_OPTS:-} \
        -Dquarkus.http.port="$port" -Dquarkus.management.port="$(management_port "$port")" \
        -D%prod.quarkus.oidc.auth-server-url= \
        -Dquarkus.oidc.public-key="$(dev_public_key)" \
        -Dquarkus.oidc.token.issuer=ediary-dev \
        "$@" -jar "$JAR" > "$log" 2>&1 &
    SERVER_PID=$!
    await_ready "http://127.0.0.1:$(management_port "$port")/q/health/ready" "$SERVER_PID" "Server on port $port" "$log"
}

stop_server() {
    local pid=${1:-$SERVER_PID}
    if kill -0 "$pid" 2> /dev/null; then
        kill "$pid"
        wait "$pid" 2> /dev/null || true
    fi
}

# Samples the server's RSS (/proc) and used heap (its own Micrometer gauge, /q/metrics on the management port: a curl, not a JVM
# tool, so sampling costs the 2-core machine next to nothing) once a second into FILE until stopped:
# "rss_mib heap_mib" lines. Usage: start_sampler PID FILE [PORT]
start_sampler() {
    local pid=$1 file=$2 port=${3:-$BENCH_PORT}
    : > "$file"
    (
        while kill -0 "$pid" 2> /dev/null; do
            rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2> /dev/null || echo 0)
            heap=$(curl -fsS -m 2 "http://127.0.0.1:$(management_port "$port")/q/metrics" 2> /dev/null \
                | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {print int(s / 1048576)}')
            echo "$rss ${heap:-0}" >> "$file"
            sleep 1
        done
    ) &
    SAMPLER_PID=$!
}

stop_sampler() {
    kill "${1:-$SAMPLER_PID}" 2> /dev/null || true
    wait "${1:-$SAMPLER_PID}" 2> /dev/null || true
}

# "max-rss max-heap" (MiB) of a sampler file
sampler_peak() {
    awk 'BEGIN {r = 0; h = 0} {if ($1 > r) r = $1; if ($2 > h) h = $2} END {printf "%d %d\n", r, h}' "$1"
}

# min / median / max of numbers on stdin, formatted "median (min–max)"
spread() {
    sort -g | awk '{v[NR] = $1} END {if (NR == 0) {print "-"; exit} m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%s (%s–%s)\n", fmt(m), fmt(v[1]), fmt(v[NR])} function fmt(x) {return (x >= 100) ? sprintf("%.0f", x) : sprintf("%.1f", x)}'
}

# Reads "subject[TAB]rest" lines on stdin, writes "token[TAB]rest": tokens signed with the dev key (bench/Tokens.java).
mint_tokens() {
    java "$BENCH_DIR/Tokens.java" "$REPO_DIR/src/dev/dev-signing-key.pem"
}

# For the benchmarks the PostGraphile peer also serves: checks that $1 is dashboard or diary and that the parents'
# token lines exist, and exports what bench/wrk/common.lua reads (BENCH_DIR, BENCH_LINES).
parent_benchmark() {
    case $1 in
        dashboard | diary) ;;
        *) echo "unknown benchmark $1 (dashboard or diary)" >&2; exit 2 ;;
    esac
    export BENCH_DIR BENCH_LINES=$BENCH_RESULTS/tokens/parents.tsv
    if [[ ! -s $BENCH_LINES ]]; then
        echo "No $BENCH_LINES: run bench/tokens.sh first" >&2
        exit 1
    fi
}
