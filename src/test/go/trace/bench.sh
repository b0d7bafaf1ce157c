#!/usr/bin/env bash
# Go's own trace parser and Curtain's reader on the same file, taking turns, so machine load hits both alike.
#   bench.sh TRACECOUNT_BINARY TRACE_FILE [ROUNDS] [JAVA_HEAP]
# TRACECOUNT_BINARY is src/test/go/trace/tracecount built as its comment says; run `mvn -q -o compile` first.
set -euo pipefail
here="$(cd "$(dirname "$0")/../../../.." && pwd)"
go="$1"; trace="$2"; rounds="${3:-3}"; heap="${4:-64m}"
for i in $(seq "$rounds"); do
  "$go" "$trace"
  java -Xmx"$heap" -cp "$here/target/classes" dev.curtain.bench.TraceBenchmark "$trace" 1
done
