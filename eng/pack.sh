#!/usr/bin/env bash
# Packs the packages (MediaEvents.Generators, MediaEvents.Runtime, MediaEvents.Runtime.Azure, MediaEvents.Tracking,
# MediaEvents.Tracking.AzureTables) into a folder.
#   eng/pack.sh [OUTPUT_DIR]            default OUTPUT_DIR: artifacts/packages
#   VERSION=0.2.0-preview.1 eng/pack.sh  another version than Directory.Build.props's
# With CI=true the build is a ContinuousIntegrationBuild (normalized paths in the PDBs).
set -euo pipefail
cd "$(dirname "$0")/.."

output="${1:-artifacts/packages}"
version_args=()
if [ -n "${VERSION:-}" ]; then
  version_args=("-p:Version=${VERSION}")
fi

for project in \
  generator/MediaEvents.Generators/MediaEvents.Generators.csproj \
  runtime/MediaEvents.Runtime/MediaEvents.Runtime.csproj \
  runtime/MediaEvents.Runtime.Azure/MediaEvents.Runtime.Azure.csproj \
  runtime/MediaEvents.Tracking/MediaEvents.Tracking.csproj \
  runtime/MediaEvents.Tracking.AzureTables/MediaEvents.Tracking.AzureTables.csproj
do
  echo "pack: ${project}"
  dotnet pack "${project}" -c Release -o "${output}" "${version_args[@]}"
done
ls -l "${output}"
