package models

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Password limits: a password has at least MinPasswordLength and at most
// MaxPasswordLength characters (runes: 25 Chinese characters are fine).
const (
	MinPasswordLength = 10
	MaxPasswordLength = 256
)

//go:embed common_passwords.txt
var commonPasswordList string

// commonPasswords are the embedded list's entries, lower-cased.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[strings.ToLower(line)] = true
		}
	}
	return m
}()

// CheckPassword says why password is not acceptable for the user name, or
// returns nil: it must have MinPasswordLength to MaxPasswordLength
// characters, must not be the name (in any case, reversed, or with only
// digits and punctuation around it), must not be on the list of common
// passwords, and must not be one character repeated, a run such as
// 1234567890 or abcdefghij, or a row of the keyboard.
func CheckPassword(name, password string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLength:
		return Errorf(EINVALID, "密码至少需要%d个字符", MinPasswordLength)
	case n > MaxPasswordLength:
		return Errorf(EINVALID, "密码不能超过%d个字符", MaxPasswordLength)
	case resemblesName(name, password):
		return Errorf(EINVALID, "密码不能是用户名或用户名加数字、符号，请另选一个")
	case commonPasswords[strings.ToLower(password)] || predictable(strings.ToLower(password)):
		return Errorf(EINVALID, "这个密码太常见或太有规律（如 1234567890、qwertyuiop、同一字符重复），很容易被猜到，请另选一个")
	}
	return nil
}

// resemblesName reports whether the password is the name, reversed, or
// the name with nothing but digits and punctuation added.
func resemblesName(name, password string) bool {
	name, p := strings.ToLower(strings.TrimSpace(name)), strings.ToLower(password)
	if utf8.RuneCountInString(name) < 2 {
		return false
	}
	if p == reverse(name) {
		return true
	}
	rest := strings.ReplaceAll(p, name, "")
	if rest == p {
		return false
	}
	return strings.IndexFunc(rest, unicode.IsLetter) < 0
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// keyboardRows are walks along a keyboard, read in both directions.
var keyboardRows = []string{"1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./", "0123456789", "abcdefghijklmnopqrstuvwxyz"}

// predictable reports whether p (lower case) is one character repeated, a
// short pattern repeated (abcabcabc…), or a stretch of one keyboard row or
// of the digits or letters in order, forwards or backwards.
func predictable(p string) bool {
	r := []rune(p)
	for size := 1; size <= 3; size++ {
		if len(r)%size == 0 && strings.Repeat(string(r[:size]), len(r)/size) == p {
			return true
		}
	}
	for _, row := range keyboardRows {
		if strings.Contains(row, p) || strings.Contains(reverse(row), p) {
			return true
		}
	}
	return false
}
