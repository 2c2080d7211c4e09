#!/usr/bin/env bash
# Install everything the tests need, then run the whole suite (unit, golden, end to end, browser).
# Debian's chromium and fonts-noto-cjk come from apt-get (run as root, or install them first);
# Playwright drives /usr/bin/chromium — it never downloads a browser of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed" || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python -m pip install -q --disable-pip-version-check -e ".[test]"
python -m pytest "$@"
