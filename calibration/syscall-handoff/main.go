// syscall-handoff: at GOMAXPROCS=1 main starts a goroutine (it waits in runnext) and enters a 2 ms blocking
// syscall (nanosleep through syscall.Syscall, so entersyscall runs). The goroutine runs only once sysmon
// retakes the P and hands it to another thread. Measures: the time from the syscall's start to the
// goroutine running, twenty times a run.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

func main() {
	runtime.GOMAXPROCS(1)
	var lat []float64
	for i := 0; i < 20; i++ {
		ch := make(chan time.Time, 1)
		go func() { ch <- time.Now() }()
		ts := syscall.Timespec{Nsec: 2_000_000}
		start := time.Now()
		syscall.Syscall(syscall.SYS_NANOSLEEP, uintptr(unsafe.Pointer(&ts)), 0, 0)
		ran := <-ch
		lat = append(lat, float64(ran.Sub(start))/1e3)
	}
	max := 0.0
	for _, l := range lat {
		if l > max {
			max = l
		}
	}
	out := map[string]any{
		"program": "syscall-handoff", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"handedOffBeforeReturn": max < 2000,
		},
		"quantities": map[string]any{
			"handoffUs": lat,
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
