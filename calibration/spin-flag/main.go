// spin-flag: main starts a goroutine that sets a flag, then spins until it sees the flag set (atomic loads, no
// calls), ten times at GOMAXPROCS=1 and ten times at GOMAXPROCS=2. With one P the setter runs only once the spinner
// is preempted (a signal, Go 1.14+, after sysmon finds it running 10 ms); with two it runs at once on the other P.
// Measures: how long each spin lasts.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

var flag int32

func spins(procs int) []float64 {
	runtime.GOMAXPROCS(procs)
	var out []float64
	for i := 0; i < 10; i++ {
		atomic.StoreInt32(&flag, 0)
		t := time.Now()
		go atomic.StoreInt32(&flag, 1)
		for atomic.LoadInt32(&flag) == 0 {
		}
		out = append(out, float64(time.Since(t))/1e6)
		time.Sleep(time.Millisecond)
	}
	return out
}

func main() {
	one := spins(1)
	two := spins(2)
	minOne, maxTwo := one[0], two[0]
	for i := range one {
		if one[i] < minOne {
			minOne = one[i]
		}
		if two[i] > maxTwo {
			maxTwo = two[i]
		}
	}
	// With two Ps the setter's thread must wake and steal it; on a busy machine it may wait for a CPU, so the
	// spin lasts from microseconds to milliseconds, but it never waits for a preemption.
	out := map[string]any{
		"program": "spin-flag", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"onePSpinOutlastsPreemption": minOne > 5,
			"twoPsEverySpinShorter":      maxTwo < minOne,
		},
		"quantities": map[string]any{
			"spinMsOneP":  one,
			"spinMsTwoPs": two,
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
