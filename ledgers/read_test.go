package ledgers

import (
	"strings"
	"testing"
	"time"

	"tracker/models"
)

func TestReadTimeLimit(t *testing.T) {
	slow := func() (*models.Ledger, error) { time.Sleep(300 * time.Millisecond); return &models.Ledger{}, nil }
	if _, err := readWithin(20*time.Millisecond, "慢.xlsx", slow); models.ErrorCode(err) != models.EUNPROCESSABLE ||
		!strings.Contains(models.ErrorMessage(err), "慢.xlsx") {
		t.Errorf("a read past the limit: %v", err)
	}
	if l, err := readWithin(time.Second, "慢.xlsx", slow); err != nil || l == nil {
		t.Errorf("a read within the limit: %v", err)
	}
}
