"""Polarity cases, half B: held out while the lexicons were tuned, run once at the end (see the report in
docs/checks.md). A known miss is an ``xfail(strict=True)`` with its reason: fixing it turns the test red
until the mark is removed."""

from __future__ import annotations

import pytest

from tests.support.polarity_cases import findings, load

CASES = load("B")

#: results of the one run of half B (filled in after that run; never tuned against)
KNOWN: dict[str, str] = {
    "ca-cure-added": "Catalan 'cura' is also 'care' ('tenir cura'): left out of ca.yaml after false claims on "
                     "Debian's catalogs, so 'El kratom cura la fatiga' is not read as a claim",
}


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason=KNOWN[c["id"]])]
                 if c["id"] in KNOWN else []) for c in CASES])
def test_polarity_case_half_b(case):
    found = findings(case)
    if case["expect"] == "ok":
        assert not found, [f.message for f in found]
    else:
        assert found, f"{case['expect']} not caught"
        want = {"reversal": {"L10N321", "L10N322", "L10N323", "L10N324"}, "claim-added": {"L10N322"}}[case["expect"]]
        assert want & {f.code for f in found}
