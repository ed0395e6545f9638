//go:build !unix

package main

import "testing"

// mkfifo returns "": this system has no named pipes in the file system.
func mkfifo(t *testing.T, path string) string { return "" }
