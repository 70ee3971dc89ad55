#!/usr/bin/env bash
# Deadline night (issue 26, docs/benchmarks.md): the production setup of the README on
# 127.0.0.1 (the jar with -Xmx1g, PostgreSQL 15, an SMTP server) under applicants who sign
# in, start an application, save its eight steps, upload three documents and submit, with
# 1–3 s of thought between pages and a failed page tried again twice. Gatling drives them
# (bench/deadline-night/pom.xml, its own Maven project, not part of ./mvnw verify).
#
# In one run, printed side by side at the end:
#   1. a step search for the sustainable rate: applicants arriving at each rate of RATES for
#      STEP_SECONDS; the highest rate whose p99 stays under 1 s with no failed page;
#   2. server CPU (the JVM's and PostgreSQL's) per submitted application at that rate;
#   3. the surge: SURGE_SECONDS at twice the sustainable rate, with goodput, 5xx, cut-off
#      bodies, give-ups and p99;
#   4. exactly-once, checked in the database: every acknowledged submission stored once,
#      with its three documents.
#
#   bench/deadline-night.sh
#   QUICK=1 bench/deadline-night.sh          # short steps, for working on the benchmark
#
# Settings (environment): RATES ("2 4 6 8 10 12 14 16", applicants a second),
# PORTAL_JAVA_OPTS (more options for the portal's JVM, say
# "-XX:StartFlightRecording=filename=/tmp/night.jfr" to see where its CPU goes),
# WARMUP_SECONDS (180, at WARMUP_RATE, 6 a second, first; not counted: the JIT compiler's
# warm-up, as a portal up for hours before the night has had it), STEP_SECONDS (60),
# SURGE_SECONDS (180), SURGE_FACTOR (2), DRAIN_SECONDS (240: the longest
# the journeys begun in a phase may take after its arrivals end), JAR (the portal's jar;
# built with ./mvnw -DskipTests package when missing). Needs a JDK and Debian's
# postgresql (installed when missing, as root); no Docker.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${QUICK:-0}" = 1 ]; then
	rates=${RATES:-"2 4"}
	warmup_seconds=${WARMUP_SECONDS:-20}
	step_seconds=${STEP_SECONDS:-20}
	surge_seconds=${SURGE_SECONDS:-30}
	drain_seconds=${DRAIN_SECONDS:-150}
else
	rates=${RATES:-"2 4 6 8 10 12 14 16"}
	warmup_seconds=${WARMUP_SECONDS:-180}
	step_seconds=${STEP_SECONDS:-60}
	surge_seconds=${SURGE_SECONDS:-180}
	drain_seconds=${DRAIN_SECONDS:-240}
fi
surge_factor=${SURGE_FACTOR:-2}
root=$(pwd)
work=$(mktemp -d /tmp/prospectus-deadline-night.XXXXXX)
chmod 755 "$work"
pg_port=55532
smtp_port=2625
app_port=18280
password='quartz meadow lantern 2027'
mvn_bench=("$root/mvnw" -q -B -ntp -f "$root/bench/deadline-night/pom.xml")

