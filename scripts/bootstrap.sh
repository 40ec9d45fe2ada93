#!/bin/sh
# `npm start` and `npm test` begin here: bring this machine up to what they need, skipping what is
# already there, then run the given command under Node.js 24.
#
#   sh scripts/bootstrap.sh start|test [command [arg...]]
#
# 1. Node.js 24: the `node` on PATH if it is 24 or newer; else $IONFLUX_NODE_PREFIX/bin/node (default
#    /usr/local); else install it there from the npm registry (package node-linux-<arch>@24, about 8 s).
#    npm runs this script with the machine's node, which may be older: the command is run with
#    node_modules/.bin, then that Node's directory, first on PATH, so it and every npm it starts run on 24.
# 2. test only: the Debian packages the tests use (chromium for the playground and console tests,
#    firefox-esr, webkit2gtk-driver and xvfb for the console in Firefox and WebKit, postgresql for the
#    CI run against an external server, nats-server for the NATS event bus tests), through apt-get, as
#    root; and kubectl where apt offers it (test/deploy builds the Kubernetes overlays with
#    `kubectl kustomize`, no cluster; Debian 12 has no kubectl package, so without one those tests skip).
# 3. The npm packages: `npm ci` when node_modules is missing or package-lock.json changed since it was
#    installed. A stamp in node_modules remembers the checksums of package-lock.json and of npm's own
#    record of the install (node_modules/.package-lock.json); when either differs, check-install.ts
#    compares the two and looks for each recorded package on disk, so a developer's own `npm install` or
#    a checkout back to the same lock costs no reinstall, while a half-copied node_modules gets one.
#
# With nothing to do it costs about 10 ms: `node --version`, two checksums and the stamp compared
# (dpkg-query too for `test`). Without a command it only sets up.
set -eu

say() { printf 'setup: %s\n' "$*" >&2; }
fail() {
  say "$*"
  exit 1
}

mode=${1:-}
case $mode in
start | test) shift ;;
*) fail "usage: sh scripts/bootstrap.sh start|test [command [arg...]]" ;;
esac

cd "$(dirname "$0")/.."
root=$(pwd)
node_prefix=${IONFLUX_NODE_PREFIX:-/usr/local}
wanted_major=24

# True when $1 is a Node.js of at least the wanted major version.
node_is_recent() {
  version=$("$1" --version 2>/dev/null) || return 1
  major=${version#v}
  major=${major%%.*}
  case $major in '' | *[!0-9]*) return 1 ;; esac
  [ "$major" -ge "$wanted_major" ]
}

install_node() {
  case $(uname -m) in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) fail "no Node.js $wanted_major package for $(uname -m) on the npm registry: install Node.js $wanted_major and put it first on PATH" ;;
  esac
  command -v npm >/dev/null 2>&1 || fail "npm is needed to install Node.js $wanted_major (apt-get install npm)"
  say "installing Node.js $wanted_major into $node_prefix from the npm registry (node here: $(node --version 2>/dev/null || echo none))"
  npm install --global --prefix "$node_prefix" --no-audit --no-fund "node-linux-$arch@$wanted_major" >&2 ||
    fail "could not install Node.js $wanted_major into $node_prefix (as a user without write access there, set IONFLUX_NODE_PREFIX to a directory of yours, e.g. \$HOME/.local)"
  node_is_recent "$node_prefix/bin/node" || fail "$node_prefix/bin/node is not Node.js $wanted_major after the install"
}

ensure_node() {
  if command -v node >/dev/null 2>&1 && node_is_recent node; then
    return
  fi
  node_is_recent "$node_prefix/bin/node" || install_node
  PATH=$node_prefix/bin:$PATH
}

ensure_debian_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian machine (no dpkg-query): the playground test needs Chromium at /usr/bin/chromium and the event bus tests nats-server; install them yourself"
    return
  fi
  # One line per known package, e.g. "chromium ii " when installed; unknown packages print nothing.
  packages='chromium firefox-esr webkit2gtk-driver xvfb postgresql nats-server'
  # shellcheck disable=SC2086 # one word per package
  status=$(dpkg-query --show --showformat='${Package} ${db:Status-Abbrev}\n' $packages 2>/dev/null || true)
  missing=
  for package in $packages; do
    case "
$status" in
    *"
$package ii"*) ;;
    *) missing="$missing $package" ;;
    esac
  done
  [ -n "$missing" ] || return 0
  [ "$(id -u)" -eq 0 ] || fail "the tests need the Debian packages$missing; as root: apt-get update && apt-get install --no-install-recommends$missing"
  say "installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || fail "apt-get update failed"
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y -qq --no-install-recommends $missing >&2 || fail "apt-get install$missing failed"
}

ensure_kubectl() {
  command -v kubectl >/dev/null 2>&1 && return 0
  [ "$(id -u)" -eq 0 ] && command -v apt-cache >/dev/null 2>&1 || return 0
  # Only when apt offers one in the lists it has (fresh after the packages above): no update per run.
  case $(apt-cache policy kubectl 2>/dev/null) in
  *"Candidate: "[0-9]*)
    say "installing Debian package: kubectl"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kubectl >&2 ||
      say "apt-get install kubectl failed: test/deploy skips building the Kubernetes overlays"
    ;;
  esac
  # Else nothing to say here: test/deploy names what is missing when it skips.
}

stamp=node_modules/.ionflux-setup

install_state() {
  lock_sum=$(cksum <package-lock.json)
  installed_sum=none
  [ -f node_modules/.package-lock.json ] && installed_sum=$(cksum <node_modules/.package-lock.json)
  echo "$lock_sum / $installed_sum"
}

ensure_npm_packages() {
  [ -f package-lock.json ] || fail "no package-lock.json in $root"
  state=$(install_state)
  recorded=
  [ -f "$stamp" ] && read -r recorded <"$stamp"
  [ "$recorded" = "$state" ] && return
  if [ ! -f node_modules/.package-lock.json ]; then
    say "no npm packages installed yet: npm ci"
  elif reason=$(node "$root/scripts/bootstrap/check-install.ts"); then
    echo "$state" >"$stamp"
    return
  else
    say "${reason:-node_modules could not be compared with package-lock.json}: npm ci"
  fi
  npm ci --no-audit --no-fund >&2 || fail "npm ci failed"
  install_state >"$stamp"
}

ensure_node
if [ "$mode" = test ]; then
  ensure_debian_packages
  ensure_kubectl
fi
ensure_npm_packages

# The project's tools first (npm put them there, but Node's directory may now be in front of them), then
# Node.js 24. Tools that start node through npm's record of it see the same one.
PATH=$root/node_modules/.bin:$PATH
export PATH
node_path=$(command -v node)
[ -z "${NODE:-}" ] || export NODE="$node_path"
[ -z "${npm_node_execpath:-}" ] || export npm_node_execpath="$node_path"

[ $# -gt 0 ] || exit 0
exec "$@"
