package data

// The project file: one YAML file describes one re-use project. The Go types
// below are the single source of truth for three things at once:
//   - the strict decoder (decode.go) reads the `yaml` tag for key names and the
//     `jsonschema` tag for required fields, enums and bounds;
//   - the JSON Schema (schema.go) is reflected from the same tags;
//   - the semantic validation (validate.go) works on the decoded values.
// German keys, German descriptions: the users are German administrations.

// Projekt is one re-use project ("Nachnutzungsvorhaben").
type Projekt struct {
	Vorhaben               Vorhaben                `yaml:"vorhaben" jsonschema:"required" jsonschema_description:"Titel, Kurztitel, Stand und Version des Vorhabens."`
	Leistung               Leistung                `yaml:"leistung" jsonschema:"required" jsonschema_description:"Der nachgenutzte Online-Dienst und die OZG-Leistung(en)."`
	Vertrag                Vertrag                 `yaml:"vertrag" jsonschema:"required" jsonschema_description:"Rechtsform und Laufzeit der Vereinbarung."`
	Parteien               []Partei                `yaml:"parteien" jsonschema:"required,minItems=2" jsonschema_description:"Vertragsparteien; genau ein Land ist umsetzend. In den Dokumenten stehen sie in der Reihenfolge nach vertrag.reihenfolge; die Reihenfolge hier entscheidet nur, wer bei gleichen Resten der Rundung den Cent erhält (die früher genannte Partei)."`
	Kosten                 Kosten                  `yaml:"kosten" jsonschema:"required" jsonschema_description:"Kostenpositionen, einmalig oder jährlich."`
	Verteilung             Verteilung              `yaml:"verteilung" jsonschema:"required" jsonschema_description:"Verteilungsschlüssel für die gemeinsam getragenen Kosten."`
	Projekt                *Projektstand           `yaml:"projekt,omitempty" jsonschema_description:"Stand des Projekts (Phase); wird für Projektbeschreibung und Steckbrief erweitert."`
	Zahlung                *Zahlung                `yaml:"zahlung,omitempty" jsonschema_description:"Rechnungsstellung, Fälligkeit und Höchstbeträge; ohne Angabe jährlich im Voraus, 30 Tage Zahlungsziel, Höchstbetrag gleich dem Jahresbetrag."`
	Datenschutz            *Datenschutz            `yaml:"datenschutz,omitempty" jsonschema_description:"Rolle im Datenschutz (Auftragsverarbeitung nach Art. 28 oder gemeinsame Verantwortung nach Art. 26 DSGVO) und Angaben für die Anlage dazu; ohne Angabe gilt Auftragsverarbeitung (mit Warnung der Klauselprüfung)."`
	Informationssicherheit *Informationssicherheit `yaml:"informationssicherheit,omitempty" jsonschema_description:"Sicherheitsstandard, nach dem der Online-Dienst betrieben wird; ohne Angabe BSI IT-Grundschutz."`
}

// Zahlung says when the implementing Land invoices the shares, when they
// are due and how far the Höchstbeträge exceed the planned amounts.
type Zahlung struct {
	Turnus                string `yaml:"turnus,omitempty" jsonschema:"enum=jaehrlich,enum=halbjaehrlich,enum=vierteljaehrlich" jsonschema_description:"Abrechnungszeitraum: jaehrlich (Standard), halbjaehrlich oder vierteljaehrlich."`
	Zeitpunkt             string `yaml:"zeitpunkt,omitempty" jsonschema:"enum=im_voraus,enum=nachschuessig" jsonschema_description:"Rechnung zu Beginn des Abrechnungszeitraums (im_voraus, Standard) oder nach seinem Ablauf (nachschuessig: das umsetzende Land finanziert den Zeitraum vor)."`
	ZahlungszielTage      int    `yaml:"zahlungsziel_tage,omitempty" jsonschema:"minimum=14,maximum=90" jsonschema_description:"Tage nach Zugang der Rechnung bis zur Fälligkeit (Standard 30)."`
	HoechstbetragZuschlag int    `yaml:"hoechstbetrag_zuschlag,omitempty" jsonschema:"minimum=0,maximum=50" jsonschema_description:"Zuschlag in Prozent auf den geplanten Jahresbetrag jeder Vertragspartei, der ihren Höchstbetrag ergibt (Standard 0: Höchstbetrag = geplanter Betrag, auf volle Euro aufgerundet)."`
}

// Defaults of Zahlung.
const (
	DefaultTurnus           = "jaehrlich"
	DefaultZeitpunkt        = "im_voraus"
	DefaultZahlungszielTage = 30
)

// ZahlungOrDefault returns the payment terms with defaults filled in.
func (p *Projekt) ZahlungOrDefault() Zahlung {
	z := Zahlung{}
	if p.Zahlung != nil {
		z = *p.Zahlung
	}
	if z.Turnus == "" {
		z.Turnus = DefaultTurnus
	}
	if z.Zeitpunkt == "" {
		z.Zeitpunkt = DefaultZeitpunkt
	}
	if z.ZahlungszielTage == 0 {
		z.ZahlungszielTage = DefaultZahlungszielTage
	}
	return z
}

