"""CLI commands: glossary (registered on import)."""
