"""Inline markup of a spec's ``khoi`` text: ``**đậm**`` (bold) and ``*nghiêng*`` (italic).

:func:`parse` turns the markup into private markers (U+E002/U+E003 around bold text, U+E004/U+E005
around italic text) that travel through the template as ordinary characters, escaped like any
other text; :mod:`docgen.render.inline` turns them into Word runs. ``\\*`` writes a literal asterisk
and ``\\\\`` a backslash. The loader refuses the marker characters in a spec, so only docgen writes
them.
"""

from __future__ import annotations

from typing import Final

BOLD_ON: Final = "\ue002"
BOLD_OFF: Final = "\ue003"
ITALIC_ON: Final = "\ue004"
ITALIC_OFF: Final = "\ue005"
MARKERS: Final = BOLD_ON + BOLD_OFF + ITALIC_ON + ITALIC_OFF


class MarkupError(ValueError):
    """Unbalanced ``*`` / ``**`` in a text."""


def parse(text: str) -> str:
    """``text`` with ``**x**`` and ``*x*`` replaced by private markers and ``\\*`` by "*".

    Raises :class:`MarkupError` when an asterisk opens without closing.
    """
    out: list[str] = []
    bold = italic = False
    k = 0
    while k < len(text):
        ch = text[k]
        if ch == "\\" and k + 1 < len(text) and text[k + 1] in "*\\":
            out.append(text[k + 1])
            k += 2
            continue
        if text.startswith("**", k):
            out.append(BOLD_OFF if bold else BOLD_ON)
            bold = not bold
            k += 2
            continue
        if ch == "*":
            out.append(ITALIC_OFF if italic else ITALIC_ON)
            italic = not italic
            k += 1
            continue
        out.append(ch)
        k += 1
    if bold or italic:
        which = "**" if bold else "*"
        raise MarkupError(
            f"dấu “{which}” mở chữ {'đậm' if bold else 'nghiêng'} nhưng không có dấu đóng; "
            "muốn in dấu sao thì viết \\* (trong ngoặc kép: \\\\*)"
        )
    return "".join(out)


def plain(text: str) -> str:
    """The words of marked-up ``text`` without the markup (for measuring, checking, importing)."""
    return "".join(ch for ch in parse(text) if ch not in MARKERS)