// Vorhaben identifies the project and fixes its date of status, which is
// the only date the generated documents use (reproducible output).
type Vorhaben struct {
	Titel     string `yaml:"titel" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Voller Titel, z. B. „Nachnutzung des EfA-Online-Dienstes „Wohngeld““."`
	Kurztitel string `yaml:"kurztitel" jsonschema:"required,pattern=^[a-z0-9]+(-[a-z0-9]+)*$,maxLength=64" jsonschema_description:"Kurzname aus Kleinbuchstaben, Ziffern und Bindestrichen; benennt das Ausgabeverzeichnis."`
	Stand     Datum  `yaml:"stand" jsonschema:"required" jsonschema_description:"Datum des Stands (JJJJ-MM-TT); erscheint in allen Dokumenten."`
	Version   string `yaml:"version" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Versionsbezeichnung des Entwurfs, z. B. „1.0“."`
	Status    string `yaml:"status,omitempty" jsonschema:"enum=entwurf,enum=final" jsonschema_description:"entwurf (Standard): jede Seite jedes Dokuments trägt „ENTWURF“; final: ohne Kennzeichnung, nur ohne Platzhalter (prüft „vereinbar check“)."`
}

// Entwurf reports whether the documents are a draft: status entwurf or
// not given. Only an explicit "final" removes the draft mark, so a
// document is never taken for a text to sign by omission.
func (v Vorhaben) Entwurf() bool { return v.Status != "final" }

// Leistung describes the online service and its catalogue keys.
type Leistung struct {
	OnlineDienst       string        `yaml:"online_dienst" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Name des Online-Dienstes."`
	OZG                []OZGLeistung `yaml:"ozg" jsonschema:"required,minItems=1" jsonschema_description:"OZG-Leistung(en) mit OZG-ID."`
	LeiKa              []LeiKa       `yaml:"leika" jsonschema:"required,minItems=1" jsonschema_description:"LeiKa-Schlüssel (14 Ziffern)."`
	Themenfeld         Themenfeld    `yaml:"themenfeld" jsonschema:"required" jsonschema_description:"Themenfeld des OZG-Umsetzungskatalogs."`
	Nachnutzungsmodell string        `yaml:"nachnutzungsmodell" jsonschema:"required,enum=efa,enum=zentral_entwickelt_dezentral_betrieben,enum=fim_eigenentwicklung" jsonschema_description:"efa (Einer für Alle), zentral_entwickelt_dezentral_betrieben oder fim_eigenentwicklung."`
	Begruendung        string        `yaml:"begruendung,omitempty" jsonschema_description:"Begründung, wenn keine bestehende Lösung nachgenutzt wird (Leitfaden §2.2.3)."`
	Reifegrad          *Reifegrad    `yaml:"reifegrad,omitempty" jsonschema_description:"Reifegrad Ist und Ziel mit Version des Reifegradmodells."`
	Betrieb            *Betrieb      `yaml:"betrieb,omitempty" jsonschema_description:"Service-Level des Betriebs für die Anlage „Leistungsbeschreibung und Service-Level“: Betreiber, Unterauftragnehmer, Verfügbarkeit, Servicezeiten, Reaktionszeiten, Wartungsfenster."`
}

// OZGLeistung is one OZG service bundle.
type OZGLeistung struct {
	ID          OZGID  `yaml:"id" jsonschema:"required" jsonschema_description:"OZG-ID, fünfstellig, beginnt mit 1 (z. B. 10092)."`
	Bezeichnung string `yaml:"bezeichnung" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Bezeichnung der OZG-Leistung."`
}

// Reifegrad is the maturity of the service in a named maturity model.
type Reifegrad struct {
	Ist    int    `yaml:"ist" jsonschema:"required,minimum=0,maximum=7" jsonschema_description:"Aktueller Reifegrad."`
	Ziel   int    `yaml:"ziel" jsonschema:"required,minimum=0,maximum=7" jsonschema_description:"Angestrebter Reifegrad."`
	Modell string `yaml:"modell" jsonschema:"required,enum=1.1,enum=2.0" jsonschema_description:"Reifegradmodell: 1.1 (Stufen 0–4) oder 2.0 (Stufen 0–7, ab Juli 2025)."`
}

