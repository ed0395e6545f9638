package generator_test

import (
	"encoding/json"
	"errors"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"

	"github.com/google/go-cmp/cmp"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
)

var update = flag.Bool("update", false, "rewrite golden files instead of comparing against them")

// fixturesDir is the repository's fixtures/ seen from this package; the
// names passed to ParseProject are relative to the repository root, as a
// user running vereinbar there would type them.
const fixturesDir = "../fixtures"

func newGenerator(t testing.TB) *generator.Generator {
	t.Helper()
	gen, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return gen
}

// TestInvalidFixtures checks the complete error report of every invalid
// fixture against fixtures/invalid/<name>.err (one line per mistake,
// "file:line:col: path: message").
func TestInvalidFixtures(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	paths := fixtureFiles(t, filepath.Join(fixturesDir, "invalid"))
	if len(paths) == 0 {
		t.Fatal("no invalid fixtures")
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := gen.ParseProject("fixtures/invalid/"+name+".yaml", src)
			if err == nil {
				t.Fatalf("%s loads without error: %+v", path, p.Data())
			}
			if !errors.Is(err, data.ErrInvalid) {
				t.Errorf("errors.Is(err, data.ErrInvalid) = false for %T: %v", err, err)
			}
			checkGolden(t, strings.TrimSuffix(path, ".yaml")+".err", []byte(err.Error()+"\n"))
		})
	}
}

// TestFuenfFehlerReportsFive guards the showcase of the README: every
// mistake of a file is reported at once, in file order.
func TestFuenfFehlerReportsFive(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(fixturesDir, "invalid", "fuenf-fehler.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = newGenerator(t).ParseProject("fuenf-fehler.yaml", src)
	var es data.Errors
	if !errors.As(err, &es) {
		t.Fatalf("error %T is not data.Errors: %v", err, err)
	}
	if len(es) != 5 {
		t.Fatalf("got %d errors, want 5:\n%v", len(es), err)
	}
	for i, want := range []string{"vorhaben.kurztitel", "vertrag.kuendigungsfrist_monate", "partein", "kosten.positionen[1].betrag", "verteilung.schluessel[0].jahr"} {
		if es[i].Path != want {
			t.Errorf("error %d at %q, want %q", i, es[i].Path, want)
		}
	}
}

// TestValidFixtures loads every valid fixture, checks the invariants of its
// cost split and compares the --json form with
// generator/testdata/<fixture>.costs.json.
func TestValidFixtures(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	paths := fixtureFiles(t, fixturesDir)
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := gen.ParseProject("fixtures/"+name+".yaml", src)
			if err != nil {
				t.Fatalf("%s does not load:\n%v", path, err)
			}
			res, err := gen.Costs(p)
			if err != nil {
				t.Fatal(err)
			}
			checkSplit(t, p.Data(), res)
			if check, ok := handChecks[name]; ok {
				check(t, res)
			} else {
				t.Errorf("no hand-computed check for %s; add one to handChecks", name)
			}
			// The same bytes as `vereinbar costs --json` (json.Encoder with
			// indent, which ends with a newline).
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", name+".costs.json"), append(got, '\n'))
		})
	}
}

