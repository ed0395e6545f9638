// Command benchcmp measures vereinbar side by side with the usual routes
// to the same documents and prints one table:
//
//   - vereinbar in-process through the generator facade: the agreements of
//     fixtures/einbuergerung-stern-16.yaml (15 star agreements, the largest
//     fixture) and fixtures/wohngeld-ring.yaml, DOCX and PDF timed
//     separately, per document, over many rounds;
//   - pandoc, where installed: the Markdown twin of each agreement to DOCX
//     (pandoc -f markdown-fancy_lists), one process per document as a user
//     would run it;
//   - LibreOffice, where installed: vereinbar's DOCX files to PDF in one
//     batch process (soffice --headless --convert-to pdf);
//   - a full batch (the code path of vereinbar generate) on a generated set
//     of projects, in files per second, and a run of more than 10,000
//     documents for the peak RSS; both run in a child process so their
//     peak RSS is their own.
//
// Run it from the repository root:
//
//	go run ./cmd/benchcmp
//	go run ./cmd/benchcmp -dauer 5s -stapel 50 -rss-projekte 560
//
// A missing pandoc or soffice is reported as "nicht installiert"; the
// remaining measurements still run.
package main

import (
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
