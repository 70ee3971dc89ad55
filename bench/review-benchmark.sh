#!/usr/bin/env bash
# Measures the admissions queue at a million applications (issue 5; docs/benchmarks.md).
#
# Start the bench run in one terminal and wait for "Benchmark data ready":
#   ./mvnw spring-boot:test-run -Dspring-boot.run.profiles=bench \
#     -Dspring-boot.test-run.optimizedLaunch=false -Dspring-boot.run.jvmArguments=-Xmx256m
# then, in another terminal, from the repository's root:
#   bench/review-benchmark.sh
#
# It signs in as the bench profile's admissions officer and times, one request after
# another on one kept-alive connection, the queue's first page, a filtered page, page 500
# of a view, the detail page of random submitted applications and the CSV export of
# 100,000 rows; and for selective review (issue 30) the queue by review score (its first
# page and page 500), a score band, the applications whose reads disagree and those whose
# references are missing; it prints p50/p95/max per kind, the export's rows per second and the peak
# heap of the portal's JVM (sampled with jstat every 200 ms). 127.0.0.1 only; every
# request and the whole run are bounded in time.
#
# Settings (environment):
#   BASE_URL        the bench run's address                    http://127.0.0.1:8094
#   LOGIN_FILE      written by the bench run when it is ready  .dev/bench-login
#   PROSPECTUS_BENCH_PASSWORD  the officer's password, if the bench run was given one
#   REQUESTS        timed requests per kind                    200
#   WARMUP          untimed requests before them               20
#   PAGE            the page of the view to time               500
#   EXPORT_ROWS     rows of the export to time                 100000
#   EXPORT_RUNS     how many times to export                   3
#   EXPORT_QUERY    the view exported (query string)           (every submitted application)
#   FILTER_QUERY    the filtered page's view                   (round in review, under review, its
#                                                               most popular first choice)
#   WRK_SECONDS     a wrk run on the first page, if wrk is installed; 0 to skip   10
#   ONLY            comma-separated kinds to run: queue,filtered,page,detail,export, and issue
#                   30's score,score-page,band,disagree,references   (all)
#   BAND_QUERY      the score band's view                      score-min=6&score-max=8
#   DISAGREE_QUERY  the disagreement's view                    disagree=
#   REFERENCES_QUERY  the references-missing view              references=
#   SCORE_PAGE      the page of the queue by score to time     PAGE
#   DETAIL_IDS_FILE application ids, one a line, for the detail pages when the queue is
#                   not measured (otherwise they come from the queue's pages)
#   MAX_SECONDS     the whole run's limit                      900
#   STRICT          1: exit 3 when a target is missed          0
set -euo pipefail

