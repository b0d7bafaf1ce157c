// dirty-spread-trace: dirty-spread under runtime/trace; the trace is kept (in the folder given as the argument) only
// when the goroutine came back from setpriority on another thread, to see who took the Ps.
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/trace"
	"sync"
	"syscall"
	"time"
)

func gettid() int {
	t, _, _ := syscall.RawSyscall(syscall.SYS_GETTID, 0, 0, 0)
	return int(t)
}

func spin(d time.Duration) {
	s := time.Now()
	for time.Since(s) < d {
	}
}

func main() {
	var buf bytes.Buffer
	buf.Grow(1 << 20)
	trace.Start(&buf)
	runtime.GOMAXPROCS(2)
	done := make(chan int)
	moved := false
	var t0, t1 int
	go func() {
		t0 = gettid()
		syscall.Setpriority(syscall.PRIO_PROCESS, t0, 5)
		t1 = gettid()
		moved = t1 != t0
		done <- t0
	}()
	<-done
	var wg sync.WaitGroup
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(20 * time.Microsecond)
		}()
	}
	wg.Wait()
	trace.Stop()
	if moved {
		name := fmt.Sprintf("%s/moved-%s-%d.trace", os.Args[1], runtime.Version(), os.Getpid())
		os.WriteFile(name, buf.Bytes(), 0o644)
		fmt.Println("moved", t0, t1, name)
	}
}
