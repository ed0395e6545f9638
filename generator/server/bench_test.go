package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

// BenchmarkUpdateStar16 measures the live preview of the 16-Land star
// fixture: one aktualisieren request through the whole security chain,
// a different edit each time, so nothing is served from the cache. It
// reports the 95th percentile of the requests as p95-ms; the README
// states the numbers.
//
//	go test ./generator/server -run '^$' -bench UpdateStar16 -benchtime 200x
//
// Case setzen types one value in the form; the form is not rebuilt. Case
// verschieben moves a party (a structural edit, as the ↑/↓ buttons send
// it) and types a value; the answer carries the form built anew, which
// the benchmark checks.
func BenchmarkUpdateStar16(b *testing.B) {
	b.Run("setzen", func(b *testing.B) {
		benchUpdate(b, false, func(i int) []Edit {
			return []Edit{{Op: "setzen", Pfad: "leistung.online_dienst", Wert: fmt.Sprintf("Einbürgerung digital %d", i)}}
		})
	})
	b.Run("verschieben", func(b *testing.B) {
		benchUpdate(b, true, func(i int) []Edit {
			// parteien[0] is the implementing Land; move one of the 15
			// others to another place among them.
			from, to := 1+i%15, 1+(i+7)%15
			return []Edit{
				{Op: "verschieben", Pfad: fmt.Sprintf("parteien[%d]", from), Nach: to},
				{Op: "setzen", Pfad: "leistung.online_dienst", Wert: fmt.Sprintf("Einbürgerung digital %d", i)},
			}
		})
	})
}

func benchUpdate(b *testing.B, wantForm bool, edits func(i int) []Edit) {
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
		body := map[string]any{"yaml": y, "version": "", "dokument": "", "edits": edits(i)}
		r := s.request("POST", "/api/projekt/einbuergerung-stern-16.yaml/aktualisieren", body)
		t0 := time.Now()
		w := serve(s, r)
		durs = append(durs, time.Since(t0))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, firstLine(w.Body.String()))
		}
		if i == 0 {
			b.StopTimer()
			var got updateAnswer
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || len(got.Fehler) != 0 || (got.Formular != "") != wantForm {
				b.Fatalf("first answer: err %v, %d errors, form rebuilt %v, want %v", err, len(got.Fehler), got.Formular != "", wantForm)
			}
			b.StartTimer()
		}
	}
	b.StopTimer()
	slices.Sort(durs)
	p95 := durs[(len(durs)*95+99)/100-1]
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
}
