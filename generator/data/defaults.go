package data

// Defaults of the standard clauses' keys where the project file leaves
// them out; the view and the clause check read the values through the
// methods below, so both apply the same defaults.
const (
	DefaultUmsatzsteuer        = "nicht_steuerbar"
	DefaultVerlaengerung       = "erklaerung"
	DefaultVerlaengerungJahre  = 1
	DefaultWeiterbetriebMonate = 12
	DefaultRolle               = "auftragsverarbeitung"
	DefaultMeldefristStunden   = 24
	DefaultSicherheitsstandard = "it_grundschutz"
	DefaultMesszeitraum        = "kalendermonat"
	DefaultUnterzeichnungsform = "papier"
)

// UmsatzsteuerWert is vertrag.umsatzsteuer or its default.
func (v *Vertrag) UmsatzsteuerWert() string {
	if v.Umsatzsteuer == "" {
		return DefaultUmsatzsteuer
	}
	return v.Umsatzsteuer
}

// UnterzeichnungsformWert is vertrag.unterzeichnung.form or its default.
func (v *Vertrag) UnterzeichnungsformWert() string {
	if v.Unterzeichnung == nil || v.Unterzeichnung.Form == "" {
		return DefaultUnterzeichnungsform
	}
	return v.Unterzeichnung.Form
}

// VerlaengerungWert is the extension of a fixed-term agreement with its
// defaults; art is "" when the agreement has no end.
func (v *Vertrag) VerlaengerungWert() (art string, jahre int) {
	if v.Ende == nil {
		return "", 0
	}
	art, jahre = DefaultVerlaengerung, DefaultVerlaengerungJahre
	if x := v.Verlaengerung; x != nil {
		if x.Art != "" {
			art = x.Art
		}
		if x.Jahre > 0 {
			jahre = x.Jahre
		}
	}
	return art, jahre
}

// WeiterbetriebWert is vertrag.weiterbetrieb_monate or its default.
func (v *Vertrag) WeiterbetriebWert() int {
	if v.WeiterbetriebMonate == nil {
		return DefaultWeiterbetriebMonate
	}
	return *v.WeiterbetriebMonate
}

// DatenschutzRolle is datenschutz.rolle or its default.
func (p *Projekt) DatenschutzRolle() string {
	if p.Datenschutz == nil || p.Datenschutz.Rolle == "" {
		return DefaultRolle
	}
	return p.Datenschutz.Rolle
}

// MeldefristStundenWert is datenschutz.meldefrist_stunden or its default.
func (p *Projekt) MeldefristStundenWert() int {
	if p.Datenschutz == nil || p.Datenschutz.MeldefristStunden == 0 {
		return DefaultMeldefristStunden
	}
	return p.Datenschutz.MeldefristStunden
}

// SicherheitsstandardWert is informationssicherheit.standard or its
// default.
func (p *Projekt) SicherheitsstandardWert() string {
	if p.Informationssicherheit == nil || p.Informationssicherheit.Standard == "" {
		return DefaultSicherheitsstandard
	}
	return p.Informationssicherheit.Standard
}

// Unterauftragsverarbeiter are the providers that process data for the
// implementing Land as processors of their own: the operator (unless it
// is part of the Land itself) and every further provider, in this order.
func (b *Betrieb) Unterauftragsverarbeiter() []Unterauftragnehmer {
	if b == nil {
		return nil
	}
	var out []Unterauftragnehmer
	if o := b.Betreiber; o != nil && !o.Landesbetrieb {
		out = append(out, Unterauftragnehmer{Name: o.Name, Anschrift: o.Anschrift, Leistung: BetreiberLeistung})
	}
	return append(out, b.Unterauftragnehmer...)
}

// BetreiberLeistung is what the operator does, as the lists of
// sub-processors name it.
const BetreiberLeistung = "Betrieb des Online-Dienstes"
