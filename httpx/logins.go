package httpx

import (
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// Logins are the failed-login throttles the API's login and the log-in
// page share: 5 failures per account and 30 per client address in 15
// minutes, so guessing through either door counts against both.
type Logins struct {
	account, address *throttle
}

// NewLogins makes the throttles on the clock now.
func NewLogins(now func() time.Time) *Logins {
	return &Logins{account: newThrottle(5, 15*time.Minute, now), address: newThrottle(30, 15*time.Minute, now)}
}

// Login logs in unless the account or the client address has failed too
// often lately (ETOOMANY); it returns the user and a new token.
func (e *Env) Login(c *gin.Context, name, password string) (models.User, string, error) {
	l := e.Logins
	account, address := "u:"+name, "a:"+c.ClientIP()
	for _, t := range []*throttle{l.account, l.address} {
		key := account
		if t == l.address {
			key = address
		}
		if blocked, wait := t.blocked(key); blocked {
			return models.User{}, "", models.Errorf(models.ETOOMANY, "登录失败次数过多，请 %d 分钟后再试", int(wait.Minutes())+1)
		}
	}
	u, token, err := e.Store.Login(c, name, password)
	if models.ErrorCode(err) == models.EUNAUTHORIZED {
		l.account.fail(account)
		l.address.fail(address)
	} else if err == nil {
		l.account.reset(account)
	}
	return u, token, err
}

// ChangeOwnPassword changes the signed-in user's password when new and
// confirm agree, keeping the token keep (this request's) valid and
// revoking the others.
func (e *Env) ChangeOwnPassword(c *gin.Context, old, new, confirm, keep string) error {
	if new != confirm {
		return models.Errorf(models.EINVALID, "两次输入的新密码不一致")
	}
	return e.Store.ChangePassword(c, CurrentUser(c).ID, old, new, keep)
}

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
