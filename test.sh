#!/usr/bin/env bash
# Runs every test. Installs first what the tests need beyond the .NET SDK: the Node tools they use
# as independent checks (tests/node, pinned by its lockfile), Debian's chromium for browser tests, Java
# for DynamoDB Local, and the emulator stack (emulator/, pinned by its lockfile) that the emulator
# target's tests run against.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter-trait "Category=async".
set -euo pipefail
cd "$(dirname "$0")"

echo "==> Node tools (npm ci in tests/node)"
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: ${missing[*]} missing and this user cannot install them; install the Debian packages and run again." >&2
    exit 2
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "==> the emulator stack (npm ci, first use only)"
dotnet run --project src/Conformance.Cli -- emulator install

echo "==> dotnet test"
dotnet test --solution Conformance.sln "$@"
