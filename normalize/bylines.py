"""Bylines: who wrote an article, for which unit, from which source.

Department pages print the byline as the last lines of the body: a name (`Thu Hà`, `MINH
TRÍ`, initials `T.L`), a name and a unit (`Cẩm Tú – VP Sở KH&CN`, or the unit on the next
line), a role (`Tin, ảnh: Lò Văn Minh`), a unit as the author (`Thanh tra Sở`), or a source
(`Nguồn: Cổng TTĐT tỉnh X`, `(Theo most.gov.vn)`). `split_byline` takes those lines off the
end of a body and says what they hold; placeholders (`admin`, `Test Test`, an empty
`Tác giả :`) give no author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from normalize.text import fold, squash_spaces

_ROLE = re.compile(
    r"^(?:tin\s*(?:,|và|&)\s*ảnh|bài\s*(?:,|và|&)\s*ảnh|tin|bài|ảnh|bài viết|tác giả|"
    r"người (?:đăng|viết|đăng tin)|phóng viên|pv|nhóm pv|ctv|người thực hiện)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^\(?\s*(?:nguồn(?: tin)?\s*:|theo\s)\s*(.+?)\s*\)?$", re.IGNORECASE)
_UNIT_START = re.compile(
    r"^(?:trung tâm|phòng|văn phòng|vp|chi cục|thanh tra|sở|công đoàn|ban|đảng ủy|đảng uỷ|"
    r"chi bộ|đoàn thanh niên|hội đồng|ubnd|cổng ttđt|cổng thông tin|báo|đài|bộ)\b",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.){1,4}[A-ZĐ]?\.?$|^[A-ZĐ]{2,4}$")
_NAME_WORD = re.compile(r"^[A-ZÀ-ỸĐ][a-zà-ỹđ]*$|^[A-ZÀ-ỸĐ]+$")
_SPLIT_UNIT = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")
_PLACEHOLDERS = {
    "admin",
    "administrator",
    "test",
    "test test",
    "quan tri",
    "quan tri vien",
    "user",
    # generic credits that name nobody: reporter, collaborator, editorial board
    "pv",
    "ctv",
    "btv",
    "bbt",
    "phong vien",
    "cong tac vien",
    "ban bien tap",
    "nhom pv",
}
# A writer's position before the unit: "Phó Trưởng phòng QLKH" is someone of "phòng QLKH".
_POSITION = re.compile(
    r"^(?:phó\s+)?(?:(?:trưởng|chánh)\s+(?=phòng|văn phòng|thanh tra|ban)|"
    r"(?:giám đốc|chuyên viên|cán bộ|kế toán|chi cục trưởng)\s+)",
    re.IGNORECASE,
)
_PAREN_UNIT = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<unit>[^()]+)\)$")
_END_MARK = re.compile(r"\s*\./\.\s*$")
_GLUED = re.compile(r"^(?P<text>.+?\./\.)\s+(?P<byline>[^\s].{0,80})$")
# An academic title before a writer's name: "TS. Nguyễn Văn An", "ThS Lê Hà".
_ACADEMIC = re.compile(r"^(?:(?:PGS|GS|TS|ThS|KS|CN|BS|TSKH)\.?\s*)+(?=[A-ZÀ-ỸĐ])")


@dataclass(frozen=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    unit: str | None = None
    source: str | None = None
    raw: str = ""  # the byline lines as printed, "\n"-joined
    body: str = ""  # the body without them


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    if len(words) == 1 and _INITIALS.match(words[0]):
        return True
    return all(_NAME_WORD.match(w) or _INITIALS.match(w) for w in words) and len(words) >= 2


def restore_case(name: str) -> str:
    """`MINH TRÍ` → `Minh Trí`; initials (`T.L`, `HN`) and mixed case stay as printed."""
    words = name.split()
    if all(w.isupper() for w in words) and not (len(words) == 1 and _INITIALS.match(name)):
        return " ".join(w.capitalize() for w in words)
    return name


def _author(text: str) -> str | None:
    text = squash_spaces(text).strip(" .,;")
    if not text or fold(text) in _PLACEHOLDERS:
        return None
    return restore_case(text)


def _unit_part(text: str) -> str | None:
    """The unit in what follows a name ("VP Sở KH&CN", "Phó Trưởng phòng QLKH" → "phòng
    QLKH"), or None when it does not read as a unit."""
    text = text.strip()
    unit = _POSITION.sub("", text, count=1)
    return unit if _UNIT_START.match(unit) else None


def _name_and_unit(text: str) -> tuple[str | None, str | None] | None:
    """ "Cẩm Tú – VP Sở KH&CN", "Thanh Hà (Trung tâm TT&TK KH&CN)", "Thu Hà" → (name, unit);
    None when `text` is not a name, with or without a unit."""
    text = text.strip(" .,;")
    m = _PAREN_UNIT.match(text)
    if m and _is_name(m["name"].strip()) and (unit := _unit_part(m["unit"])):
        return _author(m["name"]), unit
    parts = _SPLIT_UNIT.split(text, maxsplit=1)
    if len(parts) == 2 and _is_name(parts[0]) and (unit := _unit_part(parts[1])):
        return _author(parts[0]), unit
    if fold(text) in _PLACEHOLDERS:
        return None, None
    if _is_name(text):
        return _author(text), None
    return None


def _classify(line: str) -> tuple[str, list[str], str | None, str | None] | None:
    """(kind, authors, unit, source) of a byline line, or None when it is body text."""
    text = squash_spaces(line)
    if not text or len(text) > 90:
        return None
    if m := _ROLE.match(text):
        names: list[str] = []
        unit = None
        for part in re.split(r",|;| và ", m.group(1)):
            if nested := _ROLE.match(part.strip()):  # "Tin: Quang Vinh; ảnh: Thanh Hải"
                part = nested.group(1)
            part = _ACADEMIC.sub("", part.strip())
            if _UNIT_START.match(part) and not _is_name(part):  # "Tác giả : Thanh tra Sở"
                unit = unit or part.strip(" .,;")
                continue
            found = _name_and_unit(part)
            if found is None:
                name = _author(part)
                found = (name, None)
            if found[0]:
                names.append(found[0])
            unit = unit or found[1]
        return ("role", names, unit, None)
    if m := _SOURCE.match(text):
        return ("source", [], None, m.group(1).strip())
    if text.endswith((".", ";", ":", "?", "!")) and not _INITIALS.match(text):
        return None
    if fold(text) in _PLACEHOLDERS:
        return ("name", [], None, None)
    text = _ACADEMIC.sub("", text)
    if _UNIT_START.match(text) and len(text.split()) <= 14 and not _PAREN_UNIT.match(text):
        return ("unit", [], text, None)
    found = _name_and_unit(text)
    if found is None:
        # Several writers on one line: "Nguyễn Văn A, Trần Thị B".
        parts = [p.strip() for p in re.split(r",|;| và ", text)]
        if len(parts) > 1 and all(_is_name(p) for p in parts):
            return ("name", [a for a in map(_author, parts) if a], None, None)
        return None
    name, unit = found
    return ("name", [name] if name else [], unit, None)


def split_byline(body: str, max_lines: int = 3) -> Byline:
    """Take the byline off the end of `body` (paragraphs "\\n\\n", lines "\\n").

    Looks at most at the last `max_lines` lines; stops at the first line that reads as
    text. A lone unit line counts only next to a name, or when it is the whole byline.
    """
    lines = body.split("\n")
    # "… kết thúc./. Hải Yến": a byline glued after the end mark on the text's last line.
    if lines and (glued := _GLUED.match(lines[-1])) and _classify(glued["byline"]):
        lines[-1:] = [glued["text"], glued["byline"]]
    taken: list[tuple[str, list[str], str | None, str | None]] = []
    raw: list[str] = []
    end = len(lines)
    while end > 0 and len(taken) < max_lines:
        candidate = lines[end - 1].strip()
        if not candidate:
            end -= 1
            continue
        kind = _classify(_END_MARK.sub("", candidate))
        if kind is None:
            break
        taken.append(kind)
        raw.append(candidate)
        end -= 1
    if not taken:
        return Byline(body=body.strip())
    taken.reverse()
    raw.reverse()
    authors = [a for kind in taken for a in kind[1]]
    units = [kind[2] for kind in taken if kind[2]]
    sources = [kind[3] for kind in taken if kind[3]]
    rest = "\n".join(lines[:end]).rstrip()
    rest = re.sub(r"\n{3,}", "\n\n", rest)
    return Byline(
        authors=list(dict.fromkeys(authors)),
        unit=units[0] if units else None,
        source=sources[0] if sources else None,
        raw="\n".join(raw),
        body=rest,
    )
