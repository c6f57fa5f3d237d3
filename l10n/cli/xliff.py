"""CLI commands: xliff (registered on import)."""
