// nice-preempt: a goroutine lowers its own thread's priority (setpriority on its thread id, no LockOSThread)
// and then computes for 30 ms in a loop with no calls, beside three other goroutines doing the same at
// GOMAXPROCS=2, so preemption moves goroutines between threads. Each goroutine notes the threads it ran on
// (gettid is a raw syscall: it does not enter the scheduler). Measures: did the dirtying goroutine end on
// another thread, and did another goroutine run on the dirty thread.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

func nice(tid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/self/task/%d/stat", tid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	var n int
	fmt.Sscan(f[16], &n)
	return n
}

// work loops for about d with a raw gettid every 4096 iterations: no function prologue the scheduler
// would use, so only sysmon's signal (async preemption) stops it.
func work(d time.Duration, seen map[int]bool) {
	start := time.Now()
	for {
		for i := 0; i < 4096; i++ {
		}
		t, _, _ := syscall.RawSyscall(syscall.SYS_GETTID, 0, 0, 0)
		seen[int(t)] = true
		if time.Since(start) > d {
			return
		}
	}
}

func main() {
	runtime.GOMAXPROCS(2)
	var wg sync.WaitGroup
	var dirtyTid, endTid int
	seen := make([]map[int]bool, 4)
	for i := range seen {
		seen[i] = map[int]bool{}
	}
	ready := make(chan bool)
	wg.Add(1)
	go func() {
		defer wg.Done()
		dirtyTid = syscall.Gettid()
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, dirtyTid, 10); err != nil {
			fmt.Fprintln(os.Stderr, "setpriority:", err)
			os.Exit(2)
		}
		close(ready)
		work(30*time.Millisecond, seen[0])
		endTid = syscall.Gettid()
	}()
	<-ready
	for i := 1; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			work(30*time.Millisecond, seen[i])
		}(i)
	}
	wg.Wait()
	othersOnDirty := 0
	for i := 1; i < 4; i++ {
		if seen[i][dirtyTid] {
			othersOnDirty++
		}
	}
	dirtyThreads := 0
	d, _ := os.ReadDir("/proc/self/task")
	for _, e := range d {
		var t int
		fmt.Sscan(e.Name(), &t)
		if nice(t) == 10 {
			dirtyThreads++
		}
	}
	out := map[string]any{
		"program": "nice-preempt", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"dirtyGoroutineMoved": len(seen[0]) > 1,
			"endedOnOtherThread":  endTid != dirtyTid,
			"otherRanOnDirty":     othersOnDirty > 0,
		},
		"quantities": map[string]float64{
			"othersOnDirty": float64(othersOnDirty),
			"threadsSeenByDirtyGoroutine": float64(len(seen[0])),
			"dirtyThreads": float64(dirtyThreads),
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
