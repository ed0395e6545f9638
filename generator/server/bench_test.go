package server

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

// BenchmarkUpdateStar16 measures the live preview of the 16-Land star
// fixture: one aktualisieren request with one value typed in the form
// (a different one each time, so nothing is served from the cache),
// through the whole security chain. It reports the 95th percentile of the
// requests as p95-ms; the README states the numbers.
//
//	go test ./generator/server -run '^$' -bench UpdateStar16 -benchtime 200x
func BenchmarkUpdateStar16(b *testing.B) {
	s := realServer(b, "einbuergerung-stern-16.yaml")
	y := readFixture(b, "einbuergerung-stern-16.yaml")
	var a updateAnswer
	s.post(b, "/api/projekt/einbuergerung-stern-16.yaml/aktualisieren", map[string]any{"yaml": y}, &a, http.StatusOK)
	if len(a.Fehler) != 0 || a.Dokument == nil {
		b.Fatalf("warm-up: %+v", a.Fehler)
	}
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		body := map[string]any{"yaml": y, "version": "", "dokument": "",
			"edits": []Edit{{Op: "setzen", Pfad: "leistung.online_dienst", Wert: fmt.Sprintf("Einbürgerung digital %d", i)}}}
		r := s.request("POST", "/api/projekt/einbuergerung-stern-16.yaml/aktualisieren", body)
		t0 := time.Now()
		w := serve(s, r)
		durs = append(durs, time.Since(t0))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.StopTimer()
	slices.Sort(durs)
	p95 := durs[(len(durs)*95+99)/100-1]
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
}
