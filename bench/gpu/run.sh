#!/usr/bin/env bash
# Device benchmark: on a GPU machine (no package registry needed), unpack the bundle from
# bench/gpu/bundle.sh and run the three reference cases and a windows study on webgpu and cpu.
# Writes bench/gpu/out/RESULTS-gpu.md (bench/RESULTS.md format, adapter named) and bench.json.
# Usage: bench/gpu/run.sh [BUNDLE.tar.xz] [-- extra args for bench.mjs, e.g. --seconds 10]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bundle=${1:-$here/out/nirwalk-gpu-bundle.tar.xz}
shift || true
[ "${1:-}" = "--" ] && shift
work=${NIRWALK_BENCH_DIR:-$(mktemp -d)}
if [ -f "$bundle" ]; then
  tar -C "$work" -xJf "$bundle"
  root="$work/nirwalk"
else
  # Run from a checkout with node_modules and a build instead.
  root=$(cd "$here/../.." && pwd)
fi
node="$root/runtime/bin/node"
[ -x "$node" ] || node=$(command -v node)
vk="$root/runtime/vulkan/usr/lib/x86_64-linux-gnu"
if [ -d "$vk" ] && ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  export LD_LIBRARY_PATH="$vk${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp}
out=${OUT:-$here/out}
mkdir -p "$out"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader > "$out/gpu.txt" 2>/dev/null || true
cd "$root"
"$node" bench/gpu/bench.mjs --out "$out" "$@"
