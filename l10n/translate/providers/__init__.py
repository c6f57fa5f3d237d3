"""Built-in providers; each is imported only when chosen (see :mod:`l10n.translate.registry`)."""
