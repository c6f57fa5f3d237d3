"""The exception tree of l10n.

Every error the toolkit raises on bad input derives from :class:`L10nError`;
the command line turns any of them into a one-line message and exit code 2.
Findings of the checks are *not* errors: they are values (see ``l10n.model``).

* L10nError
  * ConfigError        ``[tool.l10n]`` in pyproject.toml is wrong
  * LocaleError        a locale code Babel does not know (also ValueError)
  * SourceError        a source article cannot be read or segmented
  * CatalogError       a PO/POT/MO file is malformed
  * GlossaryError      glossary.yaml is malformed or inconsistent
  * ProviderError      a machine-translation engine failed
    * ProviderUnavailable   engine missing, network down, bad credentials
    * ProviderRateLimited   the engine said "slow down" (429)
    * ProviderTimeout       no answer within the timeout
    * ProviderBadOutput     empty, echoed, truncated or mangled answer
  * XMLSecurityError   hostile XML (DTD, entities, network access)
  * RenderError        a localised copy could not be rendered
  * PublishError       a published folder is inconsistent
  * ExecutionError     a cluster cannot run the tasks (unreachable, mismatched versions, workers lost)
"""

from __future__ import annotations

__all__ = [
    "CatalogError",
    "ConfigError",
    "ExecutionError",
    "GlossaryError",
    "L10nError",
    "LocaleError",
    "ProviderBadOutput",
    "ProviderError",
    "ProviderRateLimited",
    "ProviderTimeout",
    "ProviderUnavailable",
    "PublishError",
    "RenderError",
    "SourceError",
    "XMLSecurityError",
]


class L10nError(Exception):
    """Root of every error l10n raises on bad input.

    ``path`` and ``line`` (1-based) locate the problem when known; ``str()``
    gives a one-line ``path:line: message`` suitable for a terminal.

    >>> str(L10nError("unterminated string", path="es/a.po", line=7))
    'es/a.po:7: unterminated string'
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self):
        # keyword-only context (path, line, problems...) survives pickling, e.g. from a forked worker
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


def _rebuild(cls: type, message: str, state: dict) -> L10nError:
    exc = cls.__new__(cls)
    Exception.__init__(exc, message)
    exc.__dict__.update(state)
    return exc


class ConfigError(L10nError):
    """The project configuration is missing or invalid."""


class LocaleError(L10nError, ValueError):
    """A locale identifier is empty, malformed or unknown to Babel."""


class SourceError(L10nError):
    """A source document cannot be decoded, parsed or segmented."""


class CatalogError(L10nError):
    """A gettext catalog (PO, POT or MO) is malformed."""


class GlossaryError(L10nError, ValueError):
    """The glossary is malformed; ``problems`` lists every problem found."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 problems: list[str] | None = None) -> None:
        super().__init__(message, path=path, line=line)
        self.problems = list(problems or [])


class ProviderError(L10nError):
    """A machine-translation provider failed."""


class ProviderUnavailable(ProviderError):
    """The engine cannot be used: not installed, unreachable, refused the key."""


class ProviderRateLimited(ProviderError):
    """The engine asked us to slow down; ``retry_after`` seconds if it said."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ProviderTimeout(ProviderError):
    """The engine did not answer in time."""


class ProviderBadOutput(ProviderError):
    """The engine answered, but the answer cannot be trusted."""


class XMLSecurityError(L10nError):
    """An XML document tried to use a DTD, entities or network access."""


class RenderError(L10nError):
    """A localised copy could not be produced."""


class PublishError(L10nError):
    """A build or a published folder is inconsistent."""


class ExecutionError(L10nError):
    """The tasks cannot be run where they were sent: a cluster unreachable, mismatched, or losing workers."""
