package store

import (
	"database/sql"
	"errors"

	"bordermark/internal/ipr"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// mapError turns a driver error into an ipr.Error by its code, never by its text.
// field and problem describe a uniqueness conflict in the user's words.
func mapError(err error, field, problem string) error {
	if err == nil {
		return nil
	}
	var ie *ipr.Error
	if errors.As(err, &ie) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &ipr.Error{Code: ipr.ENOTFOUND, Message: "not found", Err: err}
	}
	switch constraintKind(err) {
	case "unique":
		return &ipr.Error{Code: ipr.ECONFLICT, Message: "already exists",
			Fields: map[string]string{field: problem}, Err: err}
	case "foreign_key":
		return &ipr.Error{Code: ipr.EINVALID, Message: "refers to something that does not exist",
			Fields: map[string]string{field: "refers to a missing record"}, Err: err}
	}
	return ipr.Internal(err)
}

func constraintKind(err error) string {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return "unique"
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return "foreign_key"
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return "unique"
		case "23503":
			return "foreign_key"
		}
	}
	return ""
}

// notFound is the error for a missing object of kind, named by what was looked up.
func notFound(kind, field, value string) error {
	return &ipr.Error{Code: ipr.ENOTFOUND, Message: kind + " not found",
		Fields: map[string]string{field: "no " + kind + " " + value}}
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}
