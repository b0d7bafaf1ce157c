#!/usr/bin/env bash
# Derives the expected values of a trace fixture from Go's own parser: `go tool trace -d=1` (`-d=parsed` from Go
# 1.24 on) prints every event it reads, in the order it orders them, one "M=… P=… G=… Kind Time=…" line each
# (stacks on the lines below). Go 1.25's parser gives a Sync at the start of every generation and one at the end
# (earlier ones: one at the end of each), so there `generations` is one less than `syncs`.
#   expected.sh GO_BINARY TRACE_FILE OUT_PREFIX
# writes OUT_PREFIX.expected (counts, as Java properties) and OUT_PREFIX.events (those lines, for small traces).
set -euo pipefail
go="$1"; trace="$2"; out="$3"
lines="$(mktemp)"
release="$(GOTOOLCHAIN=local "$go" version | awk '{print $3}')"
minor="$(echo "$release" | cut -d. -f2)"
mode=1; if [ "$minor" -ge 24 ]; then mode=parsed; fi
GOTOOLCHAIN=local GOPROXY=off "$go" tool trace -d="$mode" "$trace" | grep '^M=' > "$lines"
syncs="$(grep -c ' Sync ' "$lines")"
generations="$syncs"; if [ "$minor" -ge 25 ]; then generations=$((syncs - 1)); fi
{
  echo "# From: go tool trace -d=$mode ($release)"
  echo "events=$(wc -l < "$lines")"
  echo "generations=$generations"
  echo "syncs=$syncs"
  echo "threads=$(awk '{sub("M=","",$1); if ($1 != "-1") print $1}' "$lines" | sort -u | wc -l)"
  echo "goroutines=$( (grep -o 'GoID=[0-9]*' "$lines" | cut -d= -f2; awk '{sub("G=","",$3); if ($3 != "-1") print $3}' "$lines") | sort -u | wc -l)"
  echo "procs=$(grep -o 'ProcID=[0-9]*' "$lines" | sort -u | wc -l)"
  echo "gomaxprocs=$(grep -o 'gomaxprocs:threads" Value=[A-Za-z{]*Uint64([0-9]*' "$lines" | tail -1 | grep -o '[0-9]*$')"
  echo "sha256=$(sha256sum < "$lines" | cut -d' ' -f1)"
} > "$out.expected"
if [ "$(wc -l < "$lines")" -le 2000 ]; then cp "$lines" "$out.events"; chmod 644 "$out.events"; fi
rm -f "$lines"
