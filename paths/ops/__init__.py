"""Operations: backup and restore of both databases, migrations at start-up, and the readiness check."""