// Vertrag holds the legal form and term of the agreement.
type Vertrag struct {
	Form                   string    `yaml:"form" jsonschema:"required,enum=ring,enum=stern,enum=fit-store" jsonschema_description:"ring (eine Vereinbarung aller Parteien), stern (je eine Vereinbarung zwischen umsetzendem und nachnutzendem Land) oder fit-store (Abruf über den FIT-Store)."`
	Beginn                 Datum     `yaml:"beginn" jsonschema:"required" jsonschema_description:"Beginn der Vereinbarung (JJJJ-MM-TT)."`
	Ende                   *Datum    `yaml:"ende,omitempty" jsonschema_description:"Ende der Vereinbarung; ohne Angabe unbefristet."`
	KuendigungsfristMonate int       `yaml:"kuendigungsfrist_monate" jsonschema:"required,minimum=0,maximum=60" jsonschema_description:"Kündigungsfrist in Monaten."`
	Steuerungsgremium      string    `yaml:"steuerungsgremium,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Bezeichnung des Steuerungsgremiums, das den Schlüssel festlegt."`
	Begruendung            string    `yaml:"begruendung,omitempty" jsonschema_description:"Begründung für die Sternstruktur (die Ringstruktur ist die Regel)."`
	Eingangsformel         string    `yaml:"eingangsformel,omitempty" jsonschema_description:"Abweichende Eingangsformel; ohne Angabe der Standardtext."`
	Reihenfolge            string    `yaml:"reihenfolge,omitempty" jsonschema:"enum=amtlich,enum=umsetzendes_land_zuerst" jsonschema_description:"Reihenfolge der Vertragsparteien in allen Dokumenten und Tabellen: amtlich (Standard; der Bund zuerst, dann die Länder von Baden-Württemberg bis Thüringen) oder umsetzendes_land_zuerst (das umsetzende Land vorn, die übrigen in amtlicher Reihenfolge)."`
	FITStore               *FITStore `yaml:"fit_store,omitempty" jsonschema_description:"Angaben zum FIT-Store-Angebot; Pflicht bei form: fit-store."`

	Umsatzsteuer        string          `yaml:"umsatzsteuer,omitempty" jsonschema:"enum=nicht_steuerbar,enum=steuerbar,enum=offen" jsonschema_description:"Umsatzsteuer auf die Kostenanteile (§ 2b UStG): nicht_steuerbar (Standard: die Parteien gehen von einer nicht steuerbaren Zusammenarbeit aus; fällt doch Steuer an, kommt sie hinzu), steuerbar (Beträge zuzüglich Umsatzsteuer) oder offen (verbindliche Auskunft des Finanzamts wird eingeholt)."`
	Unterzeichnung      *Unterzeichnung `yaml:"unterzeichnung,omitempty" jsonschema_description:"Form der Unterzeichnung und Inkrafttreten; ohne Angabe auf Papier im Umlaufverfahren, Inkrafttreten mit der letzten Unterschrift."`
	Verlaengerung       *Verlaengerung  `yaml:"verlaengerung,omitempty" jsonschema_description:"Verlängerung einer befristeten Vereinbarung (nur mit „ende“); ohne Angabe: Verlängerung um ein Jahr durch schriftliche Erklärung."`
	WeiterbetriebMonate *int            `yaml:"weiterbetrieb_monate,omitempty" jsonschema:"minimum=0,maximum=36" jsonschema_description:"Monate, die das umsetzende Land den Online-Dienst nach dem Ende der Vereinbarung (für eine ausscheidende Partei auf deren Verlangen) weiterbetreibt; ohne Angabe 12."`
	Aenderungen         []Aenderung     `yaml:"aenderungen,omitempty" jsonschema:"maxItems=19" jsonschema_description:"Die bereits geschlossenen Vereinbarungen zur Änderung dieser Vereinbarung, in ihrer Reihenfolge (die Erste zuerst), je mit dem Tag ihres Abschlusses. „vereinbar aenderung“ zitiert die letzte im Titel und im Einleitungssatz („… vom …, zuletzt geändert durch die Zweite Vereinbarung zur Änderung … vom …“), zählt die neue Änderung als nächste (ohne --nr: Anzahl + 1) und nennt in der Lesefassung alle. Ohne Angabe: noch nie geändert."`
}

// Aenderung is an amendment agreement (Änderungsvereinbarung) concluded
// earlier (vertrag.aenderungen[]).
type Aenderung struct {
	Datum Datum `yaml:"datum" jsonschema:"required" jsonschema_description:"Tag des Abschlusses der Änderungsvereinbarung (ihrer letzten Unterschrift, JJJJ-MM-TT); nicht nach dem Stand des Vorhabens, nicht vor der vorigen Änderung."`
}

// FITStore holds the references of a FIT-Store offer.
type FITStore struct {
	Angebot                      string `yaml:"angebot" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Bezeichnung oder Nummer des Angebots im FIT-Store."`
	LeistungsbeschreibungVersion string `yaml:"leistungsbeschreibung_version" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Version der Leistungsbeschreibung."`
	Abstimmungsschreiben         string `yaml:"abstimmungsschreiben,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Abstimmungsschreiben des umsetzenden Landes (Datum, Zeichen)."`
	AVV                          bool   `yaml:"avv" jsonschema:"required" jsonschema_description:"Ist eine Vereinbarung zur Auftragsverarbeitung (Art. 28 DSGVO) Teil des Abrufs?"`
}

