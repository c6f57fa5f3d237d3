"""CLI commands: translate (registered on import)."""
