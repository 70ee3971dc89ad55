#!/usr/bin/env bash
# Public pages against a static server (issue 15; docs/benchmarks.md, "Public pages").
#
#   bench/public-pages.sh
#
# It starts the developer run with the `pages` profile (its own embedded database under
# .dev/postgres-pages and the demo catalogue, port 8095, C2 compiler on), first with the
# page cache off and then on. For each public page it saves the portal's bytes, serves
# the copy with nginx on 127.0.0.1, and runs wrk against the two in turn, A B A B A B,
# after a warm-up. It prints requests per second, the ratio to nginx, p50 and p99, and
# the server CPU per request: the portal's JVM plus PostgreSQL's processes, from
# /proc/<pid>/stat before and after each portal run. Last, it times "Save and preview" on
# a programme as the demo editor (bench/SavePreview.java).
#
# To measure a portal that is already running instead, give its address; the script then
# measures it once, as it is configured:
#   BASE_URL=http://127.0.0.1:8080 bench/public-pages.sh
#
# Settings (environment):
#   SECONDS_PER_RUN  length of each wrk run                 10
#   CONNECTIONS      wrk connections                         32
#   THREADS          wrk threads                             2
#   PAIRS            A B pairs per page                      3
#   WARMUP_FIRST     seconds of untimed load on the first page  90
#   WARMUP           seconds of untimed load on each other page 20
#   MODES            page cache settings to measure          "off on"
#   PAGES            name=path pairs, space-separated        (programme, course, search, home, deadlines,
#                    and the programme, course and home pages in Swedish)
#   NGINX_PORT       where nginx serves the copies           18095
#   MAX_SECONDS      the whole run's limit                   1800
#   RENDERS          renders per run of the render-only figure (cache off)  4000
# Needs wrk and nginx (Debian's are installed when missing, as root) and a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PAIRS=${PAIRS:-3}
WARMUP_FIRST=${WARMUP_FIRST:-90}
WARMUP=${WARMUP:-20}
MODES=${MODES:-off on}
NGINX_PORT=${NGINX_PORT:-18095}
MAX_SECONDS=${MAX_SECONDS:-1800}
RENDERS=${RENDERS:-4000}
PAGES=${PAGES:-programme=/programmes/kth-msc-machine-learning course=/courses/DD2424 search=/programmes?q=learning home=/ deadlines=/deadlines programme-sv=/sv/programmes/kth-msc-machine-learning course-sv=/sv/courses/DD2424 home-sv=/sv/}
own_port=8095

# shellcheck source=bench/lib.sh
. bench/lib.sh
need wrk /usr/bin/wrk wrk
need nginx /usr/sbin/nginx nginx
nginx_bin=$(nginx_binary)

