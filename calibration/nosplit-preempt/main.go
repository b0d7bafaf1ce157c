// nosplit-preempt: at GOMAXPROCS=1 a goroutine loops calling a function while main sleeps 2 ms, five times; then
// the same with a second goroutine whose loop calls a //go:nosplit leaf function instead. A preemption signal that
// lands inside a nosplit function is not an async safe point (runtime/preempt.go isAsyncSafePoint: "nosplit
// functions (except at calls)"), and a nosplit function has no prologue to stop at, so sysmon's request takes
// effect only when a signal happens to land in the loop between the calls: main wakes much later. Measures: how
// late each wake-up is with each loop.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"time"
)

var sink, stop int64

// A leaf with no stack check (nosplit) and not inlined, so the loop really calls it; it spends nearly all of the
// loop's time.
//
//go:nosplit
//go:noinline
func leaf(n int64) int64 {
	s := n
	for i := int64(0); i < 200; i++ {
		s = s*31 + i
	}
	return s
}

// The same work in a function with a prologue (a stack check at entry, where a pending preemption stops it).
//
//go:noinline
func withPrologue(n int64) int64 {
	s := n
	for i := int64(0); i < 200; i++ {
		s = s*31 + i
	}
	return s
}

func lateness(spin func()) []float64 {
	stop = 0
	go spin()
	var late []float64
	for i := 0; i < 5; i++ {
		t := time.Now()
		time.Sleep(2 * time.Millisecond)
		late = append(late, float64(time.Since(t)-2*time.Millisecond)/1e6)
	}
	stop = 1
	time.Sleep(time.Millisecond)
	return late
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}

func main() {
	runtime.GOMAXPROCS(1)
	prologue := lateness(func() {
		for stop == 0 {
			sink = withPrologue(sink)
		}
	})
	nosplit := lateness(func() {
		for stop == 0 {
			sink = leaf(sink)
		}
	})
	out := map[string]any{
		"program": "nosplit-preempt", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"nosplitLaterThanPrologue": median(nosplit) > median(prologue),
			"nosplitWakeLateOver20ms":  median(nosplit) > 20,
		},
		"quantities": map[string]any{
			"prologueLatenessMs": prologue,
			"nosplitLatenessMs":  nosplit,
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
