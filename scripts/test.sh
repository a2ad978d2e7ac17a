#!/usr/bin/env bash
# The README's test command (`npm test`): system packages, type check, lint, import rules, Electronegativity,
# unit + integration tests, renderer build, Playwright e2e in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${need[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Для тестов нужны пакеты: ${need[*]}. Выполните: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

echo "== type check";        npx tsc --noEmit -p tsconfig.json
echo "== lint and format";   npx biome check .
echo "== import rules";      npx depcruise --config .dependency-cruiser.cjs shared db electron renderer server
echo "== Electronegativity"; npx tsx scripts/electronegativity.ts electron --out test-results/electronegativity.csv
echo "== unit + integration"; npx vitest run
echo "== renderer build";    npx vite build --logLevel warn
echo "== e2e (Playwright, Chromium, browser mode)"; npx playwright test