BASE_URL=${BASE_URL:-http://127.0.0.1:8094}
LOGIN_FILE=${LOGIN_FILE:-.dev/bench-login}
REQUESTS=${REQUESTS:-200}
WARMUP=${WARMUP:-20}
PAGE=${PAGE:-500}
EXPORT_ROWS=${EXPORT_ROWS:-100000}
EXPORT_RUNS=${EXPORT_RUNS:-3}
EXPORT_QUERY=${EXPORT_QUERY:-}
FILTER_QUERY=${FILTER_QUERY:-}
WRK_SECONDS=${WRK_SECONDS:-10}
ONLY=${ONLY:-queue,filtered,page,detail,export,score,score-page,band,disagree,references}
BAND_QUERY=${BAND_QUERY:-score-min=6&score-max=8}
DISAGREE_QUERY=${DISAGREE_QUERY:-disagree=}
REFERENCES_QUERY=${REFERENCES_QUERY:-references=}
SCORE_PAGE=${SCORE_PAGE:-$PAGE}
DETAIL_IDS_FILE=${DETAIL_IDS_FILE:-}
MAX_SECONDS=${MAX_SECONDS:-900}
STRICT=${STRICT:-0}

# The queue's routes and parameters, as src/main/java/org/prospectus/review/ has them
# (AdminQueueController, QueueFilter, QueueCursor) and its template links them.
QUEUE_PATH=/admin/applications
EXPORT_PATH=/admin/applications/export.csv
DETAIL_PATH=/admin/applications # + /{id}
P_ROUND=round
P_STATUS=status
P_PROGRAMME=programme
P_CURSOR=after            # the keyset cursor in the next page's address
NEXT_REL='rel="next"'     # marks the next page's link: <a href="…?after=…" rel="next">
P_SORT=sort
SORT_SCORE=score          # the queue by review score, highest first
FILTER_STATUS=UNDER_REVIEW
FILTER_ROUND_TEXT='in review (benchmark)' # the generated round the filtered page looks at

# Targets (issue 5; issue 30 asks the same p95 of the queue by score, with 2M reads).
TARGET_P95_MS=100
TARGET_ROWS_PER_SECOND=20000
TARGET_HEAP_MB=256

REQUEST_TIMEOUT=30
EXPORT_TIMEOUT=300

fail() {
	echo "review-benchmark: $*" >&2
	exit 1
}

wants() {
	[[ ",$ONLY," == *",$1,"* ]]
}

started_at=$EPOCHSECONDS
deadline() {
	if ((EPOCHSECONDS - started_at > MAX_SECONDS)); then
		fail "over MAX_SECONDS=$MAX_SECONDS; stopping"
	fi
}

for tool in curl awk sort; do
	command -v "$tool" >/dev/null || fail "needs $tool"
done

host=$(sed -E 's#^https?://([^/:]+).*#\1#' <<<"$BASE_URL")
if [[ "$host" != 127.0.0.1 && "$host" != localhost ]]; then
	fail "measures only a portal on this machine (127.0.0.1), not $host"
fi
port=$(sed -nE 's#^https?://[^/:]+:([0-9]+).*#\1#p' <<<"$BASE_URL")
port=${port:-80}

work=$(mktemp -d)
sampler=
cleanup() {
	if [[ -n "$sampler" ]]; then
		kill "$sampler" 2>/dev/null || true
		wait "$sampler" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
jar=$work/cookies

# --- Sign in -------------------------------------------------------------------------

login_value() {
	[[ -r "$LOGIN_FILE" ]] && sed -n "s/^$1=//p" "$LOGIN_FILE" | head -n 1
}

status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE_URL/login" || true)
[[ "$status" == 200 ]] || fail "$BASE_URL/login answers ${status:-nothing}: start the bench run first (docs/benchmarks.md)"
[[ -r "$LOGIN_FILE" || -n "${PROSPECTUS_BENCH_PASSWORD:-}" ]] ||
	fail "no $LOGIN_FILE yet: wait for 'Benchmark data ready' in the bench run's log"
email=${BENCH_EMAIL:-$(login_value email)}
email=${email:-bench@bench.prospectus.example}
password=${PROSPECTUS_BENCH_PASSWORD:-$(login_value password)}
[[ -n "$password" ]] || fail "no password: set PROSPECTUS_BENCH_PASSWORD as the bench run had it"

csrf=$(curl -s -c "$jar" -b "$jar" --max-time 10 "$BASE_URL/login" |
	grep -o '<input[^>]*name="_csrf"[^>]*>' | sed -E 's/.*value="([^"]*)".*/\1/' | head -n 1)
[[ -n "$csrf" ]] || fail "no _csrf field on $BASE_URL/login"
location=$(curl -s -c "$jar" -b "$jar" --max-time 20 -o /dev/null -w '%{redirect_url}' \
	--data-urlencode "username=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" \
	"$BASE_URL/login")
[[ "$location" == */admin ]] || fail "sign-in as $email failed (sent to ${location:-nowhere})"
echo "Signed in at $BASE_URL as $email"

# --- The portal's JVM, for its heap ----------------------------------------------------

# The process that listens on the port; ss shows other users' processes only to root.
jvm_pid=$(ss -Hltnp "( sport = :$port )" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)
if [[ -z "$jvm_pid" ]] && command -v lsof >/dev/null; then
	jvm_pid=$(lsof -t -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | head -n 1 || true)
fi
heap_log=$work/heap
if [[ -n "$jvm_pid" ]] && command -v jstat >/dev/null && jstat -gc "$jvm_pid" >/dev/null 2>&1; then
	max_heap=$(jcmd "$jvm_pid" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -n 1 | cut -d= -f2 || true)
	echo "Portal JVM: pid $jvm_pid (listens on $port), max heap $((${max_heap:-0} / 1048576)) MB; jstat -gc every 200 ms"
	timeout "$MAX_SECONDS" jstat -gc "$jvm_pid" 200 >"$heap_log" 2>/dev/null &
	sampler=$!
else
	echo "Portal JVM: not found on port $port (or not this user's); heap not measured"
fi

# --- Timing ------------------------------------------------------------------------------

results=$work/results
: >"$results"
misses=0

# Requests every URL of a file in order, one curl on one connection, and prints
# "code seconds url" per request.
fetch_all() {
	local urls=$1 config=$work/curl.config
	: >"$config"
	while IFS= read -r url; do
		printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$config"
	done <"$urls"
	curl -s -b "$jar" --max-time "$REQUEST_TIMEOUT" -K "$config" -w '%{http_code} %{time_total} %{url_effective}\n' || true
}

# measure NAME URL_FILE: the first WARMUP URLs untimed, the rest timed.
measure() {
	local name=$1 urls=$2 out=$work/out
	head -n "$WARMUP" "$urls" >"$work/warm"
	tail -n +"$((WARMUP + 1))" "$urls" >"$work/timed"
	fetch_all "$work/warm" >/dev/null
	fetch_all "$work/timed" >"$out"
	local bad
	bad=$(awk '$1 != 200 { print $1, $3; exit }' "$out")
	[[ -z "$bad" ]] || fail "$name: $bad (expected 200)"
	local n
	n=$(wc -l <"$out")
	((n > 0)) || fail "$name: no request was made"
	awk '{ printf "%.3f\n", $2 * 1000 }' "$out" | sort -n | awk -v name="$name" -v target="$TARGET_P95_MS" '
		{ v[NR] = $1 }
		END {
			p50 = v[int((NR * 50 + 99) / 100)]; p95 = v[int((NR * 95 + 99) / 100)]; max = v[NR]
			verdict = (p95 < target) ? "ok" : "MISSED"
			printf "%-28s %5d %9.1f %9.1f %9.1f   p95 < %d ms  %s\n", name, NR, p50, p95, max, target, verdict
		}' | tee -a "$results"
	deadline
}

repeat() {
	local url=$1 count=$2
	for ((i = 0; i < count; i++)); do
		echo "$url"
	done
}

page_of() {
	curl -s -b "$jar" --max-time "$REQUEST_TIMEOUT" -w '\n%{http_code}' "$1"
}

# The body of a page, failing on any status but 200.
get_page() {
	local body code
	body=$(page_of "$1")
	code=${body##*$'\n'}
	[[ "$code" == 200 ]] || fail "GET $1 answered $code (expected 200)"
	printf '%s' "${body%$'\n'*}"
}

next_link() {
	grep -o "<a [^>]*$NEXT_REL[^>]*>" <<<"$1" | head -n 1 | sed -E 's/.*href="([^"]*)".*/\1/; s/&amp;/\&/g'
}

application_ids() {
	grep -oE "href=\"$DETAIL_PATH/[0-9a-f-]{36}\"" <<<"$1" | grep -oE '[0-9a-f-]{36}' || true
}

total=$((WARMUP + REQUESTS))
ids=$work/ids
: >"$ids"

echo
echo "Timing $REQUESTS requests per kind after $WARMUP untimed, one at a time"
printf '%-28s %5s %9s %9s %9s\n' "request" "n" "p50 ms" "p95 ms" "max ms" | tee -a "$results"

if wants queue || wants filtered || wants page; then
	first=$(get_page "$BASE_URL$QUEUE_PATH")
	application_ids "$first" >>"$ids"
fi

if wants queue; then
	repeat "$BASE_URL$QUEUE_PATH" "$total" >"$work/urls"
	measure "queue, first page" "$work/urls"
fi

if wants filtered; then
	if [[ -z "$FILTER_QUERY" ]]; then
		round=$(grep -o "<option value=\"[0-9]*\"[^>]*>[^<]*$FILTER_ROUND_TEXT" <<<"$first" |
			sed -E 's/<option value="([0-9]*)".*/\1/' | head -n 1)
		[[ -n "$round" ]] || fail "no round '$FILTER_ROUND_TEXT' among the queue's rounds: is this the bench database?"
		# The generator favours each round's programmes in the order of their ids: the
		# first with applications in that round is its most popular first choice.
		for programme in $(sed -n '/name="'"$P_PROGRAMME"'"/,/<\/select>/p' <<<"$first" |
			grep -o '<option value="[0-9][0-9]*"' | grep -o '[0-9][0-9]*' | sort -n | head -n 10); do
			FILTER_QUERY="$P_ROUND=$round&$P_STATUS=$FILTER_STATUS&$P_PROGRAMME=$programme"
			filtered=$(get_page "$BASE_URL$QUEUE_PATH?$FILTER_QUERY")
			if [[ -n "$(application_ids "$filtered")" ]]; then
				break
			fi
		done
	fi
	filtered=$(get_page "$BASE_URL$QUEUE_PATH?$FILTER_QUERY")
	shown=$(application_ids "$filtered" | wc -l)
	echo "   filtered view: ?$FILTER_QUERY ($shown rows on its first page)"
	((shown > 0)) || fail "the filtered view ?$FILTER_QUERY is empty"
	repeat "$BASE_URL$QUEUE_PATH?$FILTER_QUERY" "$total" >"$work/urls"
	measure "queue, filtered page" "$work/urls"
fi

if wants page; then
	walk_started=$EPOCHREALTIME
	url="$BASE_URL$QUEUE_PATH"
	body=$first
	for ((p = 2; p <= PAGE; p++)); do
		next=$(next_link "$body")
		[[ -n "$next" ]] || fail "page $((p - 1)) of $QUEUE_PATH has no next link: fewer than $PAGE pages?"
		[[ "$next" == *"$P_CURSOR="* ]] || fail "the next link ($next) carries no $P_CURSOR= cursor"
		url="$BASE_URL$next"
		body=$(get_page "$url")
		application_ids "$body" >>"$ids"
		if ((p % 100 == 0)); then
			deadline
		fi
	done
	walk=$(awk -v a="$walk_started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
	echo "   followed $((PAGE - 1)) next links in $walk s to page $PAGE"
	repeat "$url" "$total" >"$work/urls"
	measure "queue, page $PAGE" "$work/urls"
fi

# --- Selective review (issue 30) ------------------------------------------------------

# view_rows QUERY: the number of rows on the view's first page, failing on an empty view.
view_rows() {
	local body shown
	body=$(get_page "$BASE_URL$QUEUE_PATH?$1")
	shown=$(application_ids "$body" | wc -l)
	echo "   view ?$1: $shown rows on its first page" >&2
	((shown > 0)) || fail "the view ?$1 is empty: does this bench database have its reads (issue 30)?"
}

if wants score; then
	view_rows "$P_SORT=$SORT_SCORE"
	repeat "$BASE_URL$QUEUE_PATH?$P_SORT=$SORT_SCORE" "$total" >"$work/urls"
	measure "queue by score, first page" "$work/urls"
fi

if wants score-page; then
	walk_started=$EPOCHREALTIME
	url="$BASE_URL$QUEUE_PATH?$P_SORT=$SORT_SCORE"
	body=$(get_page "$url")
	for ((p = 2; p <= SCORE_PAGE; p++)); do
		next=$(next_link "$body")
		[[ -n "$next" ]] || fail "page $((p - 1)) by score has no next link: fewer than $SCORE_PAGE pages?"
		url="$BASE_URL$next"
		body=$(get_page "$url")
		if ((p % 100 == 0)); then
			deadline
		fi
	done
	walk=$(awk -v a="$walk_started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
	echo "   followed $((SCORE_PAGE - 1)) next links by score in $walk s to page $SCORE_PAGE"
	repeat "$url" "$total" >"$work/urls"
	measure "queue by score, page $SCORE_PAGE" "$work/urls"
fi

if wants band; then
	view_rows "$BAND_QUERY"
	repeat "$BASE_URL$QUEUE_PATH?$BAND_QUERY" "$total" >"$work/urls"
	measure "queue, score band" "$work/urls"
	view_rows "$BAND_QUERY&$P_SORT=$SORT_SCORE"
	repeat "$BASE_URL$QUEUE_PATH?$BAND_QUERY&$P_SORT=$SORT_SCORE" "$total" >"$work/urls"
	measure "queue, score band by score" "$work/urls"
fi

if wants disagree; then
	view_rows "$DISAGREE_QUERY"
	repeat "$BASE_URL$QUEUE_PATH?$DISAGREE_QUERY" "$total" >"$work/urls"
	measure "queue, reads disagree" "$work/urls"
fi

if wants references; then
	view_rows "$REFERENCES_QUERY"
	repeat "$BASE_URL$QUEUE_PATH?$REFERENCES_QUERY" "$total" >"$work/urls"
	measure "queue, references missing" "$work/urls"
fi

if wants detail; then
	if [[ -n "$DETAIL_IDS_FILE" ]]; then
		cat "$DETAIL_IDS_FILE" >>"$ids"
	fi
	[[ -s "$ids" ]] || fail "no application ids for the detail pages: measure the queue too, or give DETAIL_IDS_FILE"
	sort -u "$ids" | shuf -n "$total" --random-source=<(yes) | sed "s#^#$BASE_URL$DETAIL_PATH/#" >"$work/urls"
	(($(wc -l <"$work/urls") >= total)) || echo "   (only $(wc -l <"$work/urls") distinct applications; some repeat)"
	while (($(wc -l <"$work/urls") < total)); do
		head -n "$((total - $(wc -l <"$work/urls")))" "$work/urls" >>"$work/urls"
	done
	measure "application detail" "$work/urls"
fi

export_line=
if wants export; then
	rates=$work/rates
	: >"$rates"
	url="$BASE_URL$EXPORT_PATH${EXPORT_QUERY:+?$EXPORT_QUERY}"
	for ((run = 1; run <= EXPORT_RUNS; run++)); do
		before=$EPOCHREALTIME
		# The first EXPORT_ROWS rows after the header; head ends the download there.
		lines=$( (curl -s -b "$jar" --max-time "$EXPORT_TIMEOUT" -D "$work/export-headers" "$url" || true) |
			head -n "$((EXPORT_ROWS + 1))" | wc -l)
		after=$EPOCHREALTIME
		code=$(awk 'NR == 1 { print $2 }' "$work/export-headers" 2>/dev/null)
		[[ "$code" == 200 ]] || fail "GET $url answered ${code:-nothing} (expected 200)"
		rows=$((lines - 1))
		seconds=$(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.3f", b - a }')
		rate=$(awk -v rows="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", rows / s }')
		echo "$rate" >>"$rates"
		echo "   export run $run: $rows rows in $seconds s = $rate rows/s"
		((rows >= EXPORT_ROWS)) || echo "   (the view has only $rows rows; set EXPORT_QUERY to a view of at least $EXPORT_ROWS)"
		deadline
	done
	export_line=$(sort -n "$rates" | awk -v rows="$EXPORT_ROWS" -v target="$TARGET_ROWS_PER_SECOND" '
		{ v[NR] = $1 }
		END {
			median = v[int((NR + 1) / 2)]
			printf "%-28s %5d rows  median %.0f rows/s (best %.0f)   >= %d rows/s  %s\n", "export, CSV", rows, median, v[NR], target, (median >= target) ? "ok" : "MISSED"
		}')
	echo "$export_line" | tee -a "$results"
fi

if [[ -n "$(command -v wrk)" && "$WRK_SECONDS" != 0 ]] && wants queue; then
	cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
	echo
	echo "wrk, 1 thread, 2 connections, ${WRK_SECONDS} s on the first page (throughput with the load generator on the same cores):"
	wrk -t1 -c2 -d"${WRK_SECONDS}s" --latency -H "Cookie: $cookie" "$BASE_URL$QUEUE_PATH" |
		grep -E 'Latency|50%|90%|99%|Requests/sec|Non-2xx' | sed 's/^/   /'
fi

# --- Heap ----------------------------------------------------------------------------------

if [[ -n "$sampler" ]]; then
	sleep 0.5
	kill "$sampler" 2>/dev/null || true
	wait "$sampler" 2>/dev/null || true
	sampler=
	# Used = survivors + eden + old, in KB. Under -Xmx256m used cannot pass 256 MB, so a
	# full GC or much GC time is the sign that the heap is too small for the work.
	heap_line=$(awk -v target="$TARGET_HEAP_MB" '
		$1 == "S0C" { for (i = 1; i <= NF; i++) col[$i] = i; next }
		col["EU"] && $1 ~ /^[0-9.]+$/ {
			used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]
			committed = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]
			if (used > peak) peak = used
			if (committed > peakc) peakc = committed
			if (n == 0) { ygc = $col["YGC"]; fgc = $col["FGC"]; gct = $col["GCT"] }
			lygc = $col["YGC"]; lfgc = $col["FGC"]; lgct = $col["GCT"]
			n++
		}
		END {
			full = lfgc - fgc
			printf "%-28s %5d samples  peak used %.0f MB, committed %.0f MB; %d young and %d full GCs, %.2f s GC   < %d MB, no full GC  %s\n", "heap (jstat -gc)", n, peak / 1024, peakc / 1024, lygc - ygc, full, lgct - gct, target, (peak / 1024 < target && full == 0) ? "ok" : "MISSED"
		}' "$heap_log")
	echo "$heap_line" | tee -a "$results"
fi

misses=$(grep -c 'MISSED' "$results" || true)
echo
echo "Done in $((EPOCHSECONDS - started_at)) s; $misses target(s) missed."
if [[ "$STRICT" == 1 && "$misses" -gt 0 ]]; then
	exit 3
fi