// Partei is one contracting party.
type Partei struct {
	Land           LandCode      `yaml:"land" jsonschema:"required" jsonschema_description:"Kürzel des Landes (BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH) oder BUND."`
	Rolle          string        `yaml:"rolle" jsonschema:"required,enum=umsetzend,enum=nachnutzend" jsonschema_description:"umsetzend (betreibt den Dienst) oder nachnutzend."`
	VertretenDurch string        `yaml:"vertreten_durch" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Die Stelle, die die Partei bei der Unterzeichnung vertritt, im Nominativ mit Artikel, wie sie sich selbst nennt, z. B. „das Ministerium für Infrastruktur und Digitales“, „der Senator für Inneres und Sport“, „die Senatsverwaltung für Inneres und Sport“. Die Dokumente beugen sie („vertreten durch den Senator …“)."`
	Kommune        string        `yaml:"kommune,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Nur wenn die Partei eine Kommune des Landes ist: ihr Name, z. B. „Landeshauptstadt Magdeburg“. Kommunen können nicht aus dem FIT-Store abrufen."`
	Behoerde       string        `yaml:"behoerde,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Handelnde Behörde für Formulare (FIT-Store-Abruf), z. B. „Ministerium des Innern und für Kommunales“."`
	Anschrift      string        `yaml:"anschrift,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Postanschrift der Behörde."`
	Ansprechperson *Kontakt      `yaml:"ansprechperson,omitempty" jsonschema_description:"Ansprechperson des Landes für das Vorhaben."`
	Kontakte       *Kontakte     `yaml:"kontakte,omitempty" jsonschema_description:"Ansprechpersonen nach Zuständigkeit (FIT-Store-Abruf)."`
	Rechnung       *Rechnung     `yaml:"rechnung,omitempty" jsonschema_description:"Rechnungsdaten (FIT-Store-Abruf)."`
	Unterschrift   *Unterschrift `yaml:"unterschrift,omitempty" jsonschema_description:"Die Unterschrift der Partei unter die Vereinbarung, sobald sie gegeben ist (Umlaufverfahren): Tag, Ort, Name und Amtsbezeichnung erscheinen im Unterschriftenblock, „vereinbar status“ zeigt den Stand des Umlaufs. In der Sternstruktur gilt die Unterschrift des umsetzenden Landes für alle seine Vereinbarungen."`
	BeitrittAb     *Datum        `yaml:"beitritt_ab,omitempty" jsonschema_description:"Nur Ringstruktur, nur nachnutzende Länder: Tag, an dem das Land der laufenden Vereinbarung beitritt (nach dem Beginn, vor dem Ende). Das Land hat die Vereinbarung nicht unterzeichnet; es erhält eine Beitrittserklärung (beitrittserklaerung-<LAND>) und die übrigen Parteien eine Beitrittsmitteilung. Ab dem Beginn des Monats des Beitritts werden die Anteile neu berechnet; im ersten Jahr zahlt das Land anteilig nach Monaten. „unterschrift“ ist dann die Unterschrift unter die Beitrittserklärung."`
	AustrittZum    *Datum        `yaml:"austritt_zum,omitempty" jsonschema_description:"Nur Ringstruktur, nur nachnutzende Länder: Tag, zu dem die Partei durch ordentliche Kündigung ausscheidet. Nach der Klausel „Laufzeit und Kündigung“ nur zum Ende eines Kalenderjahres (31. Dezember) und mit der Kündigungsfrist (vertrag.kuendigungsfrist_monate), gerechnet vom Tag der Kündigung (kuendigung_am, ohne Angabe vorhaben.stand). Erzeugt die Kündigung (kuendigung-<LAND>); ab dem Folgemonat werden die Anteile der übrigen Parteien neu berechnet."`
	KuendigungAm   *Datum        `yaml:"kuendigung_am,omitempty" jsonschema_description:"Nur mit austritt_zum: Tag, an dem die Kündigung den anderen Vertragsparteien zugeht und von dem an die Kündigungsfrist läuft; ohne Angabe vorhaben.stand (das Datum der Kündigung)."`
	Weg            string        `yaml:"weg,omitempty" jsonschema:"enum=vereinbarung,enum=fit_store" jsonschema_description:"Nur Sternstruktur mit FIT-Store-Angebot: nutzt das nachnutzende Land den Dienst über eine eigene Vereinbarung (vereinbarung, Standard) oder über den Abruf aus dem FIT-Store (fit_store)? Der Abruf ersetzt dann die Vereinbarung; das Land schuldet seinen Anteil nur einmal."`
}

// Ways a re-using Land takes the service in a star project with a
// FIT-Store offer.
const (
	WegVereinbarung = "vereinbarung"
	WegFITStore     = "fit_store"
)

// CallsOff reports whether the party takes the service through a FIT-Store
// call-off: every re-using Land of form fit-store (except a Kommune, which
// cannot), and in a star project with an offer the re-using Länder that
// chose weg: fit_store. The call-off then replaces the agreement for it.
func (p *Projekt) CallsOff(pt Partei) bool {
	if pt.Rolle != "nachnutzend" || pt.Kommune != "" {
		return false
	}
	switch p.Vertrag.Form {
	case "fit-store":
		return true
	case "stern":
		return p.Vertrag.FITStore != nil && pt.Weg == WegFITStore
	}
	return false
}

