// spin-flag-guard: spin-flag-stops with main's own preemption request watched from inside the spin. Each turn of
// the loop reads P0's schedtick and main's g.stackguard0 (the first word after g.stack, Go 1.22 and 1.23
// runtime2.go), which preemptone sets to stackPreempt (proc.go preemptone) and execute resets (proc.go execute).
// It also reads P0's runnext (where the go statement puts the setter). It prints each change of the triple
// (schedtick, stackguard0 == stackPreempt, runnext set) as [time from the spin's start in 100 ns, schedtick,
// 1 if stackPreempt, 1 if runnext holds a goroutine], up to 16, and how many turns main ran at each schedtick
// (turnsAtTick; the loop tests the flag before it reads the tick, so the turn after a stop may be counted at the
// new tick). A turn at a schedtick with stackPreempt set means a preemption request arrived after the reschedule
// that started that tick. Before the go statement and in the setter it reads the global run queue (its length
// and where its head will resume, by function name): the goroutine the first reschedule's schedtick%61 check
// takes.
// main's g is runtime.allgs[0] (checked: a local of main lies within its stack); Go 1.22 and 1.23 only (struct g,
// struct p and struct schedt by offset, as spin-flag-start); Go 1.23 needs -ldflags=-checklinkname=0.
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

//go:linkname allp runtime.allp
var allp []unsafe.Pointer

// allgs[0] is the main goroutine: the first g newproc1 adds (m0's g0 is never in allgs; proc.go allgadd).
//
//go:linkname allgs runtime.allgs
var allgs []unsafe.Pointer

const stackPreempt = ^uintptr(1313) // uintptrMask & -1314 (runtime/stack.go)

func p0tick() uint32 { return *(*uint32)(unsafe.Add(allp[0], 16)) }

// runnextOffset: struct p's runnext, after id, status, link, schedtick, syscalltick, sysmontick (32 bytes), m,
// mcache, pcache (24), raceprocctx, deferpool (24), deferpoolbuf (256), goidcache, goidcacheend, runqhead,
// runqtail and runq (2048) in Go 1.22 runtime2.go: 2456; 8 bytes less in Go 1.23 (checked on both: right after a
// go statement at GOMAXPROCS=1 the word there holds the new goroutine's g, and setterInRunnextAfterGo says so).
var runnextOffset = 2456

func init() {
	if strings.HasPrefix(runtime.Version(), "go1.23") {
		runnextOffset = 2448
	}
}

func p0runnext() uintptr { return *(*uintptr)(unsafe.Add(allp[0], runnextOffset)) }

// sched.runq (head, tail guintptr) and sched.runqsize: offsets 104 and 120 of struct schedt (goidgen, lastpoll,
// pollUntil, lock, midle, nmidle, nmidlelocked, mnext, maxmcount, nmsys, nmfreed, ngsys, pidle, npidle,
// nmspinning, needspinning before them; Go 1.22 and 1.23 runtime2.go).
//
// Declared larger than struct schedt: with a smaller declaration Go 1.23's linker kept the smaller size and the
// program hung; with this one both releases run as usual.
//
//go:linkname sched runtime.sched
var sched [8192]byte

func globalQueue() (size int32, head unsafe.Pointer) {
	b := unsafe.Pointer(&sched)
	return *(*int32)(unsafe.Add(b, 120)), *(*unsafe.Pointer)(unsafe.Add(b, 104))
}

// gfunc names where a queued goroutine will resume: g.sched.pc (struct g: stack, stackguard0, stackguard1,
// _panic, _defer, m, then sched gobuf{sp, pc, ...}); for one that never ran, its function's entry.
func gfunc(g unsafe.Pointer) string {
	if g == nil {
		return ""
	}
	pc := *(*uintptr)(unsafe.Add(g, 64))
	if f := runtime.FuncForPC(pc); f != nil {
		return f.Name()
	}
	return "?"
}

var setterQueue int32
var setterHeadIsMain bool
var setterHead string

func currentP() int { p := procPin(); procUnpin(); return p }

var flag int32

var setterTick uint32

func main() {
	tick0 := p0tick()
	pBefore := currentP()
	runtime.GOMAXPROCS(1)
	atomic.StoreInt32(&flag, 0)
	g := allgs[0]
	var here int
	lo, hi := *(*uintptr)(g), *(*uintptr)(unsafe.Add(g, 8))
	if a := uintptr(unsafe.Pointer(&here)); a < lo || a >= hi {
		os.Exit(3) // not main's g
	}
	guard := (*uintptr)(unsafe.Add(g, 16))
	t := time.Now()
	tickBeforeGo := p0tick()
	guardBeforeGo := *guard == stackPreempt
	qBefore, hBefore := globalQueue()
	headBefore := gfunc(hBefore)
	go func() {
		setterTick = p0tick()
		n, h := globalQueue()
		setterQueue, setterHeadIsMain = n, h == g
		if !setterHeadIsMain {
			setterHead = gfunc(h)
		}
		atomic.StoreInt32(&flag, 1)
	}()
	runnextAfterGo := p0runnext() != 0
	var changes [][4]int64
	var turns [4]int64
	start := nanotime()
	lastTick, lastGuard, lastNext := int64(-1), int64(-1), int64(-1)
	for atomic.LoadInt32(&flag) == 0 {
		tk := int64(*(*uint32)(unsafe.Add(allp[0], 16)))
		gd, nx := int64(0), int64(0)
		if *guard == stackPreempt {
			gd = 1
		}
		if *(*uintptr)(unsafe.Add(allp[0], runnextOffset)) != 0 {
			nx = 1
		}
		if tk < 4 {
			turns[tk]++
		}
		if (tk != lastTick || gd != lastGuard || nx != lastNext) && len(changes) < 16 {
			changes = append(changes, [4]int64{(nanotime() - start) / 100, tk, gd, nx})
			lastTick, lastGuard, lastNext = tk, gd, nx
		}
	}
	spin := float64(time.Since(t)) / 1e6
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "spin-flag-guard", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"facts": map[string]bool{
			"spinUnder1ms":           spin < 1,
			"mainOnP1Before":         pBefore == 1,
			"p0TickZeroBefore":       tick0 == 0,
			"p0TickZeroBeforeGo":     tickBeforeGo == 0,
			"stackPreemptBeforeGo":   guardBeforeGo,
			"setterInRunnextAfterGo": runnextAfterGo,
		},
		"quantities": map[string]any{
			"spinMs": spin, "changes": changes, "globalQueueBeforeGo": qBefore, "globalHeadBeforeGo": headBefore,
			"globalQueueAtSetter": setterQueue, "globalHeadIsMainAtSetter": setterHeadIsMain,
			"globalHeadAtSetter": setterHead, "turnsAtTick": turns, "p0TickWhenSetterRan": setterTick,
		},
	})
}
