// Command vereinbar generates and checks the paperwork of German EfA
// re-use projects from one YAML file per project.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
