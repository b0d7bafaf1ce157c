// Command tracecount reads a Go execution trace with Go's own parser (internal/trace, as `go tool trace` does) and
// prints how many events it gave and how long that took: the baseline for Curtain's trace-import benchmark.
// internal/trace can only be imported from inside the Go tree, so it is built as cmd/tracecount of a copy of the
// tree (the installed one stays untouched; nothing of Go's is committed here):
//
//	cp -rL "$(go env GOROOT)" /tmp/goroot && mkdir /tmp/goroot/src/cmd/tracecount && cp main.go "$_"
//	cd /tmp/goroot/src && GOROOT=/tmp/goroot GOTOOLCHAIN=local GOPROXY=off ../bin/go build -o /tmp/tracecount cmd/tracecount
//	/tmp/tracecount big.trace
//
// In Go 1.22 the parser of the new format is internal/trace/v2: change the import to `trace "internal/trace/v2"`.
// Go 1.24 and 1.25 build it unchanged (their parser is internal/trace too); build it in the tree of the release
// whose traces it is to read, as each release's parser reads its own format.
package main

import (
	"bufio"
	"fmt"
	"internal/trace"
	"io"
	"os"
	"runtime"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tracecount TRACE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	info, _ := f.Stat()
	start := time.Now()
	r, err := trace.NewReader(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var events, transitions int64
	threads := map[trace.ThreadID]bool{}
	goroutines := map[trace.GoID]bool{}
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		events++
		if ev.Thread() != trace.NoThread {
			threads[ev.Thread()] = true
		}
		if ev.Kind() == trace.EventStateTransition {
			transitions++
			if st := ev.StateTransition(); st.Resource.Kind == trace.ResourceGoroutine {
				goroutines[st.Resource.Goroutine()] = true
			}
		}
	}
	secs := time.Since(start).Seconds()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("go %s: %d events (%d state transitions), %d threads, %d goroutines in %.2f s: %.1f MB/s, %.0f events/s, heap in use at the end %.0f MB, obtained from the OS %.0f MB\n",
		runtime.Version(), events, transitions, len(threads), len(goroutines), secs,
		float64(info.Size())/1e6/secs, float64(events)/secs, float64(ms.HeapInuse)/1e6, float64(ms.HeapSys)/1e6)
}
