package server_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"tracker/server/servertest"
)

// TestReadmeTablesAreTheRoutes: every address the README's page and API
// tables name is a route of the server with that method, and every API
// route is in the API table, in one row.
func TestReadmeTablesAreTheRoutes(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	routes := map[string]bool{}
	for _, r := range servertest.New(t).Handler().Routes() {
		routes[r.Method+" "+braces.ReplaceAllString(r.Path, "{$1}")] = true
	}
	pages := section(t, readme, "## Pages")
	for _, m := range regexp.MustCompile("(?m)^\\| [^|`]*`(/[^`]*)`").FindAllStringSubmatch(pages, -1) {
		if !routes["GET "+m[1]] {
			t.Errorf("the README's page table names %s, which is no GET route", m[1])
		}
	}
	named := map[string]bool{}
	api := section(t, readme, "## API in brief")
	rows := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([^`]*)` \\|").FindAllStringSubmatch(api, -1) {
		if rows[m[1]] {
			t.Errorf("the README's API table has two rows for %s", m[1])
		}
		rows[m[1]] = true
	}
	for _, m := range regexp.MustCompile("`((?:GET|POST|PATCH|DELETE)(?:/(?:GET|POST|PATCH|DELETE))*) (/[^`?\\[ ]*)").FindAllStringSubmatch(api, -1) {
		for _, method := range strings.Split(m[1], "/") {
			named[method+" "+m[2]] = true
			if !routes[method+" "+m[2]] {
				t.Errorf("the README's API table names %s %s, which is no route", method, m[2])
			}
		}
	}
	for r := range routes {
		if path := strings.SplitN(r, " ", 2)[1]; (strings.HasPrefix(path, "/api/") || path == "/healthz" || path == "/metrics") && !named[r] {
			t.Errorf("%s is not in the README's API table", r)
		}
	}
}

var braces = regexp.MustCompile(`[:*]([a-z]+)`)

// section returns the README's text from heading to the next ## heading.
func section(t *testing.T, readme, heading string) string {
	t.Helper()
	i := strings.Index(readme, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("the README has no %q", heading)
	}
	s := readme[i+1:]
	if j := strings.Index(s[3:], "\n## "); j >= 0 {
		s = s[:j+3]
	}
	return s
}
