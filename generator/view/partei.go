package view

import (
	"time"

	"github.com/vereinbar/vereinbar/generator/data"
)

// Partei is one party with its official style and its costs.
type Partei struct {
	Code, Kurzname, Name                 string
	Nominativ, Genitiv, Dativ, Akkusativ string
	// VertretenDurch is the authority that signs for the party, in the
	// nominative as it names itself, with its article in lower case ("der
	// Senator für Inneres und Sport"); at the start of a line
	// {{satzanfang .VertretenDurch}}. VertretenDurchAkkusativ follows
	// "vertreten durch" ("den Senator …"), VertretenDurchDativ follows
	// "mit" or "gegenüber" ("dem Senator …").
	VertretenDurch, VertretenDurchAkkusativ, VertretenDurchDativ string
	Umsetzend, TraegtAnteil, IstLand                             bool
	AnteilE5, GesamtCent                                         int64
	ProJahr                                                      []int64 // aligned with Kosten.Jahre
	Ansprechperson                                               *Kontakt
	Kommune, Behoerde, Anschrift                                 string
	Kontakte                                                     []RollenKontakt // fachlich, technisch, vertraglich, Rechnung
	LeitwegID, Haushaltsstelle                                   string
	// Unterschrift is the party's signature once given
	// (parteien[].unterschrift); nil while it has not signed.
	Unterschrift *Unterschrift
}

// Unterschrift is a signature given: the day, and place, name and
// Amtsbezeichnung (escaped for the markup).
type Unterschrift struct {
	Datum                      time.Time
	Ort, Name, Amtsbezeichnung string
}

// RollenKontakt is a contact with its responsibility.
type RollenKontakt struct {
	Zustaendigkeit string // "fachlich", …
	Kontakt
}

// Kontakt is a contact person.
type Kontakt struct{ Name, Funktion, Email, Telefon string }

// FITStore are the references of a FIT-Store offer.
type FITStore struct {
	Angebot, LeistungsbeschreibungVersion, Abstimmungsschreiben string
	AVV                                                         bool
}

// Orders of the parties in the documents (vertrag.reihenfolge).
const (
	// OrderOfficial: the Bund first, then the Länder from
	// Baden-Württemberg to Thüringen (refdata.OfficialRank).
	OrderOfficial = "amtlich"
	// OrderImplementingFirst: the implementing party first, the others
	// in the official order.
	OrderImplementingFirst = "umsetzendes_land_zuerst"
)

// Order returns the indices of pr.Parteien in the order every document
// and table names the parties (vertrag.reihenfolge, by default the
// official order). It changes only what is shown: the cost split keeps
// the order of the project file, which decides ties in its rounding.
func Order(pr *data.Projekt) []int {
	return pr.Order()
}
