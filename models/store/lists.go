package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// listExists reports whether a year's list has been established (by a
// list import, a seed, or before the list existed as such): then monthly
// ledgers stay inside it.
func listExists(tx *gorm.DB, year int) (bool, error) {
	var n int64
	err := tx.Table("lists").Where("year = ?", year).Count(&n).Error
	return n > 0, err
}

// establishList records that a list import established its year's list,
// unless one was already.
func establishList(tx *gorm.DB, year int, importID int64, now time.Time) error {
	return tx.Exec(`INSERT INTO lists (year, source, created_at) VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING`,
		year, listSource(importID), now).Error
}

// unestablishList undoes establishList for a reverted list import.
func unestablishList(tx *gorm.DB, year int, importID int64) error {
	return tx.Exec(`DELETE FROM lists WHERE year = ? AND source = ?`, year, listSource(importID)).Error
}

func listSource(importID int64) string { return fmt.Sprintf("导入#%d", importID) }

// withYearCodes adds to codes those of every project on a year's list.
func withYearCodes(tx *gorm.DB, codes []string, year int) ([]string, error) {
	var all []string
	if err := tx.Raw(`SELECT code FROM plan_entries WHERE year = ? ORDER BY code`, year).Scan(&all).Error; err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(codes))
	for _, c := range codes {
		seen[c] = true
	}
	for _, c := range all {
		if !seen[c] {
			codes = append(codes, c)
		}
	}
	return codes, nil
}
