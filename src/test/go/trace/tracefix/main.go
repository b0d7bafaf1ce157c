// Command tracefix runs small workloads under runtime/trace, so Curtain's trace reader has real Go execution traces
// to read. Each mode exercises the scheduler in one way the reader must follow; "mixed" runs them all in one trace.
//
//	tracefix -mode mixed -o mixed.trace
//	tracefix -mode chan -o chan.trace
//	tracefix -mode ticker -o ticker.trace   (quiet but long: the trace spans several generations)
//	tracefix -mode cpu -o cpu.trace         (CPU profiling on: the trace carries CPU samples)
//	tracefix -mode server -clients 32 -seconds 20 -o big.trace   (a large trace for the import benchmark)
//
// Standard library only; the output depends on timing, so the committed traces are the reference, not reruns.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"syscall"
	"time"
)

func main() {
	mode := flag.String("mode", "mixed", "chan, syscall, netpoll, lock, procs, http, ticker, cpu, mixed or server")
	out := flag.String("o", "trace.out", "where to write the trace")
	clients := flag.Int("clients", 16, "server mode: concurrent clients")
	seconds := flag.Int("seconds", 10, "server mode: how long to load the server")
	flag.Parse()

	runtime.GOMAXPROCS(4)
	f, err := os.Create(*out)
	if err != nil {
		fail(err)
	}
	if err := trace.Start(f); err != nil {
		fail(err)
	}
	switch *mode {
	case "chan":
		channels()
	case "syscall":
		blockingSyscalls()
	case "netpoll":
		netpoll()
	case "lock":
		lockedThreads()
	case "procs":
		procs()
	case "http":
		httpServer(2, 20*time.Millisecond)
	case "ticker":
		ticker(2300 * time.Millisecond)
	case "cpu":
		cpuSamples(300 * time.Millisecond)
	case "mixed":
		channels()
		blockingSyscalls()
		netpoll()
		lockedThreads()
		procs()
		httpServer(4, 30*time.Millisecond)
	case "server":
		httpServer(*clients, time.Duration(*seconds)*time.Second)
	default:
		fail(fmt.Errorf("unknown mode %q", *mode))
	}
	trace.Stop()
	if err := f.Close(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "tracefix:", err)
	os.Exit(1)
}

// channels: a producer, four workers and a collector over unbuffered and buffered channels.
func channels() {
	jobs := make(chan int)
	results := make(chan int, 4)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				sum := 0
				for i := 0; i < j*1000; i++ {
					sum += i
				}
				results <- sum
			}
		}()
	}
	go func() {
		for j := 0; j < 40; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	n := 0
	for range results {
		n++
	}
	_ = n
}

// blockingSyscalls: reads on a blocking pipe and nanosleeps long enough for sysmon to retake the P.
func blockingSyscalls() {
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		fail(err)
	}
	done := make(chan struct{})
	go func() {
		buf := make([]byte, 16)
		for i := 0; i < 3; i++ {
			if _, err := syscall.Read(fds[0], buf); err != nil {
				fail(err)
			}
		}
		close(done)
	}()
	for i := 0; i < 3; i++ {
		ts := syscall.NsecToTimespec(int64(15 * time.Millisecond))
		syscall.Nanosleep(&ts, nil)
		if _, err := syscall.Write(fds[1], []byte("x")); err != nil {
			fail(err)
		}
	}
	<-done
	syscall.Close(fds[0])
	syscall.Close(fds[1])
}

// netpoll: a loopback TCP echo; reads park in the netpoller ("IO wait") until data arrives.
func netpoll() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		io.Copy(c, c)
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fail(err)
	}
	r := bufio.NewReader(c)
	for i := 0; i < 5; i++ {
		time.Sleep(2 * time.Millisecond)
		fmt.Fprintf(c, "ping %d\n", i)
		if _, err := r.ReadString('\n'); err != nil {
			fail(err)
		}
	}
	c.Close()
	ln.Close()
}

// lockedThreads: one goroutine locks its thread, blocks and unlocks; another exits locked, so its thread exits.
func lockedThreads() {
	var wg sync.WaitGroup
	wake := make(chan struct{})
	wg.Add(2)
	go func() {
		defer wg.Done()
		runtime.LockOSThread()
		<-wake
		runtime.UnlockOSThread()
	}()
	go func() {
		defer wg.Done()
		runtime.LockOSThread()
		time.Sleep(time.Millisecond)
		// Exits locked: the runtime ends the thread with it.
	}()
	time.Sleep(3 * time.Millisecond)
	close(wake)
	wg.Wait()
}

// procs: GOMAXPROCS 4 -> 2 -> 4 while goroutines spin.
func procs() {
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					runtime.Gosched()
				}
			}
		}()
	}
	time.Sleep(2 * time.Millisecond)
	runtime.GOMAXPROCS(2)
	time.Sleep(2 * time.Millisecond)
	runtime.GOMAXPROCS(4)
	time.Sleep(time.Millisecond)
	close(stop)
	wg.Wait()
}

// httpServer: a loopback HTTP server and `clients` clients sending requests for `d`.
func httpServer(clients int, d time.Duration) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello %s\n", r.URL.Path)
	})}
	go srv.Serve(ln)
	url := "http://" + ln.Addr().String() + "/x"
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{}}
			for time.Now().Before(deadline) {
				resp, err := client.Get(url)
				if err != nil {
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			client.CloseIdleConnections()
		}()
	}
	wg.Wait()
	srv.Close()
}

// ticker: a goroutine woken every 100ms for d, long enough for the tracer to start new generations (about one a
// second), with little else happening so the trace stays small.
func ticker(d time.Duration) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	done := time.After(d)
	ticks := make(chan int)
	go func() {
		for n := range ticks {
			_ = n * n
		}
	}()
	for n := 0; ; n++ {
		select {
		case <-t.C:
			ticks <- n
		case <-done:
			close(ticks)
			return
		}
	}
}

// cpuSamples: two goroutines spin for d with the CPU profiler on, so the trace holds CPU samples (their own batches).
func cpuSamples(d time.Duration) {
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		fail(err)
	}
	var wg sync.WaitGroup
	deadline := time.Now().Add(d)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := 0
			for time.Now().Before(deadline) {
				for j := 0; j < 100000; j++ {
					x += j
				}
			}
			_ = x
		}()
	}
	wg.Wait()
	pprof.StopCPUProfile()
}
