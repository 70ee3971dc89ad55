#!/usr/bin/env bash
# The Nu HTML Checker over public pages in both languages (issue 29): pages whose catalogue
# texts are in another language than the page (Southampton's programme under /sv, KTH's
# partly translated one, a course), the search, deadlines and sign-in pages, English and
# Swedish. Prints each page's errors and warnings; exits 1 when any page has an error.
#
#   bench/html-check.sh
#
# It starts the developer run with the `pages` profile (its own embedded database under
# .dev/postgres-pages and the demo catalogue, port 8095). To check a portal that is
# already running instead, give its address:
#   BASE_URL=http://127.0.0.1:8080 bench/html-check.sh
#
# The checker is vnu.jar from the npm package vnu-jar (VNU_VERSION, 26.9.27), fetched once
# into .dev/vnu with npm; or give a vnu.jar you have as VNU_JAR. Needs a JDK, curl and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

VNU_VERSION=${VNU_VERSION:-26.9.27}
VNU_JAR=${VNU_JAR:-.dev/vnu/vnu-$VNU_VERSION.jar}
own_port=8095
BASE_URL=${BASE_URL:-}
PAGES=${PAGES:-/programmes/southampton-msc-machine-learning /programmes/kth-msc-machine-learning /courses/DD2424 /programmes?q=learning /deadlines / /account/register /login}

if [ ! -f "$VNU_JAR" ]; then
	echo "Fetching the Nu HTML Checker $VNU_VERSION (npm package vnu-jar)"
	mkdir -p "$(dirname "$VNU_JAR")"
	fetch=$(mktemp -d)
	(cd "$fetch" && npm pack --silent "vnu-jar@$VNU_VERSION" >/dev/null && tar xzf "vnu-jar-$VNU_VERSION.tgz")
	mv "$fetch/package/build/dist/vnu.jar" "$VNU_JAR"
	rm -rf "$fetch"
fi

work=$(mktemp -d /tmp/prospectus-html.XXXXXX)
maven_pid=
cleanup() {
	if [ -n "$maven_pid" ]; then
		jvm=$(ss -ltnpH "sport = :$own_port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
		[ -n "$jvm" ] && kill "$jvm" 2>/dev/null || true
		kill "$maven_pid" 2>/dev/null || true
	fi
}
trap cleanup EXIT

if [ -z "$BASE_URL" ]; then
	BASE_URL=http://127.0.0.1:$own_port
	echo "Starting the portal (./mvnw spring-boot:test-run, pages profile)"
	./mvnw -q spring-boot:test-run -Dspring-boot.run.profiles=pages \
		-Dspring-boot.test-run.optimizedLaunch=false >"$work/portal.log" 2>&1 &
	maven_pid=$!
	for _ in $(seq 1 300); do
		curl -fsS -o /dev/null "$BASE_URL/readyz" 2>/dev/null && break
		if ! kill -0 "$maven_pid" 2>/dev/null; then
			tail -40 "$work/portal.log"
			echo "The portal did not start" >&2
			exit 1
		fi
		sleep 1
	done
fi

files=()
for path in $PAGES; do
	for prefix in "" /sv; do
		name=$(echo "$prefix$path" | tr '/?=&' '____')
		curl -fsS "$BASE_URL$prefix$path" -o "$work/$name.html"
		files+=("$work/$name.html")
	done
done

# One line a message: "file:…":line.col-line.col: error: … (or info warning:).
java -jar "$VNU_JAR" --exit-zero-always "${files[@]}" 2>"$work/vnu.txt"
errors=0
printf '%-60s %7s %9s\n' page errors warnings
for file in "${files[@]}"; do
	e=$(grep -F "file:$file\"" "$work/vnu.txt" | grep -c ': error: ' || true)
	w=$(grep -F "file:$file\"" "$work/vnu.txt" | grep -c ': info warning: ' || true)
	printf '%-60s %7s %9s\n' "$(basename "$file" .html)" "$e" "$w"
	errors=$((errors + e))
done
if [ "$errors" -gt 0 ]; then
	grep ': error: ' "$work/vnu.txt"
	exit 1
fi
echo "No errors on ${#files[@]} pages"