// checkInvariants checks what must hold for every cost split, independently
// of how the engine computed it.
func checkInvariants(t *testing.T, pr *data.Projekt, res *costs.Result) {
	t.Helper()
	if len(res.Parties) != len(pr.Parteien) {
		t.Fatalf("%d party results for %d parties", len(res.Parties), len(pr.Parteien))
	}
	bears := map[string]bool{}
	share := map[string]int64{}
	var reusers []string
	var shareSum int64
	for i, pt := range pr.Parteien {
		r := res.Parties[i]
		code := string(pt.Land)
		want := pt.Rolle == "nachnutzend" || pr.Verteilung.UmsetzendesLandTraegtAnteil
		if r.Code != code || r.Bears != want {
			t.Errorf("party %d = %s bears %v, want %s bears %v", i, r.Code, r.Bears, code, want)
		}
		if pt.Rolle == "nachnutzend" {
			reusers = append(reusers, code)
		}
		bears[code], share[code] = r.Bears, r.ShareE5
		switch {
		case r.ShareE5 < 0 || r.ShareE5 > costs.FullE5:
			t.Errorf("%s: share %d out of range", code, r.ShareE5)
		case !r.Bears && r.ShareE5 != 0:
			t.Errorf("%s bears nothing but has share %d", code, r.ShareE5)
		}
		shareSum += r.ShareE5
	}
	if shareSum != costs.FullE5 {
		t.Errorf("shares of the bearing parties sum to %d, want exactly %d", shareSum, costs.FullE5)
	}

	var total int64
	byYear := map[int]int64{}               // year -> sum of item amounts
	partyYear := map[string]map[int]int64{} // party -> year -> recomputed sum
	for _, it := range res.Items {
		total += it.AmountCents
		byYear[it.Year] += it.AmountCents
		var sum int64
		paid := map[string]int64{}
		for _, pa := range it.Split {
			if pa.Cents <= 0 {
				t.Errorf("%s: %s pays %d cents; split lists payers only", it.ID, pa.Code, pa.Cents)
			}
			if _, dup := paid[pa.Code]; dup {
				t.Errorf("%s: %s listed twice", it.ID, pa.Code)
			}
			paid[pa.Code] = pa.Cents
			sum += pa.Cents
			if partyYear[pa.Code] == nil {
				partyYear[pa.Code] = map[int]int64{}
			}
			partyYear[pa.Code][it.Year] += pa.Cents
		}
		if sum != it.AmountCents {
			t.Errorf("%s: split sums to %d, amount is %d", it.ID, sum, it.AmountCents)
		}
		switch it.Basis {
		case costs.ByKey:
			for code, s := range share {
				if d := centsOff(paid[code], it.AmountCents, s); d > 0 {
					t.Errorf("%s: %s pays %d cents, more than one cent away from %d×%d/10^7", it.ID, code, paid[code], it.AmountCents, s)
				}
				if paid[code] > 0 && !bears[code] {
					t.Errorf("%s: %s pays %d cents but bears no share", it.ID, code, paid[code])
				}
			}
		case costs.EachReuser:
			if it.AmountCents%int64(len(reusers)) != 0 {
				t.Errorf("%s: amount %d not divisible by %d re-users", it.ID, it.AmountCents, len(reusers))
				break
			}
			each := it.AmountCents / int64(len(reusers))
			for _, code := range reusers {
				if each > 0 && paid[code] != each {
					t.Errorf("%s: re-user %s pays %d, want %d", it.ID, code, paid[code], each)
				}
			}
		case costs.Single:
			if len(it.Split) > 1 {
				t.Errorf("%s: single bearer, but %d payers", it.ID, len(it.Split))
			}
		default:
			t.Errorf("%s: basis %q among the split items", it.ID, it.Basis)
		}
	}
	for _, it := range res.External {
		if it.Basis != costs.External || len(it.Split) != 0 {
			t.Errorf("external item %s: basis %q, %d payers", it.ID, it.Basis, len(it.Split))
		}
	}
	if total != res.TotalCents {
		t.Errorf("items sum to %d, total_cents is %d", total, res.TotalCents)
	}

	var partySum int64
	yearSum := map[int]int64{}
	for _, r := range res.Parties {
		partySum += r.TotalCents
		var own int64
		if len(r.ByYear) != len(res.Years) {
			t.Errorf("%s: by_year has %d years, result has %d", r.Code, len(r.ByYear), len(res.Years))
		}
		for _, y := range res.Years {
			v, ok := r.ByYear[y]
			if !ok {
				t.Errorf("%s: no by_year entry for %d", r.Code, y)
			}
			if v != partyYear[r.Code][y] {
				t.Errorf("%s %d: by_year %d, items give %d", r.Code, y, v, partyYear[r.Code][y])
			}
			own += v
			yearSum[y] += v
		}
		if own != r.TotalCents {
			t.Errorf("%s: by_year sums to %d, total is %d", r.Code, own, r.TotalCents)
		}
	}
	if partySum != res.TotalCents {
		t.Errorf("party totals sum to %d, total_cents is %d", partySum, res.TotalCents)
	}
	if len(byYear) != len(res.Years) {
		t.Errorf("items have %d distinct years, result lists %v", len(byYear), res.Years)
	}
	for y, want := range byYear {
		if yearSum[y] != want {
			t.Errorf("year %d: parties pay %d, items amount to %d", y, yearSum[y], want)
		}
	}
}

