#!/usr/bin/env bash
# Packs what bench/gpu/run.sh needs on a GPU machine with no package registry into one archive
# (≤ 64 MiB): the built package (dist, kernels, the cpu worker), phantoms and data, the production
# node_modules (webgpu's Dawn binary for linux-x64 only), this Node binary, and the Vulkan loader
# (Debian's libvulkan1 .deb contents; the GPU driver supplies the ICD on the target machine).
# Usage (on a machine with npm and apt): bench/gpu/bundle.sh [OUT.tar.xz]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-bench/gpu/out/nirwalk-gpu-bundle.tar.xz}
stage=$(mktemp -d)
root="$stage/nirwalk"
mkdir -p "$root" "$(dirname "$out")"

[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build >/dev/null

# The package as it runs: dist/ plus the files it reads at run time.
cp -r package.json dist kernels phantoms data "$root/"
mkdir -p "$root/src/engine/backends" "$root/src/engine/random" "$root/bench/gpu"
cp src/engine/backends/cpu-worker.mjs "$root/src/engine/backends/"
cp src/engine/random/philox.mjs "$root/src/engine/random/"
cp bench/run.mjs bench/cases.mjs "$root/bench/"
cp bench/gpu/run.sh bench/gpu/bench.mjs "$root/bench/gpu/"

# Production dependencies only, as npm resolved them.
npm ls --omit=dev --all --parseable 2>/dev/null | tail -n +2 | while read -r dir; do
  rel=${dir#"$PWD/"}
  mkdir -p "$root/$(dirname "$rel")"
  cp -r "$rel" "$root/$rel"
done
# Dawn ships every platform's binary; keep linux-x64.
find "$root/node_modules/webgpu/dist" -mindepth 1 -maxdepth 1 ! -name 'linux-x64*' ! -name '*.js' ! -name '*.d.ts' ! -name '*.json' -exec rm -rf {} +
find "$root/node_modules" -name '*.map' -delete

# Node itself.
mkdir -p "$root/runtime/bin"
cp "$(readlink -f "$(command -v node)")" "$root/runtime/bin/node"

# The Vulkan loader (libvulkan.so.1), unpacked from Debian's package.
deb=$(mktemp -d)
(cd "$deb" && apt-get download libvulkan1 >/dev/null)
dpkg-deb -x "$deb"/libvulkan1_*.deb "$root/runtime/vulkan"
rm -rf "$deb"

tar -C "$stage" -cJf "$out" nirwalk
rm -rf "$stage"
size=$(stat -c %s "$out")
echo "$out: $((size / 1048576)) MiB ($size bytes)"
if [ "$size" -gt $((64 * 1048576)) ]; then
  echo "bundle exceeds 64 MiB" >&2
  exit 1
fi
