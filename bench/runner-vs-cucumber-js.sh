#!/usr/bin/env bash
# Runner overhead against cucumber-js: one generated feature of N scenarios x 5 trivial steps, run as
# a whole process by our runner (conformance bench --runner) and by cucumber-js 11.3.0 with the same
# steps in JavaScript. Prints the median of 3 timed runs of each, after a warm-up run.
# Usage: bench/runner-vs-cucumber-js.sh [SCENARIOS]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
scenarios="${1:-2000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npm ci --prefix bench/cucumber-js --no-audit --no-fund --loglevel=error >/dev/null
dotnet publish src/Conformance.Cli -c Release -o "$work/conformance" >/dev/null

mkdir -p "$work/features"
node -e '
const n = Number(process.argv[1]);
let text = "Feature: Runner overhead\n";
for (let i = 0; i < n; i++) text += `\n  Scenario: sum ${i}\n    Given a number ${i}\n    When I add 1\n    When I add 2\n    Then the result is ${i + 3}\n    Then the result is positive\n`;
require("fs").writeFileSync(process.argv[2], text);
' "$scenarios" "$work/features/overhead.feature"

median() { sort -n | sed -n 2p; }
measure() {
  "$@" >/dev/null 2>&1 # warm-up
  for _ in 1 2 3; do
    /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1
  done | median
}

ours=$(measure "$work/conformance/conformance" bench --runner "$work/features")
theirs=$(measure node bench/cucumber-js/node_modules/@cucumber/cucumber/bin/cucumber.js \
  --require bench/cucumber-js/steps/trivial.cjs "$work/features/overhead.feature")
echo "scenarios: $scenarios x 5 steps"
echo "conformance runner: ${ours} s (whole process, median of 3)"
echo "cucumber-js 11.3.0: ${theirs} s (whole process, median of 3)"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio: cucumber-js / ours = %.2f (target >= 5)\n", b / a }'
