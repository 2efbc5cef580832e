package ledgers

import (
	"context"
	"encoding/json"
	"strings"

	"tracker/importer"
	"tracker/models"
)

// The office's reading of a ledger's columns: chosen in a preview (or sent
// with an upload as mapping), it is remembered for the sender's unit and
// each sheet's header layout, so that the unit's next ledger of the same
// layout is read the same way without asking; it can be forgotten.

// remembered returns the readings that may apply to a user's upload: an
// uploader's unit's, or every unit's for the office (the importer picks by
// the unit its title names).
func (s *Service) remembered(ctx context.Context, u models.User) ([]importer.Remembered, error) {
	var unit *string
	if u.Role == models.RoleUploader {
		unit = &u.District
	}
	ms, err := s.Store.ColumnMappings(ctx, unit)
	if err != nil {
		return nil, err
	}
	out := make([]importer.Remembered, len(ms))
	for i, m := range ms {
		out[i] = importer.Remembered{Unit: m.Unit, Signature: m.Signature, Columns: m.Columns}
	}
	return out, nil
}

// appliedMemory returns the remembered readings a ledger was read with,
// for its commit to apply again.
func appliedMemory(l *models.Ledger) []importer.Remembered {
	var out []importer.Remembered
	for _, lay := range l.Layouts {
		if lay.Remembered {
			out = append(out, importer.Remembered{Unit: lay.Unit, Signature: lay.Signature, Columns: lay.Mapping})
		}
	}
	return out
}

// layoutsOf names the layouts of a ledger's sheets.
func layoutsOf(l *models.Ledger) []Layout {
	out := make([]Layout, len(l.Layouts))
	for i, lay := range l.Layouts {
		out[i] = Layout{Unit: lay.Unit, Signature: lay.Signature}
	}
	return out
}

// remember keeps the reading of every sheet an upload's mapping applied to.
func (s *Service) remember(ctx context.Context, u models.User, l *models.Ledger) error {
	for _, lay := range l.Layouts {
		if len(lay.Mapping) == 0 || lay.Remembered {
			continue
		}
		m := models.ColumnMapping{Unit: lay.Unit, Signature: lay.Signature, Sheet: lay.Sheet, Columns: lay.Mapping, Labels: map[string]string{}, User: u.Name}
		for _, c := range l.Columns {
			if _, ok := lay.Mapping[c.Column]; ok && c.Sheet == lay.Sheet {
				m.Labels[c.Column] = c.Label
			}
		}
		if err := s.Store.SaveColumnMapping(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// Mappings returns the remembered readings a user may see: an uploader's
// unit's, everyone else all of them.
func (s *Service) Mappings(ctx context.Context, u models.User) ([]models.ColumnMapping, error) {
	var unit *string
	if u.Role == models.RoleUploader {
		unit = &u.District
	}
	return s.Store.ColumnMappings(ctx, unit)
}

// Forget deletes a remembered reading: the office any, an uploader its
// unit's; another unit's is "not found" to an uploader.
func (s *Service) Forget(ctx context.Context, id int64, u models.User) error {
	m, err := s.Store.ColumnMapping(ctx, id)
	if err != nil {
		return err
	}
	if err := mayForget(u, m); err != nil {
		return err
	}
	return s.Store.DeleteColumnMapping(ctx, id)
}

func mayForget(u models.User, m models.ColumnMapping) error {
	switch {
	case u.Role == models.RoleUploader && m.Unit != u.District:
		return models.Errorf(models.ENOTFOUND, "没有编号为 %d 的列对应关系", m.ID)
	case !u.CanImport():
		return models.Errorf(models.EFORBIDDEN, "您的账号不能修改列对应关系")
	}
	return nil
}

// Remap reads a preview's kept file again with the office's reading of its
// columns (choices as a mapping of the upload: column → field name or ""),
// as a new preview in its place (the old one is discarded; a rejected
// import stays in the history). The new reading is remembered.
func (s *Service) Remap(ctx context.Context, id int64, choices map[string]string, u models.User) (*models.Import, error) {
	m, err := importer.ParseMapping(choices)
	if err != nil {
		return nil, err
	}
	imp, err := s.changeable(ctx, id, u)
	if err != nil {
		return nil, err
	}
	if imp.Status != models.StatusPreviewed && imp.Status != models.StatusRejected {
		return nil, models.Errorf(models.ECONFLICT, "第%d号导入的状态是“%s”，只有预览中或未导入的导入可以重新预览", id, imp.Status.Label())
	}
	name, data, err := s.Store.ImportFile(ctx, id)
	if err != nil {
		return nil, err
	}
	o, err := s.keptOptions(ctx, id)
	if err != nil {
		return nil, err
	}
	o.Mapping, o.Remembered = m, nil
	up := Upload{FileName: name, Data: data, Period: o.Period, User: u, DryRun: true, List: o.List, Year: o.Year, Rules: o.Rules, Mapping: m}
	next, err := s.importWith(ctx, up, o)
	if err != nil {
		return nil, err
	}
	if imp.Status == models.StatusPreviewed {
		err = s.Store.DiscardImport(ctx, id)
	}
	return next, err
}

// ForgetAndRemap forgets the remembered readings of a preview's layouts
// (those it was read with, or that its own mapping left) and reads its
// file again by labels and content, as a new preview.
func (s *Service) ForgetAndRemap(ctx context.Context, id int64, u models.User) (*models.Import, error) {
	if _, err := s.changeable(ctx, id, u); err != nil {
		return nil, err
	}
	o, err := s.keptOptions(ctx, id)
	if err != nil {
		return nil, err
	}
	all, err := s.Store.ColumnMappings(ctx, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range o.Layouts {
		for _, m := range all {
			if m.Unit == r.Unit && m.Signature == r.Signature {
				if err := s.Forget(ctx, m.ID, u); err != nil {
					return nil, err
				}
			}
		}
	}
	return s.Remap(ctx, id, nil, u)
}

// ParseMapping reads the mapping of an upload (CONTRACT.md): a JSON
// object from a column letter ("C") or "sheet!C" to a field name, or to ""
// to leave the column out. Blank text is no mapping; anything else that is
// not such an object is EINVALID.
func ParseMapping(raw string) (importer.Mapping, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	var m map[string]string
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, models.Errorf(models.EINVALID, "mapping 应为JSON对象，如 {\"C\": \"district\", \"台账!F\": \"\"}：从列字母（或“工作表名!列字母”）到字段名，空字符串表示不导入该列")
	}
	return importer.ParseMapping(m)
}
