package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// importHead is an import's JSON without its changes: the outer Changes,
// nil and omitted, hides the embedded one.
type importHead struct {
	*models.Import
	Changes json.RawMessage `json:"changes,omitempty"`
}

// respondImport answers 200 with imp as ImportResult. An import that came
// back without its changes (a commit, an approval, an upload read as a
// summary, a head: models.Import.ChangeCount) gets them from the store one at a
// time, each encoded and written as it is read, so the answer to a
// 300,000-row upload is never held whole, neither the changes nor their
// JSON. "changes" is then the object's last member. A failure half way
// (the client gone, the database failing) can no longer change the
// status: it is logged and the connection dropped (http.ErrAbortHandler,
// which the server's panic guard lets through), so that no client takes
// a cut answer for a whole one.
func (s *Server) respondImport(c *gin.Context, imp *models.Import) {
	if len(imp.Changes) > 0 || imp.ChangeCount == 0 {
		c.JSON(http.StatusOK, imp)
		return
	}
	head, err := json.Marshal(importHead{Import: imp})
	if err != nil {
		s.Fail(c, err)
		return
	}
	c.Header("Content-Type", "application/json; charset=utf-8")
	c.Status(http.StatusOK)
	w := bufio.NewWriterSize(c.Writer, 64<<10)
	w.Write(bytes.TrimSuffix(head, []byte("}")))
	w.WriteString(`,"changes":[`)
	enc, n := json.NewEncoder(w), 0
	enc.SetEscapeHTML(false)
	err = s.Ledgers.EachChange(c, imp.ID, func(ch *models.Change) error {
		if n++; n > 1 {
			w.WriteByte(',')
		}
		return enc.Encode(ch)
	})
	if err != nil {
		s.Log.Error("import answer cut short", "id", imp.ID, "changes_written", n, "err", err)
		panic(http.ErrAbortHandler)
	}
	w.WriteString("]}")
	w.Flush()
}
