// startup-threads: why some runs have a fifth thread when main.main starts (most have four: m0, sysmon and two Ms
// the runtime's start-up left idle). As main.main's first act it lists /proc/self/task and copies the runtime's
// list of Ms (runtime.allm), then prints, for each M: its id (Ms are numbered as they are made), its thread (procid
// less the process id: +0 is m0; a thread that has not reached minit yet shows minus the process id), the function
// it was started with (mstartfn: runtime.sysmon for sysmon; runtime.mspinning for an M that startm started
// spinning, as wakep does; none for one that startm started with work for a P, as handoffp does when the P it
// hands off has goroutines queued), whether it is spinning or blocked (parked on its note), its P (or -1), the
// goroutine it runs (-1 for none) and, from /proc/self/task/TID/schedstat, how long its thread has run and how many
// times it was given a CPU (read after the copy). It reads struct m and struct g by the offsets the binary's own
// DWARF gives (debug/dwarf), so it is built without -w, and on Go 1.23 with -ldflags=-checklinkname=0 (the linker
// refuses a pull of runtime.allm otherwise). Run with GOMAXPROCS=1 too, where the runtime's start-up hands m0's P
// off but starts no spinning M. Prints one JSON line a run.
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
	"unsafe"
)

//go:linkname allm runtime.allm
var allm unsafe.Pointer

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

type mInfo struct {
	Id       int64  `json:"m"`
	Thread   int    `json:"thread"`
	StartFn  string `json:"startFn"`
	Spinning bool   `json:"spinning"`
	Blocked  bool   `json:"blocked"`
	P        int32  `json:"p"`
	Curg     int64  `json:"curg"`
	CpuNs    int64  `json:"cpuNs"`
	Slices   int64  `json:"slices"`
}

func schedstat(tid int) (int64, int64) {
	b, err := os.ReadFile("/proc/self/task/" + strconv.Itoa(tid) + "/schedstat")
	if err != nil {
		return -1, -1
	}
	f := strings.Fields(string(b))
	ns, _ := strconv.ParseInt(f[0], 10, 64)
	sl, _ := strconv.ParseInt(f[2], 10, 64)
	return ns, sl
}

// allmLink is struct m's alllink offset on Go 1.22 and 1.23 (runtime2.go); main checks it against the DWARF.
const allmLink = 328

// mCopy is how much of each struct m main.main copies before it does anything else; every member read lies in it.
const mCopy = 512

func main() {
	tasks, _ := os.ReadDir("/proc/self/task")
	// The Ms as they are now, copied before reading the DWARF, which takes milliseconds.
	var ms [][mCopy]byte
	for mp := allm; mp != nil; mp = *(*unsafe.Pointer)(unsafe.Add(mp, allmLink)) {
		ms = append(ms, *(*[mCopy]byte)(mp))
	}
	exe, _ := os.Executable()
	f, err := elf.Open(exe)
	if err != nil {
		panic(err)
	}
	d, err := f.DWARF()
	if err != nil {
		panic(err)
	}
	mo := offsets(d, "m", "id", "procid", "mstartfn", "spinning", "blocked", "p", "curg", "alllink")
	gofs := offsets(d, "g", "goid")
	if mo["alllink"] != allmLink {
		panic("struct m's alllink is not at " + strconv.Itoa(allmLink))
	}
	for _, o := range mo {
		if o+8 > mCopy {
			panic("struct m member past the copy")
		}
	}
	var out []mInfo
	for i := range ms {
		b := unsafe.Pointer(&ms[i])
		word := func(name string) int64 { return *(*int64)(unsafe.Add(b, mo[name])) }
		ptr := func(name string) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Add(b, mo[name])) }
		m := mInfo{Id: word("id"), Thread: int(word("procid")) - os.Getpid(), StartFn: "none",
			Spinning: *(*bool)(unsafe.Add(b, mo["spinning"])), Blocked: *(*bool)(unsafe.Add(b, mo["blocked"])),
			P: -1, Curg: -1}
		if fn := ptr("mstartfn"); fn != nil {
			m.StartFn = runtime.FuncForPC(*(*uintptr)(fn)).Name() // a func value points at its code's address
		}
		if p := ptr("p"); p != nil {
			m.P = *(*int32)(p) // p.id is struct p's first member
		}
		if g := ptr("curg"); g != nil {
			m.Curg = *(*int64)(unsafe.Add(g, gofs["goid"]))
		}
		m.CpuNs, m.Slices = schedstat(int(word("procid")))
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Id < out[j].Id })
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"program": "startup-threads", "go": strings.TrimPrefix(runtime.Version(), "go"),
		"gomaxprocs": runtime.GOMAXPROCS(0), "threads": len(tasks), "ms": out,
	})
}