# shellcheck source=bench/lib.sh
. bench/lib.sh
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_bin=/usr/lib/postgresql/15/bin
[ -x "$pg_bin/initdb" ] || pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_cmd=("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d prospectus -v ON_ERROR_STOP=1)
q() { "${psql_cmd[@]}" -tAc "$1"; }

steps=1
for _ in $rates; do steps=$((steps + 1)); done
bound=$((120 + steps * (step_seconds + drain_seconds + 40) + surge_seconds + drain_seconds + 40))
echo "Deadline night: rates $rates a second, $step_seconds s each, then $surge_seconds s at ${surge_factor}× the sustainable rate."
echo "Takes about $(( (120 + steps * (step_seconds + 90) + surge_seconds + 150) / 60 )) minutes; never more than $((bound / 60))."
echo "Work directory: $work"

jar=${JAR:-$(ls target/prospectus-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$jar" ]; then
	./mvnw -q -B -ntp -DskipTests package
	jar=$(ls target/prospectus-*.jar | grep -v original | head -1)
fi
case $jar in /*) ;; *) jar="$root/$jar" ;; esac

# The load tool and the SMTP server, from Maven Central, before anything is started.
"${mvn_bench[@]}" test-compile
"${mvn_bench[@]}" dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.13 -DoutputDirectory="$work" \
	-Dmdep.stripVersion=true

pids=()
load_group=
cleanup() {
	[ -n "$load_group" ] && kill -9 -- "-$load_group" 2>/dev/null || true
	# The portal first, asked to stop, so that a flight recording it makes is written.
	if [ -n "${portal:-}" ] && kill "$portal" 2>/dev/null; then
		for _ in $(seq 1 40); do kill -0 "$portal" 2>/dev/null || break; sleep 0.5; done
	fi
	for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
	as_pg "$pg_bin/pg_ctl" -D "$work/db/data" -m immediate stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: as root, its files belong to the postgres user.
mkdir -p "$work/db"
[ "$(id -u)" = 0 ] && chown postgres "$work/db"
as_pg "$pg_bin/initdb" -D "$work/db/data" -A trust -U postgres >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/db/data" -l "$work/db/pg.log" -w \
	-o "-p $pg_port -k $work/db -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_preload_libraries=pg_stat_statements" \
	start >/dev/null
"${psql_cmd[@]}" -d postgres -qc "create database prospectus" >/dev/null
"${psql_cmd[@]}" -qc "create extension pg_stat_statements" >/dev/null

java -Xmx256m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$smtp_port -Dgreenmail.auth.disabled \
	-jar "$work/greenmail-standalone.jar" >"$work/smtp.log" 2>&1 &
pids+=($!)

# The production setup of the README: the jar, PostgreSQL and SMTP, no profile.
# shellcheck disable=SC2086 # PORTAL_JAVA_OPTS is words for the JVM, such as a JFR recording
java -Xmx1g ${PORTAL_JAVA_OPTS:-} -jar "$jar" --server.port=$app_port --management.server.port=$((app_port + 1)) \
	--spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg_port/prospectus" \
	--spring.datasource.username=postgres --spring.datasource.password=unused \
	--spring.mail.host=127.0.0.1 --spring.mail.port=$smtp_port \
	--prospectus.base-url="http://127.0.0.1:$app_port" >"$work/portal.log" 2>&1 &
portal=$!
pids+=("$portal")
for i in $(seq 1 120); do
	if curl -fs -o /dev/null "http://127.0.0.1:$((app_port + 1))/actuator/health/readiness"; then break; fi
	[ "$i" = 120 ] && { echo "The portal did not become ready: see $work/portal.log"; exit 1; }
	sleep 1
done

# The catalogue: one institution, a published programme in a round open all night.
"${psql_cmd[@]}" -qf bench/faults-seed.sql >/dev/null
programme_id=$(q "select id from programme where slug = 'p1'")

# Applicant accounts, registered and verified beforehand: one registers through the portal,
# so that its password hash is made by the portal's own encoder, and the others get a copy.
accounts=$(awk -v r="$rates" -v s="$step_seconds" -v g="$surge_seconds" -v f="$surge_factor" 'BEGIN {
	n = split(r, a, " "); t = 0; m = 0
	for (i = 1; i <= n; i++) { t += a[i] * s; if (a[i] > m) m = a[i] }
	printf "%d", (t + f * m * g) * 1.2 + 100 }')
warmup_rate=${WARMUP_RATE:-6}
accounts=$((accounts + warmup_seconds * (warmup_rate + 1)))
jar_cookies="$work/cookies"
register=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "http://127.0.0.1:$app_port/account/register")
csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$register" | head -1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$jar_cookies" -b "$jar_cookies" --data-urlencode "fullName=Seed Applicant" \
	--data-urlencode "email=seed@night.example" --data-urlencode "password=$password" \
	--data-urlencode "confirmation=$password" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$app_port/account/register"
hash=$(q "select password_hash from applicant where email = 'seed@night.example'")
[ -n "$hash" ] || { echo "Registering the seed applicant failed: see $work/portal.log"; exit 1; }
q "insert into applicant (email, full_name, password_hash, email_verified_at)
   select 'bench-' || g || '@night.example', 'Applicant ' || g, '$hash', now()
   from generate_series(1, $accounts) g" >/dev/null
q "vacuum analyze" >/dev/null
echo "Seeded $accounts verified applicants (hash $(cut -c1-24 <<<"$hash")…)."

clk=$(getconf CLK_TCK)
# CPU ticks of a process: utime + stime + cutime + cstime (the last two: its reaped children).
ticks_of() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}' || echo 0; }
# The JIT compiler threads' share of a JVM's ticks (the issue also gave CPU without them).
jit_ticks() {
	local task total=0
	for task in /proc/"$1"/task/*; do
		case $(cat "$task/comm" 2>/dev/null) in
			C1\ Compiler*|C2\ Compiler*) total=$((total + $(sed 's/.*) //' "$task/stat" 2>/dev/null | awk '{t = $12 + $13} END {print t + 0}'))) ;;
		esac
	done
	echo "$total"
}
pg_ticks() {
	local postmaster total child
	postmaster=$(head -1 "$work/db/data/postmaster.pid")
	total=$(ticks_of "$postmaster")
	for child in $(pgrep -P "$postmaster"); do total=$((total + $(ticks_of "$child"))); done
	echo "$total"
}
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat; }

# run_phase NAME RATE ARRIVAL_SECONDS: one Gatling run; its figures land in $work/NAME/figures.
first_account=0
run_phase() {
	local name=$1 rate=$2 arrival=$3 closed_mid jit0 jit1 jvm0 pg0 busy0 idle0 jvm1 pg1 busy1 idle1 started
	echo "$(date +%T) $name: $rate applicants a second for $arrival s (then at most $drain_seconds s for their journeys)"
	jvm0=$(ticks_of "$portal"); jit0=$(jit_ticks "$portal"); pg0=$(pg_ticks); read -r busy0 idle0 < <(machine_ticks)
	setsid "${mvn_bench[@]}" gatling:test \
		-Dbench.baseUrl="http://127.0.0.1:$app_port" -Dbench.rate="$rate" -Dbench.arrivalSeconds="$arrival" \
		-Dbench.drainSeconds="$drain_seconds" -Dbench.firstAccount="$first_account" \
		-Dbench.password="$password" -Dbench.round=fault-round -Dbench.programmeSlug=p1 \
		-Dbench.programmeId="$programme_id" -Dbench.out="$work/$name" >"$work/$name.log" 2>&1 &
	load_group=$!
	wait "$load_group" || true
	load_group=
	jvm1=$(ticks_of "$portal"); jit1=$(jit_ticks "$portal"); pg1=$(pg_ticks); read -r busy1 idle1 < <(machine_ticks)
	if [ ! -f "$work/$name/figures" ]; then
		echo "The load of $name did not finish: see $work/$name.log"; exit 1
	fi
	started=$(fig "$name" started)
	first_account=$((first_account + started))
	# A connection closed before the answer ended (Gatling's PrematureCloseException, static
	# files included): the client never sees such a body, so the recorder cannot count it.
	closed_mid=$(grep 'PrematureCloseException' "$work/$name.log" | tail -1 |
		awk '{for (i = 2; i <= NF; i++) if ($i ~ /^\(/) {print $(i - 1); exit}}' | tr -d , || true)
	{
		echo "closed_mid=${closed_mid:-0}"
		echo "arrival_s=$arrival"
		echo "cpu_jvm_s=$(awk -v a="$jvm0" -v b="$jvm1" -v c="$clk" 'BEGIN {printf "%.1f", (b - a) / c}')"
		echo "cpu_jit_s=$(awk -v a="$jit0" -v b="$jit1" -v c="$clk" 'BEGIN {printf "%.1f", (b - a) / c}')"
		echo "cpu_pg_s=$(awk -v a="$pg0" -v b="$pg1" -v c="$clk" 'BEGIN {printf "%.1f", (b - a) / c}')"
		echo "others_pct=$(awk -v a="$busy0" -v b="$busy1" -v i="$idle0" -v j="$idle1" \
			-v own=$((jvm1 - jvm0 + pg1 - pg0)) 'BEGIN {printf "%.0f", 100 * ((b - a) - own) / ((b - a) + (j - i) + 0.0001)}')"
		echo "busy_pct=$(awk -v a="$busy0" -v b="$busy1" -v i="$idle0" -v j="$idle1" \
			'BEGIN {printf "%.0f", 100 * (b - a) / ((b - a) + (j - i) + 0.0001)}')"
	} >>"$work/$name/figures"
	sed 's/^/    /' "$work/$name/kinds"
	echo "    started $started, submitted $(fig "$name" submitted), 5xx $(fig "$name" server_errors), cut off $(fig "$name" cut_off), closed mid-answer $(fig "$name" closed_mid), no answer $(fig "$name" no_answer), gave up $(fig "$name" gave_up), p99 $(fig "$name" p99) ms"
}
fig() { awk -F= -v k="$2" '$1 == k {print $2}' "$work/$1/figures"; }
holds() {
	[ "$(fig "$1" p99)" -lt 1000 ] && [ "$(fig "$1" server_errors)" = 0 ] && [ "$(fig "$1" cut_off)" = 0 ] && [ "$(fig "$1" closed_mid)" = 0 ] &&
		[ "$(fig "$1" no_answer)" = 0 ] && [ "$(fig "$1" gave_up)" = 0 ]
}

# 0. The warm-up: the JIT compiler's, and the caches'; not counted.
run_phase warm-up "$warmup_rate" "$warmup_seconds"

# 1. The step search.
phases=()
sustainable=
for rate in $rates; do
	run_phase "rate-$rate" "$rate" "$step_seconds"
	phases+=("rate-$rate")
	if holds "rate-$rate"; then
		sustainable=$rate
	else
		echo "    $rate a second did not hold: the search stops here."
		break
	fi
done

# 2. The surge, at twice the sustainable rate (twice the first rate when none held).
surge_rate=$(awk -v s="${sustainable:-$(awk '{print $1}' <<<"$rates")}" -v f="$surge_factor" 'BEGIN {print s * f}')
run_phase surge "$surge_rate" "$surge_seconds"
phases+=(surge)

# 3. Exactly-once, in the database: every acknowledged submission, from every phase.
sleep 5
cat "$work"/warm-up/acks "$work"/rate-*/acks "$work"/surge/acks | awk 'NF == 2 {print $2}' >"$work/acks"
q "create table bench_ack (id uuid)" >/dev/null
"${psql_cmd[@]}" -qc "\\copy bench_ack from '$work/acks'" >/dev/null
acked=$(q "select count(*) from bench_ack")
acked_distinct=$(q "select count(distinct id) from bench_ack")
stored_once=$(q "select count(*) from application a where a.submitted_at is not null and a.id in (select id from bench_ack)")
with_three=$(q "select count(*) from (select d.application_id from application_document d
	where d.application_id in (select id from bench_ack) group by d.application_id having count(*) = 3) x")
submitted_db=$(q "select count(*) from application where submitted_at is not null")
dup_apps=$(q "select count(*) from (select applicant_id from application where submitted_at is not null group by applicant_id, round_id having count(*) > 1) d")
dup_audit=$(q "select count(*) from (select entity_uuid from audit_event where action = 'SUBMIT' group by entity_uuid having count(*) > 1) d")
outbox_waiting=$(q "select count(*) from mail_outbox where sent_at is null")
"${psql_cmd[@]}" -c "select calls, round(total_exec_time) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms,
	left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query
	from pg_stat_statements order by total_exec_time desc limit 20" >"$work/pg_stat_statements.txt" 2>&1 || true

# The tables.
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu_per() {
	awk -v c="$(fig "$1" "$2")" -v n="$(fig "$1" submitted)" 'BEGIN {if (n > 0) printf "%.3f", c / n; else print "-"}'
}
cpu_total() {
	awk -v a="$(fig "$1" cpu_jvm_s)" -v b="$(fig "$1" cpu_pg_s)" -v n="$(fig "$1" submitted)" \
		'BEGIN {if (n > 0) printf "%.3f", (a + b) / n; else print "-"}'
}
row() {
	local label=$1 phase
	shift
	printf '| %s |' "$label"
	for phase in "${phases[@]}"; do printf ' %s |' "$("$@" "$phase")"; done
	echo
}
f() { fig "$2" "$1"; }
p() { awk -v v="$(fig "$2" "$1")" 'BEGIN {printf "%.2f", v / 1000}'; }
pctl() { echo "$(p p50 "$1") / $(p p95 "$1") / $(p p99 "$1")"; }
room_count() { echo "$(fig "$1" room_applicants) ($(fig "$1" room_pages))"; }
room_time() { echo "$(p room_p50 "$1") / $(p room_p99 "$1") / $(p room_max "$1")"; }
cpu_per_jit() { cpu_per "$1" cpu_jit_s; }
cpu_split() { echo "$(cpu_per "$1" cpu_jvm_s) / $(cpu_per "$1" cpu_pg_s)"; }
title() { if [ "$1" = surge ]; then echo "surge $surge_rate/s"; else echo "${1#rate-}/s"; fi; }

echo
echo "Deadline night at $commit, $(date -u +%F): the jar with -Xmx1g, PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), SMTP, load generator, all on this $(nproc)-core machine"
echo
printf '| phase |'; for phase in "${phases[@]}"; do printf ' %s |' "$(title "$phase")"; done; echo
printf '|---|'; for _ in "${phases[@]}"; do printf -- '---|'; done; echo
row "arrivals (s)" f arrival_s
row "applicants started" f started
row "acknowledged submissions" f submitted
row "goodput (acknowledged/s, first to last)" f goodput
row "requests (static included)" f requests
row "5xx" f server_errors
row "cut-off bodies" f cut_off
row "connections closed mid-answer (static included)" f closed_mid
row "pages with no answer (connection error, timeout, closed)" f no_answer
row "403" f forbidden
row "pages tried again" f retried
row "applicants who gave up" f gave_up
row "applicants who waited in the waiting room (its pages)" room_count
row "time in the waiting room p50 / p99 / max (s)" room_time
row "p50 / p95 / p99 (s), waiting pages apart" pctl
row "server CPU per application (s)" cpu_total
row "… of which JVM / PostgreSQL (s)" cpu_split
row "… of which the JIT compiler (s)" cpu_per_jit
row "machine busy (%)" f busy_pct
row "… of which neither portal nor PostgreSQL (%)" f others_pct
echo
# The sustainable phase; when no rate held, the first one, named so.
held=rate-${sustainable:-${rates%% *}}
held_title="$(title "$held")${sustainable:+ (sustainable)}"
[ -z "$sustainable" ] && held_title="$held_title (did not hold)"
echo "p99 by page kind (s), at $held_title and in the surge:"
printf '| page kind | %s | surge %s/s |\n|---|---|---|\n' "$held_title" "$surge_rate"
for kind in sign-in_page sign-in account programme start_page start step_page step_save documents_page upload review submit status static; do
	printf '| %s | %s | %s |\n' "${kind//_/ }" "$(p "kind.$kind.p99" "$held")" "$(p "kind.$kind.p99" surge)"
done
echo

met() { if [ "$1" = 1 ]; then echo "yes"; else echo "**no**"; fi; }
sustainable_shown=${sustainable:-"below ${rates%% *}"}
cpu_app=$(cpu_total "$held")
surge_p99=$(p p99 surge)
goodput=$(fig surge goodput)
goodput_pct=$(awk -v g="$goodput" -v s="${sustainable:-0}" 'BEGIN {if (s > 0) printf "%.0f", 100 * g / s; else print "-"}')
echo "Against the targets of issue 26 (reference: 5 applicants a second held before the work, so twice is 10):"
echo
echo "| figure | measured | target | met |"
echo "|---|---|---|---|"
echo "| sustainable rate (p99 < 1 s, no failed page) | $sustainable_shown a second | ≥ 10 a second (twice the reference 5) | $(met "$(awk -v s="${sustainable:-0}" 'BEGIN {print (s >= 10) ? 1 : 0}')") |"
echo "| server CPU per submitted application, at $held_title | $cpu_app s | ≤ 0.15 s | $(met "$(awk -v c="$cpu_app" 'BEGIN {print (c != "-" && c <= 0.15) ? 1 : 0}')") |"
echo "| surge: length and rate | ${surge_seconds} s at $surge_rate a second | ≥ 180 s at twice the sustainable rate | $(met "$([ "$surge_seconds" -ge 180 ] && echo 1 || echo 0)") |"
echo "| surge: 5xx / cut-off bodies (+ connections closed mid-answer) / applicants who gave up | $(fig surge server_errors) / $(fig surge cut_off) (+ $(fig surge closed_mid)) / $(fig surge gave_up) | 0 / 0 / 0 | $(met "$([ "$(fig surge server_errors)$(fig surge cut_off)$(fig surge closed_mid)$(fig surge gave_up)" = 0000 ] && echo 1 || echo 0)") |"
echo "| surge: goodput (acknowledged a second, first to last acknowledgement) | $goodput a second ($goodput_pct % of sustainable) | ≥ 90 % of sustainable | $(met "$(awk -v g="$goodput_pct" 'BEGIN {print (g != "-" && g >= 90) ? 1 : 0}')") |"
echo "| surge: p99 | $surge_p99 s | < 5 s | $(met "$(awk -v v="$surge_p99" 'BEGIN {print (v < 5) ? 1 : 0}')") |"
echo "| acknowledged submissions (all phases), each stored exactly once | $stored_once of $acked ($acked_distinct distinct) | all | $(met "$([ "$stored_once" = "$acked" ] && [ "$acked" = "$acked_distinct" ] && echo 1 || echo 0)") |"
echo "| … with their 3 documents | $with_three of $acked | all | $(met "$([ "$with_three" = "$acked" ] && echo 1 || echo 0)") |"
echo "| duplicates: second submitted application, second SUBMIT event | $dup_apps, $dup_audit | 0, 0 | $(met "$([ "$dup_apps$dup_audit" = 00 ] && echo 1 || echo 0)") |"
echo "| submitted applications in the database | $submitted_db | ≥ acknowledged | $(met "$([ "$submitted_db" -ge "$acked" ] && echo 1 || echo 0)") |"
echo "| confirmations still waiting in the outbox at the end | $outbox_waiting | | |"
echo
echo "Logs: $work (per phase: NAME.log with Gatling's output, NAME/kinds; Gatling's HTML reports are in"
echo "bench/deadline-night/target/gatling; portal.log, db/pg.log, pg_stat_statements.txt: PostgreSQL's busiest"
echo "statements over the whole run). The load generator shares the machine: the '… of which neither' row is it"
echo "and anything else running, which a figure measured beside other work must be read with."
