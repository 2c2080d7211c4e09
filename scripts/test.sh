#!/usr/bin/env bash
# Install what the tests need, then run them, saying what it does and how long the suite took.
#
#   ./scripts/test.sh               the whole suite (what CI runs)
#   ./scripts/test.sh --quick       the inner loop: no browser and no slow tests
#   ./scripts/test.sh tests/unit -q extra arguments go to pytest
#
# Debian's chromium and fonts-noto-cjk come from apt-get (run as root, or install them first);
# Playwright drives /usr/bin/chromium — it never downloads a browser of its own. The package is
# installed into a virtual environment (.venv, or $CS_PLAYBOOK_VENV) made with the system
# python3, and installed again only when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '== %s\n' "$*"; }

# 1. Debian packages: the browser and Japanese fonts for the browser tests, venv for Python,
#    Node.js and npm for the JavaScript checks.
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed" || missing+=(fonts-noto-cjk)
python3 -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 2. The virtual environment, and the package with its [test] extra when pyproject.toml changed.
venv=${CS_PLAYBOOK_VENV:-.venv}
if [[ ! -x $venv/bin/python ]]; then
  say "creating the virtual environment $venv"
  python3 -m venv "$venv"
fi
stamp=$venv/.cs-playbook-pyproject
if [[ -f $stamp ]] && cmp -s pyproject.toml "$stamp"; then
  say "package already installed in $venv (pyproject.toml unchanged)"
else
  say "installing the package and its test tools into $venv (pip install -e .[test])"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
  cp pyproject.toml "$stamp"
fi

# 3. JavaScript tools (ESLint, TypeScript, Node's test runner): `npm ci` when package-lock.json
#    changed.
lock_stamp=node_modules/.cs-playbook-lock
if [[ -f $lock_stamp ]] && cmp -s package-lock.json "$lock_stamp"; then
  say "JavaScript tools already installed (package-lock.json unchanged)"
else
  say "installing the JavaScript tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$lock_stamp"
fi

# 4. The tests.
args=("$@")
if [[ ${1:-} == --quick ]]; then
  args=(-m "not browser and not slow" "${@:2}")
fi
say "running: pytest ${args[*]}"
started=$(date +%s)
status=0
"$venv/bin/python" -m pytest "${args[@]}" || status=$?
elapsed=$(($(date +%s) - started))
say "test suite took $((elapsed / 60)) min $((elapsed % 60)) s (pytest exit status $status)"
exit "$status"
