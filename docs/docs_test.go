// Package docs holds the project's documentation; its test keeps the
// documents at the top of the repository true to the code.
package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestLicenseIsMIT: the MIT licence text with the project as holder.
func TestLicenseIsMIT(t *testing.T) {
	l := read(t, "LICENSE")
	for _, want := range []string{"MIT License", "Copyright (c) 2026 tracker contributors",
		"Permission is hereby granted, free of charge, to any person obtaining a copy",
		`THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND`} {
		if !strings.Contains(l, want) {
			t.Errorf("LICENSE lacks %q", want)
		}
	}
}

// TestGoVersionIsTheOneTheReadmeStates: go.mod asks for the lowest Go
// release the code and its modules build with (1.26.0: excelize and
// golang.org/x need it), and the README's quick start says the same.
func TestGoVersionIsTheOneTheReadmeStates(t *testing.T) {
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(read(t, "go.mod"))
	if m == nil || m[1] != "1.26.0" {
		t.Fatalf("go.mod's go directive %v, want 1.26.0", m)
	}
	if !strings.Contains(read(t, "README.md"), "Go "+m[1]+" or later") {
		t.Errorf("the README does not say “Go %s or later”", m[1])
	}
}

// TestDocumentationStandsAlone: nothing the README, docs/ or scripts/ say
// points outside the repository, and every docs/ file the README links
// exists.
func TestDocumentationStandsAlone(t *testing.T) {
	var files []string
	for _, dir := range []string{"docs", "scripts"} {
		filepath.WalkDir(filepath.Join("..", dir), func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, path)
			}
			return err
		})
	}
	files = append(files, filepath.Join("..", "README.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "../"+"shared") || strings.Contains(string(b), "/work/"+"shared") {
			t.Errorf("%s points outside the repository", f)
		}
	}
	readme := read(t, "README.md")
	for _, m := range regexp.MustCompile(`\]\((docs/[^)]+)\)`).FindAllStringSubmatch(readme, -1) {
		if _, err := os.Stat(filepath.Join("..", m[1])); err != nil {
			t.Errorf("the README links %s: %v", m[1], err)
		}
	}
	for _, want := range []string{"docs/api.md", "docs/domain.md", "docs/benchmarks.md"} {
		if !strings.Contains(readme, "("+want+")") {
			t.Errorf("the README does not link %s", want)
		}
	}
}
