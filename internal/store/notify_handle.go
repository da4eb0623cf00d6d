package store

import "database/sql"

// The job queue (internal/notify, on River) keeps its tables in this database and
// inserts jobs in the caller's transaction, so it needs the handles underneath.

// WritePool returns the read-write pool: on SQLite the one writer connection,
// which River's SQLite driver also asks for.
func (db *DB) WritePool() *sql.DB { return db.write }

// SQLTx returns the transaction underneath tx, so a job inserted through it
// commits or rolls back with the change that caused it.
func (tx *Tx) SQLTx() *sql.Tx { return tx.tx }
