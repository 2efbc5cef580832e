package httpx

import (
	"testing"
	"time"
)

// TestLoginThrottleDelaysGrowPerAccountAndAddress: five free tries per
// pair, then one try at a time after 30 s, 1 min, 2 min…; another address
// is not held up; a success clears the pair.
func TestLoginThrottleDelaysGrowPerAccountAndAddress(t *testing.T) {
	now := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
	l := NewLogins(func() time.Time { return now }, LoginLimits{PerAccount: 5, PerAddress: 100})
	fail := func(address string) error {
		a, err := l.begin("admin", address)
		if err == nil {
			a.done(true, false)
		}
		return err
	}
	for i := 0; i < 5; i++ {
		if err := fail("10.0.0.9"); err != nil {
			t.Fatalf("try %d refused: %v", i+1, err)
		}
	}
	if fail("10.0.0.9") == nil {
		t.Fatal("a 6th try at once was let through")
	}
	if a, err := l.begin("admin", "10.0.0.1"); err != nil {
		t.Fatalf("the owner at another address is locked out: %v", err)
	} else {
		a.done(false, true)
	}
	for _, wait := range []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute} {
		now = now.Add(wait - time.Second)
		if fail("10.0.0.9") == nil {
			t.Fatalf("a try %v after the last failure was let through", wait-time.Second)
		}
		now = now.Add(time.Second)
		if err := fail("10.0.0.9"); err != nil {
			t.Fatalf("a try %v after the last failure: %v", wait, err)
		}
	}
	if b := l.Blocks(); len(b) != 1 || b[0].Account != "admin" || b[0].Address != "10.0.0.9" || b[0].Failures != 9 {
		t.Errorf("blocks %+v", b)
	}
	if n := l.Clear("admin", ""); n != 1 || fail("10.0.0.9") != nil {
		t.Errorf("cleared %d; a try after clearing", n)
	}
}

func TestLoginThrottlePerAddressWindow(t *testing.T) {
	now := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
	l := NewLogins(func() time.Time { return now }, LoginLimits{PerAccount: 5, PerAddress: 3})
	for _, name := range []string{"a", "b", "c"} {
		a, err := l.begin(name, "10.0.0.9")
		if err != nil {
			t.Fatal(err)
		}
		a.done(true, false)
	}
	if _, err := l.begin("d", "10.0.0.9"); err == nil {
		t.Fatal("a 4th name from the address was let through")
	}
	now = now.Add(addressWindow + time.Second)
	if _, err := l.begin("d", "10.0.0.9"); err != nil {
		t.Errorf("after the window: %v", err)
	}
}
