"""The scale note above a table: "(In thousands, except per share data)".

The exceptions say which kinds of numbers the scale does not apply to: per-share amounts
never are scaled; share counts are unscaled when the note says "except share ..." (but
not when it says only "except per share ...").
"""

from __future__ import annotations

import re

SCALES = {"thousand": 3, "thousands": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9}
_NOTE = re.compile(
    r"(?:^|\b)(?:in|amounts in|dollars in|\$ in)\s+(?:u\.s\.\s+)?(?:dollars\s+)?(?:\$\s*)?"
    r"(thousands?|millions?|billions?)(?P<rest>[^)]*)",
    re.I,
)


def read_scale(caption: list[str]) -> tuple[int, str, frozenset[str], dict[str, int]]:
    """(power of ten, the note as printed, kinds left unscaled, kinds with a scale of their
    own, as in "except share amounts which are reflected in thousands")."""
    for line in caption:
        m = _NOTE.search(line)
        if not m:
            continue
        power = SCALES[m.group(1).lower()]
        rest = m.group("rest").lower()
        unscaled: set[str] = {"perShare"}
        except_part = rest.split("except", 1)[1] if "except" in rest else ""
        without_per_share = re.sub(r"per[- ]share", "", except_part)
        own: dict[str, int] = {}
        shares_scale = re.search(r"\bshares?\b[^;]*?\bin\s+(thousands?|millions?)", without_per_share)
        if shares_scale:
            own["shares"] = SCALES[shares_scale.group(1)]
        elif re.search(r"\bshares?\b", without_per_share):
            unscaled.add("shares")
        return power, line.strip(), frozenset(unscaled), own
    return 0, "", frozenset({"perShare"}), {}
