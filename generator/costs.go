package generator

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/costtable"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/view"
)

// ErrCosts wraps failures of the cost engine on a validated project; they
// indicate a gap between validation and engine and are reported, never
// papered over.
var ErrCosts = errors.New("Kostenverteilung nicht berechenbar")

// Costs computes the exact cost split of a validated project.
func (g *Generator) Costs(p *Project) (*costs.Result, error) {
	in, err := g.costInput(p.Data())
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", p.Path, ErrCosts, err)
	}
	res, err := costs.Compute(in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", p.Path, ErrCosts, err)
	}
	return res, nil
}

// costInput maps the project onto the engine's input.
func (g *Generator) costInput(pr *data.Projekt) (costs.Input, error) {
	in := costs.Input{Term: view.TermOf(pr), CapSurchargePercent: pr.ZahlungOrDefault().HoechstbetragZuschlag}
	for _, pt := range pr.Parteien {
		bears := pt.Rolle == "nachnutzend" || pr.Verteilung.UmsetzendesLandTraegtAnteil
		party := costs.Party{Code: string(pt.Land), Bears: bears}
		if pt.Beitretend() {
			party.From = costs.Month{Year: pt.BeitrittAb.Time().Year(), Month: int(pt.BeitrittAb.Time().Month())}
		}
		if pt.Ausscheidend() {
			party.To = costs.Month{Year: pt.AustrittZum.Time().Year(), Month: int(pt.AustrittZum.Time().Month())}
		}
		if pt.Rolle == "umsetzend" {
			in.Implementing = string(pt.Land)
		}
		in.Parties = append(in.Parties, party)
		if pt.Rolle == "nachnutzend" {
			in.Reusers = append(in.Reusers, string(pt.Land))
		}
	}
	for i, k := range pr.Verteilung.Schluessel {
		part := costs.KeyPart{Kind: costs.KeyKind(k.Art), Weight: k.Gewicht.Hundertstel, Values: map[string]int64{}}
		switch k.Art {
		case "koenigstein":
			t, ok := g.ks.Table(k.Jahr)
			if !ok {
				return in, fmt.Errorf("verteilung.schluessel[%d]: keine KS-Tabelle %d", i, k.Jahr)
			}
			for _, p := range in.Parties {
				if p.Bears {
					part.Values[p.Code] = t.Werte[p.Code]
				}
			}
			part.Label = "Königsteiner Schlüssel " + strconv.Itoa(k.Jahr)
		case "paritaet":
		case "fest":
			for _, w := range werte(k) {
				v, err := format.ParseE5(w.Literal)
				if err != nil {
					return in, err
				}
				part.Values[w.Land] = v
			}
		default:
			for _, w := range werte(k) {
				v, err := strconv.ParseInt(w.Literal, 10, 64)
				if err != nil {
					return in, err
				}
				part.Values[w.Land] = v
			}
		}
		in.Key = append(in.Key, part)
	}
	for _, pos := range pr.Kosten.Positionen {
		cp := costs.Position{ID: pos.ID, Category: pos.Art, Label: pos.Bezeichnung, AmountCents: pos.Betrag.Cent, Year: pos.Jahr}
		if pos.Turnus == "jaehrlich" {
			cp.Years = pos.Jahre
		}
		switch {
		case pos.FinanziertDurch != "":
			cp.Bearer = costs.Bearer{Kind: costs.External}
		case pos.Traegt == data.TraegtJeNachnutzendesLand:
			cp.Bearer = costs.Bearer{Kind: costs.EachReuser}
		case pos.Traegt == "" || pos.Traegt == data.TraegtSchluessel:
			cp.Bearer = costs.Bearer{Kind: costs.ByKey}
		default:
			cp.Bearer = costs.Bearer{Kind: costs.Single, Party: string(pos.Traegt)}
		}
		in.Positions = append(in.Positions, cp)
	}
	return in, nil
}

func werte(k data.Schluesselteil) []data.Wert {
	if k.Werte == nil {
		return nil
	}
	return k.Werte.Eintraege
}

// WriteCostTable prints the cost split as a German plain-text table (see
// package costtable).
func WriteCostTable(w io.Writer, p *Project, r *costs.Result) error {
	return costtable.Write(w, p.Data(), r)
}

// WriteCostTableHTML writes the cost split as HTML tables for a page (see
// costtable.WriteHTML).
func WriteCostTableHTML(w io.Writer, p *Project, r *costs.Result) error {
	return costtable.WriteHTML(w, p.Data(), r)
}
