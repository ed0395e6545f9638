package main

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// machine describes where the figures come from.
type machine struct {
	cpu        string // model name
	cpus       int
	gomaxprocs int
	memKiB     int64
	kernel     string
	goVersion  string
	loadStart  string // /proc/loadavg: 1, 5, 15 minutes
	loadEnd    string
}

func readMachine() machine {
	m := machine{
		cpus:       runtime.NumCPU(),
		gomaxprocs: runtime.GOMAXPROCS(0),
		goVersion:  runtime.Version(),
		cpu:        procField("/proc/cpuinfo", "model name"),
		kernel:     strings.TrimSpace(readFile("/proc/sys/kernel/osrelease")),
		loadStart:  loadAvg(),
	}
	if v := procField("/proc/meminfo", "MemTotal"); v != "" {
		m.memKiB = kib(v)
	}
	return m
}

// vmHWM is this process's peak resident set size in KiB (VmHWM in
// /proc/self/status), 0 where /proc is missing.
func vmHWM() int64 {
	return kib(procField("/proc/self/status", "VmHWM"))
}

// loadAvg is the load average over 1, 5 and 15 minutes, "" where
// /proc is missing.
func loadAvg() string {
	f := strings.Fields(readFile("/proc/loadavg"))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// procField returns the value of the first "key: value" line of a /proc
// file.
func procField(path, key string) string {
	fh, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// kib parses "123456 kB".
func kib(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(s, "kB")), 10, 64)
	return n
}

func readFile(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return string(b)
}