// Kontakte are contacts by responsibility.
type Kontakte struct {
	Fachlich    *Kontakt `yaml:"fachlich,omitempty" jsonschema_description:"Fachliche Ansprechperson."`
	Technisch   *Kontakt `yaml:"technisch,omitempty" jsonschema_description:"Technische Ansprechperson."`
	Vertraglich *Kontakt `yaml:"vertraglich,omitempty" jsonschema_description:"Ansprechperson für Vertragsfragen."`
	Rechnung    *Kontakt `yaml:"rechnung,omitempty" jsonschema_description:"Ansprechperson für Rechnungen."`
}

// Rechnung holds invoice data.
type Rechnung struct {
	LeitwegID       LeitwegID `yaml:"leitweg_id" jsonschema:"required" jsonschema_description:"Leitweg-ID für E-Rechnungen, z. B. „05315-12345678-02“ (Grobadressierung, optional Feinadressierung, Prüfziffer)."`
	Haushaltsstelle string    `yaml:"haushaltsstelle,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Haushaltsstelle (Kapitel und Titel)."`
}

// Kontakt is a contact person.
type Kontakt struct {
	Name     string `yaml:"name" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Name."`
	Funktion string `yaml:"funktion,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Funktion oder Organisationseinheit."`
	Email    string `yaml:"email,omitempty" jsonschema:"format=email,maxLength=300" jsonschema_description:"E-Mail-Adresse."`
	Telefon  string `yaml:"telefon,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Telefonnummer."`
}

// Kosten lists the cost positions.
type Kosten struct {
	Positionen []Position `yaml:"positionen" jsonschema:"required,minItems=1" jsonschema_description:"Kostenpositionen in der Reihenfolge der Dokumente."`
}

// Kostenarten are the cost categories: Leitfaden §2.3.1 plus the eligible
// shared costs a)–e) of IT-Planungsrat decision 2021/24.
var kostenarten = []string{"erstentwicklung", "anbindung", "betrieb", "weiterentwicklung", "plattform", "wartung", "nutzungsabhaengig"}

// Position is one cost item, one-off or yearly.
type Position struct {
	ID              string  `yaml:"id" jsonschema:"required,pattern=^[a-z0-9]+(-[a-z0-9]+)*$" jsonschema_description:"Kennung aus Kleinbuchstaben, Ziffern, Bindestrichen; jährliche Posten heißen <id>-<jahr>."`
	Art             string  `yaml:"art" jsonschema:"required,enum=erstentwicklung,enum=anbindung,enum=betrieb,enum=weiterentwicklung,enum=plattform,enum=wartung,enum=nutzungsabhaengig" jsonschema_description:"Kostenart: erstentwicklung, anbindung (Leitfaden §2.3.1) oder nach IT-PLR 2021/24 betrieb (a), weiterentwicklung (b), plattform (c), wartung (d), nutzungsabhaengig (e)."`
	Bezeichnung     string  `yaml:"bezeichnung" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Bezeichnung der Position im Kostenplan."`
	Betrag          Betrag  `yaml:"betrag" jsonschema:"required" jsonschema_description:"Betrag in Euro mit höchstens zwei Nachkommastellen, z. B. \"480000.00\"; bei jährlichen Posten je Jahr, bei je_nachnutzendes_land je Land."`
	Turnus          string  `yaml:"turnus" jsonschema:"required,enum=einmalig,enum=jaehrlich" jsonschema_description:"einmalig oder jaehrlich."`
	Jahre           []int   `yaml:"jahre,omitempty" jsonschema_description:"Jahre eines jährlichen Postens."`
	Jahr            int     `yaml:"jahr,omitempty" jsonschema_description:"Jahr eines einmaligen Postens (optional)."`
	Traegt          Traeger `yaml:"traegt,omitempty" jsonschema_description:"Wer trägt die Kosten: schluessel (Standard, nach Verteilungsschlüssel), je_nachnutzendes_land (jedes nachnutzende Land den vollen Betrag) oder das Kürzel einer Partei."`
	FinanziertDurch string  `yaml:"finanziert_durch,omitempty" jsonschema:"enum=konjunkturprogramm,enum=fitko_digitalisierungsbudget,enum=fitko_stammbudget,enum=bund,enum=sonstige" jsonschema_description:"Außerhalb der Vereinbarung finanziert (wird ausgewiesen, aber nicht verteilt)."`
}

// Verteilung is the distribution key.
type Verteilung struct {
	UmsetzendesLandTraegtAnteil bool             `yaml:"umsetzendes_land_traegt_anteil" jsonschema:"required" jsonschema_description:"Trägt das umsetzende Land einen Anteil der verteilten Kosten?"`
	Schluessel                  []Schluesselteil `yaml:"schluessel" jsonschema:"required,minItems=1" jsonschema_description:"Teilschlüssel mit Gewichten, die zusammen 100 ergeben."`
	Festgelegt                  string           `yaml:"festgelegt_durch,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Beschluss, mit dem das Steuerungsgremium den Schlüssel festgelegt hat."`
}

