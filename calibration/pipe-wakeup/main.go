// pipe-wakeup: a goroutine blocks reading a pipe until main writes one byte to it, ten times in each of two ways
// at GOMAXPROCS=2: an os.Pipe read (os files of pipes use the runtime poller: the goroutine parks in "IO wait" and
// holds no thread) and syscall.Read on a blocking pipe (the thread blocks in read(2) and sysmon takes its P). Before
// writing, main looks at every thread's current system call (/proc/self/task/TID/syscall: 0 is read on amd64).
// Measures: whether a thread sat in read(2) on the pipe, and the time from the write to the read's return.
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// threadsInRead counts the threads whose current system call is read(2) on fd.
func threadsInRead(fd int) int {
	n := 0
	tasks, _ := os.ReadDir("/proc/self/task")
	for _, t := range tasks {
		b, err := os.ReadFile("/proc/self/task/" + t.Name() + "/syscall")
		if err != nil {
			continue
		}
		f := strings.Fields(string(b))
		if len(f) > 1 && f[0] == "0" {
			if a, err := strconv.ParseUint(strings.TrimPrefix(f[1], "0x"), 16, 64); err == nil && int(a) == fd {
				n++
			}
		}
	}
	return n
}

type round struct {
	inRead    int
	latencyUs float64
}

func rounds(read func() time.Time, write func() time.Time, fd int) []round {
	var out []round
	for i := 0; i < 10; i++ {
		done := make(chan time.Time)
		go func() { done <- read() }()
		time.Sleep(2 * time.Millisecond)
		inRead := threadsInRead(fd)
		w := write()
		r := <-done
		out = append(out, round{inRead, float64(r.Sub(w)) / 1e3})
	}
	return out
}

func main() {
	runtime.GOMAXPROCS(2)
	buf := make([]byte, 1)
	pr, pw, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	// The descriptor through SyscallConn: File.Fd would put the file in blocking mode and off the poller.
	rc, err := pr.SyscallConn()
	if err != nil {
		panic(err)
	}
	prFd := -1
	rc.Control(func(fd uintptr) { prFd = int(fd) })
	poller := rounds(func() time.Time { pr.Read(buf); return time.Now() },
		func() time.Time { t := time.Now(); pw.Write(buf); return t }, prFd)
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil { // blocking: not registered with the poller
		panic(err)
	}
	blocking := rounds(func() time.Time { syscall.Read(p[0], buf); return time.Now() },
		func() time.Time { t := time.Now(); syscall.Write(p[1], buf); return t }, p[0])
	var pollLat, blockLat []float64
	pollInRead, blockInRead := 0, 0
	readAfterWrite := true
	for i := range poller {
		pollLat = append(pollLat, poller[i].latencyUs)
		blockLat = append(blockLat, blocking[i].latencyUs)
		pollInRead += poller[i].inRead
		if blocking[i].inRead > 0 {
			blockInRead++
		}
		readAfterWrite = readAfterWrite && poller[i].latencyUs > 0 && blocking[i].latencyUs > 0
	}
	out := map[string]any{
		"program": "pipe-wakeup", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"readReturnsAfterWrite":    readAfterWrite,
			"pollerReadHoldsAThread":   pollInRead > 0,
			"blockingReadAlwaysInRead": blockInRead == len(blocking),
		},
		"quantities": map[string]any{
			"pollerWakeUs":   pollLat,
			"blockingWakeUs": blockLat,
		},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
