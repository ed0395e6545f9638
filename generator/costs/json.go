package costs

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
)

// MarshalJSON encodes the result deterministically:
//
//	{"parties":[…],"items":[…],"external_items":[…],"total_cents":0,"years":[…]}
//
// followed, when a party joins or leaves, by "periods" (the key of every
// period of constant composition) and "plan" (the split of the agreement
// as concluded, in the same form).
// Empty lists are encoded as [] rather than null. years lists real years
// only: items without a year have no year in the JSON, not 0.
func (r Result) MarshalJSON() ([]byte, error) {
	type wire struct {
		Parties    []PartyResult `json:"parties"`
		Items      []ItemResult  `json:"items"`
		External   []ItemResult  `json:"external_items"`
		TotalCents int64         `json:"total_cents"`
		Years      []int         `json:"years"`
		Periods    []Period      `json:"periods,omitempty"`
		Plan       *Result       `json:"plan,omitempty"`
	}
	return json.Marshal(wire{
		Parties:    nonNil(r.Parties),
		Items:      nonNil(r.Items),
		External:   nonNil(r.External),
		TotalCents: r.TotalCents,
		Years:      slices.DeleteFunc(slices.Clone(nonNil(r.Years)), func(y int) bool { return y == 0 }),
		Periods:    r.Periods,
		Plan:       r.Plan,
	})
}

// MarshalJSON encodes a period of constant composition as
//
//	{"from":"2027-01","to":"2028-06","shares":{"SH":5000000,"ST":5000000}}
//
// with the shares in party input order; from and to are left out when
// the period has no stated first or last month.
func (p Period) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	if !p.From.IsZero() {
		b.WriteString(`"from":"` + p.From.String() + `",`)
	}
	if !p.To.IsZero() {
		b.WriteString(`"to":"` + p.To.String() + `",`)
	}
	b.WriteString(`"shares":{`)
	for i, s := range p.Shares {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeJSON(&b, s.Code); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		b.WriteString(strconv.FormatInt(s.ShareE5, 10))
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}

// writeYears writes a map of years to cents as a JSON object with the
// years ascending (0, items without a year, left out).
func writeYears(b *bytes.Buffer, m map[int]int64) {
	years := make([]int, 0, len(m))
	for y := range m {
		if y != 0 {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	b.WriteByte('{')
	for i, y := range years {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + strconv.Itoa(y) + `":` + strconv.FormatInt(m[y], 10))
	}
	b.WriteByte('}')
}

// MarshalJSON encodes a party as
//
//	{"code":"ST","bears":true,"share_e5":2653499,"total_cents":123,"by_year":{"2027":123}}
//
// with the years of by_year ascending. The amount of items without a year
// is not a year "0" but "without_year_cents" after by_year, present
// (possibly 0) when the result has such items; by_year and
// without_year_cents add up to total_cents.
func (p PartyResult) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"code":`)
	if err := writeJSON(&b, p.Code); err != nil {
		return nil, err
	}
	b.WriteString(`,"bears":`)
	b.WriteString(strconv.FormatBool(p.Bears))
	b.WriteString(`,"share_e5":`)
	b.WriteString(strconv.FormatInt(p.ShareE5, 10))
	b.WriteString(`,"total_cents":`)
	b.WriteString(strconv.FormatInt(p.TotalCents, 10))
	b.WriteString(`,"by_year":{`)
	years := make([]int, 0, len(p.ByYear))
	for y := range p.ByYear {
		if y != 0 {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	for i, y := range years {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(strconv.Itoa(y))
		b.WriteString(`":`)
		b.WriteString(strconv.FormatInt(p.ByYear[y], 10))
	}
	b.WriteByte('}')
	if without, ok := p.ByYear[0]; ok {
		b.WriteString(`,"without_year_cents":`)
		b.WriteString(strconv.FormatInt(without, 10))
	}
	// joining and leaving: the months and the Höchstbeträge (caps.go)
	if !p.From.IsZero() {
		b.WriteString(`,"from":"` + p.From.String() + `"`)
	}
	if !p.To.IsZero() {
		b.WriteString(`,"to":"` + p.To.String() + `"`)
	}
	if p.CapByYear != nil {
		b.WriteString(`,"cap_by_year":`)
		writeYears(&b, p.CapByYear)
	}
	if p.CapAdjustByYear != nil {
		b.WriteString(`,"cap_adjust_by_year":`)
		writeYears(&b, p.CapAdjustByYear)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalJSON encodes an item as
//
//	{"id":"betrieb-2027","position":"betrieb","category":"betrieb","label":"…",
//	 "year":2027,"amount_cents":48000000,"basis":"by_key","split":{"ST":11420400}}
//
// where split is an object whose keys follow the party input order. An
// item without a year has no "year".
func (it ItemResult) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	type field struct {
		name  string
		value any
	}
	fields := []field{
		{"id", it.ID},
		{"position", it.Position},
		{"category", it.Category},
		{"label", it.Label},
	}
	if it.Year != 0 {
		fields = append(fields, field{"year", it.Year})
	}
	// a yearly item charged for part of a year says for how many months
	if it.Months > 0 && it.Months < 12 {
		fields = append(fields, field{"months", it.Months})
	}
	fields = append(fields, field{"amount_cents", it.AmountCents}, field{"basis", it.Basis})
	b.WriteByte('{')
	for _, f := range fields {
		b.WriteByte('"')
		b.WriteString(f.name)
		b.WriteString(`":`)
		if err := writeJSON(&b, f.value); err != nil {
			return nil, err
		}
		b.WriteByte(',')
	}
	b.WriteString(`"split":{`)
	for i, pa := range it.Split {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeJSON(&b, pa.Code); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		b.WriteString(strconv.FormatInt(pa.Cents, 10))
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b.Write(data)
	return nil
}

func nonNil[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return slices.Clip(s)
}
