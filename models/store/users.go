package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"tracker/models"
)

type userRow struct {
	ID           int64 `gorm:"primaryKey"`
	Name         string
	Role         string
	District     string
	PasswordHash string
	Disabled     bool
	CreatedAt    time.Time
	// MustChangePassword: see models.User.
	MustChangePassword bool
}

func (userRow) TableName() string { return "users" }

func (r userRow) user() models.User {
	return models.User{ID: r.ID, Name: r.Name, Role: r.Role, District: r.District, Disabled: r.Disabled,
		MustChangePassword: r.MustChangePassword}
}

type tokenRow struct {
	Hash       string `gorm:"primaryKey"`
	UserID     int64
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastUsedAt *time.Time
}

func (tokenRow) TableName() string { return "tokens" }

// TokenLifetime is how long an API token or page session stays valid at
// most (absolute expiry), and TokenIdle how long it may go unused (idle
// expiry): a session left open on an office computer ends by itself.
const (
	TokenLifetime = 12 * time.Hour
	TokenIdle     = 2 * time.Hour
)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = models.MinPasswordLength

// CreateUser adds a user with an argon2id-hashed password that
// models.CheckPassword accepts. An uploader must name an existing
// reporting unit.
func (s *Store) CreateUser(ctx context.Context, u models.User, password string) (models.User, error) {
	if err := s.validateUser(ctx, u, password); err != nil {
		return models.User{}, err
	}
	hash, err := hashPassword(ctx, password)
	if err != nil {
		return models.User{}, err
	}
	row := userRow{Name: u.Name, Role: u.Role, District: u.District, PasswordHash: string(hash), CreatedAt: s.now(),
		MustChangePassword: u.MustChangePassword}
	var n int64
	if err := s.db.WithContext(ctx).Model(&userRow{}).Where("name = ?", u.Name).Count(&n).Error; err != nil {
		return models.User{}, err
	}
	if n > 0 {
		return models.User{}, models.Errorf(models.ECONFLICT, "用户名“%s”已存在", u.Name)
	}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return models.User{}, err
	}
	return row.user(), nil
}

func (s *Store) validateUser(ctx context.Context, u models.User, password string) error {
	switch {
	case strings.TrimSpace(u.Name) == "" || utf8.RuneCountInString(u.Name) > 64:
		return models.Errorf(models.EINVALID, "用户名不能为空，且不超过64个字符")
	case !models.ValidRole(u.Role):
		return models.Errorf(models.EINVALID, "角色“%s”无效，应为管理员（admin）、填报员（uploader）或审阅人（reviewer）", u.Role)
	case u.Role == models.RoleUploader && u.District == "":
		return models.Errorf(models.EINVALID, "填报员必须指定所属单位")
	}
	if err := models.CheckPassword(u.Name, password); err != nil {
		return err
	}
	if u.District == "" {
		return nil
	}
	units, err := s.Units(ctx)
	if err != nil {
		return err
	}
	for _, unit := range units {
		if unit.Name == u.District {
			return nil
		}
	}
	return models.Errorf(models.EINVALID, "区县“%s”不存在，请使用区县全称，例如“张店区”", u.District)
}

// CountUsers returns how many users exist.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&userRow{}).Count(&n).Error
	return n, err
}

// Login checks a name and password and returns the user and a new API
// token. Unknown names and wrong passwords get the same answer, and both
// cost a password hash, so neither leaks which names exist. A password
// hashed the old way (bcrypt) is hashed again with argon2id on success.
func (s *Store) Login(ctx context.Context, name, password string) (models.User, string, error) {
	denied := models.Errorf(models.EUNAUTHORIZED, "用户名或密码错误")
	var row userRow
	err := s.db.WithContext(ctx).Where("name = ?", name).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		if _, _, err := verifyPassword(ctx, dummyHash, password); err != nil {
			return models.User{}, "", err
		}
		return models.User{}, "", denied
	} else if err != nil {
		return models.User{}, "", err
	}
	ok, rehash, err := verifyPassword(ctx, row.PasswordHash, password)
	if err != nil {
		return models.User{}, "", err
	}
	if !ok || row.Disabled {
		return models.User{}, "", denied
	}
	if rehash {
		s.upgradeHash(ctx, row, password)
	}
	token, err := s.issueToken(ctx, row.ID)
	return row.user(), token, err
}

// upgradeHash replaces a user's old-style hash with an argon2id one; when
// that fails the old hash stays and the next login tries again.
func (s *Store) upgradeHash(ctx context.Context, row userRow, password string) {
	if hash, err := hashPassword(ctx, password); err == nil {
		s.db.WithContext(ctx).Model(&userRow{}).Where("id = ? AND password_hash = ?", row.ID, row.PasswordHash).
			Update("password_hash", hash)
	}
}

