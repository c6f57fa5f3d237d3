"""Exchange formats for translators' tools, and safe XML parsing.

* :mod:`~l10n.formats.xmlsafe` — ``parse_xml`` / ``parse_html``: the one safe
  lxml parser used project-wide (no entities, no DTDs, no network)
* :mod:`~l10n.formats.xliff` — a catalog as XLIFF 1.2 for CAT tools and back
* :mod:`~l10n.formats.tmx` — translation-memory records as TMX 1.4 and back
"""

from l10n.formats.xmlsafe import html_parser, parse_html, parse_xml, xml_parser

__all__ = ["html_parser", "parse_html", "parse_xml", "xml_parser"]
