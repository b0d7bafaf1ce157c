// dirty-spread: how many of 64 unrelated goroutines land on a thread that an earlier goroutine left with a
// different nice value (setpriority on its own thread id, no LockOSThread). GOMAXPROCS=2; each goroutine
// computes 20 µs, then reads its own thread's nice from /proc/self/task/TID/stat.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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
	fmt.Sscan(f[16], &n) // field 19 of stat: nice
	return n
}

func tasks() []int {
	d, _ := os.ReadDir("/proc/self/task")
	var out []int
	for _, e := range d {
		var t int
		fmt.Sscan(e.Name(), &t)
		out = append(out, t)
	}
	return out
}

func spin(d time.Duration) {
	s := time.Now()
	for time.Since(s) < d {
	}
}

func main() {
	runtime.GOMAXPROCS(2)
	done := make(chan int)
	go func() {
		t := syscall.Gettid()
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, t, 5); err != nil {
			fmt.Fprintln(os.Stderr, "setpriority:", err)
			os.Exit(2)
		}
		done <- t
	}()
	<-done
	var wg sync.WaitGroup
	var dirty atomic.Int32
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(20 * time.Microsecond)
			if nice(syscall.Gettid()) == 5 {
				dirty.Add(1)
			}
		}()
	}
	wg.Wait()
	threads, dirtyThreads := 0, 0
	for _, t := range tasks() {
		threads++
		if nice(t) == 5 {
			dirtyThreads++
		}
	}
	d := dirty.Load()
	out := map[string]any{
		"program": "dirty-spread", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"someLanded":  d > 0,
			"allLanded":   d == 64,
			"exactlyHalf": d == 32,
		},
		"quantities": map[string]float64{
			"landedOnDirty": float64(d),
			"threads":       float64(threads),
			"dirtyThreads":  float64(dirtyThreads),
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