// issueToken stores the SHA-256 of a fresh 256-bit random token: a stolen
// database does not yield usable tokens.
func (s *Store) issueToken(ctx context.Context, userID int64) (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	token := base64.RawURLEncoding.EncodeToString(raw)
	now := s.now()
	row := tokenRow{Hash: hashToken(token), UserID: userID, CreatedAt: now, ExpiresAt: now.Add(TokenLifetime), LastUsedAt: &now}
	return token, s.db.WithContext(ctx).Create(&row).Error
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// UserByToken returns the active user a token belongs to, or EUNAUTHORIZED
// for an unknown, expired (TokenLifetime), idle (TokenIdle) or revoked
// token or a disabled user. It notes the token's use at most once a minute,
// so reads do not turn into a write per request.
func (s *Store) UserByToken(ctx context.Context, token string) (models.User, error) {
	denied := models.Errorf(models.EUNAUTHORIZED, "登录已失效或令牌无效，请重新登录")
	if token == "" || len(token) > 200 {
		return models.User{}, denied
	}
	now := s.now()
	var tk tokenRow
	err := s.db.WithContext(ctx).Where("hash = ? AND expires_at > ?", hashToken(token), now).Take(&tk).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || err == nil && tk.LastUsedAt != nil && now.Sub(*tk.LastUsedAt) > TokenIdle {
		return models.User{}, denied
	} else if err != nil {
		return models.User{}, err
	}
	var row userRow
	if err := s.db.WithContext(ctx).First(&row, tk.UserID).Error; err != nil || row.Disabled {
		return models.User{}, denied
	}
	if tk.LastUsedAt == nil || now.Sub(*tk.LastUsedAt) > time.Minute {
		// The idle clock must move, or a session in use would expire.
		if err := s.db.WithContext(ctx).Model(&tokenRow{}).Where("hash = ?", tk.Hash).Update("last_used_at", now).Error; err != nil {
			return models.User{}, err
		}
	}
	return row.user(), nil
}

// Logout revokes a token.
func (s *Store) Logout(ctx context.Context, token string) error {
	return s.db.WithContext(ctx).Where("hash = ?", hashToken(token)).Delete(&tokenRow{}).Error
}

// Token is an API or page session token as its owner may list it: an id
// (the start of its hash, never the token itself) and its lifetime.
type Token struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	Current   bool      `json:"current"` // the token of this request
}

// tokenIDLength is how much of a token's hash names it in lists.
const tokenIDLength = 16

// Tokens lists a user's unexpired tokens, newest first; current is the
// token of the asking request, marked in the list.
func (s *Store) Tokens(ctx context.Context, userID int64, current string) ([]Token, error) {
	var rows []tokenRow
	err := s.db.WithContext(ctx).Where("user_id = ? AND expires_at > ?", userID, s.now()).Order("created_at DESC").Find(&rows).Error
	out := make([]Token, len(rows))
	mine := hashToken(current)
	for i, r := range rows {
		out[i] = Token{ID: r.Hash[:tokenIDLength], CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt, Current: r.Hash == mine}
	}
	return out, err
}

// RevokeToken deletes one of a user's tokens by its id.
func (s *Store) RevokeToken(ctx context.Context, userID int64, id string) error {
	if len(id) != tokenIDLength || strings.Trim(id, "0123456789abcdef") != "" {
		return models.Errorf(models.EINVALID, "令牌编号“%s”格式不对", id)
	}
	res := s.db.WithContext(ctx).Where("user_id = ? AND hash LIKE ?", userID, id+"%").Delete(&tokenRow{})
	if res.Error == nil && res.RowsAffected == 0 {
		return models.Errorf(models.ENOTFOUND, "没有编号为 %s 的令牌", id)
	}
	return res.Error
}

// ErrWrongPassword is ChangePassword's error when the old password does
// not match: a guess, which the login throttles count.
var ErrWrongPassword = models.Errorf(models.EINVALID, "原密码不正确")

// ChangePassword lets a user replace their own password: the old one must
// match (ErrWrongPassword), the new one must differ and pass
// models.CheckPassword. Every other token of the user is revoked (a
// changed password should end forgotten sessions); keep stays valid.
func (s *Store) ChangePassword(ctx context.Context, id int64, old, new, keep string) error {
	var row userRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return notFound(err, "用户不存在")
	}
	ok, _, err := verifyPassword(ctx, row.PasswordHash, old)
	switch {
	case err != nil:
		return err
	case !ok:
		return ErrWrongPassword
	case old == new:
		return models.Errorf(models.EINVALID, "新密码不能与原密码相同")
	}
	if err := models.CheckPassword(row.Name, new); err != nil {
		return err
	}
	hash, err := hashPassword(ctx, new)
	if err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Model(&userRow{}).Where("id = ?", id).
			Updates(map[string]any{"password_hash": string(hash), "must_change_password": false}).Error
		if err != nil {
			return err
		}
		return tx.Where("user_id = ? AND hash <> ?", id, hashToken(keep)).Delete(&tokenRow{}).Error
	})
}
