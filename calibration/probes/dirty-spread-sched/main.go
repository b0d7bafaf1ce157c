// dirty-spread-sched: dirty-spread with the kernel's view of the dirty thread around the send that readies main:
// its run and run-queue wait times (/proc/self/task/TID/schedstat), involuntary switches (sched) and CPU (stat)
// just before the send and when main runs again, and main's thread and CPU then; how long setpriority took and
// whether the goroutine came back from it on another thread. It shows what, in a run where main left the dirty
// thread, that thread was doing: waiting for a CPU (runnable, preempted), running, or parked.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

func gettid() int {
	t, _, _ := syscall.RawSyscall(syscall.SYS_GETTID, 0, 0, 0)
	return int(t)
}

// rawRead reads a small /proc file with raw system calls, so that reading it does not enter the scheduler.
func rawRead(path string, buf []byte) string {
	p := append([]byte(path), 0)
	fd, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, uintptr(0xffffff9c), uintptr(unsafe.Pointer(&p[0])),
		uintptr(syscall.O_RDONLY), 0, 0, 0)
	if e != 0 {
		return ""
	}
	n, _, _ := syscall.RawSyscall(syscall.SYS_READ, fd, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	syscall.RawSyscall(syscall.SYS_CLOSE, fd, 0, 0)
	if int(n) <= 0 {
		return ""
	}
	return string(buf[:n])
}

type kview struct {
	RunUs, WaitUs, Slices, Invol, Vol int64
	State                             string
	Cpu                               int
}

func view(tid int, buf []byte) kview {
	var v kview
	s := strings.Fields(rawRead(fmt.Sprintf("/proc/self/task/%d/schedstat", tid), buf))
	if len(s) == 3 {
		r, _ := strconv.ParseInt(s[0], 10, 64)
		w, _ := strconv.ParseInt(s[1], 10, 64)
		v.RunUs, v.WaitUs = r/1000, w/1000
		v.Slices, _ = strconv.ParseInt(s[2], 10, 64)
	}
	for _, l := range strings.Split(rawRead(fmt.Sprintf("/proc/self/task/%d/sched", tid), buf), "\n") {
		f := strings.Fields(l)
		if len(f) == 3 && f[0] == "nr_involuntary_switches" {
			v.Invol, _ = strconv.ParseInt(f[2], 10, 64)
		}
		if len(f) == 3 && f[0] == "nr_voluntary_switches" {
			v.Vol, _ = strconv.ParseInt(f[2], 10, 64)
		}
	}
	st := rawRead(fmt.Sprintf("/proc/self/task/%d/stat", tid), buf)
	if i := strings.LastIndexByte(st, ')'); i > 0 {
		f := strings.Fields(st[i+2:])
		v.State = f[0]
		v.Cpu, _ = strconv.Atoi(f[36])
	}
	return v
}

func nice(tid int, buf []byte) int {
	s := rawRead(fmt.Sprintf("/proc/self/task/%d/stat", tid), buf)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	n, _ := strconv.Atoi(f[16])
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
	var before kview
	var sendUs, setprioUs int64
	var tidAtSend int
	go func() {
		buf := make([]byte, 8192)
		t := gettid()
		s0 := time.Now()
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, t, 5); err != nil {
			fmt.Fprintln(os.Stderr, "setpriority:", err)
			os.Exit(2)
		}
		setprioUs = time.Since(s0).Microseconds()
		tidAtSend = gettid()
		before = view(t, buf)
		sendUs = time.Since(t0).Microseconds()
		done <- t
	}()
	dirtyTid := <-done
	recvUs := time.Since(t0).Microseconds()
	mainAfterRecv := gettid()
	buf := make([]byte, 8192)
	after := view(dirtyTid, buf)
	mainView := view(mainAfterRecv, buf)
	var wg sync.WaitGroup
	tids := make([]int, 64)
	niceOf := make([]int, 64)
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			b := make([]byte, 4096)
			spin(20 * time.Microsecond)
			tids[i] = gettid()
			niceOf[i] = nice(tids[i], b)
		}(i)
	}
	wg.Wait()
	landed := 0
	for i := range tids {
		if niceOf[i] == 5 {
			landed++
		}
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "dirty-spread-sched", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"someLanded":       landed > 0,
			"dirtyIsM0":        dirtyTid == mainBefore,
			"mainLoopsOnDirty": mainAfterRecv == dirtyTid,
			"dirtyMovedInSetpriority": tidAtSend != dirtyTid,
		},
		"quantities": map[string]any{
			"landedOnDirty": landed, "sendToRecvUs": recvUs - sendUs, "setpriorityUs": setprioUs,
			"dirtyBefore": before, "dirtyAfter": after, "mainAfter": mainView,
			"dirtyWaitedUs": after.WaitUs - before.WaitUs, "dirtyRanUs": after.RunUs - before.RunUs,
			"dirtyInvoluntary": after.Invol - before.Invol,
		},
	})
}
