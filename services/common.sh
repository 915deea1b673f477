# Shared by services/up and services/down: where the services keep their state, and how to reach them.
STATE=${PORTAL_SERVICES_DIR:-${TMPDIR:-/tmp}/armoede-portal-services}
OPENSEARCH=http://127.0.0.1:9200

say() { echo "services: $*"; }
fail() { echo "services: $*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL refuses to run as root; as root the server runs as Debian's postgres user, otherwise as you.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
chown_to_postgres() { if [ "$(id -u)" -eq 0 ]; then chown postgres: "$1"; fi; }

postgres_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)
  [ -n "$initdb" ] || fail "no PostgreSQL server is installed (Debian package postgresql)"
  dirname "$initdb"
}
postgres_version() { basename "$(dirname "$(postgres_bin)")"; }
psql_admin() { psql --no-psqlrc -w -h 127.0.0.1 -p 5432 -U postgres -d postgres "$@"; }

redis_answers() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

opensearch_answers() { curl -fsS --max-time 2 "$OPENSEARCH/" 2>/dev/null | grep -q '"distribution" : "opensearch"'; }
opensearch_ready() { curl -fsS --max-time 2 "$OPENSEARCH/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }
opensearch_version() { curl -fsS --max-time 2 "$OPENSEARCH/" | sed -n 's/.*"number" : "\([^"]*\)".*/\1/p'; }

# wait_for SECONDS NAME CHECK: run CHECK every half second until it succeeds, or give up after SECONDS.
wait_for() {
  local deadline=$((SECONDS + $1))
  until "$3"; do
    [ $SECONDS -lt $deadline ] || { echo "services: $2 did not answer within $1 s" >&2; return 1; }
    sleep 0.5
  done
}

# alive PIDFILE: the process the file names still runs.
alive() { [ -f "$1" ] && kill -0 "$(head -1 "$1")" 2>/dev/null; }
