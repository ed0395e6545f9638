package view

// Partei is one party with its official style and its costs.
type Partei struct {
	Code, Kurzname, Name                 string
	Nominativ, Genitiv, Dativ, Akkusativ string
	VertretenDurch                       string
	Umsetzend, TraegtAnteil, IstLand     bool
	AnteilE5, GesamtCent                 int64
	ProJahr                              []int64 // aligned with Kosten.Jahre
	Ansprechperson                       *Kontakt
	Kommune, Behoerde, Anschrift         string
	Kontakte                             []RollenKontakt // fachlich, technisch, vertraglich, Rechnung
	LeitwegID, Haushaltsstelle           string
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
