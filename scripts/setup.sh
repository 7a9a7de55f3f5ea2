#!/usr/bin/env bash
# Installs what building and testing the app needs, skipping whatever is already there:
# the wasm32 target, trunk 0.21, wasm-bindgen-cli at the version in Cargo.lock, the npm tools
# (binaryen's wasm-opt, Playwright) from package-lock.json, and, with --browser, Debian's
# Chromium and chromedriver. Safe to run again: a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
for arg in "$@"; do
    case "$arg" in
        --browser) want_browser=1 ;;
        *) echo "usage: scripts/setup.sh [--browser]" >&2; exit 2 ;;
    esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

command -v cargo >/dev/null || { echo "Rust (cargo) is required: https://rustup.rs" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js and npm are required" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
        say "Adding $component"
        rustup component add "$component"
    fi
done

if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    say "Installing trunk 0.21 (a few minutes, once)"
    cargo install --locked trunk --version '^0.21'
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ -z "$bindgen_version" ]; then
    echo "Cargo.lock names no wasm-bindgen version" >&2
    exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
    say "Installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
    # Not --locked: its own lock file names crate versions this registry may lack.
    cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm tools from package-lock.json"
    npm ci --no-audit --no-fund
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
    say "Installing Chromium and chromedriver (Debian packages)"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends chromium chromium-driver
fi
