// gc-cycles: at GOMAXPROCS=4, main allocates 64 MB of garbage in 8 KB pieces with GOGC=100 and almost nothing
// live, so the heap goal stays at the 4 MB minimum and one GC cycle follows another. Each cycle stops the world
// twice, and its mark phase runs a worker on every P with nothing else to do (dedicated on a quarter of the Ps,
// idle-time workers on the others): those Ps need threads, so the process gains threads although main is the only
// user goroutine. Measures: how many cycles ran (runtime/metrics, which does not stop the world as ReadMemStats
// does), how long the allocations took, and the threads before and after.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"time"
)

var sink []byte

func threads() int {
	es, err := os.ReadDir("/proc/self/task")
	if err != nil {
		panic(err)
	}
	return len(es)
}

func cycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func main() {
	runtime.GOMAXPROCS(4)
	atStart := threads()
	before := cycles()
	t := time.Now()
	for i := 0; i < 8192; i++ {
		sink = make([]byte, 8192)
	}
	allocMs := float64(time.Since(t)) / 1e6
	ran := cycles() - before
	atEnd := threads()
	out := map[string]any{
		"program": "gc-cycles", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"gcRan":             ran > 0,
			"threadsGrew":       atEnd > atStart,
			"moreThanTenCycles": ran > 10,
		},
		"quantities": map[string]any{
			"cycles":         ran,
			"allocMs":        allocMs,
			"threadsAtStart": atStart,
			"threadsAtEnd":   atEnd,
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
