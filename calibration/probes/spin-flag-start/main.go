// spin-flag-start: why spin-flag's first spin at GOMAXPROCS=1 sometimes ends within microseconds. It does what
// spin-flag's first round does (GOMAXPROCS(1) from the default of one P per CPU, then go a setter and spin on its
// flag) and reads, racily but harmlessly, the runtime's own bookkeeping: which P main is on before the call
// (runtime.procPin), P0's schedtick (how many times a goroutine started on P0 without inheriting a time slice
// from runnext) before the call, just before the go statement, when the setter runs and after the spin, and
// sysmon's memory of P0 (pp.sysmontick).
// It reads struct p by offset (id int32, status uint32, link uintptr, schedtick uint32, syscalltick uint32,
// sysmontick{schedtick uint32, schedwhen int64, ...}: Go 1.22 and 1.23 runtime2.go), so it is a probe for these
// two releases only, not a calibration case. Build: go build (Go 1.22); go build -ldflags=-checklinkname=0 (Go 1.23,
// whose linker refuses a pull of runtime.allp otherwise).
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"
)

//go:linkname procPin runtime.procPin
func procPin() int

//go:linkname procUnpin runtime.procUnpin
func procUnpin()

//go:linkname nanotime runtime.nanotime
func nanotime() int64

//go:linkname runtimeInitTime runtime.runtimeInitTime
var runtimeInitTime int64

//go:linkname allp runtime.allp
var allp []unsafe.Pointer

// p0 reads P0's schedtick and sysmon's memory of it (sysmontick.schedtick, sysmontick.schedwhen).
func p0() (tick, sysmonTick uint32, sysmonWhen int64) {
	b := allp[0]
	return *(*uint32)(unsafe.Add(b, 16)), *(*uint32)(unsafe.Add(b, 24)), *(*int64)(unsafe.Add(b, 32))
}

func currentP() int { p := procPin(); procUnpin(); return p }

var flag int32

// setterTick is P0's schedtick when the setter runs.
var setterTick uint32

func main() {
	tick, sysmonTick, sysmonWhen := p0()
	ageMs := float64(nanotime()-runtimeInitTime) / 1e6
	pBefore := currentP()
	runtime.GOMAXPROCS(1)
	atomic.StoreInt32(&flag, 0)
	t := time.Now()
	tickBeforeGo, _, _ := p0()
	go func() {
		setterTick, _, _ = p0()
		atomic.StoreInt32(&flag, 1)
	}()
	for atomic.LoadInt32(&flag) == 0 {
	}
	spin := float64(time.Since(t)) / 1e6
	afterTick, _, _ := p0()
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "spin-flag-start", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"spinUnder1ms":       spin < 1,
			"mainOnP1Before":     pBefore == 1,
			"p0TickZeroBefore":   tick == 0,
			"sysmonNeverSawP0":   sysmonTick == 0 && sysmonWhen == 0,
			"p0TickZeroBeforeGo": tickBeforeGo == 0,
		},
		"quantities": map[string]any{
			"spinMs": spin, "ageMsAtStart": ageMs, "p0TickWhenSetterRan": setterTick, "p0TickAfterSpin": afterTick,
		},
	})
}
