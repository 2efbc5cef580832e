package store

import (
	"fmt"
	"sync"

	"gorm.io/gorm"

	"tracker/models"
)

// planParts plans, checks, writes and records an import's records a part
// of a few thousand codes at a time, in code order, so that a large ledger
// never has its whole snapshot, change set and statement arguments in
// memory at once. A list import is one part: what it leaves out is known
// only from the whole list.
//
// A part is written on a goroutine of its own while the next one is
// decoded, read and planned, so that the planning's work (decoding
// records, reading and comparing the stored state) and the database's
// (binding and stepping the writes) run on two cores side by side. Parts
// hold disjoint codes, so what one part writes never changes the next
// one's snapshot. On SQLite the snapshot is read on another connection of
// the pool (read): it sees the database as committed when the transaction
// began, which for codes the transaction has not written yet is what the
// transaction itself would see, since the transaction holds the write
// lock and no one else commits meanwhile. With read nil (PostgreSQL, whose
// COPY needs the transaction's own connection to itself), the snapshot is
// read inside the transaction, between two parts' writes.
func planParts(tx, read *gorm.DB, planner *models.Planner, list bool, recs *models.Records, w *writer, rules ImportRules, user models.User, apply, summary bool) (err error) {
	conn := &sync.Mutex{} // the transaction's connection, when the snapshot is read in it too
	if read == nil {
		read = tx
	} else {
		conn = nil
	}
	pw := startPartWriter(w, rules, user, apply, conn)
	defer func() {
		if werr := pw.stop(); err == nil {
			err = werr
		}
	}()
	order := recs.CodeOrder()
	for start := 0; !pw.failed(); { // once at least: an empty list still leaves the year's projects out
		end := len(order)
		if !list {
			end = min(start+planPart, len(order))
			for end < len(order) && recs.Code(int(order[end])) == recs.Code(int(order[end-1])) {
				end++
			}
		}
		part := decodePart(recs, order[start:end])
		if err := recs.Err(); err != nil { // the temporary file failed: nothing of it is applied
			return err
		}
		sn, err := partSnapshot(read, conn, part, list, w.period)
		if err != nil {
			return err
		}
		pl := planner.Plan()
		first := len(pl.Changes)
		planner.Add(sn, part)
		if list {
			planner.Finish(sn)
		}
		job := partJob{changes: pl.Changes[first:len(pl.Changes):len(pl.Changes)]}
		job.records = createdRecords(job.changes)
		if apply {
			if job.rows, err = rowsOf(job.changes); err != nil {
				return err
			}
		}
		pw.write(job)
		if summary { // the caller counts the changes: they need not stay in memory (the writer holds this part's)
			pl.Changes = nil
		}
		if start = end; start >= len(order) {
			return nil
		}
	}
	return nil
}

// partSnapshot reads what the database holds for a part's codes (for a
// list, also the year's other codes), holding conn when it is shared.
func partSnapshot(tx *gorm.DB, conn *sync.Mutex, part []*models.LedgerRecord, list bool, period models.Month) (models.Snapshot, error) {
	if conn != nil {
		conn.Lock()
		defer conn.Unlock()
	}
	codes := partCodes(part)
	if list {
		var err error
		if codes, err = withYearCodes(tx, codes, period.Year()); err != nil {
			return nil, err
		}
	}
	return loadSnapshot(tx, codes, period)
}

// partWriter writes parts' changes in turn on a goroutine of its own
// (writePart); after its first error it writes nothing more. A part is
// handed over only when the writer is ready for it, so at most two are
// in memory: the one being written and the one planned next.
type partWriter struct {
	jobs chan partJob
	done chan error
	mu   sync.Mutex
	err  error
}

func startPartWriter(w *writer, rules ImportRules, user models.User, apply bool, conn *sync.Mutex) *partWriter {
	p := &partWriter{jobs: make(chan partJob), done: make(chan error, 1)}
	go func() {
		var err error
		for job := range p.jobs {
			if err == nil {
				err = p.writeOne(w, job, rules, user, apply, conn)
				p.mu.Lock()
				p.err = err
				p.mu.Unlock()
			}
		}
		p.done <- err
	}()
	return p
}

// writeOne writes one part holding the connection; a panic comes back as
// an error, as it would on the request's own goroutine.
func (p *partWriter) writeOne(w *writer, job partJob, rules ImportRules, user models.User, apply bool, conn *sync.Mutex) (err error) {
	if conn != nil {
		conn.Lock()
		defer conn.Unlock()
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("write import %d: %v", w.importID, r)
		}
	}()
	return w.writePart(job, rules, user, apply)
}

// partJob is a part's changes with what the planning goroutine works out
// for their writing: the created projects' records, the rows to write.
type partJob struct {
	changes []models.Change
	records []*string   // createdRecords
	rows    *changeRows // rowsOf, when the import applies
}

// write hands a part to the writer, which owns it from now.
func (p *partWriter) write(job partJob) { p.jobs <- job }

// failed tells whether a part could not be written (planning stops).
func (p *partWriter) failed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err != nil
}

// stop waits for the parts handed over to be written and returns the
// first error.
func (p *partWriter) stop() error {
	close(p.jobs)
	return <-p.done
}
