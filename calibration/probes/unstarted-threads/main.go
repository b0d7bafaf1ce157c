// unstarted-threads: which threads of a Go program show every signal blocked, and why. At main.main's start, 1 ms
// later and 20 ms later it reads every thread's SigBlk, its context switches (voluntary/nonvoluntary) and what
// /proc/self/task/TID/syscall says, and prints the threads whose mask is not the process's (0) as
// +N:mask:syscall:cs=V/N/, N its thread id less the process id (+1 is sysmon, the first thread runtime.main
// clones). A thread with no context switch at all has never run: newosproc cloned it with every signal blocked
// (os_linux.go) and it has not reached minit. Prints one line a run: threads and those threads, three times.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

func masks() string {
	var out []string
	ts, _ := os.ReadDir("/proc/self/task")
	for _, t := range ts {
		id, _ := strconv.Atoi(t.Name())
		st, _ := os.ReadFile("/proc/self/task/" + t.Name() + "/status")
		sc, _ := os.ReadFile("/proc/self/task/" + t.Name() + "/syscall")
		m := "?"
		cs := ""
		for _, l := range strings.Split(string(st), "\n") {
			f := strings.Fields(l)
			if len(f) < 2 {
				continue
			}
			if f[0] == "SigBlk:" {
				m = f[1]
			}
			if strings.HasSuffix(f[0], "ctxt_switches:") {
				cs += f[1] + "/"
			}
		}
		if m != "0000000000000000" {
			f := strings.Fields(string(sc))
			out = append(out, fmt.Sprintf("+%d:%s:%s:cs=%s", id-os.Getpid(), m, f[0], cs))
		}
	}
	return fmt.Sprint(len(ts), out)
}

func main() {
	a := masks()
	time.Sleep(time.Millisecond)
	b := masks()
	time.Sleep(20 * time.Millisecond)
	c := masks()
	fmt.Println(a, "|", b, "|", c)
}
