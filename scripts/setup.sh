#!/usr/bin/env bash
# Idempotent set-up: checks each tool first, installs only what is missing.
# Prints one line per item: "present" or "installed".
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %-28s %s\n' "$1" "$2"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# 1. Rust wasm target
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "wasm32-unknown-unknown" "present"
else
  rustup target add wasm32-unknown-unknown >/dev/null
  say "wasm32-unknown-unknown" "installed"
fi

# 1b. clippy and rustfmt (the house rules run in npm test)
for component in clippy rustfmt; do
  if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "$component" "present"
  else
    rustup component add "$component" >/dev/null
    say "$component" "installed"
  fi
done

# 2. wasm-bindgen CLI, same version as the wasm-bindgen crate in Cargo.lock
if [ ! -f Cargo.lock ]; then
  cargo generate-lockfile
fi
want=$(awk '
  /^\[\[package\]\]/ { in_pkg = 1; name = ""; next }
  in_pkg && /^name = / { gsub(/"/, "", $3); name = $3; next }
  in_pkg && /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
if [ -z "$want" ]; then
  echo "setup: Cargo.lock has no wasm-bindgen package" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$want" ]; then
  say "wasm-bindgen-cli $want" "present"
else
  # Without --locked: the locked dependency set needs a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$want" --force
  say "wasm-bindgen-cli $want" "installed"
fi

# 3. npm dependencies
if [ -f package-lock.json ]; then
  if [ -d node_modules ] && [ node_modules -nt package-lock.json ] \
     && [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
     && [ -d node_modules/pdfjs-dist/cmaps ] && [ -f node_modules/axe-core/axe.min.js ]; then
    say "node_modules" "present"
  else
    npm ci --no-audit --no-fund
    touch node_modules
    say "node_modules" "installed"
  fi
else
  npm install --no-audit --no-fund
  touch node_modules
  say "node_modules" "installed"
fi

# 4. Chromium and its WebDriver (Debian packages)
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium + chromedriver" "present"
else
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  say "chromium + chromedriver" "installed"
fi

# 5. A CJK font, so headless screenshots show Chinese text instead of boxes (the page itself uses
#    whatever system font the reader has; it loads no fonts).
if fc-list :lang=zh 2>/dev/null | grep -q .; then
  say "CJK font" "present"
else
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-wqy-microhei \
    || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-wqy-microhei; }
  say "CJK font" "installed"
fi