work=$(mktemp -d /tmp/prospectus-pages.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/pages"
chmod 755 "$work/pages"
maven_pid=
cleanup() {
	"$nginx_bin" -c "$work/nginx.conf" -p "$work" -s stop 2>/dev/null || true
	stop_portal
}
trap cleanup EXIT
( sleep "$MAX_SECONDS"; echo "Stopped after $MAX_SECONDS s (MAX_SECONDS)" >&2; kill -TERM $$ ) 2>/dev/null &
watchdog=$!

ticks=$(getconf CLK_TCK)
# The process listening on a port.
pid_on() {
	ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1
}
# utime + stime of a process, in clock ticks; 0 once it is gone.
cpu_of() {
	awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
# "pid ticks" for every PostgreSQL process of the machine.
pg_cpu() {
	for pid in $(pgrep -x postgres || true); do echo "$pid $(cpu_of "$pid")"; done
}
# PostgreSQL ticks spent between two pg_cpu listings (processes that started count whole).
pg_delta() {
	awk 'NR == FNR { before[$1] = $2; next } { total += $2 - ($1 in before ? before[$1] : 0) } END { print total + 0 }' "$1" "$2"
}

start_portal() {
	local cache=$1
	echo "Starting the portal with the page cache $cache (./mvnw spring-boot:test-run, pages profile)"
	PROSPECTUS_PAGECACHE_ENABLED=$([ "$cache" = on ] && echo true || echo false) \
		./mvnw -q spring-boot:test-run -Dspring-boot.run.profiles=pages \
		-Dspring-boot.test-run.optimizedLaunch=false -Dspring-boot.run.jvmArguments=-Xmx512m \
		>"$work/portal-$cache.log" 2>&1 &
	maven_pid=$!
	for _ in $(seq 1 300); do
		if curl -fsS -o /dev/null "http://127.0.0.1:$own_port/readyz" 2>/dev/null; then
			return
		fi
		if ! kill -0 "$maven_pid" 2>/dev/null; then
			tail -40 "$work/portal-$cache.log"
			echo "The portal did not start" >&2
			exit 1
		fi
		sleep 1
	done
	echo "The portal was not ready after 300 s" >&2
	exit 1
}
stop_portal() {
	[ -n "$maven_pid" ] || return 0
	local jvm
	jvm=$(pid_on "$own_port" || true)
	[ -n "$jvm" ] && kill "$jvm" 2>/dev/null || true
	for _ in $(seq 1 60); do
		kill -0 "$maven_pid" 2>/dev/null || break
		sleep 1
	done
	kill "$maven_pid" 2>/dev/null || true
	maven_pid=
}

cat >"$work/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	types { text/html html; }
	default_type text/html;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $work/pages;
	}
}
EOF
"$nginx_bin" -c "$work/nginx.conf" -p "$work"

# Runs wrk; prints "requests_per_second requests p50_ms p99_ms non2xx".
run_wrk() {
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2:-$SECONDS_PER_RUN}s" --latency "$1" | awk '
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		/^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
		/requests in/ { n = $1 } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
		END { printf "%s %s %.2f %.2f %d\n", rps, n, p50, p99, bad }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

results="$work/results.txt"
: >"$results"
: >"$work/render.txt"
measure() {
	local mode=$1 base=$2 jvm=$3 warmup=$WARMUP_FIRST
	for entry in $PAGES; do
		local name=${entry%%=*} path=${entry#*=}
		curl -fsS "$base$path" -o "$work/pages/$name.html"
		chmod 644 "$work/pages/$name.html"
		local bytes
		bytes=$(stat -c %s "$work/pages/$name.html")
		if ! cmp -s "$work/pages/$name.html" <(curl -fsS "http://127.0.0.1:$NGINX_PORT/$name.html"); then
			echo "nginx does not serve the same bytes for $name" >&2
			exit 1
		fi
		# Warm-up: the JIT compiles the page's path with C2 before anything is timed; the
		# first page takes the longest, as it compiles what all pages share.
		run_wrk "$base$path" "$warmup" >/dev/null
		warmup=$WARMUP
		for pair in $(seq 1 "$PAIRS"); do
			pg_cpu >"$work/pg.before"
			local jvm_before
			jvm_before=$(cpu_of "$jvm")
			read -r rps n p50 p99 bad < <(run_wrk "$base$path")
			local jvm_ticks pg_ticks
			jvm_ticks=$(($(cpu_of "$jvm") - jvm_before))
			pg_cpu >"$work/pg.after"
			pg_ticks=$(pg_delta "$work/pg.before" "$work/pg.after")
			read -r nrps _ np50 np99 nbad < <(run_wrk "http://127.0.0.1:$NGINX_PORT/$name.html")
			echo "$mode $name $bytes $pair $rps $n $p50 $p99 $bad $nrps $np50 $np99 $nbad $jvm_ticks $pg_ticks" >>"$results"
			printf '  %-9s pair %d: portal %9.0f req/s (p50 %.2f ms, p99 %.2f ms)  nginx %9.0f req/s\n' \
				"$name" "$pair" "$rps" "$p50" "$p99" "$nrps"
			if [ "$bad" != 0 ] || [ "$nbad" != 0 ]; then
				echo "    non-2xx answers: portal $bad, nginx $nbad" >&2
			fi
		done
		# Thymeleaf alone: the page's view rendered again and again inside the portal,
		# without the database, the filters or the network (RenderCost, in the pages
		# profile only; another portal leaves the column empty). The last of three runs,
		# when the JIT has seen the loop.
		local render=- sep='?'
		case $path in *\?*) sep='&' ;; esac
		if [ "$mode" = cache-off ]; then
			for _ in 1 2 3; do
				render=$(curl -s -o /dev/null -D - --max-time 300 "$base$path${sep}render-cost=$RENDERS" |
					tr -d '\r' | awk -F': ' 'tolower($1) == "x-render-cost-micros" { print $2 / 1000 }')
			done
		fi
		echo "$mode $name ${render:--}" >>"$work/render.txt"
	done
}

