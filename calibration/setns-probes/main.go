// setns-probes: scenario 05 in real Go. A goroutine moves its own thread into a new network namespace
// (unshare(CLONE_NEWNET), the same per-thread change as setns) without LockOSThread, blocks for 500 µs, and
// carries on; meanwhile 8 probes, started 300 µs apart, each compute 50 µs and then look at the network
// namespace of the thread they run on. Measures: did configure come back on another thread, how many probes
// ran on the switched thread, how many threads the process has at the end and how many are switched.
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

func netns(tid int) string {
	s, _ := os.Readlink(fmt.Sprintf("/proc/self/task/%d/ns/net", tid))
	return s
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
	host := netns(syscall.Gettid())
	var wg sync.WaitGroup
	var mu sync.Mutex
	var before, after int
	var afterSwitched bool
	dirtyProbes := 0
	wg.Add(1)
	go func() { // configure
		defer wg.Done()
		before = syscall.Gettid()
		if _, _, e := syscall.RawSyscall(syscall.SYS_UNSHARE, syscall.CLONE_NEWNET, 0, 0); e != 0 {
			fmt.Fprintln(os.Stderr, "unshare:", e)
			os.Exit(2)
		}
		_ = netns(before) // the "configure veth" socket: a syscall on the switched thread
		time.Sleep(500 * time.Microsecond)
		after = syscall.Gettid()
		afterSwitched = netns(after) != host
	}()
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { // probe
			defer wg.Done()
			spin(50 * time.Microsecond)
			if netns(syscall.Gettid()) != host {
				mu.Lock()
				dirtyProbes++
				mu.Unlock()
			}
		}()
		time.Sleep(300 * time.Microsecond)
	}
	time.Sleep(5 * time.Millisecond)
	wg.Wait()
	threads, switched := 0, 0
	for _, t := range tasks() {
		threads++
		if n := netns(t); n != host && n != "" {
			switched++
		}
	}
	out := map[string]any{
		"program": "setns-probes", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"configureMoved":        before != after,
			"configureStillSwitched": afterSwitched,
			"someProbeSwitched":     dirtyProbes > 0,
			"everyProbeSwitched":    dirtyProbes == 8,
		},
		"quantities": map[string]float64{
			"switchedProbes":  float64(dirtyProbes),
			"threads":         float64(threads),
			"switchedThreads": float64(switched),
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
