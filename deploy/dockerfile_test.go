package deploy

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction with its continuation lines
// joined.
type instruction struct{ cmd, args string }

func parseDockerfile(t *testing.T) []instruction {
	t.Helper()
	var out []instruction
	var cur string
	for _, line := range strings.Split(readFile(t, "Dockerfile"), "\n") {
		trimmed := strings.TrimSpace(line)
		if cur == "" && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if strings.HasSuffix(trimmed, `\`) {
			cur += strings.TrimSuffix(trimmed, `\`) + " "
			continue
		}
		cur += trimmed
		cmd, args, _ := strings.Cut(cur, " ")
		out = append(out, instruction{strings.ToUpper(cmd), strings.TrimSpace(args)})
		cur = ""
	}
	return out
}

// stages splits the instructions at each FROM.
func stages(ins []instruction) [][]instruction {
	var out [][]instruction
	for _, in := range ins {
		if in.cmd == "FROM" {
			out = append(out, nil)
		}
		if len(out) > 0 {
			out[len(out)-1] = append(out[len(out)-1], in)
		}
	}
	return out
}

func find(st []instruction, cmd string) []string {
	var args []string
	for _, in := range st {
		if in.cmd == cmd {
			args = append(args, in.args)
		}
	}
	return args
}

func TestDockerfileBuilderStage(t *testing.T) {
	st := stages(parseDockerfile(t))
	if len(st) != 2 {
		t.Fatalf("%d stages, want 2 (build, runtime)", len(st))
	}
	b := st[0]
	if got := b[0].args; got != "golang:1.26-bookworm AS build" {
		t.Errorf("builder FROM %q", got)
	}
	goMod := readFile(t, "go.mod")
	if m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(goMod); m == nil || m[1] != "1.26" {
		t.Errorf("go.mod wants Go %v; the builder image is golang:1.26", m)
	}
	if env := strings.Join(find(b, "ENV"), " "); !strings.Contains(env, "CGO_ENABLED=1") {
		t.Errorf("builder ENV %q: SQLite needs CGO_ENABLED=1", env)
	}
	build := ""
	for _, r := range find(b, "RUN") {
		if strings.Contains(r, "go build") {
			build = r
		}
	}
	for _, want := range []string{"-trimpath", "-X main.version=${VERSION}", "-o /out/tracker", "./cmd/tracker"} {
		if !strings.Contains(build, want) {
			t.Errorf("go build %q lacks %q", build, want)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", "tracker", "main.go")); err != nil {
		t.Errorf("the build path ./cmd/tracker: %v", err)
	}
	for _, src := range []string{"go.mod", "go.sum"} {
		if _, err := os.Stat(filepath.Join(root, src)); err != nil {
			t.Errorf("COPY %s: %v", src, err)
		}
	}
}

func TestDockerfileRuntimeStage(t *testing.T) {
	st := stages(parseDockerfile(t))
	if len(st) != 2 {
		t.Fatalf("%d stages, want 2", len(st))
	}
	r := st[1]
	if !strings.HasPrefix(r[0].args, "debian:bookworm-slim") {
		t.Errorf("runtime FROM %q", r[0].args)
	}
	run := strings.Join(find(r, "RUN"), " ")
	for _, want := range []string{"ca-certificates", "tzdata", "--uid 10001"} {
		if !strings.Contains(run, want) {
			t.Errorf("runtime RUN lacks %q", want)
		}
	}
	checks := map[string][]string{
		"COPY":       {"--from=build /out/tracker /usr/local/bin/tracker"},
		"USER":       {"10001:10001"},
		"VOLUME":     {"/data"},
		"EXPOSE":     {"8080"},
		"ENTRYPOINT": {`["/usr/local/bin/tracker"]`},
		"CMD":        {`["serve"]`},
	}
	for cmd, want := range checks {
		if got := find(r, cmd); !slices.Equal(got, want) {
			t.Errorf("runtime %s %q, want %q", cmd, got, want)
		}
	}
	env := strings.Join(find(r, "ENV"), " ")
	for _, want := range []string{"TRACKER_DB=/data/tracker.db", "TRACKER_ADDR=0.0.0.0:8080"} {
		if !strings.Contains(env, want) {
			t.Errorf("runtime ENV %q lacks %s", env, want)
		}
	}
	hc := find(r, "HEALTHCHECK")
	if len(hc) != 1 || !strings.HasSuffix(hc[0], `CMD ["/usr/local/bin/tracker", "healthcheck"]`) {
		t.Errorf("HEALTHCHECK %q, want the binary's own healthcheck", hc)
	}
}

// TestDockerignoreKeepsTheSources: the build context has what go build
// needs and leaves out databases and the git history.
func TestDockerignoreKeepsTheSources(t *testing.T) {
	lines := strings.Fields(readFile(t, ".dockerignore"))
	for _, want := range []string{".git", ".env", "*.db", "/data"} {
		if !slices.Contains(lines, want) {
			t.Errorf(".dockerignore lacks %s", want)
		}
	}
	for _, l := range lines {
		for _, keep := range []string{"go.mod", "go.sum", "cmd", "api", "models", "importer", "reports"} {
			if ok, _ := filepath.Match(strings.TrimPrefix(l, "/"), keep); ok {
				t.Errorf(".dockerignore pattern %q leaves out %s", l, keep)
			}
		}
	}
}
