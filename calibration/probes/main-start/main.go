// main-start: how long runtime.main runs between starting sysmon and calling main.main. runtime.main records
// runtimeInitTime right after newm(sysmon) (Go 1.22 runtime/proc.go 172-190, 1.23 173-191: mainStarted, newm(sysmon),
// lockOSThread, then runtimeInitTime = nanotime()), then runs the runtime's init tasks, gcenable (which waits twice
// for bgsweep and bgscavenge, handing m0's P off each time), every package's init and unlockOSThread before
// main.main; main.main's first statement reads nanotime. Also prints the time sysmon's thread had run by then (its
// /proc/self/task/TID/schedstat; the second thread the process made, as newm(sysmon) is the first clone). Built on
// Go 1.23 with -ldflags=-checklinkname=0. One JSON line a run: the same imports as the calibration programs (os,
// fmt, encoding/json, runtime, syscall), so the package inits are theirs.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	_ "unsafe"
)

//go:linkname nanotime runtime.nanotime
func nanotime() int64

//go:linkname runtimeInitTime runtime.runtimeInitTime
var runtimeInitTime int64

func main() {
	now := nanotime()
	sinceSysmon := now - runtimeInitTime
	runtime.GOMAXPROCS(2)
	pid := syscall.Getpid()
	var sysmonRunNs int64
	// The process's threads in creation order: m0 is the pid, sysmon's thread the next one.
	d, _ := os.ReadDir("/proc/self/task")
	next := -1
	for _, e := range d {
		var t int
		fmt.Sscan(e.Name(), &t)
		if t > pid && (next < 0 || t < next) {
			next = t
		}
	}
	if next > 0 {
		b, _ := os.ReadFile(fmt.Sprintf("/proc/self/task/%d/schedstat", next))
		fmt.Sscan(string(b), &sysmonRunNs)
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "main-start", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"sinceSysmonUs": float64(sinceSysmon) / 1000, "sysmonRanUs": float64(sysmonRunNs) / 1000,
	})
}
