// Package deploy tests the container files at the top of the repository:
// docker-compose.yml through the compose-spec loader (the one Docker
// Compose uses) and the Dockerfile's stages, paths and settings. No Docker
// engine is needed.
package deploy

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

const root = ".."

// loadCompose loads docker-compose.yml as `docker compose` would, with env
// as the only environment (no .env file) and the given profiles active.
func loadCompose(t *testing.T, env map[string]string, profiles ...string) *types.Project {
	t.Helper()
	var pairs []string
	for k, v := range env {
		pairs = append(pairs, k+"="+v)
	}
	opts, err := cli.NewProjectOptions([]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root), cli.WithEnv(pairs), cli.WithProfiles(profiles), cli.WithName("tracker"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("docker-compose.yml does not load: %v", err)
	}
	return p
}

func TestComposeDefaultIsTrackerOnSQLite(t *testing.T) {
	p := loadCompose(t, map[string]string{"TRACKER_ADMIN_PASSWORD": "s3cret"})
	if got := p.ServiceNames(); !slices.Equal(got, []string{"tracker"}) {
		t.Fatalf("services without a profile: %v, want [tracker]", got)
	}
	tr := p.Services["tracker"]
	if tr.Build == nil || filepath.Clean(tr.Build.Context) != mustAbs(t, root) {
		t.Errorf("tracker build: %+v, want the repository root", tr.Build)
	}
	if len(tr.Ports) != 1 || tr.Ports[0].Published != "8080" || tr.Ports[0].Target != 8080 {
		t.Errorf("tracker ports: %+v, want 8080:8080", tr.Ports)
	}
	checkVolume(t, tr, "tracker-data", "/data")
	checkEnv(t, tr, map[string]string{
		"TRACKER_DB": "/data/tracker.db", "TRACKER_ADDR": "0.0.0.0:8080",
		"TRACKER_ADMIN_PASSWORD": "s3cret", "TRACKER_LOG_LEVEL": "info", "TRACKER_METRICS_TOKEN": "",
	})
	checkHealth(t, tr, []string{"CMD", "/usr/local/bin/tracker", "healthcheck"})
	if _, ok := p.Volumes["tracker-data"]; !ok {
		t.Errorf("volumes: %v, want tracker-data", keys(p.Volumes))
	}
}

func TestComposePostgresProfile(t *testing.T) {
	p := loadCompose(t, map[string]string{"TRACKER_ADMIN_PASSWORD": "s3cret", "POSTGRES_PASSWORD": "pgpw"}, "postgres")
	if got := p.ServiceNames(); !slices.Equal(got, []string{"postgres", "tracker", "tracker-pg"}) {
		t.Fatalf("services with profile postgres: %v", got)
	}
	pg := p.Services["postgres"]
	if pg.Image != "postgres:15" || !slices.Equal(pg.Profiles, []string{"postgres"}) {
		t.Errorf("postgres: image %q profiles %v", pg.Image, pg.Profiles)
	}
	checkVolume(t, pg, "postgres-data", "/var/lib/postgresql/data")
	checkEnv(t, pg, map[string]string{"POSTGRES_USER": "tracker", "POSTGRES_DB": "tracker", "POSTGRES_PASSWORD": "pgpw"})
	checkHealth(t, pg, []string{"CMD-SHELL", "pg_isready -U tracker -d tracker"})

	tp := p.Services["tracker-pg"]
	if !slices.Equal(tp.Profiles, []string{"postgres"}) || tp.Build == nil || tp.Image != p.Services["tracker"].Image {
		t.Errorf("tracker-pg: profiles %v, build %+v, image %q", tp.Profiles, tp.Build, tp.Image)
	}
	checkEnv(t, tp, map[string]string{
		"TRACKER_DB":   "postgres://tracker:pgpw@postgres:5432/tracker?sslmode=disable",
		"TRACKER_ADDR": "0.0.0.0:8080", "TRACKER_ADMIN_PASSWORD": "s3cret",
	})
	if d, ok := tp.DependsOn["postgres"]; !ok || d.Condition != types.ServiceConditionHealthy {
		t.Errorf("tracker-pg depends_on: %+v, want postgres service_healthy", tp.DependsOn)
	}
	checkHealth(t, tp, []string{"CMD", "/usr/local/bin/tracker", "healthcheck"})
	if len(tp.Ports) != 1 || tp.Ports[0].Published != "8081" || tp.Ports[0].Target != 8080 {
		t.Errorf("tracker-pg ports: %+v, want 8081:8080 (8080 is the SQLite tracker's)", tp.Ports)
	}
	if got := keys(p.Volumes); !slices.Equal(got, []string{"postgres-data", "tracker-data"}) {
		t.Errorf("volumes: %v", got)
	}
}

