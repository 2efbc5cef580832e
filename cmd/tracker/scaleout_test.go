package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// postgresSchema creates a fresh schema in TRACKER_TEST_POSTGRES (the test
// is skipped when it is unset), drops it when the test ends, and returns a
// DSN whose search_path is that schema.
func postgresSchema(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("TRACKER_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("TRACKER_TEST_POSTGRES is not set")
	}
	trackerBinary(t) // skips with -short before touching the database
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_scale_" + hex.EncodeToString(b)
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Exec("DROP SCHEMA " + schema + " CASCADE").Error; err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + schema
}

// TestScaleOutTwoServersOnePostgres runs two `tracker serve` processes on
// one PostgreSQL database, started at the same moment on an empty schema.
// Units upload through A only, through B only, or through both at once
// (two sessions racing on the same projects), and the city office sends
// a whole-city ledger through each; afterwards both processes
// must serve the same rates and history, holding every import, and each
// project's figure must be that of the last committed ledger that set it.
func TestScaleOutTwoServersOnePostgres(t *testing.T) {
	const rounds = 3
	dsn := postgresSchema(t)
	a, b := launchServer(t, "A", dsn, true), launchServer(t, "B", dsn, true)
	a.ready()
	b.ready()
	adminA, adminB := a.login("admin", adminPassword), b.login("admin", adminPassword)
	base := apiFigures(t, adminA)
	if len(base) != len(juneList()) {
		t.Fatalf("the portfolio has %d projects, want the demo's %d of June", len(base), len(juneList()))
	}

	byUnit := demoByUnit()
	rowsByUnit := map[string]int{}
	var streams [][]*unitUpload
	var clients []*apiClient
	var all []*unitUpload
	via := map[string]string{}
	names := addUploaders(t, dsn)
	for i, unit := range units {
		name := names[i]
		rowsByUnit[unit] = len(byUnit[unit])
		servers := [][]*server{{a}, {b}, {a, b}}[i%3]
		for s, srv := range servers {
			var ups []*unitUpload
			for r := 0; r < rounds; r++ {
				ups = append(ups, unitLedger(unit, byUnit[unit], s, r))
			}
			streams, all = append(streams, ups), append(all, ups...)
			clients = append(clients, srv.login(name, "pass-"+name))
			via[unit] += srv.name
		}
	}
	// The city office sends a whole-city ledger through each server.
	for s, srv := range []*server{a, b} {
		up := unitLedger("", juneList(), 8+s, 0)
		streams, all = append(streams, []*unitUpload{up}), append(all, up)
		clients = append(clients, srv.login("admin", adminPassword))
	}
	rowsByUnit[""] = len(juneList())
	t.Logf("units upload through: %v; the city through A and B", via)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	st := &stats{}
	start := time.Now()
	uploadAll(ctx, st, streams, clients)
	t.Logf("%d uploads through two servers in %v", len(all), time.Since(start).Round(time.Millisecond))
	st.log(t)
	st.check(t)
	if ctx.Err() != nil {
		t.Fatal("the uploads did not finish within their deadline")
	}

	want := lastWriterWins(base, all)
	for _, c := range []*apiClient{adminA, adminB} {
		checkHistory(t, c.importHistory(t), all, rowsByUnit)
		if d := want.diff(apiFigures(t, c)); d != "" {
			t.Errorf("%s: lost updates: %s", c.base, d)
		}
		checkRates(t, c, want)
	}
	for _, path := range []string{"/api/v1/rates?year=2024&quarter=2", "/api/v1/imports", "/api/v1/projects?year=2024&per_page=1000"} {
		if ra, rb := adminA.mustGet(t, path, nil), adminB.mustGet(t, path, nil); !bytes.Equal(ra, rb) {
			t.Errorf("%s differs between the two servers:\nA %.300s\nB %.300s", path, ra, rb)
		}
	}
}
