"""CLI commands: check (registered on import)."""
