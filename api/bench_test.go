package api_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"tracker/models"
	"tracker/models/demo"
	"tracker/models/store"
	"tracker/server"
)

// scaledPortfolio repeats the demo portfolio times times under new codes.
func scaledPortfolio(times int) []models.Project {
	base := demo.Portfolio2024()
	out := make([]models.Project, 0, len(base)*times)
	for k := 0; k < times; k++ {
		for _, p := range base {
			p.Code = fmt.Sprintf("%s%04d", p.Code[:len(p.Code)-4], k)
			p.Name = fmt.Sprintf("%s-%d", p.Name, k)
			out = append(out, p)
		}
	}
	return out
}

// BenchmarkRatesEndpoint measures GET /api/v1/rates for the 530-project
// demo and a portfolio 100 times larger, on SQLite, through HTTP.
func BenchmarkRatesEndpoint(b *testing.B) {
	for _, times := range []int{1, 100} {
		b.Run(fmt.Sprintf("projects=%d", 530*times), func(b *testing.B) {
			s, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			if _, err := s.SeedPortfolio(ctx, scaledPortfolio(times), "bench"); err != nil {
				b.Fatal(err)
			}
			s.CreateUser(ctx, models.User{Name: "r", Role: models.RoleReviewer}, "password-r")
			_, token, _ := s.Login(ctx, "r", "password-r")
			hs := httptest.NewServer(server.New(s, server.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil))))
			defer hs.Close()
			req, _ := http.NewRequest("GET", hs.URL+"/api/v1/rates?year=2024&quarter=2", nil)
			req.Header.Set("Authorization", "Bearer "+token)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				resp, err := http.DefaultClient.Do(req)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("%v %v", resp.StatusCode, err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}
