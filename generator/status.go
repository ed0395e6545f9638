package generator

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
)

// Status is the state of the signing round (Umlaufverfahren) of every
// agreement of a project, as `vereinbar status --json` prints it. The
// field names are a stable interface: fields may be added, never renamed.
type Status struct {
	// File is the project file as given.
	File string `json:"file"`
	// Agreements are the project's agreements in output order: one in
	// ring form, one per re-using Land with an agreement in star form,
	// none for form fit-store.
	Agreements []AgreementStatus `json:"agreements"`
}

// AgreementStatus is the signing round of one agreement.
type AgreementStatus struct {
	// Document is the agreement's file name without extension, e.g.
	// "vereinbarung-SN".
	Document string `json:"document"`
	// Form is how it is signed: "papier" or "elektronisch".
	Form string `json:"form"`
	// Order are the parties' codes in circulation order.
	Order []string `json:"order"`
	// Signed are the signatures given, in circulation order.
	Signed []SignatureStatus `json:"signed"`
	// Missing are the codes of the parties that have not signed, in
	// circulation order.
	Missing []string `json:"missing"`
	// Next is the party the agreement goes to next; "" when all signed.
	Next string `json:"next"`
	// InForce is the day of entry into force (JJJJ-MM-TT) once all have
	// signed: the last signature or the stated day, whichever is later
	// (without a stated day at the earliest the beginning); "" while a
	// signature is missing.
	InForce string `json:"in_force"`
}

// SignatureStatus is one signature given.
type SignatureStatus struct {
	Land            string `json:"land"`
	Date            string `json:"date"`
	Place           string `json:"place"`
	Name            string `json:"name"`
	Amtsbezeichnung string `json:"amtsbezeichnung"`
}

// Status returns the signing round of each agreement of a validated
// project: the documents of the kind registry that are checked as an
// agreement (ring or star form).
func (g *Generator) Status(p *Project) Status {
	pr := p.Data()
	st := Status{File: p.Path, Agreements: []AgreementStatus{}}
	for _, d := range g.Docs(p) {
		if k, _ := d.Check(pr, nil); k != check.KindRing && k != check.KindStern {
			continue
		}
		st.Agreements = append(st.Agreements, agreementStatus(pr, d.File, d.Party))
	}
	return st
}

func agreementStatus(pr *data.Projekt, file, partner string) AgreementStatus {
	u := pr.Umlauf(partner)
	a := AgreementStatus{Document: file, Form: pr.Vertrag.UnterzeichnungsformWert(),
		Order: codes(pr, u.Parteien), Signed: []SignatureStatus{}, Missing: codes(pr, u.Missing)}
	for _, i := range u.Signed {
		s := pr.Parteien[i].Unterschrift
		a.Signed = append(a.Signed, SignatureStatus{Land: string(pr.Parteien[i].Land), Date: s.Datum.String(),
			Place: s.Ort, Name: s.Name, Amtsbezeichnung: s.Amtsbezeichnung})
	}
	if u.Next >= 0 {
		a.Next = string(pr.Parteien[u.Next].Land)
	}
	if !u.InKraft.IsZero() {
		a.InForce = u.InKraft.String()
	}
	return a
}

// codes returns the Land codes of parties by index.
func codes(pr *data.Projekt, idx []int) []string {
	out := make([]string, len(idx))
	for j, i := range idx {
		out[j] = string(pr.Parteien[i].Land)
	}
	return out
}
