package httpx

import (
	"sort"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/models"
	"tracker/models/store"
)

// LoginLimits are the failed-login throttles' settings.
type LoginLimits struct {
	// PerAccount is how many wrong passwords one client address may try
	// for one account before each further try must wait: 30 s after the
	// first extra failure, doubling to at most 15 minutes. 5 when 0.
	PerAccount int
	// PerAddress is how many wrong passwords one client address may try,
	// for any names, in 15 minutes before it must wait. 30 when 0.
	PerAddress int
}

// Delays of the per-account throttle and how long failures are kept.
const (
	firstDelay     = 30 * time.Second
	maxDelay       = 15 * time.Minute
	addressWindow  = 15 * time.Minute
	forgetAfter    = 24 * time.Hour
	maxTrackedKeys = 100000
)

// Logins are the failed-login throttles the API's login, the log-in page
// and the password change share, so guessing through any door counts
// against all. Failures are counted per account and client address pair
// (a guesser elsewhere never locks the owner out) with growing delays,
// and per address. An attempt is reserved before its password is
// compared, so concurrent guesses cannot slip past the limit. The
// throttles are per process.
type Logins struct {
	mu        sync.Mutex
	now       func() time.Time
	limits    LoginLimits
	pairs     map[pairKey]*pairState
	addresses map[string][]time.Time // failures and attempts in flight, oldest first
}

type pairKey struct{ account, address string }

// pairState counts an account and address pair's failures since its last
// success, and the attempts of it being checked right now.
type pairState struct {
	failures, inFlight int
	last               time.Time
}

// NewLogins makes the throttles on the clock now.
func NewLogins(now func() time.Time, limits LoginLimits) *Logins {
	if limits.PerAccount <= 0 {
		limits.PerAccount = 5
	}
	if limits.PerAddress <= 0 {
		limits.PerAddress = 30
	}
	return &Logins{now: now, limits: limits, pairs: map[pairKey]*pairState{}, addresses: map[string][]time.Time{}}
}

// Limits are the throttles' limits in force.
func (l *Logins) Limits() LoginLimits { return l.limits }

// attempt is one reserved try; done records how it went.
type attempt struct {
	l   *Logins
	key pairKey
	at  time.Time
}

// begin reserves a try for account from address, or says how long to wait.
func (l *Logins) begin(account, address string) (*attempt, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now, key := l.now(), pairKey{account, address}
	st := l.pairs[key]
	if st == nil {
		st = &pairState{}
	}
	wait := st.wait(l.limits.PerAccount, now)
	recent := l.recentAt(address, now)
	if len(recent) >= l.limits.PerAddress {
		wait = max(wait, recent[0].Add(addressWindow).Sub(now))
	}
	if wait > 0 {
		return nil, tooMany(wait)
	}
	st.inFlight++
	l.pairs[key] = st
	l.addresses[address] = append(recent, now)
	if len(l.pairs)+len(l.addresses) > maxTrackedKeys {
		l.prune(now)
	}
	return &attempt{l: l, key: key, at: now}, nil
}

// wait is how long the pair must wait before its next try: none while its
// failures and tries in flight are under free; after that one try at a
// time, 30 s after the last failure, doubling with each failure beyond
// free up to 15 minutes.
func (st *pairState) wait(free int, now time.Time) time.Duration {
	n := st.failures + st.inFlight
	switch {
	case n < free:
		return 0
	case st.inFlight > 0:
		return firstDelay
	}
	d := firstDelay << min(n-free, 5)
	return max(0, st.last.Add(min(d, maxDelay)).Sub(now))
}

func tooMany(wait time.Duration) error {
	if wait < time.Minute {
		return models.Errorf(models.ETOOMANY, "登录失败次数过多，请 %d 秒后再试", int(wait.Seconds())+1)
	}
	return models.Errorf(models.ETOOMANY, "登录失败次数过多，请 %d 分钟后再试", int(wait.Minutes())+1)
}

