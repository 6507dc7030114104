#!/usr/bin/env bash
# Builds the release layout into dist/:
#   dist/shipper                      launcher (runs dist/bin/shipper)
#   dist/bin/                         the host and its dependencies
#   dist/modules/<name>/              each module plugin with its own dependencies
#   dist/outputs/<name>/              each output plugin
#   dist/processors/<name>/           each processor plugin
#   dist/config/shipper.yml           the default configuration
#   dist/config/shipper.reference.yml every option, commented, with its default
# A plugin project says where it goes with the MSBuild property ShipperPluginFolder.
set -euo pipefail
cd "$(dirname "$0")"
configuration=${CONFIGURATION:-Release}
out=${DIST:-dist}

rm -rf "$out"
# ReadyToRun (precompiled) for start-up time: `shipper test config` starts about a quarter faster.
rid=${RID:-linux-x64}
publish() {
  dotnet publish "$1" -c "$configuration" -o "$2" --nologo -v quiet \
    -r "$rid" --self-contained false -p:PublishReadyToRun=true "${@:3}"
}

publish core/Shipper.Cli/Shipper.Cli.csproj "$out/bin"
for project in $(find modules outputs $( [ -d processors ] && echo processors) -name '*.csproj' | sort); do
  folder=$(sed -n 's:.*<ShipperPluginFolder>\(.*\)</ShipperPluginFolder>.*:\1:p' "$project")
  if [ -z "$folder" ]; then
    echo "build.sh: $project has no <ShipperPluginFolder>; skipped" >&2
    continue
  fi
  publish "$project" "$out/$folder"
done
mkdir -p "$out/processors"

mkdir -p "$out/config"
cp config/shipper.yml config/shipper.reference.yml "$out/config/"
[ -d config/audit.rules.d ] && cp -r config/audit.rules.d "$out/config/"
# Config files must not be writable by group or others (strict.perms).
find "$out/config" -type f -exec chmod 0644 {} +
find "$out/config" -type d -exec chmod 0755 {} +

cat > "$out/shipper" <<'LAUNCHER'
#!/bin/sh
# Runs the shipper from this release folder; path.home defaults to this folder.
here=$(dirname "$(readlink -f "$0")")
# (Tiered PGO is off in the host's runtimeconfig, for replay and the daemon alike; DOTNET_TieredPGO=1 turns it on.)
# A replay through the pipeline (not --stdout) gets a 16 MB gen0 budget (the runtime reads this one from the
# environment only): with the default it peaked at 100-132 MB for a 500,000-record log, with it at 94-98 MB, and no
# slower; --stdout peaks lower (70-73 MB) with the default than with it. See docs/benchmarks.md, "Event stream".
replay=0
stdout=0
for argument in "$@"; do
  case "$argument" in
    replay) replay=1 ;;
    --stdout) stdout=1 ;;
  esac
done
if [ "$replay" = 1 ] && [ "$stdout" = 0 ]; then
  DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x1000000}
  export DOTNET_GCgen0size
fi
exec "$here/bin/shipper" "$@"
LAUNCHER
chmod 0755 "$out/shipper"
echo "built $out/ ($(du -sh "$out" | cut -f1))"
