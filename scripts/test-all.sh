#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine, then runs it:
# Debian's Chromium (browser tests), PostgreSQL and Redis (started by the tests themselves on
# 127.0.0.1), the npm packages, and finally `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in chromium postgresql redis-server; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "installing system packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The tests start their own servers; the ones the packages start at install are not needed.
command -v service >/dev/null && { service postgresql stop >/dev/null 2>&1 || true; service redis-server stop >/dev/null 2>&1 || true; }

npm ci --no-audit --no-fund
npm test
