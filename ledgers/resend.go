package ledgers

import (
	"context"

	"tracker/models"
)

// checkReplaces refuses an upload that names as the one it replaces
// (Upload.Replaces) an import that is not a returned upload the sender
// may change: only a unit's own returned 报送 is sent again.
func (s *Service) checkReplaces(ctx context.Context, up Upload) error {
	if up.Replaces == 0 {
		return nil
	}
	prev, err := s.Head(ctx, up.Replaces, up.User)
	if err != nil {
		return err
	}
	if prev.Kind != models.ImportUpload || prev.Status != models.StatusReturned || !models.MayChangeImport(up.User, prev) || up.List {
		return models.Errorf(models.EINVALID, "第%d号导入不是您可以重新报送的已退回台账（状态：%s）", prev.ID, prev.Status.Label())
	}
	return nil
}

// Replaces returns the returned upload import id sends again (重新报送),
// 0 for none.
func (s *Service) Replaces(ctx context.Context, id int64) (int64, error) {
	o, err := s.keptOptions(ctx, id)
	return o.Replaces, err
}
