#!/usr/bin/env bash
# The pages of `show cnn|conv|pool --html` in headless Chromium (explainer.mjs), as CI
# runs them: installs Debian's chromium (and a Japanese font, so the screenshots read)
# and puppeteer-core once, writes the six pages from this workbook (a fresh clone's
# exercises are stubs, so the reference's values are drawn, labelled), and drives them.
# A second run installs nothing. Screenshots: target/browser-shots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi ipagothic; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "The browser test needs Debian's chromium: sudo apt-get install chromium fonts-ipafont-gothic" >&2
    echo "ブラウザのテストには Debian の chromium が必要です：sudo apt-get install chromium fonts-ipafont-gothic" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium fonts-ipafont-gothic >/dev/null
fi

# puppeteer-core as the lock file says, again only when the lock file changed.
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.cnnlings-lock" 2>/dev/null; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$here/node_modules/.cnnlings-lock"
fi

pages="$(mktemp -d)"
trap 'rm -rf "$pages"' EXIT
cargo build -q -p checker
checker="$root/target/debug/checker"
# The integration tests' harness builds, when they are there: nothing to compile again.
export CNNLINGS_TARGET_DIR="${CNNLINGS_TARGET_DIR:-$root/target/tmp/harness-target-0}"
for what in cnn conv pool; do
  for lang in en ja; do
    "$checker" --lang "$lang" show "$what" --html "$pages/$what-$lang.html" >/dev/null
  done
done
node "$here/explainer.mjs" "$pages" "$root/target/browser-shots"
