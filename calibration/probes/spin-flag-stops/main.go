// spin-flag-stops: spin-flag-start with the spin timed from inside: each turn of the loop reads nanotime
// (runtime.nanotime is nosplit, so the loop still has no preemption check), and a gap of more than 1.5 µs between
// two turns is a time main was not running; the first eight are printed as [start, length] in units of 100 ns from
// the spin's start (gaps100ns). It shows how many times main was stopped before the setter ran. A probe for Go
// 1.22 and 1.23 only (it reads struct p by offset, as spin-flag-start does).
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
	var gaps [][2]int64
	last := nanotime()
	start := last
	for atomic.LoadInt32(&flag) == 0 {
		n := nanotime()
		if n-last > 1500 && len(gaps) < 8 {
			gaps = append(gaps, [2]int64{(last - start) / 100, (n - last) / 100})
		}
		last = n
	}
	spin := float64(time.Since(t)) / 1e6
	afterTick, _, _ := p0()
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "spin-flag-stops", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"spinUnder1ms":       spin < 1,
			"mainOnP1Before":     pBefore == 1,
			"p0TickZeroBefore":   tick == 0,
			"sysmonNeverSawP0":   sysmonTick == 0 && sysmonWhen == 0,
			"p0TickZeroBeforeGo": tickBeforeGo == 0,
		},
		"quantities": map[string]any{
			"spinMs": spin, "gaps100ns": gaps, "ageMsAtStart": ageMs, "p0TickWhenSetterRan": setterTick, "p0TickAfterSpin": afterTick,
		},
	})
}
