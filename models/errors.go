// Package models holds the domain of the project tracker: projects in a
// year's list, their monthly cumulative investment, reporting units, users,
// and the pure rules over them (the two rates, 序时进度, warning lights, code
// and name normalisation). It knows neither HTTP, spreadsheets nor the
// database; the GORM store lives in models/store.
package models

import (
	"errors"
	"fmt"
)

// Error codes. The API maps each to one HTTP status in one table.
const (
	EINVALID       = "invalid"       // the request or input is malformed
	EUNAUTHORIZED  = "unauthorized"  // no or bad credentials
	EFORBIDDEN     = "forbidden"     // role or district does not allow it
	ENOTFOUND      = "not_found"     // no such thing
	ECONFLICT      = "conflict"      // the state does not allow it now
	ETOOLARGE      = "too_large"     // an upload is over the size limit
	EUNSUPPORTED   = "unsupported"   // a file of a kind we cannot read
	EUNPROCESSABLE = "unprocessable" // a readable file without usable content
	ETOOMANY       = "too_many"      // throttled
	EINTERNAL      = "internal"      // a bug or an outage: the message stays generic
)

// Error is an error meant for the user: Message is Chinese and safe to show.
type Error struct {
	Code    string
	Message string
	// Field, when set, is the API name of the one field the error is
	// about ("completed_ytd_wan", or "period" and "note" of an edit), so a
	// form can show the message beside that field.
	Field string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with a formatted Chinese message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns an *Error about one field, named by its API name.
func FieldErrorf(field, code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Field: field}
}

// ErrorField returns the field of the first *Error in err's chain, "" when
// it concerns no single field.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err. Errors that are not an
// *Error may carry SQL or paths, so they get a generic message.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "服务器内部错误，请稍后重试或联系管理员"
}