// centsOff returns by how many whole cents paid lies outside the one-cent
// band around amount·share/10^7, computed exactly: 0 means
// |paid·10^7 − amount·share| ≤ 10^7.
func centsOff(paid, amount, share int64) int64 {
	full := big.NewInt(costs.FullE5)
	exact := new(big.Int).Mul(big.NewInt(amount), big.NewInt(share))
	d := new(big.Int).Sub(new(big.Int).Mul(big.NewInt(paid), full), exact)
	d.Abs(d)
	if d.Cmp(full) <= 0 {
		return 0
	}
	return d.Quo(d, full).Int64()
}

// handChecks holds one number per fixture that was computed by hand, not by
// the engine, so a golden regenerated with -update cannot silently bless a
// wrong split.
var handChecks = map[string]func(t *testing.T, res *costs.Result){
	// 50 % KS 2016 + 50 % Paritätsprinzip. From 2029 (MV has left, BB has
	// joined) the KS values of HB, HH, NI, SH, BB sum to 1926950, so BB's
	// quota is 10^7·(½·303655/1926950 + ½·⅕) = 1787916.137 → 1787916 (the
	// two units left go to HH .67 and SH .44).
	// July to December 2028 (HB, HH, MV, NI, SH, BB; KS sum 2128190) BB's
	// quota is 10^7·(½·303655/2128190 + ½·⅙) = 1546744.73 → 1546745, and it
	// pays six twelfths of each yearly item: betrieb 18,000,000 × 0.1546745
	// = 2784141 and weiterentwicklung 6,000,000 × 0.1546745 = 928047, both
	// without remainder: 3712188.
	"elterngeld-ring-beitritt": func(t *testing.T, res *costs.Result) {
		last := res.Periods[len(res.Periods)-1]
		for _, s := range last.Shares {
			if s.Code == "BB" && s.ShareE5 != 1787916 {
				t.Errorf("BB from 2029: share %d, want 1787916", s.ShareE5)
			}
		}
		for _, p := range res.Parties {
			if p.Code == "BB" && p.ByYear[2028] != 3712188 {
				t.Errorf("BB 2028: %d cents, want 3712188", p.ByYear[2028])
			}
		}
	},
	// 70 % KS 2016 + 30 % Paritätsprinzip over all 16 Länder (the
	// implementing Land bears a share). The KS values of all 16 sum to
	// 10^7, so the exact quota is 0.7·ks + 0.3·10^7/16 = 0.7·ks + 187500:
	//   NW 0.7·2114424 + 187500 = 1667596.8
	//   BW 0.7·1296662 + 187500 = 1095163.4
	//   HB 0.7·95331   + 187500 =  254231.7
	// The sixteen remainders are tenths (ks·7 mod 10) and sum to 9.0, so
	// the floors fall short by 9 units. They go to the nine largest
	// remainders: BY .9, SN .9, BE .8, NW .8, SH .8, HB .7, SL .7, ST .7,
	// NI .6 — NW and HB are rounded up, BW (.4) is not.
	"einbuergerung-stern-16": func(t *testing.T, res *costs.Result) {
		// all sixteen, computed the same way (floor(0.7·ks) + 187500, +1 for
		// the nine largest remainders)
		wantShares(t, res, map[string]int64{"NW": 1667597, "BW": 1095163, "BY": 1274829, "BE": 543327, "BB": 400058, "HB": 254232, "HH": 366526, "HE": 705419, "MV": 328368, "NI": 840697, "RP": 525662, "SL": 272278, "SN": 541404, "ST": 383459, "SH": 424852, "TH": 376129})
	},
	// Königsteiner Schlüssel 2015, ST implements and bears nothing, so the
	// key is adjusted to SN 5.08386 %, TH 2.72451 %, BB 3.06053 %:
	//   Σ = 508386 + 272451 + 306053 = 1086890
	//   SN 10^7·508386/1086890 = 4677437.459…
	//   TH 10^7·272451/1086890 = 2506702.610…
	//   BB 10^7·306053/1086890 = 2815859.931…
	// The floors sum to 9999998; the 2 missing units go to the largest
	// remainders, BB (.931) and TH (.610): SN 4677437, TH 2506703, BB 2815860.
	// Betrieb 2027: the agreement begins on 1 April 2027, so of
	// 180000.00 € a year nine months are charged (pro rata by month:
	// 18000000 ct / 12 = 1500000 ct a month, no cents left over) =
	// 13500000 ct:
	//   SN 13500000·4677437/10^7 = 6314539.95
	//   TH 13500000·2506703/10^7 = 3384049.05
	//   BB 13500000·2815860/10^7 = 3801411.0
	// floors 13499999, the missing cent goes to SN (.95).
	"bafoeg-stern": func(t *testing.T, res *costs.Result) {
		wantShares(t, res, map[string]int64{"ST": 0, "SN": 4677437, "TH": 2506703, "BB": 2815860})
		wantSplit(t, res, "betrieb-2027", map[string]int64{"SN": 6314540, "TH": 3384049, "BB": 3801411})
		// 2028 is a full year: 18000000 ct split as before the term began
		// mattering (SN 8419386.6 → 8419387 with the missing cent).
		wantSplit(t, res, "betrieb-2028", map[string]int64{"SN": 8419387, "TH": 4512065, "BB": 5068548})
		// Anbindung: 15000 € for each of the three re-users.
		wantSplit(t, res, "anbindung", map[string]int64{"SN": 1500000, "TH": 1500000, "BB": 1500000})
	},
	// Fixed shares, HB implements and bears nothing: NI 5000000, HH 3333334,
	// SH 1666666. Betrieb 99999.99 € = 9999999 ct a year:
	//   NI 9999999·5000000/10^7 = 4999999.5
	//   HH 9999999·3333334/10^7 = 3333333.6666666
	//   SH 9999999·1666666/10^7 = 1666665.8333334
	// floors 9999997; the 2 missing cents go to SH (.83) and HH (.67), NI
	// keeps its floor although its remainder is exactly one half.
	"eheschliessung-ring": func(t *testing.T, res *costs.Result) {
		wantShares(t, res, map[string]int64{"HB": 0, "NI": 5000000, "HH": 3333334, "SH": 1666666})
		for _, y := range []string{"2027", "2028", "2029", "2030"} {
			wantSplit(t, res, "betrieb-"+y, map[string]int64{"NI": 4999999, "HH": 3333334, "SH": 1666666})
		}
		wantSplit(t, res, "schnittstelle-ni", map[string]int64{"NI": 1800000})
		// 4 × 9999999 + 1800000; the FITKO-financed development is not split.
		if res.TotalCents != 41799996 {
			t.Errorf("total_cents = %d, want 41799996", res.TotalCents)
		}
	},
	// Population, BB implements and bears nothing:
	//   Σ = 3755000 + 1628000 + 4086000 + 6391000 = 15860000
	//   BE 10^7·3755000/15860000 = 2367591.425…
	//   MV 10^7·1628000/15860000 = 1026481.715…
	//   SN 10^7·4086000/15860000 = 2576292.560…
	//   HE 10^7·6391000/15860000 = 4029634.300…
	// floors 9999998; the 2 missing units go to MV (.715) and SN (.560).
	"aufenthaltstitel-fitstore": func(t *testing.T, res *costs.Result) {
		wantShares(t, res, map[string]int64{"BB": 0, "BE": 2367591, "MV": 1026482, "SN": 2576293, "HE": 4029634})
		// Anbindung 8500 € per re-user, four re-users.
		wantSplit(t, res, "anbindung", map[string]int64{"BE": 850000, "MV": 850000, "SN": 850000, "HE": 850000})
	},
	// Total of the split costs: three years of 480000.00 + 250000.00 +
	// 96500.50 = 3 × 826500.50 = 2479501.50 €, plus the connection fee of
	// 25000.00 € for each of the eleven re-users = 275000.00 €; the
	// development (Konjunkturprogramm) is external. 2754501.50 € in all.
	"wohngeld-ring": func(t *testing.T, res *costs.Result) {
		if res.TotalCents != 275450150 {
			t.Errorf("total_cents = %d, want 275450150", res.TotalCents)
		}
		if len(res.External) != 1 || res.External[0].ID != "erstentwicklung" || res.External[0].AmountCents != 185000000 {
			t.Errorf("external items = %+v, want erstentwicklung 185000000", res.External)
		}
		// SH implements but bears a share; it pays no connection fee.
		for _, it := range res.Items {
			if it.ID != "anbindung" {
				continue
			}
			if it.AmountCents != 27500000 || len(it.Split) != 11 {
				t.Errorf("anbindung: %d cents from %d payers, want 27500000 from 11", it.AmountCents, len(it.Split))
			}
			for _, pa := range it.Split {
				if pa.Code == "SH" {
					t.Error("anbindung: SH, the implementing Land, pays a connection fee")
				}
			}
		}
	},
}

