#!/usr/bin/env bash
# Search latency on a large catalogue (issue 15; docs/benchmarks.md, "A catalogue of
# 10,000 programmes"). Start the catalogue run in one terminal and wait for "Generated
# catalogue ready":
#   ./mvnw spring-boot:test-run -Dspring-boot.run.profiles=catalogue \
#     -Dspring-boot.test-run.optimizedLaunch=false
# then, from the repository's root:
#   bench/search-latency.sh
#
# One request after another on one kept-alive connection (curl), REQUESTS per search after
# WARMUP untimed rounds of all of them; each search has a query string of its own, so the
# page cache (if on) never answers: a cached search is not what is measured. Prints p50,
# p95 and max per search and over all, and the number of programmes found, or, where the
# words were corrected (issue 29), the note or the suggestion the page shows.
#
# The searches of issue 29: an institution by name and by code, misspelt words that the
# page corrects ("typo", with filters too), a word it only offers a correction for
# ("suggestion": "astrophysics", of which "physics" is the nearest, and too far to apply),
# and words like none in the catalogue ("no-match").
#
# Settings (environment): BASE_URL (http://127.0.0.1:8097), REQUESTS (100), WARMUP (20).
set -euo pipefail

BASE_URL=${BASE_URL:-http://127.0.0.1:8097}
REQUESTS=${REQUESTS:-100}
WARMUP=${WARMUP:-20}

searches=(
	"text|q=machine+learning"
	"text+level|q=data&level=MASTER"
	"text+open+mode|q=engineering&open=true&mode=CAMPUS"
	"level+pace+language|level=MASTER&pace=PART_TIME&language=en"
	"topic+duration|topic=Robotics&duration=UP_TO_TWO_YEARS"
	"institution|institution=gen-042"
	"budget|maxTuition=9000&currency=EUR"
	"open+page-5|open=true&page=5"
	"everything|"
	"institution-name|q=Generated+University+42"
	"institution-code|q=gen-042"
	"typo|q=machne+lerning"
	"typo+filters|q=robotcs&level=MASTER&open=true"
	"suggestion|q=astrophysics"
	"no-match|q=xyzzy+qwerty"
)

curl -fsS -o /dev/null "$BASE_URL/readyz" || { echo "No portal answers at $BASE_URL" >&2; exit 1; }
times=$(mktemp)
# A query string no earlier run asked for, so no page cache holds it.
run=$(date +%s%N)
trap 'rm -f "$times"' EXIT

# Untimed rounds first: the JIT compiles the search's path.
for w in $(seq 1 "$WARMUP"); do
	for search in "${searches[@]}"; do
		curl -fsS -o /dev/null --max-time 10 "$BASE_URL/programmes?${search#*|}&n=$run-warm-$w"
	done
done

printf '%-22s %8s %8s %8s   %s\n' search p50-ms p95-ms max-ms found
for search in "${searches[@]}"; do
	name=${search%%|*}
	query=${search#*|}
	urls=()
	for i in $(seq 1 "$REQUESTS"); do urls+=(-o /dev/null "$BASE_URL/programmes?$query&n=$run-$i"); done
	# One curl, one connection: each address is fetched in turn and its time printed.
	curl -fsS --max-time 600 -w '%{time_total}\n' "${urls[@]}" |
		awk '{ print $1 * 1000 }' | sort -g >"$times.$name"
	page=$(curl -fsS "$BASE_URL/programmes?$query")
	found=$(grep -o '[0-9][0-9,]* programmes\? found\|No programmes found' <<<"$page" | head -1 || true)
	said=$(grep -o 'Showing results for [^<]*\|Did you mean [^<]*' <<<"$page" | head -1 || true)
	found="${found:-?}${said:+; $said}"
	awk -v name="$name" -v found="${found:-?}" '{ v[NR] = $1 } END {
		printf "%-22s %8.1f %8.1f %8.1f   %s\n", name, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR], found }' \
		"$times.$name"
	cat "$times.$name" >>"$times"
	rm -f "$times.$name"
done
sort -g "$times" | awk '{ v[NR] = $1 } END {
	printf "%-22s %8.1f %8.1f %8.1f\n", "all", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR] }'
