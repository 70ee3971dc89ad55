# Shared by the bench scripts (sourced, not run).

# need COMMAND PATH PACKAGE: installs Debian's PACKAGE when COMMAND is neither on the PATH
# nor at PATH (as root; elsewhere apt-get fails and says why).
need() {
	if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$2" ]; then
		echo "Installing $3"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$3" >/dev/null
	fi
}

# nginx, which Debian installs outside an unprivileged user's PATH.
nginx_binary() {
	command -v nginx || echo /usr/sbin/nginx
}
