// dirty-spread-threads: dirty-spread with each thread noted: the dirty goroutine's thread, main's thread before
// `go dirty`, after the receive and after wg.Wait, and each worker's thread; it shows which thread main runs the
// 64 `go` statements on and, in a run where none landed on the dirty thread, where the workers ran instead.
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

func gettid() int {
	t, _, _ := syscall.RawSyscall(syscall.SYS_GETTID, 0, 0, 0)
	return int(t)
}

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

func spin(d time.Duration) {
	s := time.Now()
	for time.Since(s) < d {
	}
}

func main() {
	runtime.GOMAXPROCS(2)
	t0 := time.Now()
	mainBefore := gettid()
	done := make(chan int)
	go func() {
		t := gettid()
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, t, 5); err != nil {
			fmt.Fprintln(os.Stderr, "setpriority:", err)
			os.Exit(2)
		}
		done <- t
	}()
	dirtyTid := <-done
	mainAfterRecv := gettid()
	loopStart := time.Since(t0)
	var wg sync.WaitGroup
	tids := make([]int, 64)
	ends := make([]int64, 64)
	niceOf := make([]int, 64)
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			spin(20 * time.Microsecond)
			tids[i] = gettid()
			niceOf[i] = nice(tids[i])
			ends[i] = int64(time.Since(t0) / time.Microsecond)
		}(i)
	}
	loopEnd := time.Since(t0)
	wg.Wait()
	mainAfterWait := gettid()
	landed, byMain := 0, 0
	perThread := map[string]int{}
	for i := range tids {
		if niceOf[i] == 5 {
			landed++
		}
		if tids[i] == mainAfterRecv {
			byMain++
		}
		k := "other"
		switch tids[i] {
		case dirtyTid:
			k = "dirty"
		case mainBefore:
			k = "m0"
		}
		perThread[k]++
	}
	first, last := ends[0], ends[0]
	for _, e := range ends {
		if e < first {
			first = e
		}
		if e > last {
			last = e
		}
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "dirty-spread-threads", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"someLanded":       landed > 0,
			"dirtyIsM0":        dirtyTid == mainBefore,
			"mainLoopsOnDirty": mainAfterRecv == dirtyTid,
			"mainEndsOnDirty":  mainAfterWait == dirtyTid,
		},
		"quantities": map[string]any{
			"landedOnDirty": landed, "onMainsLoopThread": byMain, "workersByThread": perThread,
			"loopStartUs": loopStart.Microseconds(), "loopUs": (loopEnd - loopStart).Microseconds(),
			"firstWorkerEndUs": first, "lastWorkerEndUs": last,
		},
	})
}
