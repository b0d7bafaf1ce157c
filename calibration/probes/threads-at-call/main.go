// threads-at-call: where the sixth thread every all-threads-syscall run has right after syscall.AllThreadsSyscall
// comes from. The same program as calibration/all-threads-syscall (a goroutine locks its thread and sets it to
// nice 3, another blocks in read(2) on a blocking pipe, main sleeps 5 ms, then setpriority(10) on every thread),
// taking snapshots. A snapshot lists /proc/self/task and, for each thread, its state (stat field 3) and the system
// call it is blocked in (/proc/self/task/TID/syscall: the number, e.g. 202 futex, 0 read, 35 nanosleep, 281
// epoll_pwait, -1 running, and its first argument), and copies the runtime's list of Ms (runtime.allm) and of Ps
// (runtime.allp), decoded at the end by the offsets of the binary's own DWARF: each M's id (Ms are numbered as they
// are made), thread, start function (runtime.sysmon, runtime.templateThread, runtime.mspinning for an M startm
// started spinning, as wakep and handoffp do, none for one started with a P that has work), spinning, blocked on
// its note, P (and oldp, the P it had when it entered a system call), current and locked goroutine; each P's
// status, M, run queue length, runnext, schedtick and syscalltick. Every snapshot reads /proc with raw system calls
// (RawSyscall: openat, getdents64, read, close) and gettid through RawSyscall, so taking it never enters the
// scheduler.
//
// Argument "steps": snapshots at main.main's start, after the locked goroutine's LockOSThread and setpriority
// (main has its thread id), after the reader has sent its thread id (it calls read(2) next), after the 5 ms sleep,
// right before and right after AllThreadsSyscall. Argument "once": only the snapshot right after the call. Both then
// count the threads as the case does (os.ReadDir of /proc/self/task, which enters the scheduler). Built without -w,
// and on Go 1.23 with -ldflags=-checklinkname=0 (the linker refuses a pull of runtime.allm otherwise). Prints one
// JSON line a run.
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

func take(label string) snap {
	s := snap{label: label, mainTid: gettid() - pid}
	for mp := allm; mp != nil; mp = *(*unsafe.Pointer)(unsafe.Add(mp, allmLink)) {
		s.ms = append(s.ms, *(*[mCopy]byte)(mp))
	}
	for _, pp := range allp {
		s.ps = append(s.ps, *(*[pCopy]byte)(pp))
	}
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

func main() {
	steps := len(os.Args) > 1 && os.Args[1] == "steps"
	var snaps []snap
	note := func(label string) {
		if steps {
			snaps = append(snaps, take(label))
		}
	}
	note("start")
	runtime.GOMAXPROCS(2)
	lockedTid := make(chan int)
	release := make(chan bool)
	go func() {
		runtime.LockOSThread()
		syscall.RawSyscall(syscall.SYS_SETPRIORITY, 0, 0, 3)
		lockedTid <- gettid()
		<-release
		runtime.UnlockOSThread()
	}()
	locked := <-lockedTid
	note("afterLocked")
	var p [2]int
	syscall.Pipe(p[:])
	readerTid := make(chan int, 1)
	readDone := make(chan bool)
	go func() {
		readerTid <- gettid()
		b := make([]byte, 1)
		syscall.Read(p[0], b)
		readDone <- true
	}()
	reader := <-readerTid
	note("afterReaderTid")
	time.Sleep(5 * time.Millisecond)
	note("afterSleep")
	note("beforeCall")
	_, _, errno := syscall.AllThreadsSyscall(syscall.SYS_SETPRIORITY, 0, 0, 10)
	snaps = append(snaps, take("afterCall"))
	tasks, _ := os.ReadDir("/proc/self/task") // as the case counts
	threadsAtCall := len(tasks)
	syscall.Write(p[1], []byte{1})
	<-readDone
	release <- true

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
	gofs := offsets(d, "g", "goid")
	for _, o := range po {
		if o+8 > pCopy {
			panic("struct p member past the copy")
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
	var out []map[string]any
	for _, s := range snaps {
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
				m.StartFn = runtime.FuncForPC(*(*uintptr)(fn)).Name() // a func value points at its code's address
			}
			if p := ptr("p"); p != nil {
				m.P = *(*int32)(p) // p.id is struct p's first member
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
		out = append(out, map[string]any{"at": s.label, "main": s.mainTid, "tasks": s.tasks, "ms": ms, "ps": ps})
	}
	mode := "once"
	if steps {
		mode = "steps"
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "threads-at-call", "go": strings.TrimPrefix(runtime.Version(), "go"), "mode": mode,
		"callSucceeded": errno == 0, "locked": locked - pid, "reader": reader - pid,
		"threadsAtCall": threadsAtCall, "snapshots": out,
	})
}
