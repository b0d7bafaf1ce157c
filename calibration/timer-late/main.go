// timer-late: at GOMAXPROCS=1 a goroutine spins in a loop with no calls while main sleeps 2 ms, ten times.
// main's timer is on the only P, which the spinner holds: main runs again only after sysmon preempts the
// spinner (async preemption, Go 1.14+). Measures: how late each wake-up is.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"time"
)

var sink int

func main() {
	runtime.GOMAXPROCS(1)
	go func() {
		for {
			sink++
		}
	}()
	var late []float64
	for i := 0; i < 10; i++ {
		t := time.Now()
		time.Sleep(2 * time.Millisecond)
		late = append(late, float64(time.Since(t)-2*time.Millisecond)/1e6)
	}
	min := late[0]
	for _, l := range late {
		if l < min {
			min = l
		}
	}
	out := map[string]any{
		"program": "timer-late", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"everyWakeLateOver1ms": min > 1,
		},
		"quantities": map[string]any{
			"latenessMs": late,
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
