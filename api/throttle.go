package api

import (
	"sync"
	"time"
)

// throttle counts failed logins per key (an account name or a client
// address) in a sliding window and refuses further tries once a key has
// failed max times within it. It is per process: each server guards its
// own door, which is enough to make guessing impractically slow.
type throttle struct {
	mu       sync.Mutex
	window   time.Duration
	max      int
	failures map[string][]time.Time
	now      func() time.Time
}

func newThrottle(max int, window time.Duration, now func() time.Time) *throttle {
	return &throttle{window: window, max: max, failures: map[string][]time.Time{}, now: now}
}

// blocked reports whether key has used up its tries, and for how long.
func (t *throttle) blocked(key string) (bool, time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	recent := t.recent(key)
	if len(recent) < t.max {
		return false, 0
	}
	return true, recent[0].Add(t.window).Sub(t.now())
}

// fail records a failed try.
func (t *throttle) fail(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.failures[key] = append(t.recent(key), t.now())
	if len(t.failures) > 100000 { // bound memory under a spray of names
		t.prune()
	}
}

// reset forgets key's failures after a success.
func (t *throttle) reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, key)
}

func (t *throttle) recent(key string) []time.Time {
	cutoff := t.now().Add(-t.window)
	fs := t.failures[key]
	i := 0
	for i < len(fs) && fs[i].Before(cutoff) {
		i++
	}
	return fs[i:]
}

func (t *throttle) prune() {
	for k := range t.failures {
		if len(t.recent(k)) == 0 {
			delete(t.failures, k)
		}
	}
}
