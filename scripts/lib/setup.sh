# Shared set-up for scripts/run and scripts/test: installs what this project needs on a
# Debian/Ubuntu machine when it is missing. Sourced, not run.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "error: need root (or sudo) to install: $*" >&2; return 1; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing packages (${missing[*]}) and no apt-get to install them; see docs/operations.md" >&2
    return 1
  fi
  echo "==> installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# PostgreSQL server with the PostGIS build for its major version, and libpq for the Rust driver.
ensure_database_packages() {
  apt_install postgresql libpq-dev pkg-config build-essential ca-certificates curl
  local major
  major=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
  if [ -z "$major" ]; then echo "error: PostgreSQL did not install" >&2; return 1; fi
  apt_install "postgresql-${major}-postgis-3"
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
      export PATH="$HOME/.cargo/bin:$PATH"
    else
      echo "==> installing the Rust toolchain (rustup)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
      export PATH="$HOME/.cargo/bin:$PATH"
    fi
  fi
}

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
}

# The web app: its npm packages (again only when package-lock.json changed) and its bundle in
# web/dist, which the server serves (and compiles into release binaries).
build_web() {
  ensure_node
  (
    cd web
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi
    npm run --silent build
  )
}

# What the managed PostgreSQL needs to start, checked before the long build rather than after it:
# as root it runs as the `postgres` user, and keeps its files under /var/lib/hientruong when that
# user cannot reach the data directory (a clone in /root). Nothing to check with a DATABASE_URL.
check_managed_database() {
  if [ -n "${DATABASE_URL:-}" ] || { [ -f .env ] && grep -q '^DATABASE_URL=' .env; }; then return 0; fi
  [ "$(id -u)" -eq 0 ] || return 0
  if ! id postgres >/dev/null 2>&1; then
    echo "error: running as root, the managed PostgreSQL runs as the \`postgres\` user, which does not exist; install the postgresql package or set DATABASE_URL" >&2
    return 1
  fi
  if ! { [ -d /var/lib/hientruong ] && [ -w /var/lib/hientruong ]; } && [ ! -w /var/lib ]; then
    echo "error: /var/lib/hientruong cannot be written, where the managed PostgreSQL keeps its files when the \`postgres\` user cannot reach the data directory; set HIENTRUONG_DATA_DIR to a directory it can reach, or DATABASE_URL" >&2
    return 1
  fi
}
