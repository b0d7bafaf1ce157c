// thread-properties-timing: calibration/thread-properties with clocks, so that its scenario's operations, which
// take no simulated time, can be given what they take in the real program: main's first props() read of six /proc
// files (baseUs), the locked goroutine's eight raw calls from LockOSThread to its props() read (rawUs; the
// unshare(CLONE_NEWNET) dominates) and that read (dirtyUs), and when main starts looking at the other threads,
// from main.main's start (scanAtUs). Otherwise it is the calibration program unchanged. Needs root.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

// props reads one thread's properties from /proc: what getuid, getgid, capget, the signal mask, getpriority and
// the namespace links report.
func props(tid int) map[string]string {
	dir := "/proc/self/task/" + strconv.Itoa(tid)
	out := map[string]string{}
	status, _ := os.ReadFile(dir + "/status")
	for _, line := range strings.Split(string(status), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case "Uid:":
			out["uid"] = f[1]
		case "Gid:":
			out["gid"] = f[1]
		case "CapEff:":
			out["caps"] = f[1]
		case "SigBlk:":
			out["sigmask"] = f[1]
		}
	}
	stat, _ := os.ReadFile(dir + "/stat")
	s := string(stat)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		if f := strings.Fields(s[i+2:]); len(f) > 16 {
			out["nice"] = f[16]
		}
	}
	for _, ns := range []string{"net", "uts", "mnt"} {
		l, _ := os.Readlink(dir + "/ns/" + ns)
		out[ns+"ns"] = l
	}
	return out
}

func raw(trap, a1, a2, a3 uintptr) {
	if _, _, e := syscall.RawSyscall(trap, a1, a2, a3); e != 0 {
		panic(fmt.Sprint("syscall ", trap, ": ", e))
	}
}

type capHeader struct {
	version uint32
	pid     int32
}

type capData struct{ effective, permitted, inheritable uint32 }

var dirtyUs, rawUs float64

func main() {
	start := time.Now()
	runtime.GOMAXPROCS(2)
	names := []string{"netns", "utsns", "mntns", "nice", "sigmask", "caps", "gid", "uid"}
	t0 := time.Now()
	base := props(syscall.Gettid())
	baseUs := float64(time.Since(t0)) / 1e3
	seen := make(chan map[string]string)
	release := make(chan bool)
	tid := make(chan int)
	go func() {
		runtime.LockOSThread()
		tr := time.Now()
		raw(syscall.SYS_UNSHARE, syscall.CLONE_NEWNET, 0, 0)
		raw(syscall.SYS_UNSHARE, syscall.CLONE_NEWUTS, 0, 0)
		raw(syscall.SYS_UNSHARE, syscall.CLONE_NEWNS, 0, 0)
		raw(syscall.SYS_SETPRIORITY, 0, 0, 7)
		set := uint64(1) << (syscall.SIGUSR1 - 1)
		syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, 0, uintptr(unsafe.Pointer(&set)), 0, 8, 0, 0)
		hdr := capHeader{version: 0x20080522}
		var data [2]capData
		raw(syscall.SYS_CAPGET, uintptr(unsafe.Pointer(&hdr)), uintptr(unsafe.Pointer(&data[0])), 0)
		data[0].effective &^= 1 << 13 // CAP_NET_RAW
		data[0].permitted &^= 1 << 13
		raw(syscall.SYS_CAPSET, uintptr(unsafe.Pointer(&hdr)), uintptr(unsafe.Pointer(&data[0])), 0)
		raw(syscall.SYS_SETGID, 1234, 0, 0)
		raw(syscall.SYS_SETUID, 4321, 0, 0)
		rawUs = float64(time.Since(tr)) / 1e3
		t1 := time.Now()
		p := props(syscall.Gettid())
		dirtyUs = float64(time.Since(t1)) / 1e3
		tid <- syscall.Gettid()
		seen <- p
		<-release
		// returns still locked: the thread exits with the goroutine
	}()
	dirty := <-tid
	mine := <-seen
	scanAtUs := float64(time.Since(start)) / 1e3
	changedElsewhere := map[string]bool{}
	tasks, _ := os.ReadDir("/proc/self/task")
	for _, t := range tasks {
		id, _ := strconv.Atoi(t.Name())
		if id == dirty {
			continue
		}
		other := props(id)
		for _, n := range names {
			if other[n] != base[n] {
				changedElsewhere[n] = true
			}
		}
	}
	release <- true
	// Wait for the thread to go: its goroutine's exit ends it.
	left := true
	for i := 0; i < 1000 && left; i++ {
		_, err := os.Stat("/proc/self/task/" + strconv.Itoa(dirty))
		left = err == nil
		runtime.Gosched()
		syscall.Nanosleep(&syscall.Timespec{Nsec: 100000}, nil)
	}
	// The thread exits with its goroutine unless it is the main thread (m0), which the runtime wedges instead.
	facts := map[string]bool{"changedThreadLeftAfterExit": left, "lockedGoroutineOnMainThread": dirty == os.Getpid()}
	for _, n := range names {
		facts[n+"SeenChangedOnLockedThread"] = mine[n] != base[n]
		facts[n+"ChangedOnAnotherThread"] = changedElsewhere[n]
	}
	out := map[string]any{
		"program": "thread-properties-timing", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts":      facts,
		"quantities": map[string]any{"threads": len(tasks), "baseUs": baseUs, "dirtyUs": dirtyUs, "rawUs": rawUs, "scanAtUs": scanAtUs},
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
