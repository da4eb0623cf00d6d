package enforce

import (
	"context"
	"database/sql"
	"fmt"
)

// Ready reports whether the database answers and its migrations are current.
func (s *Service) Ready(ctx context.Context) error {
	if err := s.DB.Ping(ctx); err != nil {
		return fmt.Errorf("database unreachable: %w", err)
	}
	pending, err := s.DB.PendingMigrations(ctx)
	if err != nil {
		return fmt.Errorf("migrations unknown: %w", err)
	}
	if pending > 0 {
		return fmt.Errorf("%d migrations pending", pending)
	}
	return nil
}

// DBPools returns the database connection pools, for metrics.
func (s *Service) DBPools() map[string]*sql.DB { return s.DB.Pools() }
