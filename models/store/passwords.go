package store

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"

	"tracker/models"
)

// Passwords are hashed with argon2id (RFC 9106) at OWASP's recommended
// minimum: 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a
// 32-byte key, stored in the PHC string form
// $argon2id$v=19$m=19456,t=2,p=1$SALT$KEY. Hashes from before (bcrypt,
// $2a$…) still verify and are replaced by an argon2id hash at the user's
// next successful login.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonKeyLen    = 32
)

// hashSlots bounds how many password hashes are computed at once in this
// process, so a burst of logins costs at most cap × 19 MiB of memory; the
// others wait their turn (bounded by their request).
var hashSlots = make(chan struct{}, 4)

// hashPassword returns the argon2id hash of password in PHC form.
func hashPassword(ctx context.Context, password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key, err := argonKey(ctx, password, salt, argonMemoryKiB, argonTime, argonThreads)
	if err != nil {
		return "", err
	}
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemoryKiB, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// argonKey computes an argon2id key once a hashing slot is free.
func argonKey(ctx context.Context, password string, salt []byte, memory, time uint32, threads uint8) ([]byte, error) {
	select {
	case hashSlots <- struct{}{}:
		defer func() { <-hashSlots }()
	case <-ctx.Done():
		return nil, models.Errorf(models.ETOOMANY, "系统正忙，请稍后重试")
	}
	return argon2.IDKey([]byte(password), salt, time, memory, threads, argonKeyLen), nil
}

// verifyPassword reports whether password matches hash (argon2id or an
// older bcrypt hash) and whether the hash should be replaced by one with
// the current parameters. A malformed hash matches nothing.
func verifyPassword(ctx context.Context, hash, password string) (ok, rehash bool, err error) {
	if strings.HasPrefix(hash, "$2") {
		// bcrypt reads at most 72 bytes; a longer password cannot be one
		// it hashed (bcrypt refused to hash those), so it does not match.
		if len(password) > 72 {
			return false, false, nil
		}
		return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil, true, nil
	}
	var v int
	var memory, time uint32
	var threads uint8
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, false, nil
	}
	if _, err := fmt.Sscanf(parts[2]+" "+parts[3], "v=%d m=%d,t=%d,p=%d", &v, &memory, &time, &threads); err != nil || memory > 1<<20 || time > 16 {
		return false, false, nil
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false, false, nil
	}
	key, err := argonKey(ctx, password, salt, memory, time, threads)
	if err != nil {
		return false, false, err
	}
	ok = subtle.ConstantTimeCompare(key, want) == 1
	return ok, memory != argonMemoryKiB || time != argonTime || threads != argonThreads, nil
}

// dummyHash is compared against for unknown names, so that a login for a
// name that does not exist costs the same as one that does.
var dummyHash = fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s", argonMemoryKiB, argonTime, argonThreads,
	"c2FsdHNhbHRzYWx0c2FsdA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
