// all-threads-syscall: a goroutine locks its thread and sets it to nice 3 (setpriority on that thread only),
// another blocks in read(2) on a blocking pipe; then main calls syscall.AllThreadsSyscall(SYS_SETPRIORITY,
// PRIO_PROCESS, 0, 10). The runtime stops the world, runs the call on main's thread, then signals every other M,
// whose signal handler runs it there (runtime/os_linux.go, syscall_runtime_doAllThreadsSyscall): the locked
// thread, idle threads and the thread blocked in read included. Threads made later clone a changed thread. Then
// eight blocking syscalls at once add threads. Measures: which threads show nice 10 before and after.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

func nices() map[int]int {
	out := map[int]int{}
	tasks, _ := os.ReadDir("/proc/self/task")
	for _, t := range tasks {
		id, _ := strconv.Atoi(t.Name())
		b, _ := os.ReadFile("/proc/self/task/" + t.Name() + "/stat")
		s := string(b)
		if i := strings.LastIndexByte(s, ')'); i >= 0 {
			if f := strings.Fields(s[i+2:]); len(f) > 16 {
				n, _ := strconv.Atoi(f[16])
				out[id] = n
			}
		}
	}
	return out
}

func main() {
	runtime.GOMAXPROCS(2)
	lockedTid := make(chan int)
	release := make(chan bool)
	go func() {
		runtime.LockOSThread()
		syscall.RawSyscall(syscall.SYS_SETPRIORITY, 0, 0, 3)
		lockedTid <- syscall.Gettid()
		<-release
		runtime.UnlockOSThread()
	}()
	locked := <-lockedTid
	var p [2]int
	syscall.Pipe(p[:])
	readerTid := make(chan int, 1)
	readDone := make(chan bool)
	go func() {
		readerTid <- syscall.Gettid()
		buf := make([]byte, 1)
		syscall.Read(p[0], buf)
		readDone <- true
	}()
	reader := <-readerTid
	time.Sleep(5 * time.Millisecond)
	_, _, errno := syscall.AllThreadsSyscall(syscall.SYS_SETPRIORITY, 0, 0, 10)
	after := nices()
	everyThread := errno == 0
	for _, n := range after {
		everyThread = everyThread && n == 10
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			syscall.Nanosleep(&syscall.Timespec{Nsec: 5e6}, nil)
		}()
	}
	wg.Wait()
	later := nices()
	newThreads, newAt10 := 0, 0
	for id, n := range later {
		if _, ok := after[id]; !ok {
			newThreads++
			if n == 10 {
				newAt10++
			}
		}
	}
	syscall.Write(p[1], []byte{1})
	<-readDone
	release <- true
	out := map[string]any{
		"program": "all-threads-syscall", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"callSucceeded":         errno == 0,
			"everyThreadChanged":    everyThread,
			"lockedThreadChanged":   after[locked] == 10,
			"threadInReadChanged":   after[reader] == 10,
			"laterThreadsInheritIt": newAt10 == newThreads,
			"syscallsAddedThreads":  newThreads > 0,
		},
		"quantities": map[string]any{"threadsAtCall": len(after)},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
