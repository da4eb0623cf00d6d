package store

import (
	"context"
	"database/sql"
	"errors"

	"bordermark/internal/ipr"
)

// Tx is a transaction. Every store operation is a method on Tx so that a change
// and its audit event always commit together.
type Tx struct {
	tx      *sql.Tx
	dialect Dialect
}

// Update runs fn in a read-write transaction and commits if fn returns nil.
func (db *DB) Update(ctx context.Context, fn func(*Tx) error) error {
	return db.run(ctx, db.write, false, fn)
}

// View runs fn in a read-only transaction.
func (db *DB) View(ctx context.Context, fn func(*Tx) error) error {
	return db.run(ctx, db.read, true, fn)
}

func (db *DB) run(ctx context.Context, pool *sql.DB, readOnly bool, fn func(*Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: readOnly && db.Dialect == Postgres}
	sqlTx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return ipr.Internal(err)
	}
	tx := &Tx{tx: sqlTx, dialect: db.Dialect}
	if err := fn(tx); err != nil {
		if rbErr := ignoreDone(sqlTx.Rollback()); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return err // unwrapped, so callers can inspect the *ipr.Error
	}
	if err := sqlTx.Commit(); err != nil {
		return mapError(err, "database", "the change could not be saved")
	}
	return nil
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

func (tx *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.tx.ExecContext(ctx, query, args...)
}

func (tx *Tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(ctx, query, args...)
}

func (tx *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(ctx, query, args...)
}

// count runs a query returning one integer.
func (tx *Tx) count(ctx context.Context, query string, args ...any) (int64, error) {
	var n int64
	if err := tx.queryRow(ctx, query, args...).Scan(&n); err != nil {
		return 0, ipr.Internal(err)
	}
	return n, nil
}

// rowScanner is what scan functions read from: a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(...any) error }

// queryAll runs query and returns every row, each read by scan.
func queryAll[T any](ctx context.Context, tx *Tx, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	var list []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, ipr.Internal(err)
		}
		list = append(list, v)
	}
	if err := rows.Err(); err != nil {
		return nil, ipr.Internal(err)
	}
	return list, nil
}
