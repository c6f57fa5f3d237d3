"""CLI commands: publish (registered on import)."""