// TestComposeEnvironmentIsDocumented: every TRACKER_ variable the compose
// file sets is in the README's configuration table, and .env.example names
// exactly the variables the compose file reads from the environment.
func TestComposeEnvironmentIsDocumented(t *testing.T) {
	documented := readmeSettings(t)
	p := loadCompose(t, nil, "postgres")
	for _, name := range []string{"tracker", "tracker-pg"} {
		for k := range p.Services[name].Environment {
			if strings.HasPrefix(k, "TRACKER_") && !documented[k] {
				t.Errorf("%s sets %s, which the README's configuration table does not list", name, k)
			}
		}
	}
	compose := readFile(t, "docker-compose.yml")
	var used []string
	for _, m := range regexp.MustCompile(`\$\{([A-Z0-9_]+)`).FindAllStringSubmatch(compose, -1) {
		if m[1] != "TRACKER_VERSION" && !slices.Contains(used, m[1]) {
			used = append(used, m[1])
		}
	}
	var example []string
	for _, m := range regexp.MustCompile(`(?m)^([A-Z0-9_]+)=`).FindAllStringSubmatch(readFile(t, ".env.example"), -1) {
		example = append(example, m[1])
	}
	sort.Strings(used)
	sort.Strings(example)
	if !slices.Equal(used, example) {
		t.Errorf(".env.example names %v, the compose file reads %v", example, used)
	}
}

func checkVolume(t *testing.T, s types.ServiceConfig, source, target string) {
	t.Helper()
	for _, v := range s.Volumes {
		if v.Type == types.VolumeTypeVolume && v.Source == source && v.Target == target {
			return
		}
	}
	t.Errorf("%s volumes %+v: want named volume %s at %s", s.Name, s.Volumes, source, target)
}

func checkEnv(t *testing.T, s types.ServiceConfig, want map[string]string) {
	t.Helper()
	for k, v := range want {
		got, ok := s.Environment[k]
		switch {
		case !ok:
			t.Errorf("%s has no %s", s.Name, k)
		case got == nil && v != "" || got != nil && *got != v:
			t.Errorf("%s: %s=%v, want %q", s.Name, k, deref(got), v)
		}
	}
}

func checkHealth(t *testing.T, s types.ServiceConfig, test []string) {
	t.Helper()
	h := s.HealthCheck
	if h == nil || h.Disable || !slices.Equal([]string(h.Test), test) || h.Interval == nil || h.Retries == nil {
		t.Errorf("%s healthcheck %+v, want test %q with interval and retries", s.Name, h, test)
	}
}

// readmeSettings returns the environment variables in the README's
// configuration table.
func readmeSettings(t *testing.T) map[string]bool {
	t.Helper()
	readme := readFile(t, "README.md")
	start := strings.Index(readme, "## Configuration")
	if start < 0 {
		t.Fatal("README has no ## Configuration section")
	}
	section := readme[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	names := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(section))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "|") {
			for _, m := range regexp.MustCompile(`TRACKER_[A-Z0-9_]+`).FindAllString(sc.Text(), -1) {
				names[m] = true
			}
		}
	}
	return names
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustAbs(t *testing.T, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func deref(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}
