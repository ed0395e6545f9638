package data

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

var (
	ozgPattern     = regexp.MustCompile(`^1\d{4}$`)
	leikaPattern   = regexp.MustCompile(`^\d{14}$`)
	leitwegPattern = regexp.MustCompile(`^[0-9]{2,12}(-[0-9A-Za-z]{1,30})?-[0-9]{2}$`)
)

// Reference is what validation needs beyond the file itself.
type Reference struct {
	// KSJahre are the years for which a Königsteiner Schlüssel table is
	// available (built in plus user tables).
	KSJahre []int
}

// Validate checks the semantic rules of a decoded project file and returns
// every violation with its data path and position. Values that already
// failed to decode are not judged again, so one mistake gives one message.
func (f *File) Validate(ref Reference) Errors {
	v := &validator{f: f, ref: ref}
	v.vorhaben()
	v.leistung()
	v.vertrag()
	v.parteien()
	v.gruender()
	v.positionen()
	v.verteilung()
	v.projekt()
	v.klauseln()
	sortErrors(v.errs)
	return v.errs
}

type validator struct {
	f    *File
	ref  Reference
	errs Errors
}

func (v *validator) add(path, format string, args ...any) {
	v.addAt(v.f.Pos(path), path, format, args...)
}

func (v *validator) addAt(pos Pos, path, format string, args ...any) {
	v.errs = append(v.errs, Error{File: v.f.Name, Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) vorhaben() {
	kt := v.f.Projekt.Vorhaben.Kurztitel
	if kt != "" && !v.f.failed["vorhaben.kurztitel"] && windowsReserved(kt) {
		v.add("vorhaben.kurztitel", "„%s“ ist unter Windows ein reservierter Gerätename (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9) und kann keinen Ordner benennen – anderen Kurztitel wählen, z. B. „%s-vorhaben“", kt, kt)
	}
}

func (v *validator) leistung() {
	l := &v.f.Projekt.Leistung
	seen := map[OZGID]int{}
	for i, o := range l.OZG {
		p := fmt.Sprintf("leistung.ozg[%d].id", i)
		if o.ID == "" || v.f.failed[p] {
			continue
		}
		if !ozgPattern.MatchString(string(o.ID)) {
			v.add(p, "OZG-ID „%s“ muss fünfstellig sein und mit 1 beginnen (z. B. 10092)", o.ID)
		} else if j, dup := seen[o.ID]; dup {
			v.add(p, "OZG-ID %s ist doppelt (auch leistung.ozg[%d])", o.ID, j)
		}
		seen[o.ID] = i
	}
	seenL := map[LeiKa]int{}
	for i, k := range l.LeiKa {
		p := fmt.Sprintf("leistung.leika[%d]", i)
		if k == "" || v.f.failed[p] {
			continue
		}
		if !leikaPattern.MatchString(string(k)) {
			v.add(p, "LeiKa-Schlüssel „%s“ muss aus 14 Ziffern bestehen", k)
		} else if j, dup := seenL[k]; dup {
			v.add(p, "LeiKa-Schlüssel %s ist doppelt (auch leistung.leika[%d])", k, j)
		}
		seenL[k] = i
	}
	if t := string(l.Themenfeld); t != "" && !refdata.IsThemenfeld(t) {
		msg := fmt.Sprintf("unbekanntes Themenfeld „%s“", t)
		if s := refdata.Suggest(t, refdata.Themenfelder()); s != "" {
			msg += fmt.Sprintf(" – meinten Sie „%s“?", s)
		} else {
			msg += " (erlaubt: " + strings.Join(refdata.Themenfelder(), "; ") + ")"
		}
		v.add("leistung.themenfeld", "%s", msg)
	}
	if r := l.Reifegrad; r != nil && !v.f.failedUnder("leistung.reifegrad") {
		top := map[string]int{"1.1": 4, "2.0": 7}[r.Modell]
		for _, x := range []struct {
			name string
			val  int
		}{{"ist", r.Ist}, {"ziel", r.Ziel}} {
			if x.val > top {
				v.add("leistung.reifegrad."+x.name, "Reifegrad %d gibt es im Modell %s nicht (Stufen 0–%d)", x.val, r.Modell, top)
			}
		}
		if r.Ziel < r.Ist {
			v.add("leistung.reifegrad.ziel", "Zielreifegrad %d liegt unter dem Ist-Reifegrad %d", r.Ziel, r.Ist)
		}
	}
}

func (v *validator) vertrag() {
	c := &v.f.Projekt.Vertrag
	if c.Form == "fit-store" && c.FITStore == nil && !v.f.failedUnder("vertrag.fit_store") {
		v.add("vertrag.form", "bei „form: fit-store“ ist „fit_store“ mit Angebot, Version der Leistungsbeschreibung und „avv“ Pflicht")
	}
	if c.Ende != nil && !c.Beginn.IsZero() && !c.Ende.IsZero() && !c.Ende.Time().After(c.Beginn.Time()) {
		v.add("vertrag.ende", "Ende %s liegt nicht nach dem Beginn %s", c.Ende, c.Beginn)
	}
	v.aenderungen()
}

// aenderungen checks the history of amendments (vertrag.aenderungen):
// in the order they were concluded, none dated after the Stand.
func (v *validator) aenderungen() {
	stand := v.f.Projekt.Vorhaben.Stand
	var prev Datum
	for i, a := range v.f.Projekt.Vertrag.Aenderungen {
		path := fmt.Sprintf("vertrag.aenderungen[%d].datum", i)
		if a.Datum.IsZero() || v.f.failed[path] {
			prev = Datum{}
			continue
		}
		if !prev.IsZero() && a.Datum.Time().Before(prev.Time()) {
			v.add(path, "die %d. Änderung vom %s liegt vor der %d. vom %s; die Änderungen stehen in der Reihenfolge ihres Abschlusses", i+1, a.Datum, i, prev)
		}
		if !stand.IsZero() && !v.f.failed["vorhaben.stand"] && a.Datum.Time().After(stand.Time()) {
			v.add(path, "die %d. Änderung vom %s liegt nach dem Stand %s; eine Änderung wird eingetragen, wenn sie geschlossen ist – Datum oder „vorhaben.stand“ anpassen", i+1, a.Datum, stand)
		}
		prev = a.Datum
	}
}

func (v *validator) parteien() {
	ps := v.f.Projekt.Parteien
	seen := map[string]int{}
	var impl []int
	// with form fit-store every re-using party calls off; for star projects
	// with an offer the clause check reports a Kommune (REGEL-002) and no
	// call-off form is made for it
	fitStore := v.f.Projekt.Vertrag.Form == "fit-store"
	for i, p := range ps {
		path := fmt.Sprintf("parteien[%d].land", i)
		if p.Land != "" && !v.f.failed[path] {
			key := string(p.Land) // a Kommune stands for its Land: one party per Land
			if _, ok := refdata.PartyByCode(string(p.Land)); !ok {
				if named, ok := refdata.PartyByName(string(p.Land)); ok {
					v.add(path, "unbekanntes Länderkürzel „%s“ – meinten Sie „%s“ (%s)?", p.Land, named.Code, named.Kurzname)
				} else {
					v.add(path, "unbekanntes Länderkürzel „%s“ (erlaubt: %s, BUND)", p.Land, strings.Join(refdata.LandCodes(), ", "))
				}
			} else if j, dup := seen[key]; dup {
				v.add(path, "%s ist bereits Vertragspartei (parteien[%d])", p.Land, j)
			}
			seen[key] = i
		}
		if p.Kommune != "" && fitStore {
			v.add(fmt.Sprintf("parteien[%d].kommune", i), "eine Kommune („%s“) kann nicht aus dem FIT-Store abrufen; abrufen kann nur das Land, das den Dienst an seine Kommunen weitergibt (Leitfaden §2.3.4)", p.Kommune)
		}
		v.weg(i, p)
		v.unterschrift(i, p)
		v.wechsel(i, p)
		if p.Rechnung != nil && p.Rechnung.LeitwegID != "" {
			id, path := string(p.Rechnung.LeitwegID), fmt.Sprintf("parteien[%d].rechnung.leitweg_id", i)
			base, check := id[:max(0, len(id)-3)], id[max(0, len(id)-2):]
			if !leitwegPattern.MatchString(id) {
				v.add(path, "Leitweg-ID „%s“ hat nicht die Form Grobadressierung[-Feinadressierung]-Prüfziffer, z. B. „05315-12345678-02“", id)
			} else if want, _ := LeitwegCheckDigits(base); want != check {
				v.add(path, "Leitweg-ID „%s“: die Prüfziffer %s passt nicht zu „%s“ (nach Modulo 97-10 wäre es %s) – Tippfehler in der Leitweg-ID?", id, check, base, want)
			}
		}
		if p.Rolle == "umsetzend" {
			impl = append(impl, i)
		}
	}
	if v.f.failedUnder("parteien") || len(ps) == 0 {
		return
	}
	switch {
	case len(impl) == 0:
		v.add("parteien", "kein umsetzendes Land: genau eine Partei braucht „rolle: umsetzend“")
	case len(impl) > 1:
		for _, i := range impl[1:] {
			v.add(fmt.Sprintf("parteien[%d].rolle", i), "mehr als ein umsetzendes Land (bereits parteien[%d]); genau eine Partei ist umsetzend", impl[0])
		}
	}
	if len(impl) > 0 && len(impl) == len(ps) {
		v.add("parteien", "kein nachnutzendes Land: mindestens eine Partei braucht „rolle: nachnutzend“")
	}
}

// unterschrift checks a recorded signature (parteien[].unterschrift): it
// is recorded as of the project's Stand, so it cannot be dated after it,
// and only a party of an agreement signs one.
func (v *validator) unterschrift(i int, p Partei) {
	u := p.Unterschrift
	if u == nil {
		return
	}
	path := fmt.Sprintf("parteien[%d].unterschrift", i)
	if v.f.Projekt.CallsOff(p) {
		v.add(path, "%s ruft aus dem FIT-Store ab und unterzeichnet keine Vereinbarung; die Unterschrift unter den Abruf gehört nicht in „unterschrift“", p.Land)
		return
	}
	stand := v.f.Projekt.Vorhaben.Stand
	if !u.Datum.IsZero() && !stand.IsZero() && !v.f.failed[path+".datum"] && !v.f.failed["vorhaben.stand"] &&
		u.Datum.Time().After(stand.Time()) {
		v.add(path+".datum", "Unterschrift am %s liegt nach dem Stand %s; eine Unterschrift wird eingetragen, wenn sie gegeben ist – Datum oder „vorhaben.stand“ anpassen", u.Datum, stand)
	}
}

// weg checks the route a re-using Land takes in a star project with a
// FIT-Store offer (parteien[].weg).
func (v *validator) weg(i int, p Partei) {
	if p.Weg == "" {
		return
	}
	path, c := fmt.Sprintf("parteien[%d].weg", i), v.f.Projekt.Vertrag
	switch {
	case p.Rolle == "umsetzend":
		v.add(path, "„weg“ gilt nur für nachnutzende Länder; das umsetzende Land stellt den Online-Dienst bereit")
	case c.Form == "ring":
		v.add(path, "in der Ringstruktur schließen alle Länder dieselbe Vereinbarung; „weg“ gilt nur in der Sternstruktur mit FIT-Store-Angebot")
	case c.Form == "fit-store" && p.Weg == WegVereinbarung:
		v.add(path, "bei „form: fit-store“ ruft jedes nachnutzende Land aus dem FIT-Store ab; für eine eigene Vereinbarung „form: stern“ wählen")
	case c.Form == "stern" && p.Weg == WegFITStore && c.FITStore == nil && !v.f.failedUnder("vertrag.fit_store"):
		v.add(path, "„weg: fit_store“ braucht die Angaben zum FIT-Store-Angebot („vertrag.fit_store“)")
	case p.Weg == WegFITStore && p.Kommune != "":
		v.add(path, "eine Kommune („%s“) kann nicht aus dem FIT-Store abrufen; abrufen kann nur das Land (Leitfaden §2.3.4)", p.Kommune)
	}
}

// bearing returns the codes of the parties that bear a share of the key,
// in file order.
func (f *File) bearing() []string {
	var codes []string
	for _, p := range f.Projekt.Parteien {
		if p.Rolle == "nachnutzend" || (p.Rolle == "umsetzend" && f.Projekt.Verteilung.UmsetzendesLandTraegtAnteil) {
			codes = append(codes, string(p.Land))
		}
	}
	return codes
}

func (f *File) isParty(code string) bool {
	for _, p := range f.Projekt.Parteien {
		if string(p.Land) == code {
			return true
		}
	}
	return false
}

// maxTotalCents bounds the sum of all items of a project (10^15 cents,
// ten trillion euros): far beyond any real project, far below int64 limits,
// so the cost engine never meets an overflow on a validated file.
const maxTotalCents = 1_000_000_000_000_000

// maxYears bounds the distinct years of all positions: each year is a
// column of the cost tables, and more than this cannot be laid out
// readably on a page.
const maxYears = 12

func (v *validator) positionen() {
	ids := map[string]string{} // generated item id -> path that produced it
	hasReuser := false
	reusers := int64(0)
	for _, p := range v.f.Projekt.Parteien {
		hasReuser = hasReuser || p.Rolle == "nachnutzend"
		if p.Rolle == "nachnutzend" {
			reusers++
		}
	}
	var total int64
	totalReported := false
	years := map[int]bool{}
	yearsReported := false
	for i, pos := range v.f.Projekt.Kosten.Positionen {
		path := fmt.Sprintf("kosten.positionen[%d]", i)
		switch pos.Turnus {
		case "jaehrlich":
			if len(pos.Jahre) == 0 && !v.f.failed[path+".jahre"] {
				v.add(path+".turnus", "jährlicher Posten braucht „jahre“ (z. B. [2027, 2028])")
			}
			if pos.Jahr != 0 {
				v.add(path+".jahr", "„jahr“ gilt nur für einmalige Posten; für jährliche „jahre“ angeben")
			}
		case "einmalig":
			if len(pos.Jahre) > 0 {
				v.add(path+".jahre", "„jahre“ gilt nur für jährliche Posten; für einmalige höchstens „jahr“ angeben")
			}
		}
		for _, y := range append(slices.Clone(pos.Jahre), pos.Jahr) {
			if y != 0 {
				years[y] = true
			}
		}
		if len(years) > maxYears && !yearsReported {
			v.add(path+".jahre", "die Posten umfassen mehr als %d verschiedene Jahre; die Kostentabellen wären nicht mehr lesbar – Zeitraum kürzen oder Posten zusammenfassen", maxYears)
			yearsReported = true
		}
		for j, y := range pos.Jahre {
			if y < minYear || y > maxYear {
				v.add(fmt.Sprintf("%s.jahre[%d]", path, j), "Jahr %d liegt außerhalb von %d bis %d", y, minYear, maxYear)
			} else if j > 0 && y <= pos.Jahre[j-1] {
				v.add(fmt.Sprintf("%s.jahre[%d]", path, j), "Jahre müssen aufsteigend und ohne Wiederholung angegeben werden (%d nach %d)", y, pos.Jahre[j-1])
			}
		}
		if pos.Jahr != 0 && (pos.Jahr < minYear || pos.Jahr > maxYear) {
			v.add(path+".jahr", "Jahr %d liegt außerhalb von %d bis %d", pos.Jahr, minYear, maxYear)
		}
		if pos.Turnus == "jaehrlich" && pos.FinanziertDurch == "" {
			v.yearsInTerm(path, pos.Jahre)
		}
		if pos.ID != "" && !v.f.failed[path+".id"] {
			for _, id := range itemIDs(pos) {
				if other, dup := ids[id]; dup && other != path {
					v.add(path+".id", "Kennung „%s“ ist doppelt (auch %s)", id, other)
					break
				}
				ids[id] = path
			}
		}
		switch t := pos.Traegt; {
		case t == "" || t == TraegtSchluessel:
		case v.f.failedUnder("parteien"):
		case t == TraegtJeNachnutzendesLand:
			if !hasReuser {
				v.add(path+".traegt", "„je_nachnutzendes_land“, aber es gibt kein nachnutzendes Land")
			}
		case !v.f.isParty(string(t)):
			v.add(path+".traegt", "„%s“ ist weder „schluessel“, „je_nachnutzendes_land“ noch eine Vertragspartei", t)
		}
		n := max(int64(len(pos.Jahre)), 1)
		if pos.Traegt == TraegtJeNachnutzendesLand {
			n *= max(reusers, 1)
		}
		// amounts are at most 10^13 cents (format.ParseCents), n is small:
		// no overflow before the comparison
		if sum := pos.Betrag.Cent * n; !totalReported && (n > maxTotalCents/max(pos.Betrag.Cent, 1) || total+sum > maxTotalCents) {
			v.add(path+".betrag", "die Summe aller Posten überschreitet %s; Beträge prüfen", format.Money(maxTotalCents))
			totalReported = true
		} else {
			total += sum
		}
		if pos.FinanziertDurch != "" && pos.Traegt != "" {
			v.add(path+".traegt", "ein extern finanzierter Posten („finanziert_durch: %s“) wird von keiner Partei getragen; „traegt“ weglassen", pos.FinanziertDurch)
		}
	}
}

// yearsInTerm reports the years of a shared yearly position in which the
// agreement does not run: a party cannot owe running costs for a year
// before its beginning or after its end (the amount of a year the term
// covers only partly is charged pro rata by month).
func (v *validator) yearsInTerm(path string, years []int) {
	c := v.f.Projekt.Vertrag
	if c.Beginn.IsZero() || v.f.failed["vertrag.beginn"] {
		return
	}
	start, end := c.Beginn.Time().Year(), 0
	if c.Ende != nil && !c.Ende.IsZero() && c.Ende.Time().After(c.Beginn.Time()) {
		end = c.Ende.Time().Year()
	}
	var before, after []int
	first := -1
	for j, y := range years {
		switch {
		case y < 2000 || y > 2100:
			continue
		case y < start:
			before = append(before, y)
		case end != 0 && y > end:
			after = append(after, y)
		default:
			continue
		}
		if first < 0 {
			first = j
		}
	}
	if first < 0 {
		return
	}
	at := fmt.Sprintf("%s.jahre[%d]", path, first)
	if len(before) > 0 {
		v.add(at, "%s vor dem Beginn der Vereinbarung (%s); laufende Kosten entstehen erst ab %d", yearList(before), c.Beginn, start)
	}
	if len(after) > 0 {
		v.add(at, "%s nach dem Ende der Vereinbarung (%s)", yearList(after), c.Ende)
	}
}

// yearList names years for a message: "Jahr 2026 liegt", "Jahre 2000 bis
// 2026 liegen", "Jahre 2030, 2032 liegen".
func yearList(ys []int) string {
	if len(ys) == 1 {
		return fmt.Sprintf("Jahr %d liegt", ys[0])
	}
	if ys[len(ys)-1]-ys[0]+1 == len(ys) {
		return fmt.Sprintf("Jahre %d bis %d liegen", ys[0], ys[len(ys)-1])
	}
	return "Jahre " + joinInts(ys) + " liegen"
}

// itemIDs returns the item ids a position produces: "<id>" for one-off,
// "<id>-<year>" for yearly positions.
func itemIDs(p Position) []string {
	if p.Turnus != "jaehrlich" {
		return []string{p.ID}
	}
	ids := make([]string, len(p.Jahre))
	for i, y := range p.Jahre {
		ids[i] = p.ID + "-" + strconv.Itoa(y)
	}
	return ids
}

func (v *validator) verteilung() {
	vt := &v.f.Projekt.Verteilung
	if v.f.failedUnder("verteilung") && len(vt.Schluessel) == 0 {
		return
	}
	var sum int64
	weightsOK := true
	kinds := map[string]int{}
	for i, k := range vt.Schluessel {
		path := fmt.Sprintf("verteilung.schluessel[%d]", i)
		if v.f.failed[path+".gewicht"] || k.Gewicht.Hundertstel == 0 {
			weightsOK = false
		}
		sum += k.Gewicht.Hundertstel
		if j, dup := kinds[k.Art]; dup && k.Art != "" {
			v.add(path+".art", "Teilschlüssel „%s“ ist doppelt (auch verteilung.schluessel[%d]); Gewichte zusammenfassen", k.Art, j)
		}
		kinds[k.Art] = i
	}
	if weightsOK && len(vt.Schluessel) > 0 && sum != 10000 {
		v.add("verteilung.schluessel", "die Gewichte ergeben %s %%, nicht 100 %%", format.Weight(sum))
	}
	for i, k := range vt.Schluessel {
		v.schluesselteil(fmt.Sprintf("verteilung.schluessel[%d]", i), k)
	}
	if v.f.failedUnder("parteien") || v.f.failed["verteilung.umsetzendes_land_traegt_anteil"] {
		return // who bears costs is unknown; the value checks would mislead
	}
	bearing := v.f.bearing()
	if len(bearing) == 0 {
		v.add("verteilung.umsetzendes_land_traegt_anteil", "keine Partei trägt einen Anteil der Kosten")
		return
	}
	for i, k := range vt.Schluessel {
		v.bearingValues(fmt.Sprintf("verteilung.schluessel[%d]", i), k, bearing)
		if k.Art == "fest" && v.f.Projekt.Wechsel() {
			v.add(fmt.Sprintf("verteilung.schluessel[%d].art", i), "feste Anteile gelten nur für eine Zusammensetzung der Parteien; bei Beitritt oder Ausscheiden („beitritt_ab“, „austritt_zum“) lassen sie sich nicht neu berechnen – einen Schlüssel nach Königsteiner Schlüssel, Parität oder Werten je Land wählen")
		}
	}
}

// schluesselteil checks what a key part needs regardless of the parties.
func (v *validator) schluesselteil(path string, k Schluesselteil) {
	switch k.Art {
	case "koenigstein":
		if k.Jahr == 0 {
			v.add(path, "Königsteiner Schlüssel braucht „jahr“ (GWK-Jahr der Tabelle, verfügbar: %s)", joinInts(v.ref.KSJahre))
		} else if !slices.Contains(v.ref.KSJahre, k.Jahr) {
			v.add(path+".jahr", "für %d gibt es keine Tabelle des Königsteiner Schlüssels (verfügbar: %s); eigene Jahre über „ks_tabellen“ in config.yaml ergänzen", k.Jahr, joinInts(v.ref.KSJahre))
		}
		v.noWerte(path, k)
	case "paritaet":
		v.noJahr(path, k)
		v.noWerte(path, k)
	case "nutzung", "einwohner", "zielgruppe", "fest":
		v.noJahr(path, k)
	}
}

// bearingValues checks a key part against the cost-bearing parties.
func (v *validator) bearingValues(path string, k Schluesselteil, bearing []string) {
	switch k.Art {
	case "koenigstein":
		for _, c := range bearing {
			if p, ok := refdata.PartyByCode(c); ok && !p.IstLand {
				v.add(path+".art", "%s trägt Kosten, hat aber keinen Königsteiner Schlüssel", c)
			}
		}
	case "nutzung", "einwohner", "zielgruppe", "fest":
		v.werte(path, k, bearing)
	}
}

func (v *validator) noJahr(path string, k Schluesselteil) {
	if k.Jahr != 0 {
		v.add(path+".jahr", "„jahr“ gilt nur für den Königsteiner Schlüssel")
	}
}

func (v *validator) noWerte(path string, k Schluesselteil) {
	if k.Werte != nil {
		v.add(path+".werte", "Teilschlüssel „%s“ nimmt keine Werte je Land", k.Art)
	}
}

// werte checks the per-party values of a key part: one for every bearing
// party, no others, the right number format, and a usable sum.
func (v *validator) werte(path string, k Schluesselteil, bearing []string) {
	wp := path + ".werte"
	if k.Werte == nil {
		if !v.f.failed[wp] {
			v.add(path, "Teilschlüssel „%s“ braucht „werte“ für jede kostentragende Partei (%s)", k.Art, strings.Join(bearing, ", "))
		}
		return
	}
	var missing []string
	for _, c := range bearing {
		if _, ok := k.Werte.Get(c); !ok && !v.f.failed[wp+"."+c] {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		v.add(wp, "es fehlen Werte für %s", strings.Join(missing, ", "))
	}
	var sum int64
	ok := true
	for _, e := range k.Werte.Eintraege {
		ep := wp + "." + e.Land
		if !slices.Contains(bearing, e.Land) {
			if v.f.isParty(e.Land) {
				v.addAt(e.Pos, ep, "%s trägt keinen Anteil der Kosten; Wert entfernen", e.Land)
			} else {
				v.addAt(e.Pos, ep, "%s ist keine Vertragspartei", e.Land)
			}
			ok = false
			continue
		}
		var n int64
		var err error
		if k.Art == "fest" {
			n, err = format.ParseE5(e.Literal)
		} else {
			n, err = strconv.ParseInt(e.Literal, 10, 64)
			if err != nil {
				err = fmt.Errorf("erwartet eine ganze Zahl ≥ 0")
			}
		}
		switch {
		case err != nil:
			v.addAt(e.Pos, ep, "%v", err)
			ok = false
		case n < 0:
			v.addAt(e.Pos, ep, "„%s“ ist negativ", e.Literal)
			ok = false
		case n > 1e15:
			v.addAt(e.Pos, ep, "„%s“ ist unplausibel groß", e.Literal)
			ok = false
		default:
			sum += n
		}
	}
	if !ok || len(missing) > 0 {
		return
	}
	switch {
	case k.Art == "fest" && sum != 10_000_000:
		v.add(wp, "feste Anteile ergeben %s %%, nicht 100 %%", format.PercentPlain(sum))
	case sum == 0:
		v.add(wp, "alle Werte sind 0; der Schlüssel lässt sich nicht berechnen")
	}
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	if len(s) == 0 {
		return "keine"
	}
	return strings.Join(s, ", ")
}

// Decode parses and validates a project file. On any mistake it returns
// Errors holding every mistake of the file, decoding and semantic ones
// together, in file order.
func Decode(name string, src []byte, ref Reference) (*File, error) {
	f, errs := Parse(name, src)
	if !f.fatal {
		errs = append(errs, f.Validate(ref)...)
	}
	if len(errs) > 0 {
		return nil, capErrors(errs)
	}
	return f, nil
}

// projekt checks the schedule and the roles.
func (v *validator) projekt() {
	pr := v.f.Projekt.Projekt
	if pr == nil {
		return
	}
	last := -1
	for i, ph := range pr.Phasen {
		path := fmt.Sprintf("projekt.phasen[%d]", i)
		k := slices.Index(Phasen, ph.Phase)
		if k >= 0 && k <= last {
			v.add(path+".phase", "Phase „%s“ steht nicht in der Reihenfolge %s oder ist doppelt", ph.Phase, strings.Join(Phasen, ", "))
		}
		last = max(last, k)
		if !ph.Beginn.IsZero() && !ph.Ende.IsZero() && ph.Ende.Time().Before(ph.Beginn.Time()) {
			v.add(path+".ende", "Ende %s liegt vor dem Beginn %s", ph.Ende, ph.Beginn)
		}
		if i > 0 && !ph.Beginn.IsZero() && !pr.Phasen[i-1].Beginn.IsZero() && ph.Beginn.Time().Before(pr.Phasen[i-1].Beginn.Time()) {
			v.add(path+".beginn", "Beginn %s liegt vor dem Beginn der vorigen Phase (%s)", ph.Beginn, pr.Phasen[i-1].Beginn)
		}
	}
	for i, r := range pr.Rollen {
		if r.Land != "" && !v.f.failedUnder("parteien") && !v.f.isParty(string(r.Land)) {
			v.add(fmt.Sprintf("projekt.rollen[%d].land", i), "%s ist keine Vertragspartei", r.Land)
		}
	}
}
