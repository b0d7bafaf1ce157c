// thread-count: at GOMAXPROCS=2, 16 goroutines enter a 5 ms blocking syscall at once (nanosleep through
// syscall.Syscall). Each blocked thread keeps its goroutine, so the runtime creates threads to run the rest.
// Measures: threads at main's start (the runtime's own: m0, sysmon, the GC's helpers) and how many the
// syscalls added, and the threads at the end, from /proc/self/task.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

func count() int {
	d, _ := os.ReadDir("/proc/self/task")
	return len(d)
}

func main() {
	runtime.GOMAXPROCS(2)
	start := count()
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts := syscall.Timespec{Nsec: 5_000_000}
			syscall.Syscall(syscall.SYS_NANOSLEEP, uintptr(unsafe.Pointer(&ts)), 0, 0)
		}()
	}
	wg.Wait()
	end := count()
	out := map[string]any{
		"program": "thread-count", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"syscallsAddedThreads": end > start,
			"threadPerSyscall":     end-start >= 16,
		},
		"quantities": map[string]any{
			"threadsAtStart": start,
			"threadsAdded":   end - start,
			"threadsAtEnd":   end,
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
