#!/usr/bin/env bash
# Test servers for the database sources (issue 18), in a temporary directory on loopback ports:
# one PostgreSQL 15 and two ClickHouse servers forming the two-shard cluster `vs_cluster`.
#   servers.sh start STATE_FILE   starts them, loads the fixtures, writes STATE_FILE (shell vars)
#   servers.sh stop STATE_FILE    stops them and removes the temporary directory
# CI runs as root: PostgreSQL refuses root, so its cluster belongs to `nobody`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cmd=${1:?start or stop}
state=${2:?state file}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# the password the tests use; a test's own secret, not a credential of anything
VS_TEST_PASSWORD=${VS_TEST_PASSWORD:-vs-test-pw-7Hq}

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi; }

stop() {
  [[ -f $state ]] || return 0
  # shellcheck disable=SC1090
  source "$state"
  if [[ -n ${VS_PG_DATA:-} && -d ${VS_PG_DATA} ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$VS_PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  for pidf in "${VS_DB_DIR}"/ch*/pid; do
    [[ -f $pidf ]] || continue
    pid=$(cat "$pidf")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [[ -n ${VS_DB_DIR:-} && $VS_DB_DIR == /tmp/vsdb.* ]] && rm -rf "$VS_DB_DIR"
  rm -f "$state"
}

ch_config() { # dir http tcp interserver tcp1 tcp2
  local d=$1
  mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas"
  cat >"$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/server.log</log><errorlog>$d/error.log</errorlog><size>10M</size><count>1</count></logger>
  <http_port>$2</http_port>
  <tcp_port>$3</tcp_port>
  <interserver_http_port>$4</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <max_connections>64</max_connections>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <remote_servers>
    <vs_cluster>
      <shard><replica><host>127.0.0.1</host><port>$5</port><user>vs</user><password>$VS_TEST_PASSWORD</password></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$6</port><user>vs</user><password>$VS_TEST_PASSWORD</password></replica></shard>
    </vs_cluster>
  </remote_servers>
</yandex>
XML
  cat >"$d/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><max_threads>2</max_threads></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <vs><password>$VS_TEST_PASSWORD</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></vs>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
}

start() {
  stop
  local dir
  dir=$(mktemp -d /tmp/vsdb.XXXXXX)
  chmod 755 "$dir"
  local pgport chh1 cht1 chi1 chh2 cht2 chi2
  pgport=$(free_port); chh1=$(free_port); cht1=$(free_port); chi1=$(free_port)
  chh2=$(free_port); cht2=$(free_port); chi2=$(free_port)
  cat >"$state" <<ST
VS_DB_DIR=$dir
VS_PG_DATA=$dir/pg/data
VS_PG_SOCKET=$dir/pg
VS_PG_PORT=$pgport
VS_CH_HTTP1=$chh1
VS_CH_TCP1=$cht1
VS_CH_HTTP2=$chh2
VS_CH_TCP2=$cht2
VS_TEST_PASSWORD=$VS_TEST_PASSWORD
ST

  # PostgreSQL: superuser `vs` with a password over TCP (scram), trust on the socket for loading
  mkdir -p "$dir/pg"
  printf '%s\n' "$VS_TEST_PASSWORD" >"$dir/pg/pwfile"
  [[ $(id -u) -eq 0 ]] && chown -R nobody "$dir/pg"
  as_pg "$PG_BIN/initdb" -D "$dir/pg/data" -U vs --pwfile="$dir/pg/pwfile" -A scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1 || { cat "$dir/pg/initdb.log" >&2; exit 1; }
  rm -f "$dir/pg/pwfile"
  as_pg "$PG_BIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
    -o "-p $pgport -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB" start >/dev/null \
    || { cat "$dir/pg/server.log" >&2; exit 1; }

  # ClickHouse: two servers, each a shard of vs_cluster
  local i=1
  for ports in "$chh1 $cht1 $chi1" "$chh2 $cht2 $chi2"; do
    read -r h t s <<<"$ports"
    ch_config "$dir/ch$i" "$h" "$t" "$s" "$cht1" "$cht2"
    clickhouse-server --config-file="$dir/ch$i/config.xml" --pid-file="$dir/ch$i/pid" --daemon \
      >"$dir/ch$i/stdout.log" 2>&1 || { cat "$dir/ch$i"/*.log >&2; exit 1; }
    i=$((i + 1))
  done
  for h in "$chh1" "$chh2"; do
    for _ in $(seq 1 300); do
      curl -sf "http://127.0.0.1:$h/ping" >/dev/null 2>&1 && break
      sleep 0.1
    done
    curl -sf "http://127.0.0.1:$h/ping" >/dev/null || { cat "$dir"/ch*/error.log >&2; exit 1; }
  done

  /usr/bin/python3 "$here/load_fixtures.py" "$state" || exit 1
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) echo "servers.sh: start or stop" >&2; exit 2 ;;
esac