// done records the outcome: a failure counts against the pair and the
// address; a success clears the pair and gives the address its try back;
// any other outcome (an error of ours) counts for neither.
func (a *attempt) done(failed, succeeded bool) {
	l := a.l
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.pairs[a.key]
	if st == nil { // cleared by an admin meanwhile
		return
	}
	st.inFlight--
	switch {
	case failed:
		st.failures++
		st.last = l.now()
	case succeeded:
		delete(l.pairs, a.key)
		l.release(a.key.address, a.at)
	default:
		l.release(a.key.address, a.at)
		if st.failures == 0 && st.inFlight == 0 {
			delete(l.pairs, a.key)
		}
	}
}

// release removes one reserved try at t from the address's list.
func (l *Logins) release(address string, t time.Time) {
	ts := l.addresses[address]
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].Equal(t) {
			l.addresses[address] = append(ts[:i:i], ts[i+1:]...)
			break
		}
	}
	if len(l.addresses[address]) == 0 {
		delete(l.addresses, address)
	}
}

func (l *Logins) recentAt(address string, now time.Time) []time.Time {
	ts := l.addresses[address]
	i := 0
	for i < len(ts) && !ts[i].After(now.Add(-addressWindow)) {
		i++
	}
	return ts[i:]
}

// prune forgets pairs without a failure for a day and addresses without
// one in their window, so a spray of names cannot grow memory unbounded.
func (l *Logins) prune(now time.Time) {
	for k, st := range l.pairs {
		if st.inFlight == 0 && now.Sub(st.last) > forgetAfter {
			delete(l.pairs, k)
		}
	}
	for a := range l.addresses {
		if len(l.recentAt(a, now)) == 0 {
			delete(l.addresses, a)
		}
	}
}

// Block is an account and address pair, or (Account "") an address, that
// must wait before its next login attempt.
type Block struct {
	Account  string    `json:"account"` // "" for a whole client address
	Address  string    `json:"address"`
	Failures int       `json:"failures"`
	Until    time.Time `json:"until"`
}

// Blocks lists who must wait now, longest wait first.
func (l *Logins) Blocks() []Block {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	out := []Block{}
	for k, st := range l.pairs {
		if w := st.wait(l.limits.PerAccount, now); w > 0 {
			out = append(out, Block{Account: k.account, Address: k.address, Failures: st.failures, Until: now.Add(w).UTC()})
		}
	}
	for a := range l.addresses {
		if recent := l.recentAt(a, now); len(recent) >= l.limits.PerAddress {
			out = append(out, Block{Address: a, Failures: len(recent), Until: recent[0].Add(addressWindow).UTC()})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Until.Equal(out[j].Until) {
			return out[i].Until.After(out[j].Until)
		}
		return out[i].Account+out[i].Address < out[j].Account+out[j].Address
	})
	return out
}

// Clear forgets the failures of account from address; with address "" of
// the account from every address; with account "" of the address (for
// every account too). It returns how many entries it cleared.
func (l *Logins) Clear(account, address string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for k := range l.pairs {
		if (account == "" || k.account == account) && (address == "" || k.address == address) {
			delete(l.pairs, k)
			n++
		}
	}
	if account == "" && address != "" && l.addresses[address] != nil {
		delete(l.addresses, address)
		n++
	}
	return n
}

// Login logs in unless the account from this client address, or the
// address, has failed too often lately (ETOOMANY); it returns the user and
// a new token.
func (e *Env) Login(c *gin.Context, name, password string) (models.User, string, error) {
	a, err := e.Logins.begin(name, c.ClientIP())
	if err != nil {
		return models.User{}, "", err
	}
	u, token, err := e.Store.Login(c, name, password)
	a.done(models.ErrorCode(err) == models.EUNAUTHORIZED, err == nil)
	return u, token, err
}

// ChangeOwnPassword changes the signed-in user's password when new and
// confirm agree, keeping the token keep (this request's) valid and
// revoking the others. A wrong old password counts as a failed login, so
// a stolen token cannot guess the password faster than the log-in page.
func (e *Env) ChangeOwnPassword(c *gin.Context, old, new, confirm, keep string) error {
	if new != confirm {
		return models.Errorf(models.EINVALID, "两次输入的新密码不一致")
	}
	u := CurrentUser(c)
	a, err := e.Logins.begin(u.Name, c.ClientIP())
	if err != nil {
		return err
	}
	err = e.Store.ChangePassword(c, u.ID, old, new, keep)
	a.done(err == store.ErrWrongPassword, err == nil)
	return err
}
