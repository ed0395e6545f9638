#!/usr/bin/env bash
# Runs every test of vereinbar. Works on a fresh Debian machine by itself:
# installs with apt-get what the tests need when it is missing (LibreOffice
# for opening DOCX, qpdf and poppler-utils for checking PDFs, the Liberation
# fonts for LibreOffice's layout, Chromium for the browser tests of
# `vereinbar serve`), then runs
# vet, the formatting check, all tests and short fuzz runs. The tests then
# treat a missing tool as a failure, never as a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each tool is run, not only looked up: a half-removed LibreOffice leaves the
# soffice link behind without the program.
missing=()
soffice --version     >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# Calc opens the spreadsheets (vereinbar uebersicht); Writer alone does not.
prog=$(readlink -f "$(command -v soffice || echo /usr/lib/libreoffice/program/soffice)")
[ -e "$(dirname "$prog")/libsclo.so" ] || missing+=(libreoffice-calc-nogui)
qpdf --version        >/dev/null 2>&1 || missing+=(qpdf)
pdftotext -v          >/dev/null 2>&1 || missing+=(poppler-utils)
# LibreOffice must lay out the DOCX with Liberation Sans, the font the PDF
# embeds (metric-compatible with Arial, which the DOCX names).
fc-list 2>/dev/null | grep -q "Liberation Sans" || missing+=(fonts-liberation2)
# The end-to-end tests of `vereinbar serve` drive Debian's Chromium headless.
chromium --version    >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
export VEREINBAR_REQUIRE_TOOLS=1

echo "== gofmt"
unformatted=$(gofmt -l cmd generator templates)
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 ./...

echo "== fuzz (short runs)"
# Each target runs a fixed number of executions (about 25 s each on the
# 2-core machine of the README, about 3 minutes for all), not a fixed time:
# with -fuzztime 30s Go's fuzz coordinator can fail a clean run with
# "context deadline exceeded" when the deadline fires (go.dev/issue/75804,
# fixed in Go 1.27: internal/fuzz compares the timed-out parent context
# with its not-yet-cancelled child and reports the parent's error although
# nothing was found). A count limit sets no deadline, so that false failure
# cannot happen. The counts are the executions each target made in 20 s
# (README, "Fuzzing"), times 1.25.
# FUZZTIME (e.g. 5s or 1000x) overrides the counts for every target.
# New interesting inputs are not minimised (-fuzzminimizetime 0): in a run
# this short, minimising took most of the time (in 20 s FuzzDocxRead made
# 16,000 executions with 5 s per input, 27,000 with 1 s, 120,000 without).
# A crasher is saved unminimised in testdata/fuzz; FUZZMINIMIZETIME=60s
# minimises.
fuzz() {
  go test -run '^$' -fuzz "^$1\$" -fuzztime "${FUZZTIME:-$3}" \
    -fuzzminimizetime "${FUZZMINIMIZETIME:-0}" "$2"
}
fuzz FuzzDecode            ./generator/data          190000x
fuzz FuzzSyntaxError       ./generator/data          40000x
fuzz FuzzSplit             ./generator/costs         480000x
fuzz FuzzParseCents        ./generator/format        1000000x
fuzz FuzzConvert           ./generator/markup        200000x
fuzz FuzzDocxRead          ./generator/docxread      150000x
fuzz FuzzDiff              ./generator/diff          40000x
fuzz FuzzReadEmbeddedModel ./generator/render/pdf    190000x
fuzz FuzzAenderung         ./generator/aenderung     90000x
fuzz FuzzApply             ./generator/server/editor 200000x
