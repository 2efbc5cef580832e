package httpx

import (
	"testing"
	"time"
)

func TestThrottleWindowSlides(t *testing.T) {
	now := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
	th := newThrottle(2, time.Minute, func() time.Time { return now })
	th.fail("k")
	th.fail("k")
	if b, _ := th.blocked("k"); !b {
		t.Fatal("not blocked after 2 failures")
	}
	now = now.Add(61 * time.Second)
	if b, _ := th.blocked("k"); b {
		t.Error("still blocked after the window")
	}
}
