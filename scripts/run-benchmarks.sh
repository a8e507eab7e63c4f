#!/usr/bin/env bash
# Builds the benchmarks in Release, runs them (BenchmarkDotNet, short jobs, MemoryDiagnoser), measures the peak
# memory of a manual backup and the Python app's pydantic load of the same profile, and writes BENCHMARKS.md:
# every figure beside its baseline from the same run, the machine, the date, and each DESIGN.md §6 target
# stated as met or missed.
#
# Usage: scripts/run-benchmarks.sh [FILTER...]     e.g. scripts/run-benchmarks.sh '*ProfileBenchmarks*'
#   FILTER          BenchmarkDotNet --filter globs (default '*': everything, ~10 minutes on 2 cores)
#   ARTIFACTS_PATH  optional: build into this folder (dotnet --artifacts-path) instead of bin/obj
#   RESULTS_PATH    optional: BenchmarkDotNet's artifacts folder (default ./BenchmarkDotNet.Artifacts)
#   REPORT          optional: the report to write (default ./BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=tests/AutoResumeFiller.Data.Benchmarks
results=${RESULTS_PATH:-$root/BenchmarkDotNet.Artifacts}
report=${REPORT:-$root/BENCHMARKS.md}
filters=("$@")
[ ${#filters[@]} -gt 0 ] || filters=('*')

if ! command -v zip >/dev/null 2>&1 || ! command -v unzip >/dev/null 2>&1; then
  echo "== installing Info-ZIP (zip, unzip) from the Debian packages"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq zip unzip
fi

echo "== building $project (Release)"
if [ -n "${ARTIFACTS_PATH:-}" ]; then
  dotnet build "$project" -c Release --artifacts-path "$ARTIFACTS_PATH" -warnaserror -nologo -v q
  dll="$ARTIFACTS_PATH/bin/AutoResumeFiller.Data.Benchmarks/release/AutoResumeFiller.Data.Benchmarks.dll"
else
  dotnet build "$project" -c Release -warnaserror -nologo -v q
  dll="$project/bin/Release/net10.0/AutoResumeFiller.Data.Benchmarks.dll"
fi
dll_dir=$(dirname "$dll")
# The build leaves MSBuild and compiler servers running; they must not share the two cores with the measurements.
dotnet build-server shutdown >/dev/null 2>&1 || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$results"
# Kept beside BenchmarkDotNet's results, so the report can be rewritten from one run:
#   dotnet DLL --report "$results/results" "$results/machine.txt" "$results/extras.txt" BENCHMARKS.md
machine="$results/machine.txt"
extras="$results/extras.txt"
: >"$extras"

tmp_dir=${TMPDIR:-/tmp}
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "ram=$(free -h 2>/dev/null | awk '/^Mem:/ {print $2}') total"
  echo "disk=$(df -T "$tmp_dir" | awk 'NR==2 {print $2 " on " $1}') ($tmp_dir)"
  echo "os=$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s)"
  echo "kernel=$(uname -r)"
  echo "dotnet=SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}')"
  echo "zip=$(zip -v 2>/dev/null | sed -n 's/^This is \(Zip [^ ]*\).*/\1/p' | head -1), $(unzip -v 2>/dev/null | head -1 | awk '{print $1, $2}')"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
} >"$machine"
cat "$machine"

echo "== running benchmarks: ${filters[*]}"
rm -rf "$results/results"
dotnet "$dll" --filter "${filters[@]}" --artifacts "$results"

echo "== paired runs: baseline and ours alternating op by op (same disk conditions for both)"
dotnet "$dll" --paired | tee -a "$extras"

echo "== encryption on against off, paired (DESIGN §6: save and load <= 1.2x, backup <= 1.3x)"
dotnet "$dll" --encryption | tee -a "$extras"

echo "== peak memory of a manual backup (fresh process each)"
for size in 25 100; do
  line=$(dotnet "$dll" --peak-memory "$size" | grep '^peak ')
  echo "$line"
  for pair in $line; do
    case "$pair" in
      *=*) [ "${pair%%=*}" = size_mb ] || echo "peak_${size}_${pair}" >>"$extras" ;;
    esac
  done
done

echo "== WatchProfile latency: rename to callback, events and polling (~1 minute)"
dotnet "$dll" --watch-latency "${TMPDIR:-/tmp}" | tee -a "$extras"

echo "== pydantic load of the same profile (the Python app's way)"
if command -v python3 >/dev/null 2>&1 && python3 -c 'import pydantic' 2>/dev/null; then
  dotnet "$dll" --write-profile "$work/user_profile.json"
  python3 "$dll_dir/pydantic_load.py" "$work/user_profile.json" | tr ' ' '\n' | tee -a "$extras"
else
  echo "skipped: python3 with pydantic is not installed"
fi

echo "== writing $report"
dotnet "$dll" --report "$results/results" "$machine" "$extras" "$report"
