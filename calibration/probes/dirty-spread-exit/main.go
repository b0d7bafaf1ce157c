// dirty-spread-exit: what holds the Ps when dirty-spread's goroutine comes back from syscall.Setpriority on another
// thread. dirty-spread (GOMAXPROCS=2, a goroutine sets its own thread to nice 5, then 64 goroutines read their
// thread's nice) with snapshots: right before the call (the runtime's Ms and Ps only, so that taking it costs a
// copy) and right after it (Ms, Ps and every thread's state and system call), plus the calling thread's
// involuntary context switches and run-queue wait (/proc/self/task/TID/sched and schedstat) before and after the
// call, the call's duration by runtime.nanotime, and the scheduler's npidle, nmspinning and global run queue
// length right after it (struct schedt by the DWARF's offsets). A snapshot is taken as threads-at-call takes it:
// raw system calls and memory copies, never entering the scheduler. Each M is shown with how it was started
// (runtime.mspinning for an M that startm started spinning, as wakep and handoffp do; none for one started with a
// P that has work), spinning, blocked on its note, P and current goroutine; each P with its status, M, run queue
// length, runnext, schedtick and syscalltick (retake adds one to the P it takes; exitsyscall's fast path adds one to
// the P it gets). Built without -w, and on Go 1.23 with -ldflags=-checklinkname=0. Prints one JSON line a run.
package main