if [ -n "${BASE_URL:-}" ]; then
	port=${BASE_URL##*:}
	port=${port%%/*}
	jvm=$(pid_on "$port")
	[ -n "$jvm" ] || { echo "Nothing of this machine listens on $port" >&2; exit 1; }
	echo "Measuring the running portal at $BASE_URL (JVM $jvm)"
	measure as-configured "$BASE_URL" "$jvm"
else
	for mode in $MODES; do
		start_portal "$mode"
		jvm=$(pid_on "$own_port")
		echo "Measuring with the page cache $mode (JVM $jvm)"
		measure "cache-$mode" "http://127.0.0.1:$own_port" "$jvm"
		if [ "$mode" = "${MODES##* }" ]; then
			# The staff side: "Save and preview" on a programme, as the demo editor.
			password=$(awk '$1 == "editor" && $2 ~ /^editor@/ { print $3 }' "$work/portal-$mode.log" | tail -1)
			java bench/SavePreview.java "http://127.0.0.1:$own_port" editor@demo.prospectus.example "$password" 10 |
				tee "$work/save-preview.txt"
		fi
		stop_portal
	done
fi
kill "$watchdog" 2>/dev/null || true

echo
echo "Medians of $PAIRS pairs, wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s, on $(nproc) cores"
printf '%-12s %-10s %7s %10s %10s %7s %8s %8s %8s %8s %9s %9s %9s %9s\n' mode page bytes portal/s nginx/s ratio \
	p50-ms p99-ms ng-p50 ng-p99 cpu-ms/req jvm-ms pg-ms render-ms
for mode in $(awk '{ print $1 }' "$results" | uniq); do
	for name in $(awk -v m="$mode" '$1 == m { print $2 }' "$results" | uniq); do
		rows=$(awk -v m="$mode" -v p="$name" '$1 == m && $2 == p' "$results")
		col() { echo "$rows" | awk -v c="$1" '{ print $c }' | median; }
		bytes=$(col 3)
		rps=$(col 5)
		nrps=$(col 10)
		# CPU per request over all pairs: every tick the runs cost, by every request they served.
		jvm_ms=$(echo "$rows" | awk -v t="$ticks" '{ c += $14; n += $6 } END { printf "%.3f", c * 1000 / t / n }')
		pg_ms=$(echo "$rows" | awk -v t="$ticks" '{ c += $15; n += $6 } END { printf "%.3f", c * 1000 / t / n }')
		render=$(awk -v m="$mode" -v p="$name" '$1 == m && $2 == p { print $3 }' "$work/render.txt" | tail -1)
		printf '%-12s %-10s %7s %10.0f %10.0f %7.3f %8.2f %8.2f %8.2f %8.2f %9.3f %9s %9s %9s\n' "$mode" "$name" \
			"$bytes" "$rps" "$nrps" "$(echo "$rps $nrps" | awk '{ print $1 / $2 }')" "$(col 7)" "$(col 8)" \
			"$(col 11)" "$(col 12)" "$(echo "$jvm_ms $pg_ms" | awk '{ print $1 + $2 }')" "$jvm_ms" "$pg_ms" \
			"${render:--}"
	done
done
[ -f "$work/save-preview.txt" ] && tail -1 "$work/save-preview.txt"
echo
echo "Raw figures: $results"
