#!/usr/bin/env bash
# The fault test (issue 14, docs/operations.md): PostgreSQL, two portal instances from the
# built jar and nginx in front, all on 127.0.0.1; applicants and staff under load while
# one instance is killed with -9, PostgreSQL is stopped for 20 s, and the other instance
# is restarted gracefully. Then a table of what was acknowledged, stored, duplicated and
# mailed. Needs a JDK, Debian's postgresql and nginx (installed when missing, as root),
# and no Docker.
#
#   bench/faults.sh [applicants at a time, default 8] [seconds of load, default 150]
set -euo pipefail
cd "$(dirname "$0")/.."

workers=${1:-8}
duration=${2:-150}
root=$(pwd)
work=$(mktemp -d /tmp/prospectus-faults.XXXXXX)
chmod 755 "$work"
pg_port=55432
smtp_port=2526
lb_port=18000
port_a=18180
port_b=18190

# shellcheck source=bench/lib.sh
. bench/lib.sh
need nginx /usr/sbin/nginx nginx
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
nginx_bin=$(nginx_binary)

as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d prospectus -v ON_ERROR_STOP=1)
[ -x "$pg_bin/psql" ] && psql_cmd[0]="$pg_bin/psql"

jar=$(ls target/prospectus-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
	./mvnw -q -DskipTests package
	jar=$(ls target/prospectus-*.jar | grep -v original | head -1)
fi

pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
	[ -f "$work/a.pid" ] && kill -9 "$(cat "$work/a.pid")" 2>/dev/null || true
	[ -f "$work/b.pid" ] && kill -9 "$(cat "$work/b.pid")" 2>/dev/null || true
	"$nginx_bin" -c "$work/nginx.conf" -p "$work" -s stop 2>/dev/null || true
	as_pg "$pg_bin/pg_ctl" -D "$work/db/data" -m immediate stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "Work directory: $work"
# PostgreSQL refuses to run as root: as root, its files belong to the postgres user.
mkdir -p "$work/db"
[ "$(id -u)" = 0 ] && chown postgres "$work/db"
as_pg "$pg_bin/initdb" -D "$work/db/data" -A trust -U postgres >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/db/data" -l "$work/db/pg.log" -w \
	-o "-p $pg_port -k $work/db -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
"${psql_cmd[@]}" -d postgres -qc "create database prospectus" >/dev/null

start_instance() {
	local name=$1 port=$2 extra=${3:-}
	# shellcheck disable=SC2086
	java -Xmx512m -jar "$root/$jar" --server.port="$port" --management.server.port=$((port + 1)) \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg_port/prospectus" \
		--spring.datasource.username=postgres --spring.datasource.password=unused \
		--spring.mail.host=127.0.0.1 --spring.mail.port=$smtp_port --prospectus.mail.sender.delay=2s \
		--prospectus.base-url="http://127.0.0.1:$lb_port" --prospectus.shutdown.drain=2s $extra \
		>>"$work/$name.log" 2>&1 &
	echo $! >"$work/$name.pid"
}
wait_ready() {
	local port=$1
	for _ in $(seq 1 120); do
		if curl -fs -o /dev/null "http://127.0.0.1:$((port + 1))/actuator/health/readiness"; then return 0; fi
		sleep 1
	done
	echo "Instance on $port did not become ready"; return 1
}

start_instance a $port_a "--prospectus.bootstrap-admin-email=ops@faults.example"
wait_ready $port_a
"${psql_cmd[@]}" -qf bench/faults-seed.sql >/dev/null
start_instance b $port_b
wait_ready $port_b
staff_link=$(grep -o 'http[^ ]*set-password?token=[A-Za-z0-9_-]*' "$work/a.log" | tail -1)

sed -e "s/127.0.0.1:8080/127.0.0.1:$port_a/" -e "s/127.0.0.1:8090/127.0.0.1:$port_b/" \
	-e "s/listen 127.0.0.1:8000/listen 127.0.0.1:$lb_port/" -e "s|/tmp/prospectus-nginx|$work/nginx|g" \
	deploy/nginx.conf >"$work/nginx.conf"
"$nginx_bin" -c "$work/nginx.conf" -p "$work"

echo "Load: $workers applicants at a time, one after another, and one member of staff for ${duration} s through nginx on $lb_port"
STAFF_LINK="$staff_link" STAFF_EMAIL=ops@faults.example java bench/FaultDriver.java "http://127.0.0.1:$lb_port" \
	"$workers" "$duration" "$smtp_port" "${psql_cmd[@]}" >"$work/driver.out" 2>"$work/driver.err" &
driver=$!
pids+=("$driver")

now_ms() { date +%s%3N; }
sleep 40
kill_at=$(now_ms)
echo "$(date +%T) kill -9 instance A"
kill -9 "$(cat "$work/a.pid")"
sleep 10
start_instance a $port_a
sleep 20
outage_from=$(now_ms)
echo "$(date +%T) PostgreSQL stopped for 20 s"
as_pg "$pg_bin/pg_ctl" -D "$work/db/data" -m fast stop >/dev/null
sleep 20
as_pg "$pg_bin/pg_ctl" -D "$work/db/data" -l "$work/db/pg.log" -w \
	-o "-p $pg_port -k $work/db -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
outage_to=$(now_ms)
echo "$(date +%T) PostgreSQL started again"
wait_ready $port_a
sleep 15
restart_from=$(now_ms)
echo "$(date +%T) graceful restart of instance B"
kill -TERM "$(cat "$work/b.pid")"
while kill -0 "$(cat "$work/b.pid")" 2>/dev/null; do sleep 0.5; done
start_instance b $port_b
wait_ready $port_b
restart_to=$(now_ms)
wait "$driver" || true

acked=$(grep -c '^ack ' "$work/driver.out" || true)
ids=$(grep '^ack ' "$work/driver.out" | awk '{print "'"'"'" $2 "'"'"'"}' | paste -sd, -)
[ -z "$ids" ] && ids="'00000000-0000-0000-0000-000000000000'"
q() { "${psql_cmd[@]}" -tAc "$1"; }
once=$(q "select count(*) from application where id in ($ids) and submitted_at is not null")
stored=$(q "select count(*) from application where submitted_at is not null")
dup_apps=$(q "select count(*) from (select applicant_id from application where submitted_at is not null group by applicant_id, round_id having count(*) > 1) d")
dup_audit=$(q "select count(*) from (select entity_uuid from audit_event where action = 'SUBMIT' group by entity_uuid having count(*) > 1) d")
dup_mail=$(q "select count(*) from (select recipient from mail_outbox where subject like '%submitted%' or text_body like '%is submitted%' group by recipient having count(*) > 1) d")
out_window() { awk -v a="$1" -v b="$2" '$1 == "5xx" && ($2 < a || $2 > b)' "$work/driver.out" | wc -l; }
all5xx=$(grep -c '^5xx ' "$work/driver.out" || true)
outside=$(awk -v k1=$((kill_at - 1000)) -v k2=$((kill_at + 12000)) -v o1=$((outage_from - 1000)) \
	-v o2=$((outage_to + 10000)) -v r1=$((restart_from - 1000)) -v r2=$((restart_to + 5000)) \
	'$1 == "5xx" && !(($2 >= k1 && $2 <= k2) || ($2 >= o1 && $2 <= o2) || ($2 >= r1 && $2 <= r2))' \
	"$work/driver.out" | wc -l)
during_kill=$(awk -v a=$((kill_at - 1000)) -v b=$((kill_at + 12000)) '$1 == "5xx" && $2 >= a && $2 <= b' "$work/driver.out" | wc -l)
during_outage=$(awk -v a=$((outage_from - 1000)) -v b=$((outage_to + 10000)) '$1 == "5xx" && $2 >= a && $2 <= b' "$work/driver.out" | wc -l)
during_restart=$(awk -v a=$((restart_from - 1000)) -v b=$((restart_to + 5000)) '$1 == "5xx" && $2 >= a && $2 <= b' "$work/driver.out" | wc -l)
signin_again=$(grep -c '^signin-again ' "$work/driver.out" || true)
gave_up=$(grep -c '^gave-up ' "$work/driver.out" || true)
queued=$(q "select count(*) from mail_outbox")
sent=$(q "select count(*) from mail_outbox where sent_at is not null")
received=$(grep -c '^mail ' "$work/driver.out" || true)
distinct=$(grep '^mail ' "$work/driver.out" | sort -u | wc -l)

printf '\n| figure | value | must be |\n|---|---|---|\n'
printf '| applicants started (%s at a time) | %s | |\n' "$workers" "$(awk '$1 == "started" {print $2}' "$work/driver.out")"
printf '| acknowledged submissions | %s | |\n' "$acked"
printf '| acknowledged and stored exactly once | %s | %s |\n' "$once" "$acked"
printf '| submitted applications in the database | %s | ≥ acknowledged |\n' "$stored"
printf '| duplicates: second application, second SUBMIT event, second confirmation | %s, %s, %s | 0, 0, 0 |\n' "$dup_apps" "$dup_audit" "$dup_mail"
printf '| 5xx answers outside the fault windows | %s | 0 |\n' "$outside"
printf '| 5xx during kill -9 / PostgreSQL outage / graceful restart | %s / %s / %s | |\n' "$during_kill" "$during_outage" "$during_restart"
printf '| 5xx by status | %s | 503 only |\n' "$(awk '$1 == "5xx" {print $3}' "$work/driver.out" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
printf '| applicants who had to sign in again | %s | 0 |\n' "$signin_again"
printf '| applicants who gave up on an error | %s | 0 |\n' "$gave_up"
printf '| applicants still mid-way when the load stopped | %s | |\n' "$(( $(awk '$1 == "started" {print $2}' "$work/driver.out") - acked - gave_up ))"
printf '| e-mails queued / sent / received / received more than once | %s / %s / %s / %s | sent = received, 0 |\n' \
	"$queued" "$sent" "$received" "$((received - distinct))"
echo
echo "Logs: $work (driver.out, a.log, b.log, db/pg.log, nginx-access.log)"
if [ "$once" -ne "$acked" ] || [ "$dup_apps" -ne 0 ] || [ "$dup_audit" -ne 0 ] || [ "$outside" -ne 0 ]; then
	echo "FAILED"
	exit 1
fi