// Schluesselteil is one weighted part of the key.
type Schluesselteil struct {
	Gewicht Prozent `yaml:"gewicht" jsonschema:"required" jsonschema_description:"Gewicht in Prozent (höchstens zwei Nachkommastellen); alle Gewichte ergeben 100."`
	Art     string  `yaml:"art" jsonschema:"required,enum=koenigstein,enum=paritaet,enum=nutzung,enum=einwohner,enum=zielgruppe,enum=fest" jsonschema_description:"koenigstein, paritaet, nutzung (Inanspruchnahme), einwohner, zielgruppe oder fest."`
	Jahr    int     `yaml:"jahr,omitempty" jsonschema_description:"Jahr des Königsteiner Schlüssels (GWK-Jahr); Pflicht bei koenigstein."`
	Werte   *Werte  `yaml:"werte,omitempty" jsonschema_description:"Werte je Land: Fallzahlen (nutzung), Einwohner, Zielgruppengröße (ganze Zahlen) oder feste Anteile in Prozent (fest, bis fünf Nachkommastellen, Summe 100)."`
	Quelle  string  `yaml:"quelle,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Herkunft der Werte, z. B. „Fallzahlen 2025 laut Statistik“."`
}

// Projektstand describes the project for the Projektbeschreibung and the
// Projektsteckbrief.
type Projektstand struct {
	Phase           string        `yaml:"phase" jsonschema:"required,enum=initialisierung,enum=pruefung,enum=planung,enum=umsetzung,enum=einfuehrung" jsonschema_description:"Aktuelle Projektphase (Leitfaden §3): initialisierung, pruefung (Prüfung Nachnutzung), planung (Planung Nachnutzung), umsetzung (Pilotierung), einfuehrung (Rollout)."`
	Ausgangslage    string        `yaml:"ausgangslage,omitempty" jsonschema_description:"Ausgangslage (Projektbeschreibung)."`
	Ziel            string        `yaml:"ziel,omitempty" jsonschema_description:"Ziel und Nutzen des Vorhabens."`
	Zielgruppen     []string      `yaml:"zielgruppen,omitempty" jsonschema_description:"Zielgruppen des Online-Dienstes."`
	Fallzahlen      string        `yaml:"fallzahlen,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Erwartete Fallzahlen, z. B. „rund 380.000 Anträge im Jahr“."`
	Phasen          []Phase       `yaml:"phasen,omitempty" jsonschema_description:"Zeitplan der fünf Projektphasen in ihrer Reihenfolge."`
	Meilensteine    []Meilenstein `yaml:"meilensteine,omitempty" jsonschema_description:"Meilensteine."`
	Risiken         []Risiko      `yaml:"risiken,omitempty" jsonschema_description:"Risiken mit Bewertung und Maßnahme."`
	Rollen          []Rolle       `yaml:"rollen,omitempty" jsonschema_description:"Rollen und Aufgaben je Dimension."`
	Technik         *Technik      `yaml:"technik,omitempty" jsonschema_description:"Technische Anbindung."`
	Datenschutz     string        `yaml:"datenschutz,omitempty" jsonschema_description:"Datenschutz (Projektbeschreibung)."`
	Abhaengigkeiten []string      `yaml:"abhaengigkeiten,omitempty" jsonschema_description:"Abhängigkeiten von anderen Vorhaben oder Diensten."`
}

// Phasen are the five project phases in their order (Leitfaden §3).
var Phasen = []string{"initialisierung", "pruefung", "planung", "umsetzung", "einfuehrung"}

// Phase is one of the five project phases with its dates.
type Phase struct {
	Phase  string `yaml:"phase" jsonschema:"required,enum=initialisierung,enum=pruefung,enum=planung,enum=umsetzung,enum=einfuehrung" jsonschema_description:"Projektphase."`
	Beginn Datum  `yaml:"beginn" jsonschema:"required" jsonschema_description:"Beginn der Phase."`
	Ende   Datum  `yaml:"ende" jsonschema:"required" jsonschema_description:"Ende der Phase."`
}

// Meilenstein is a milestone.
type Meilenstein struct {
	Bezeichnung string `yaml:"bezeichnung" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Bezeichnung."`
	Datum       Datum  `yaml:"datum" jsonschema:"required" jsonschema_description:"Geplantes Datum."`
	Erreicht    bool   `yaml:"erreicht,omitempty" jsonschema_description:"Bereits erreicht?"`
}

// Risiko is a risk with its rating (traffic light) and measure.
type Risiko struct {
	Bezeichnung string `yaml:"bezeichnung" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Beschreibung des Risikos."`
	Bewertung   string `yaml:"bewertung" jsonschema:"required,enum=hoch,enum=mittel,enum=niedrig" jsonschema_description:"hoch (rot), mittel (gelb) oder niedrig (grün)."`
	Massnahme   string `yaml:"massnahme,omitempty" jsonschema_description:"Maßnahme zur Minderung."`
}

// Rolle is a role with its tasks in one dimension (Leitfaden §4).
type Rolle struct {
	Rolle     string   `yaml:"rolle" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Rolle, z. B. „Projektleitung“, „OZG-Koordination“, „Fachreferat“."`
	Dimension string   `yaml:"dimension" jsonschema:"required,enum=organisatorisch,enum=rechtlich,enum=finanziell,enum=technisch" jsonschema_description:"Dimension: organisatorisch, rechtlich, finanziell oder technisch."`
	Land      LandCode `yaml:"land,omitempty" jsonschema_description:"Land, das die Rolle wahrnimmt (optional)."`
	Aufgaben  string   `yaml:"aufgaben" jsonschema:"required,minLength=1" jsonschema_description:"Aufgaben."`
}

