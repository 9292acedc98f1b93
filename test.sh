#!/usr/bin/env bash
# Runs every test. Installs first what the tests need beyond the .NET SDK: the Node tools they use
# as independent checks (tests/node, pinned by its lockfile) and Debian's chromium for browser tests.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter-trait "Category=async".
set -euo pipefail
cd "$(dirname "$0")"

echo "==> Node tools (npm ci in tests/node)"
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> chromium (Debian package)"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: chromium is missing and this user cannot install it; install the 'chromium' package and run again." >&2
    exit 2
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

echo "==> dotnet test"
dotnet test --solution Conformance.sln "$@"
