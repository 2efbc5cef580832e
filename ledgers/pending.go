package ledgers

import (
	"context"

	"tracker/models"
)

// Pending returns the submitted (待审核) uploads and hand edits that would
// change project code and that u may see (models.MayViewImport), oldest
// first: the project page names only imports whose link opens for the
// reader, so another unit's uploader is not shown a 待审核 line leading to
// 404.
func (s *Service) Pending(ctx context.Context, code string, u models.User) ([]models.Import, error) {
	all, err := s.Store.SubmittedImports(ctx, code)
	if err != nil {
		return nil, err
	}
	out := []models.Import{}
	for i := range all {
		if models.MayViewImport(u, &all[i]) {
			out = append(out, all[i])
		}
	}
	return out, nil
}