// Technik describes the technical connection.
type Technik struct {
	Fachverfahren  string   `yaml:"fachverfahren,omitempty" jsonschema_description:"Anzubindende Fachverfahren."`
	Schnittstellen []string `yaml:"schnittstellen,omitempty" jsonschema_description:"Schnittstellen und Standards, z. B. „XFall“, „FIT-Connect“."`
	Basisdienste   []string `yaml:"basisdienste,omitempty" jsonschema_description:"Genutzte Basisdienste, z. B. „BundID“, „ePayBL“."`
}

// Unterzeichnung is how the agreement is signed and when it enters into
// force.
type Unterzeichnung struct {
	Form          string `yaml:"form,omitempty" jsonschema:"enum=papier,enum=elektronisch" jsonschema_description:"papier (Standard: je Vertragspartei eine Ausfertigung, im Umlaufverfahren unterzeichnet) oder elektronisch (qualifizierte elektronische Signaturen auf einer elektronischen Fassung)."`
	InKraft       bool   `yaml:"in_kraft,omitempty" jsonschema_description:"true, sobald die Vereinbarung in Kraft getreten ist (das umsetzende Land hat den Tag des Inkrafttretens mitgeteilt); „vereinbar check“ meldet dann jede fehlende Unterschrift als Fehler."`
	Inkrafttreten *Datum `yaml:"inkrafttreten,omitempty" jsonschema_description:"Tag des Inkrafttretens (JJJJ-MM-TT), wenn bis dahin alle unterzeichnet haben, sonst mit der letzten Unterschrift; spätestens am Beginn. Ohne Angabe: mit der letzten Unterschrift."`
}

// Unterschrift is a party's signature under the agreement, recorded once
// given.
type Unterschrift struct {
	Datum           Datum  `yaml:"datum" jsonschema:"required" jsonschema_description:"Tag der Unterschrift (JJJJ-MM-TT); nicht nach dem Stand des Vorhabens."`
	Ort             string `yaml:"ort" jsonschema:"required,minLength=1,maxLength=100" jsonschema_description:"Ort der Unterschrift, z. B. „Bremen“."`
	Name            string `yaml:"name" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Name der Person, die unterschrieben hat, z. B. „Dr. Erika Mustermann“."`
	Amtsbezeichnung string `yaml:"amtsbezeichnung" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Amtsbezeichnung der Person, z. B. „Staatsrätin“."`
}

// Verlaengerung is the extension of a fixed-term agreement.
type Verlaengerung struct {
	Art   string `yaml:"art" jsonschema:"required,enum=erklaerung,enum=automatisch,enum=keine" jsonschema_description:"erklaerung (Verlängerung für die Parteien, die sie bis zur Kündigungsfrist vor Ablauf schriftlich erklären), automatisch (Verlängerung, wenn niemand mit der Kündigungsfrist zum Ablauf kündigt) oder keine (nur durch Änderungsvereinbarung)."`
	Jahre int    `yaml:"jahre,omitempty" jsonschema:"minimum=1,maximum=10" jsonschema_description:"Jahre je Verlängerung; ohne Angabe 1."`
}

// Betrieb holds the service levels of the operation, printed in the annex
// "Leistungsbeschreibung und Service-Level".
type Betrieb struct {
	Betreiber          *Betreiber           `yaml:"betreiber,omitempty" jsonschema_description:"IT-Dienstleister, der den Online-Dienst im Auftrag des umsetzenden Landes betreibt (z. B. „Dataport AöR“); ohne Angabe betreibt ihn das umsetzende Land selbst."`
	Verfuegbarkeit     *Verfuegbarkeit      `yaml:"verfuegbarkeit,omitempty" jsonschema_description:"Zugesagte Verfügbarkeit in Prozent mit höchstens zwei Nachkommastellen, z. B. \"99.5\"."`
	Messzeitraum       string               `yaml:"messzeitraum,omitempty" jsonschema:"enum=kalendermonat,enum=quartal,enum=kalenderjahr" jsonschema_description:"Zeitraum, über den die Verfügbarkeit gemessen wird: kalendermonat (Standard), quartal oder kalenderjahr."`
	Servicezeiten      string               `yaml:"servicezeiten,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Servicezeiten des Supports, z. B. „montags bis freitags von 8 bis 17 Uhr, außer an gesetzlichen Feiertagen am Sitz des Betreibers“."`
	Reaktionszeiten    []Reaktionszeit      `yaml:"reaktionszeiten,omitempty" jsonschema_description:"Reaktions- und Wiederherstellungszeiten je Störungsstufe."`
	Wartungsfenster    string               `yaml:"wartungsfenster,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Regelmäßige Wartungsfenster, z. B. „dienstags von 20 bis 24 Uhr“."`
	Unterauftragnehmer []Unterauftragnehmer `yaml:"unterauftragnehmer,omitempty" jsonschema_description:"Weitere Dienstleister, die beim Betrieb mitwirken (zugleich Unterauftragsverarbeiter nach Art. 28 Abs. 2 und 4 DSGVO)."`
}

