// GoFE anchor for `npm run bench:fe`: the DDH inner-product scheme of Abdalla et al. (the scheme of seed 003)
// in a 2048-bit group, timed on the same readings and weights as the ristretto255 benchmark. Reads
// {"readings": [...], "weights": [...], "days": n} on stdin (readings of all days, day after day), prints JSON.
// The group comes from simple.NewDDHPrecomp (fixed safe prime): simple.NewDDH would spend minutes generating one.
package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"time"

	"github.com/fentec-project/gofe/data"
	"github.com/fentec-project/gofe/innerprod/simple"
)

type input struct {
	Readings []int64 `json:"readings"`
	Weights  []int64 `json:"weights"`
	Days     int     `json:"days"`
}

type output struct {
	Constructor  string  `json:"constructor"`
	ModulusBits  int     `json:"modulusBits"`
	Length       int     `json:"length"`
	Bound        int64   `json:"bound"`
	SetupMs      float64 `json:"setupMs"`
	EncryptMs    float64 `json:"encryptMs"`
	DeriveKeyMs  float64 `json:"deriveKeyMs"`
	DecryptMs    float64 `json:"decryptMs"`
	CiphertextB  int     `json:"ciphertextBytes"`
	InnerProduct string  `json:"innerProduct"`
	Expected     string  `json:"expected"`
}

func ms(since time.Time) float64 { return float64(time.Since(since).Microseconds()) / 1000 }

func vector(values []int64) data.Vector {
	v := make(data.Vector, len(values))
	for i, value := range values {
		v[i] = big.NewInt(value)
	}
	return v
}

func run(in input) (output, error) {
	days := in.Days
	if days < 1 {
		days = 1
	}
	weights := make([]int64, 0, len(in.Weights)*days)
	for d := 0; d < days; d++ {
		weights = append(weights, in.Weights...)
	}
	readings := in.Readings[:len(weights)]
	// GoFE bounds every coordinate of x and y by one bound.
	bound := int64(1)
	expected := new(big.Int)
	for i := range readings {
		bound = max(bound, abs(readings[i])+1, abs(weights[i])+1)
		expected.Add(expected, new(big.Int).Mul(big.NewInt(readings[i]), big.NewInt(weights[i])))
	}
	out := output{Constructor: "simple.NewDDHPrecomp", ModulusBits: 2048, Length: len(readings), Bound: bound}

	start := time.Now()
	scheme, err := simple.NewDDHPrecomp(len(readings), 2048, big.NewInt(bound))
	if err != nil {
		return out, err
	}
	secret, public, err := scheme.GenerateMasterKeys()
	if err != nil {
		return out, err
	}
	out.SetupMs = ms(start)

	start = time.Now()
	cipher, err := scheme.Encrypt(vector(readings), public)
	if err != nil {
		return out, err
	}
	out.EncryptMs = ms(start)
	out.CiphertextB = len(cipher) * ((scheme.Params.P.BitLen() + 7) / 8)

	start = time.Now()
	key, err := scheme.DeriveKey(secret, vector(weights))
	if err != nil {
		return out, err
	}
	out.DeriveKeyMs = ms(start)

	start = time.Now()
	result, err := scheme.Decrypt(cipher, key, vector(weights))
	if err != nil {
		return out, err
	}
	out.DecryptMs = ms(start)
	out.InnerProduct = result.String()
	out.Expected = expected.String()
	return out, nil
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, "gofe bench: bad input:", err)
		os.Exit(2)
	}
	out, err := run(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gofe bench:", err)
		os.Exit(1)
	}
	_ = json.NewEncoder(os.Stdout).Encode(out)
}
