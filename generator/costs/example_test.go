package costs_test

import (
	"encoding/json"
	"fmt"

	"github.com/vereinbar/vereinbar/generator/costs"
)

func ExampleShares() {
	parties := []costs.Party{{Code: "BB", Bears: true}, {Code: "BE", Bears: true}, {Code: "TH", Bears: true}}
	key := []costs.KeyPart{{
		Kind:   costs.Koenigstein,
		Weight: 10000,
		Values: map[string]int64{"BB": 303655, "BE": 508324, "TH": 269470},
	}}
	shares, err := costs.Shares(parties, key)
	fmt.Println(shares, err)
	// Output: [2807853 4700397 2491750] <nil>
}

func ExampleSplit() {
	amounts, err := costs.Split(100, []int64{3333334, 3333333, 3333333})
	fmt.Println(amounts, err)
	// Output: [34 33 33] <nil>
}

func ExampleCompute() {
	res, err := costs.Compute(costs.Input{
		Parties: []costs.Party{{Code: "ST"}, {Code: "SN", Bears: true}, {Code: "TH", Bears: true}},
		Key:     []costs.KeyPart{{Kind: costs.Paritaet, Weight: 10000}},
		Positions: []costs.Position{
			{ID: "betrieb", AmountCents: 1001, Years: []int{2027}},
			{ID: "entwicklung", AmountCents: 500, Bearer: costs.Bearer{Kind: costs.Single, Party: "ST"}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := json.MarshalIndent(res.Items[0], "", "  ")
	fmt.Println(string(out))
	for _, p := range res.Parties {
		fmt.Println(p.Code, p.ShareE5, p.TotalCents)
	}
	// Output:
	// {
	//   "id": "betrieb-2027",
	//   "position": "betrieb",
	//   "category": "",
	//   "label": "",
	//   "year": 2027,
	//   "amount_cents": 1001,
	//   "basis": "by_key",
	//   "split": {
	//     "SN": 501,
	//     "TH": 500
	//   }
	// }
	// ST 0 500
	// SN 5000000 501
	// TH 5000000 500
}
