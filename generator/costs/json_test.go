package costs

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMarshalJSON(t *testing.T) {
	t.Parallel()
	res, err := Compute(saxony())
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"parties":[` +
		`{"code":"ST","bears":false,"share_e5":0,"total_cents":12345,"by_year":{"2026":12345,"2027":0,"2028":0},"without_year_cents":0},` +
		`{"code":"SN","bears":true,"share_e5":6523179,"total_cents":63630571,"by_year":{"2026":0,"2027":31311259,"2028":31311259},"without_year_cents":1008053},` +
		`{"code":"TH","bears":true,"share_e5":3476821,"total_cents":34381774,"by_year":{"2026":0,"2027":16688741,"2028":16688741},"without_year_cents":1004292}],` +
		`"items":[` +
		`{"id":"betrieb-2027","position":"betrieb","category":"betrieb","label":"Betrieb","year":2027,"amount_cents":48000000,"basis":"by_key","split":{"SN":31311259,"TH":16688741}},` +
		`{"id":"betrieb-2028","position":"betrieb","category":"betrieb","label":"Betrieb","year":2028,"amount_cents":48000000,"basis":"by_key","split":{"SN":31311259,"TH":16688741}},` +
		`{"id":"anbindung","position":"anbindung","category":"anbindung","label":"Anbindung","amount_cents":2000000,"basis":"each_reuser","split":{"SN":1000000,"TH":1000000}},` +
		`{"id":"entwicklung","position":"entwicklung","category":"entwicklung","label":"","year":2026,"amount_cents":12345,"basis":"single","split":{"ST":12345}},` +
		`{"id":"schulung","position":"schulung","category":"","label":"","amount_cents":12345,"basis":"by_key","split":{"SN":8053,"TH":4292}}],` +
		`"external_items":[` +
		`{"id":"ozg","position":"ozg","category":"entwicklung","label":"OZG-Mittel","amount_cents":99000000,"basis":"external","split":{}}],` +
		`"total_cents":98024690,"years":[2026,2027,2028]}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	if !json.Valid(got) {
		t.Error("invalid JSON")
	}
}

// TestMarshalJSONContract checks the field names the templates rely on by
// decoding into a generic structure.
func TestMarshalJSONContract(t *testing.T) {
	t.Parallel()
	res, err := Compute(Input{
		Parties:   bearing("ST", "SN", "TH"),
		Key:       ksKey(),
		Positions: []Position{{ID: "betrieb", AmountCents: 48_000_000, Years: []int{2027}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Parties []struct {
			Code       string `json:"code"`
			ShareE5    int64  `json:"share_e5"`
			TotalCents int64  `json:"total_cents"`
		} `json:"parties"`
		Items []struct {
			ID          string           `json:"id"`
			AmountCents int64            `json:"amount_cents"`
			Split       map[string]int64 `json:"split"`
		} `json:"items"`
		TotalCents int64 `json:"total_cents"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Parties[0].Code != "ST" || got.Parties[0].ShareE5 != 2653499 || got.Parties[0].TotalCents != 12736795 {
		t.Errorf("party ST = %+v", got.Parties[0])
	}
	if got.Items[0].ID != "betrieb-2027" || got.Items[0].AmountCents != 48_000_000 ||
		got.Items[0].Split["ST"] != 12736795 || got.Items[0].Split["SN"] != 23002819 || got.Items[0].Split["TH"] != 12260386 {
		t.Errorf("item = %+v", got.Items[0])
	}
	if got.TotalCents != 48_000_000 {
		t.Errorf("total_cents = %d", got.TotalCents)
	}
}

func TestMarshalJSONZeroValue(t *testing.T) {
	t.Parallel()
	got, err := json.Marshal(Result{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"parties":[],"items":[],"external_items":[],"total_cents":0,"years":[]}`
	if string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
	got, err = json.Marshal(PartyResult{Code: `"<&>"`})
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(got) {
		t.Errorf("invalid JSON %s", got)
	}
}
