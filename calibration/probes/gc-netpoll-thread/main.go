// gc-netpoll-thread: why gc-cycles ends with six or seven threads in most real runs. It runs gc-cycles' loop (at
// GOMAXPROCS=4 main allocates 64 MB of garbage in 8 KB pieces) and then reads /proc/self/task/TID/syscall for every
// thread: a thread whose first field is epoll_pwait (or epoll_wait) is an M without a P blocked in the runtime's
// netpoll, which findRunnable enters instead of stopm when a timer is pending (proc.go, "Poll network until next
// timer"); such an M is not in sched.midle, so a startm meanwhile finds no idle M and clones one (newm). The
// background scavenger sleeps on a timer between its bursts of work (mgcscavenge.go scavengerState.sleep). With the
// argument "timer" a goroutine sleeps for 10 s from before the loop, so a timer is pending from the start. Prints one
// JSON line a run: the cycles, the threads before and after, and how many threads are in epoll at the end.
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

// epollCalls are the syscall numbers of epoll_pwait and epoll_wait (linux/amd64: 281 and 232; linux/arm64 has only
// epoll_pwait, 22).
func epollCalls() []string {
	if runtime.GOARCH == "arm64" {
		return []string{"22"}
	}
	return []string{"281", "232"}
}

func inEpoll() int {
	n := 0
	es, err := os.ReadDir("/proc/self/task")
	if err != nil {
		panic(err)
	}
	for _, e := range es {
		b, err := os.ReadFile("/proc/self/task/" + e.Name() + "/syscall")
		if err != nil {
			continue
		}
		f := strings.Fields(string(b))
		if len(f) == 0 {
			continue
		}
		for _, c := range epollCalls() {
			if f[0] == c {
				n++
			}
		}
	}
	return n
}

func main() {
	runtime.GOMAXPROCS(4)
	timer := len(os.Args) > 1 && os.Args[1] == "timer"
	if timer {
		go time.Sleep(10 * time.Second)
		time.Sleep(time.Millisecond)
	}
	atStart := threads()
	before := cycles()
	for i := 0; i < 8192; i++ {
		sink = make([]byte, 8192)
	}
	ran := cycles() - before
	atEnd := threads()
	epoll := inEpoll()
	out := map[string]any{
		"program": "gc-netpoll-thread", "go": strings.TrimPrefix(runtime.Version(), "go"), "timer": timer,
		"cycles": ran, "threadsAtStart": atStart, "threadsAtEnd": atEnd, "threadsInEpoll": epoll,
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
