"""The translation memory's schema as numbered SQL files (``NNN_name.sql``), applied in order by
:mod:`l10n.translate.schema` to SQLite and PostgreSQL alike: portable SQL only, one statement per ``;``."""