func wantShares(t *testing.T, res *costs.Result, want map[string]int64) {
	t.Helper()
	got := map[string]int64{}
	for _, p := range res.Parties {
		got[p.Code] = p.ShareE5
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shares (-want +got):\n%s", diff)
	}
}

func wantSplit(t *testing.T, res *costs.Result, id string, want map[string]int64) {
	t.Helper()
	for _, it := range res.Items {
		if it.ID != id {
			continue
		}
		got := map[string]int64{}
		for _, pa := range it.Split {
			got[pa.Code] = pa.Cents
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("split of %s (-want +got):\n%s", id, diff)
		}
		return
	}
	t.Errorf("no item %s", id)
}

// TestLoadProjectRefusesHugeFile: a 10 MB file is refused by its size
// before it is read (its run time shows in -v output; it is not asserted).
func TestLoadProjectRefusesHugeFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "gross.yaml")
	line := "# " + strings.Repeat("x", 97) + "\n"
	if err := os.WriteFile(path, []byte(strings.Repeat(line, 100_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := newGenerator(t).LoadProject(path)
	if !errors.Is(err, data.ErrTooLarge) {
		t.Fatalf("LoadProject of 10 MB: %v, want data.ErrTooLarge", err)
	}
	if want := path + ": Projektdatei zu groß: 9,5 MiB, höchstens 1,0 MiB erlaubt"; err.Error() != want {
		t.Errorf("got\n  %s\nwant\n  %s", err, want)
	}
}

// FuzzProjectCosts checks the promise of the facade: a project that
// validates can always be split (ErrCosts marks a gap between validation
// and engine), and the split satisfies the invariants.
//
//	go test ./generator -run XXX -fuzz FuzzProjectCosts
func FuzzProjectCosts(f *testing.F) {
	for _, dir := range []string{fixturesDir, filepath.Join(fixturesDir, "invalid")} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	gen := newGenerator(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := gen.ParseProject("f.yaml", src)
		if err != nil {
			return
		}
		res, err := gen.Costs(p)
		if err != nil {
			t.Fatalf("validated project cannot be split: %v", err)
		}
		checkSplit(t, p.Data(), res)
	})
}

// fixtureFiles lists dir/*.yaml in name order.
func fixtureFiles(t *testing.T, dir string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// checkGolden compares got with the golden file at path (-update rewrites).
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	testtool.Golden(t, path, got, *update)
}
