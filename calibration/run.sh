#!/bin/sh
# Runs every calibration program RUNS times (30 by default) on each Go release given, one JSON line per run,
# into results/<program>.go<release>.jsonl. Usage: ./run.sh GO_BINARY... (each a `go` command of one release);
# PROGRAMS="a b" ./run.sh ... runs only those folders.
set -eu
cd "$(dirname "$0")"
RUNS=${RUNS:-30}
mkdir -p results bin
for go in "$@"; do
  rel=$(GOTOOLCHAIN=local "$go" env GOVERSION | sed 's/^go//; s/^\([0-9]*\.[0-9]*\).*/\1/')
  for dir in ${PROGRAMS:-*/}; do
    prog=${dir%/}
    [ -f "$prog/main.go" ] || continue
    GOTOOLCHAIN=local GOPROXY=off GOFLAGS=-mod=mod "$go" build -o "bin/$prog-$rel" "$prog/main.go"
    out="results/$prog.go$rel.jsonl"
    : > "$out"
    i=0
    while [ $i -lt "$RUNS" ]; do
      "./bin/$prog-$rel" >> "$out"
      i=$((i + 1))
    done
    echo "$out: $(wc -l < "$out") runs"
  done
done
