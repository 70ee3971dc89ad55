#!/usr/bin/env bash
# Server CPU per static asset request (issue 26; docs/benchmarks.md, "Static assets").
#
#   BASE_URL=http://127.0.0.1:8080 bench/static-assets.sh
#
# Measures a portal that is already running (the jar, as the README starts it): for each
# asset it sends WARMUP untimed requests and then REQUESTS timed ones, one after another
# on one kept-alive connection, as a browser that accepts gzip, and prints the CPU the
# portal's JVM spent per request (utime + stime from /proc/<pid>/stat before and after)
# with the response's Content-Encoding and Content-Length. Static assets touch no database.
#
# Settings (environment):
#   ASSETS    paths, space-separated     (Bootstrap's CSS at its versioned address, ours)
#   WARMUP    untimed requests per asset  3000
#   REQUESTS  timed requests per asset    5000
# Needs curl and ss, and must see the JVM's process (same user, or root).
set -euo pipefail

BASE_URL=${BASE_URL:?set BASE_URL to the running portal, e.g. http://127.0.0.1:8080}
ASSETS=${ASSETS:-/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css /static/css/prospectus.css}
WARMUP=${WARMUP:-3000}
REQUESTS=${REQUESTS:-5000}

port=${BASE_URL##*:}
port=${port%%/*}
jvm=$(ss -ltnpH "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
[ -n "$jvm" ] || { echo "No process listens on port $port" >&2; exit 1; }
ticks=$(getconf CLK_TCK)
cpu_of() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
work=$(mktemp -d /tmp/prospectus-static.XXXXXX)
trap 'rm -rf "$work"' EXIT
# A curl config that fetches the address N times over one connection, keeping no body.
requests() {
	for _ in $(seq 1 "$2"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$BASE_URL$1"; done
}

echo "JVM $jvm at $BASE_URL; $WARMUP warm-up and $REQUESTS timed requests per asset, Accept-Encoding: gzip"
printf '%-60s %-9s %-9s %s\n' asset encoding length cpu-ms/req
for asset in $ASSETS; do
	headers=$(curl -s -H 'Accept-Encoding: gzip' -D - -o /dev/null "$BASE_URL$asset")
	encoding=$(echo "$headers" | tr -d '\r' | sed -n 's/^content-encoding: *//Ip' | head -1)
	length=$(echo "$headers" | tr -d '\r' | sed -n 's/^content-length: *//Ip' | head -1)
	requests "$asset" "$WARMUP" >"$work/warm"
	requests "$asset" "$REQUESTS" >"$work/run"
	curl -s -H 'Accept-Encoding: gzip' -K "$work/warm"
	before=$(cpu_of "$jvm")
	curl -s -H 'Accept-Encoding: gzip' -K "$work/run"
	after=$(cpu_of "$jvm")
	cpu=$(awk -v t=$((after - before)) -v hz="$ticks" -v n="$REQUESTS" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
	printf '%-60s %-9s %-9s %s\n' "$asset" "${encoding:-none}" "${length:-chunked}" "$cpu"
done