import (
	"debug/dwarf"
	"debug/elf"
	"encoding/json"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

//go:linkname allm runtime.allm
var allm unsafe.Pointer

//go:linkname allp runtime.allp
var allp []unsafe.Pointer

// allmLink is struct m's alllink offset on Go 1.22 and 1.23 (runtime2.go); main checks it against the DWARF.
const allmLink = 328

// mCopy and pCopy are how much of each struct m and struct p a snapshot copies; every member read lies in them.
const (
	mCopy = 512
	pCopy = 4096
)

type task struct {
	Tid     int    `json:"tid"` // less the process id: 0 is m0
	State   string `json:"state"`
	Syscall int    `json:"syscall"`
	Arg0    string `json:"arg0,omitempty"`
}

type snap struct {
	label   string
	mainTid int
	tasks   []task
	ms      [][mCopy]byte
	ps      [][pCopy]byte
}

var pid = os.Getpid()
var buf = make([]byte, 8192)

// rawRead reads a whole small file with raw system calls.
func rawRead(path string) string {
	p, _ := syscall.BytePtrFromString(path)
	fd, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, uintptr(0xffffffffffffff9c), uintptr(unsafe.Pointer(p)),
		syscall.O_RDONLY, 0, 0, 0)
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

func rawTids() []int {
	p, _ := syscall.BytePtrFromString("/proc/self/task")
	fd, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, uintptr(0xffffffffffffff9c), uintptr(unsafe.Pointer(p)),
		syscall.O_RDONLY|syscall.O_DIRECTORY, 0, 0, 0)
	if e != 0 {
		return nil
	}
	var tids []int
	for {
		n, _, _ := syscall.RawSyscall(syscall.SYS_GETDENTS64, fd, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
		if int(n) <= 0 {
			break
		}
		for off := 0; off < int(n); {
			reclen := int(*(*uint16)(unsafe.Pointer(&buf[off+16])))
			name := buf[off+19 : off+reclen]
			if i := strings.IndexByte(string(name), 0); i >= 0 {
				name = name[:i]
			}
			if id, err := strconv.Atoi(string(name)); err == nil {
				tids = append(tids, id)
			}
			off += reclen
		}
	}
	syscall.RawSyscall(syscall.SYS_CLOSE, fd, 0, 0)
	return tids
}

func gettid() int {
	t, _, _ := syscall.RawSyscall(syscall.SYS_GETTID, 0, 0, 0)
	return int(t)
}

// take is copyRuntime and every thread's state and system call.
func take(label string) snap {
	s := copyRuntime(label)
	for _, id := range rawTids() {
		t := task{Tid: id - pid, Syscall: -2}
		dir := "/proc/self/task/" + strconv.Itoa(id)
		st := rawRead(dir + "/stat")
		if i := strings.LastIndexByte(st, ')'); i >= 0 && i+3 <= len(st) {
			t.State = st[i+2 : i+3]
		}
		sc := strings.Fields(rawRead(dir + "/syscall"))
		if len(sc) > 0 {
			if sc[0] == "running" {
				t.Syscall = -1
			} else if n, err := strconv.Atoi(sc[0]); err == nil {
				t.Syscall = n
				if len(sc) > 1 {
					t.Arg0 = sc[1]
				}
			}
		}
		s.tasks = append(s.tasks, t)
	}
	return s
}

type mInfo struct {
	Id       int64  `json:"m"`
	Thread   int    `json:"thread"`
	StartFn  string `json:"startFn"`
	Spinning bool   `json:"spinning,omitempty"`
	Blocked  bool   `json:"blocked,omitempty"`
	P        int32  `json:"p"`
	Curg     int64  `json:"curg"`
	Lockedg  int64  `json:"lockedg"`
	Oldp     int32  `json:"oldp"`
}

type pInfo struct {
	Id          int32  `json:"p"`
	Status      string `json:"status"`
	M           int64  `json:"m"` // the M holding it, -1 for none
	Runq        int    `json:"runq"`
	Runnext     int64  `json:"runnext"` // the goroutine in runnext, -1 for none
	Schedtick   uint32 `json:"schedtick"`
	Syscalltick uint32 `json:"syscalltick"`
}

// offsets of the named members of struct runtime.<name>, from the executable's DWARF.
func offsets(d *dwarf.Data, name string, fields ...string) map[string]uintptr {
	out := map[string]uintptr{}
	r := d.Reader()
	for {
		e, err := r.Next()
		if err != nil || e == nil {
			panic("no struct runtime." + name)
		}
		if e.Tag != dwarf.TagStructType || e.Val(dwarf.AttrName) != "runtime."+name {
			continue
		}
		for {
			c, _ := r.Next()
			if c == nil || c.Tag == 0 {
				break
			}
			n, _ := c.Val(dwarf.AttrName).(string)
			for _, f := range fields {
				if f == n {
					out[n] = uintptr(c.Val(dwarf.AttrDataMemberLoc).(int64))
				}
			}
		}
		for _, f := range fields {
			if _, ok := out[f]; !ok {
				panic("no field " + name + "." + f)
			}
		}
		return out
	}
}

//go:linkname nanotime runtime.nanotime
func nanotime() int64

// Declared larger than struct schedt (see spin-flag-guard: a smaller declaration makes Go 1.23's linker keep it).
//
//go:linkname sched runtime.sched
var sched [8192]byte

type kview struct {
	Invol  int64  `json:"invol"`
	WaitUs int64  `json:"waitUs"`
	RunUs  int64  `json:"runUs"`
	State  string `json:"state"`
}

func kernelView(tid int) kview {
	var v kview
	dir := "/proc/self/task/" + strconv.Itoa(tid)
	s := strings.Fields(rawRead(dir + "/schedstat"))
	if len(s) == 3 {
		r, _ := strconv.ParseInt(s[0], 10, 64)
		w, _ := strconv.ParseInt(s[1], 10, 64)
		v.RunUs, v.WaitUs = r/1000, w/1000
	}
	for _, l := range strings.Split(rawRead(dir+"/sched"), "\n") {
		f := strings.Fields(l)
		if len(f) == 3 && f[0] == "nr_involuntary_switches" {
			v.Invol, _ = strconv.ParseInt(f[2], 10, 64)
		}
	}
	st := rawRead(dir + "/stat")
	if i := strings.LastIndexByte(st, ')'); i >= 0 && i+3 <= len(st) {
		v.State = st[i+2 : i+3]
	}
	return v
}

// hasStruct reports whether the DWARF describes struct runtime.<name>.
func hasStruct(d *dwarf.Data, name string) bool {
	r := d.Reader()
	for {
		e, err := r.Next()
		if err != nil || e == nil {
			return false
		}
		if e.Tag == dwarf.TagStructType && e.Val(dwarf.AttrName) == "runtime."+name {
			return true
		}
	}
}

func copyRuntime(label string) snap {
	s := snap{label: label, mainTid: gettid() - pid}
	for mp := allm; mp != nil; mp = *(*unsafe.Pointer)(unsafe.Add(mp, allmLink)) {
		s.ms = append(s.ms, *(*[mCopy]byte)(mp))
	}
	for _, pp := range allp {
		s.ps = append(s.ps, *(*[pCopy]byte)(pp))
	}
	return s
}

func main() {
	runtime.GOMAXPROCS(2)
	done := make(chan int)
	var before, after snap
	var kBefore, kAfter kview
	var schedCopy [256]byte
	var t0, t1 int
	var callNs int64
	go func() {
		t0 = gettid()
		kBefore = kernelView(t0)
		before = copyRuntime("beforeCall")
		start := nanotime()
		syscall.Setpriority(syscall.PRIO_PROCESS, t0, 5)
		callNs = nanotime() - start
		schedCopy = *(*[256]byte)(unsafe.Pointer(&sched))
		t1 = gettid()
		kAfter = kernelView(t0)
		after = take("afterCall")
		done <- t0
	}()
	<-done
	var wg sync.WaitGroup
	landed := 0
	var mu sync.Mutex
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := time.Now()
			for time.Since(s) < 20*time.Microsecond {
			}
			if gettid() == t0 {
				mu.Lock()
				landed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	exe, _ := os.Executable()
	f, err := elf.Open(exe)
	if err != nil {
		panic(err)
	}
	d, err := f.DWARF()
	if err != nil {
		panic(err)
	}
	mo := offsets(d, "m", "id", "procid", "mstartfn", "spinning", "blocked", "p", "curg", "lockedg", "alllink",
		"oldp")
	po := offsets(d, "p", "id", "status", "m", "runqhead", "runqtail", "runnext", "schedtick", "syscalltick")
	// struct schedt's members (runtime2.go, the same on Go 1.22 and 1.23): checked against the DWARF where the
	// binary has the type (Go 1.22's does; Go 1.23's linker drops it when sched is pulled by linkname).
	so := map[string]uintptr{"nmidle": 40, "npidle": 88, "nmspinning": 92, "runqsize": 120}
	if hasStruct(d, "schedt") {
		for k, v := range offsets(d, "schedt", "npidle", "nmspinning", "runqsize", "nmidle") {
			if so[k] != v {
				panic("struct schedt's " + k + " is not where it was on Go 1.22")
			}
		}
	}
	gofs := offsets(d, "g", "goid")
	for _, o := range po {
		if o+8 > pCopy {
			panic("struct p member past the copy")
		}
	}
	for _, o := range so {
		if o+8 > uintptr(len(schedCopy)) {
			panic("struct schedt member past the copy")
		}
	}
	if mo["alllink"] != allmLink {
		panic("struct m's alllink is not at " + strconv.Itoa(allmLink))
	}
	for _, o := range mo {
		if o+8 > mCopy {
			panic("struct m member past the copy")
		}
	}
	goid := func(g unsafe.Pointer) int64 {
		if g == nil {
			return -1
		}
		return *(*int64)(unsafe.Add(g, gofs["goid"]))
	}
	decode := func(s snap) map[string]any {
		var ms []mInfo
		for i := range s.ms {
			b := unsafe.Pointer(&s.ms[i])
			word := func(name string) int64 { return *(*int64)(unsafe.Add(b, mo[name])) }
			ptr := func(name string) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Add(b, mo[name])) }
			m := mInfo{Id: word("id"), Thread: int(word("procid")) - pid, StartFn: "none",
				Spinning: *(*bool)(unsafe.Add(b, mo["spinning"])), Blocked: *(*bool)(unsafe.Add(b, mo["blocked"])),
				P: -1, Curg: goid(ptr("curg")), Lockedg: goid(ptr("lockedg")), Oldp: -1}
			if p := ptr("oldp"); p != nil {
				m.Oldp = *(*int32)(p)
			}
			if fn := ptr("mstartfn"); fn != nil {
				m.StartFn = runtime.FuncForPC(*(*uintptr)(fn)).Name()
			}
			if p := ptr("p"); p != nil {
				m.P = *(*int32)(p)
			}
			ms = append(ms, m)
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].Id < ms[j].Id })
		var ps []pInfo
		for i := range s.ps {
			b := unsafe.Pointer(&s.ps[i])
			u32 := func(name string) uint32 { return *(*uint32)(unsafe.Add(b, po[name])) }
			ptr := func(name string) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Add(b, po[name])) }
			st := []string{"idle", "running", "syscall", "gcstop", "dead"}[u32("status")]
			pi := pInfo{Id: int32(u32("id")), Status: st, M: -1, Runq: int(u32("runqtail") - u32("runqhead")),
				Runnext: goid(ptr("runnext")), Schedtick: u32("schedtick"), Syscalltick: u32("syscalltick")}
			if m := ptr("m"); m != nil {
				pi.M = *(*int64)(unsafe.Add(m, mo["id"]))
			}
			ps = append(ps, pi)
		}
		return map[string]any{"at": s.label, "thread": s.mainTid, "tasks": s.tasks, "ms": ms, "ps": ps}
	}
	sb := unsafe.Pointer(&schedCopy)
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "dirty-spread-exit", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"moved": t1 != t0, "dirty": t0 - pid, "after": t1 - pid, "callUs": float64(callNs) / 1000,
		"landedOnDirty": landed,
		"kernelBefore":  kBefore, "kernelAfter": kAfter,
		"schedAfter": map[string]any{
			"npidle":     *(*int32)(unsafe.Add(sb, so["npidle"])),
			"nmspinning": *(*int32)(unsafe.Add(sb, so["nmspinning"])),
			"runqsize":   *(*int32)(unsafe.Add(sb, so["runqsize"])),
			"nmidle":     *(*int32)(unsafe.Add(sb, so["nmidle"])),
		},
		"snapshots": []map[string]any{decode(before), decode(after)},
	})
}