// Betreiber is the IT service provider that runs the service for the
// implementing Land.
type Betreiber struct {
	Name      string `yaml:"name" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Name, z. B. „Dataport AöR“."`
	Anschrift string `yaml:"anschrift" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Sitz oder Anschrift."`
	// Landesbetrieb marks a provider that is part of the implementing
	// Land itself, hence no processor of its own under Art. 28 DSGVO.
	Landesbetrieb bool `yaml:"landesbetrieb,omitempty" jsonschema_description:"true, wenn der Betreiber rechtlich unselbständiger Teil des umsetzenden Landes ist (Landesbetrieb nach § 26 LHO, z. B. IT.NRW): Er ist dann kein Unterauftragsverarbeiter, seine Verarbeitung ist die des umsetzenden Landes."`
}

// Unterauftragnehmer is a further service provider (sub-processor).
type Unterauftragnehmer struct {
	Name      string `yaml:"name" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Name."`
	Anschrift string `yaml:"anschrift" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Sitz oder Anschrift."`
	Leistung  string `yaml:"leistung" jsonschema:"required,minLength=1,maxLength=300" jsonschema_description:"Was er beim Betrieb leistet, z. B. „Rechenzentrumsbetrieb“."`
}

// Stoerungsstufen are the incident priorities, most urgent first.
var Stoerungsstufen = []string{"kritisch", "hoch", "mittel", "niedrig"}

// Reaktionszeit is the response (and restoration) time of one incident
// priority, in minutes within the service hours.
type Reaktionszeit struct {
	Stufe                    string `yaml:"stufe" jsonschema:"required,enum=kritisch,enum=hoch,enum=mittel,enum=niedrig" jsonschema_description:"Störungsstufe: kritisch, hoch, mittel oder niedrig."`
	ReaktionMinuten          int    `yaml:"reaktion_minuten" jsonschema:"required,minimum=1,maximum=43200" jsonschema_description:"Reaktionszeit in Minuten innerhalb der Servicezeiten, z. B. 120."`
	WiederherstellungMinuten int    `yaml:"wiederherstellung_minuten,omitempty" jsonschema:"minimum=1,maximum=129600" jsonschema_description:"Angestrebte Wiederherstellungszeit in Minuten innerhalb der Servicezeiten (optional)."`
}

// Datenschutz decides the data protection role and holds what its annex
// needs.
type Datenschutz struct {
	Rolle             string   `yaml:"rolle" jsonschema:"required,enum=auftragsverarbeitung,enum=gemeinsame_verantwortung" jsonschema_description:"auftragsverarbeitung (das umsetzende Land verarbeitet im Auftrag der zuständigen Stellen, Art. 28 DSGVO; Anlage: Vereinbarung zur Auftragsverarbeitung) oder gemeinsame_verantwortung (Art. 26 DSGVO; Anlage: Vereinbarung über die gemeinsame Verantwortlichkeit)."`
	Datenarten        []string `yaml:"datenarten,omitempty" jsonschema_description:"Arten personenbezogener Daten, z. B. „Identifikations- und Kontaktdaten“; ohne Angabe eine allgemeine Beschreibung."`
	Betroffene        []string `yaml:"betroffene,omitempty" jsonschema_description:"Kategorien betroffener Personen, z. B. „Antragstellende“; ohne Angabe eine allgemeine Beschreibung."`
	Anlaufstelle      string   `yaml:"anlaufstelle,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Anlaufstelle für betroffene Personen (Art. 26 Abs. 1 Satz 3 DSGVO), z. B. „Datenschutzbeauftragte des Ministeriums …, datenschutz@…“; ohne Angabe das umsetzende Land."`
	MeldefristStunden int      `yaml:"meldefrist_stunden,omitempty" jsonschema:"minimum=1,maximum=24" jsonschema_description:"Frist in Stunden, in der das umsetzende Land eine Verletzung des Schutzes personenbezogener Daten oder einen Sicherheitsvorfall meldet (höchstens 24, Standard 24)."`
}

// Informationssicherheit names the security baseline of the operation.
type Informationssicherheit struct {
	Standard           string `yaml:"standard,omitempty" jsonschema:"enum=it_grundschutz,enum=iso27001_grundschutz,enum=iso27001" jsonschema_description:"it_grundschutz (Standard: BSI-Standards 200-1 bis 200-3 und IT-Grundschutz-Kompendium), iso27001_grundschutz (ISO 27001 auf der Basis von IT-Grundschutz) oder iso27001 (ISO/IEC 27001)."`
	Sicherheitskonzept string `yaml:"sicherheitskonzept,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Bezeichnung und Stand des Sicherheitskonzepts des Betreibers, auf das die technischen und organisatorischen Maßnahmen verweisen."`
	Nachweis           string `yaml:"nachweis,omitempty" jsonschema:"maxLength=300" jsonschema_description:"Nachweis, z. B. Zertifikat mit Nummer und Gültigkeit."`
}
