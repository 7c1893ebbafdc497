"""People named in an article body, with the positions printed next to them.

Department news names officials in a handful of shapes; `find_people` finds them all with
their spans in the input:

- honorific + name + positions: `Đồng chí Lâm Văn Tân, Bí thư Đảng ủy, Giám đốc Sở KH&CN`,
  `Ông Võ Minh Thuận - Phó Giám đốc Sở`, `bà Lê Thị Mai – Chủ tịch Công đoàn viên chức
  tỉnh`, `đồng chí Võ Văn Hoàng Em-Phó Chủ tịch ...` (a glued hyphen), `Đ/c Hoàng Giang-
  Giám đốc Sở`, positions joined by "," / " - " / " kiêm ", `nguyên`/`quyền` before a
  title, positions in parentheses `ông Nguyễn Văn An (Giám đốc Sở)`;
- honorific + name alone: `Đ/c Hoàng Minh chủ trì`, `ông NGUYỄN VĂN AN` (case restored);
- academic title + name, with or without positions: `TS. Bế Văn Tuấn - Phó Giám đốc Sở`,
  `PGS.TS. Hà Quốc Trung, Viện Nghiên cứu Hải sản` (an affiliation is not a position);
- position(s) + unit + name: `Giám đốc Sở Khoa học và công nghệ Lê Văn Khê`, `Chủ tịch UBND
  tỉnh Bến Tre Trần Ngọc Tam`, `Bí thư Đảng ủy, Giám đốc Sở KH&CN Lâm Văn Tân`, also with an
  honorific or academic title in front of the name (`Phó Chủ tịch UBND tỉnh ông ...`).

Titles come from `data/positions.csv` and match whatever the case, diacritics or tone
placement (`fold`). A position's unit runs to a comma, ";", ".", a line break, a dash or
" và " before another person, or a word that starts the sentence's predicate ("chủ trì",
"cho biết", "đã", ...). Spans are spans of the input, whatever its Unicode form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache, wraps
from typing import TypeVar

from normalize._data import read_data_csv
from normalize.bylines import restore_case
from normalize.text import fold, fold_chars, squash_spaces


@dataclass(frozen=True)
class Position:
    title: str  # canonical title from positions.csv ("Phó Giám đốc")
    unit: str | None  # the unit as printed after the title ("Sở KH&CN"), None when alone
    text: str  # the whole position as printed ("Phó Giám đốc Sở KH&CN")


@dataclass(frozen=True)
class PersonMention:
    name: str  # as printed, case restored when printed in capitals
    honorific: str | None  # "đồng chí" (also for "Đ/c"), "ông", "bà", or None
    academic: str | None  # as printed: "TS.", "ThS.", "PGS.TS.", "KS."
    positions: list[Position]  # in the order printed
    text: str  # the whole mention as printed
    start: int  # span in the input
    end: int


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=16384)
def _vkey(text: str) -> str:
    """Lower case, spaces squashed, each word's tone mark moved to its end: "Hoà" and "Hòa"
    give one key, "Sở" and "Sơ" do not (unlike `fold`, which drops every mark)."""
    words = []
    for word in unicodedata.normalize("NFD", text.lower().replace("ð", "đ")).split():
        tones = "".join(c for c in word if c in _TONES)
        words.append("".join(c for c in word if c not in _TONES) + tones)
    return " ".join(words)


def _phrases(spec: str) -> frozenset[str]:
    """Keys of "|"-separated phrases."""
    return frozenset(_vkey(p) for p in spec.split("|") if p)


# -- closed word classes ------------------------------------------------------------------
# These are grammar, not reference data: the handful of words that end a unit or cannot be
# part of a person's name. Compared with `_vkey` (case- and tone-placement-insensitive but
# diacritic-sensitive, so "Sở" is not "Sơ" and "Đảng" is not "Đặng").

# Words that open the predicate after a subject "X - Giám đốc Sở ...": the unit stops there.
_PREDICATES = _phrases(
    "đã|đang|sẽ|vừa|mới|được|bị|là|cùng|làm|dự|tới|đến|cho|có|tại|khi|trong|nói|nêu|đọc|ký|"
    "gửi|tặng|trao|thăm|nhận|đón|tiếp|với|thay|ngày|vào|sau|trước|từ|nhấn|chủ trì|"
    "đồng chủ trì|phát biểu|phát động|đến dự|tới dự|tham dự|tham gia|tham luận|cho biết|"
    "cho rằng|nhấn mạnh|chia sẻ|đề nghị|đề xuất|đề cập|yêu cầu|ghi nhận|trình bày|giới thiệu|"
    "báo cáo|thông tin|thông qua|thông báo|khẳng định|đánh giá|kết luận|chỉ đạo|phụ trách|"
    "tiếp thu|trả lời|giải trình|giải đáp|mong muốn|hy vọng|hi vọng|bày tỏ|lưu ý|kêu gọi|"
    "công bố|chúc mừng|cảm ơn|khai mạc|bế mạc|điều hành|quán triệt|làm việc|kiểm tra|"
    "hướng dẫn|động viên|biểu dương|tuyên bố|dẫn đầu|trao đổi|nhận định|phân tích|nhiệm kỳ|"
    "giai đoạn|chứng kiến|chủ động|tiếp đón|đại diện"
)
# After " và " these start another person or group: the unit stops before " và ".
_AFTER_AND = _phrases("các|đại diện|lãnh đạo|toàn thể|đông đảo|nhiều|cán bộ")
# Words (and two-word openings) no name holds: a name stops before them. Given names that
# double as unit words ("Công" in "Thành Công", "Hội", "Khoa", "Trường") are not here.
_NAME_STOP = _phrases(
    "sở|phòng|bộ|cục|viện|khối|tỉnh|huyện|quận|xã|phường|ban|ubnd|hđnd|trung tâm|văn phòng|"
    "chi cục|tổng cục|thanh tra|công đoàn|công ty|đảng ủy|đảng bộ|chi bộ|ủy ban|hội đồng|"
    "thành phố|thị xã|thị trấn"
)
# Words that open an organisation or place: stripped from the front of a capitalized run
# before its remainder is taken for a name ("Sở Nguyễn Văn An" -> "Nguyễn Văn An").
_ORG_LEAD = _NAME_STOP | _phrases(
    "trường|khoa|hội|đài|báo|cổng|trạm|trại|vườn|sông|núi|đảo|vịnh|cảng|khu|cụm|làng|ấp|"
    "thôn|bản|hợp tác|liên hiệp"
)
# Administrative levels: a capitalized run right after one starts with a place name.
_ADMIN = _phrases("tỉnh|huyện|quận|xã|phường|thành phố|thị xã|thị trấn|tp|t.p")
# Words before "Ông"/"Bà" that make it a place name ("đường Bà Triệu", "chùa Bà Đanh").
_PLACE_BEFORE = _phrases(
    "đường|phố|ngõ|hẻm|chùa|đền|miếu|núi|cầu|chợ|rạch|kênh|sông|ấp|xóm|thôn|bến|hồ|giếng|"
    "phường|xã|huyện|quận|tỉnh|rừng|đình|mũi|hòn|cồn|lăng"
)
# Words that cannot open a name after "bà"/"ông" ("Bà Mẹ Việt Nam Anh hùng", "Ông Bà").
_NOT_NAME_START = _phrases("mẹ|con|cháu|cụ|chú|bác|cô|dì|bà|ông")
# Capitalized runs of three or more words that are not people.
_NOT_PEOPLE = _phrases("Đông Nam Á|Liên Hợp Quốc|Việt Nam|Cộng hòa Xã hội Chủ nghĩa")
_QUALIFIERS = _phrases("nguyên|quyền|q.")  # "nguyên Giám đốc" (former), "Quyền Giám đốc"
_HONORIFICS = {"đồng chí": "đồng chí", "đ/c": "đồng chí", "ông": "ông", "bà": "bà"}
_DOT_ABBREVIATIONS = _phrases("tp|t.p|tx|q|p|tt|h")  # "UBND TP. Cần Thơ"

# A person holds a few positions at most; the bounds keep a run of titles linear.
_MAX_POSITIONS = 6
_MAX_UNIT_TOKENS = 24
_KIEM, _VA = _vkey("kiêm"), _vkey("và")
_HONORIFIC_KEYS = {_vkey(k): v for k, v in _HONORIFICS.items()}

# -- patterns -------------------------------------------------------------------------------

_H = r"[ \t\u00a0\u2000-\u200a\u202f]"  # horizontal space: a line break ends everything
_HWS = re.compile(_H + "+")
_LETTERS = r"[^\W\d_]"
_WORD = re.compile(rf"{_LETTERS}+(?:['’]{_LETTERS}+)*")
# A token of a unit: "KH&CN", "TP.HCM", "4.0", "QĐ-UBND" is two tokens and a hyphen.
_UNIT_TOKEN = re.compile(r"[\w&]+(?:['’./][\w&]+)*")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_NEWLINES = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_HARD_STOPS = ',;:!?()[]{}"“”«»…|<>' + _NEWLINES
# Honorifics on folded text (verified against the printed text with `_vkey`).
_HONORIFIC = re.compile(rf"(?<![\w/&])(?:dong{_H}+chi|d/c|ong|ba)(?![\w/&])")
# Academic titles, case as printed: "TS.", "ThS.", "PGS.TS.", "PGS. TS.", "GS.TSKH.", "KS.".
# Titles that are also common abbreviations ("CN" of KH&CN, "KS", "BS") need their dot.
_ACADEMIC_PART = (
    r"(?:GS|PGS|TSKH|TS|Ts|ThS|Ths|THS|Th\.S|KS|Ks|CN|BS|Bs|BSCKII|BSCKI|BSCK[12]|DS|Ds|"
    r"KTS|NCS|LS|Ls|NGƯT|NGND|NSƯT|NSND)"
)
_ACADEMIC = re.compile(
    rf"(?<![\w&./-])(?:{_ACADEMIC_PART}\.{_H}?)*"
    rf"(?:{_ACADEMIC_PART}\.|(?:GS|PGS|TSKH|TS|ThS)(?={_H}+[^\W\d_]))"
)
_LAST_WORD = re.compile(rf"([\w./&]+){_H}*$")
_SEPARATOR = re.compile(rf"{_H}*(?P<mark>[,(]|[{_DASHES}]){_H}*|{_H}+")


@cache
def _titles() -> dict[str, str]:
    """folded title -> canonical title, from data/positions.csv (its rank is for callers)."""
    out: dict[str, str] = {}
    for row in read_data_csv("positions.csv"):
        title = unicodedata.normalize("NFC", (row.get("title") or "").strip())
        if title:
            out[fold(title)] = title
    return out


@cache
def _title_pattern() -> re.Pattern[str]:
    """Titles on folded text, longest first so "Phó Chủ tịch" wins over "Chủ tịch"."""
    alternatives = sorted(
        (rf"{_H}+".join(re.escape(w) for w in key.split()) for key in _titles()),
        key=len,
        reverse=True,
    )
    body = "|".join(alternatives) or r"(?!x)x"
    return re.compile(
        rf"(?<![\w/&])(?:(?P<q>nguyen{_H}+|quyen{_H}+|q\.{_H}*))?(?P<t>{body})(?![\w&])"
    )


# -- the scanner ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    honorific: str | None = None
    academic: str | None = None


@dataclass(frozen=True)
class _Chain:
    positions: list[Position]
    end: int
    name: _Name | None  # the name a title-first chain ends with
    last_start: int  # where its last position starts
    truncated: bool  # cut at _MAX_POSITIONS


_R = TypeVar("_R")
_MISSING = object()


def _memo(method: Callable[..., _R]) -> Callable[..., _R]:
    """Cache a `_Scan` method per input: a dense run of titles asks the same questions about
    the same offsets many times, and the answers never change."""

    name = method.__name__

    @wraps(method)
    def wrapper(self: _Scan, *args: object) -> _R:
        key = (name, *args)
        value = self.memo.get(key, _MISSING)
        if value is _MISSING:
            value = self.memo[key] = method(self, *args)
        return value  # type: ignore[return-value]

    return wrapper


class _Scan:
    """One input: its NFC working copy, the folded copy, and the map back to input offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        work, self.offsets = _nfc_map(text)
        # "Ð" (U+00D0, Icelandic eth) stands in for "Đ" on some sites; same length.
        self.work = work.replace("Ð", "Đ").replace("ð", "đ")
        self.folded = fold_chars(self.work)
        self.n = len(self.work)
        self.memo: dict[tuple[object, ...], object] = {}
        self.no_name_until = 0  # title-first candidates before this offset cannot succeed

    # -- small readers ---------------------------------------------------------------------

    def skip_space(self, pos: int) -> int:
        m = _HWS.match(self.work, pos)
        return m.end() if m else pos

    def words_at(self, pos: int, count: int) -> list[tuple[int, int]]:
        """Up to `count` words from `pos`, joined by horizontal space only."""
        out: list[tuple[int, int]] = []
        while len(out) < count:
            m = _WORD.match(self.work, pos)
            if not m:
                break
            out.append(m.span())
            pos = self.skip_space(m.end())
            if pos == m.end():
                break
        return out

    def phrase_in(self, pos: int, keys: frozenset[str], longest: int = 3) -> int | None:
        """End of the phrase of 1..`longest` words at `pos` whose key is in `keys`."""
        words = self.words_at(pos, longest)
        for k in range(len(words), 0, -1):
            if _vkey(self.work[words[0][0] : words[k - 1][1]]) in keys:
                return words[k - 1][1]
        return None

    def previous_word(self, pos: int) -> str:
        """The word before `pos` on its line ("đường" in "đường Bà Triệu")."""
        m = _LAST_WORD.search(self.work, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def honorific_at(self, pos: int) -> tuple[str, int] | None:
        m = _HONORIFIC.match(self.folded, pos)
        if not m:
            return None
        canonical = _HONORIFIC_KEYS.get(_vkey(self.work[m.start() : m.end()]))
        return (canonical, m.end()) if canonical else None

    def academic_at(self, pos: int) -> tuple[str, int] | None:
        m = _ACADEMIC.match(self.work, pos)
        if not m or m.end() == pos:
            return None
        return self.work[m.start() : m.end()].strip(), m.end()

    @_memo
    def title_at(self, pos: int) -> tuple[str, int, int] | None:
        """(canonical title, start of the title proper, end) for a title at `pos`, with its
        qualifier ("nguyên", "quyền") when one is printed."""
        m = _title_pattern().match(self.folded, pos)
        if not m:
            return None
        if m.group("q") and _vkey(self.work[m.start("q") : m.end("q")]) not in _QUALIFIERS:
            return None
        title = _titles().get(fold(self.work[m.start("t") : m.end("t")]))
        return (title, m.start("t"), m.end()) if title else None

    # -- names -----------------------------------------------------------------------------

    @_memo
    def name_word_at(self, pos: int) -> tuple[int, str] | None:
        """(end, "title"|"caps"|"letter") for a capitalized word at `pos` that can be part
        of a name, else None."""
        m = _WORD.match(self.work, pos)
        if not m:
            return None
        word, end = m.group(), m.end()
        after = self.work[end : end + 2]
        if after[:1] and (after[:1].isalnum() or after[:1] in "&/_@"):
            return None  # "KH&CN", "Q1": not a name word
        if after[:1] == "." and after[1:2].isalnum():
            return None  # "TP.HCM"
        parts = re.split(r"['’]", word)
        if not all(p[:1].isupper() for p in parts):
            return None
        if len(word) == 1:
            return end, "letter"
        if all(p[1:].islower() or not p[1:] for p in parts):
            return end, "title"
        if word.isupper():
            return end, "caps"
        return None

    def name_run(self, pos: int, limit: int) -> tuple[list[tuple[int, int]], str | None]:
        """Capitalized words from `pos` in one case style, stopping before a position title,
        an honorific, a word no name holds, or after `limit` + 1 words."""
        words: list[tuple[int, int]] = []
        mode: str | None = None
        while len(words) <= limit:
            hit = self.name_word_at(pos)
            if hit is None or self.title_at(pos) or self.honorific_at(pos):
                break
            end, style = hit
            if self.phrase_in(pos, _NAME_STOP, 2) is not None:
                break
            if style == "caps" and words and self.phrase_in(pos, _PREDICATES) is not None:
                break  # in capitals only the vocabulary tells "AN PHÁT BIỂU" apart
            if style != "letter":
                if mode is None:
                    mode = style
                elif style != mode:
                    break
            words.append((pos, end))
            nxt = self.skip_space(end)
            if nxt == end:
                break
            pos = nxt
        return words, mode

    def person_name(self, pos: int, glued: bool) -> _Name | None:
        """A 2-5 word name after an honorific or academic title ending at `pos`."""
        start = self.skip_space(pos)
        if start == pos and not glued:
            return None
        words, mode = self.name_run(start, 5)
        if len(words) < 2 or len(words) > 5 or mode is None:
            return None
        if _vkey(self.work[words[0][0] : words[0][1]]) in _NOT_NAME_START:
            return None
        return _Name(words[0][0], words[-1][1])

    @_memo
    def led_name(self, pos: int) -> tuple[_Name, int] | None:
        """Honorific and/or academic title at `pos`, then a name: (name, where it starts)."""
        honorific = self.honorific_at(pos)
        after = honorific[1] if honorific else pos
        academic = self.academic_at(self.skip_space(after) if honorific else after)
        if academic:
            after = academic[1]
        if not honorific and not academic:
            return None
        name = self.person_name(after, glued=bool(academic) and academic[0].endswith("."))
        if name is None:
            return None
        name = replace(
            name,
            honorific=honorific[0] if honorific else None,
            academic=academic[0] if academic else None,
        )
        if (
            name.honorific in ("ông", "bà")
            and self.work[pos].isupper()
            and self.is_place(pos, name)
        ):
            return None
        return name, pos

    def is_place(self, pos: int, name: _Name) -> bool:
        """A capitalized "Bà"/"Ông" that is part of a place: "Bà Rịa Vũng Tàu", "đường Ông
        Ích Khiêm". A lower-case "ông" or "bà" before a name is always the honorific."""
        if _vkey(self.previous_word(pos)) in _PLACE_BEFORE:
            return True
        from normalize.provinces import find_province

        words = self.work[pos : name.end].split()
        return any(find_province(" ".join(words[:k])) for k in range(2, min(len(words), 5) + 1))

    # -- units -----------------------------------------------------------------------------

    @_memo
    def unit(
        self, pos: int, want_name: bool, caps: bool = False
    ) -> tuple[int, int, int | None, _Name | None]:
        """Scan the unit after a title ending at `pos`.

        Returns (unit start, unit end, where the next position's title starts or None,
        the name found in the unit when `want_name`). An empty unit has start == end.
        `caps`: the title was printed in capitals, so the predicate may be too.
        """
        work = self.work
        start = p = self.skip_space(pos)
        last = start
        tokens = 0
        previous = ""
        while p < self.n and tokens < _MAX_UNIT_TOKENS:
            ch = work[p]
            if ch in _HARD_STOPS:
                if ch == ",":
                    nxt = self.skip_space(p + 1)
                    if self.title_at(nxt):
                        return start, last, nxt, None
                return start, last, None, None
            if ch == ".":
                glued = p + 1 < self.n and work[p + 1].isalnum()
                if not glued and _vkey(previous) not in _DOT_ABBREVIATIONS:
                    return start, last, None, None
                p += 1
                continue
            if ch in _DASHES:
                nxt = self.skip_space(p + 1)
                if self.title_at(nxt):
                    return start, last, nxt, None
                spaced = p > 0 and work[p - 1].isspace()
                if last == start or (spaced and work[nxt : nxt + 1].islower()):
                    return start, last, None, None
                p += 1
                continue
            if ch.isspace():
                p += 1
                continue
            implicit = self.title_at(p) if last > start else None
            if implicit and work[implicit[1]].isupper():
                return start, last, p, None  # a second title without a separator
            if self.honorific_at(p) or self.academic_at(p):
                led = self.led_name(p)  # None for "Bà Rịa", "KS." without a name
                if led is not None:
                    # Another person begins; in a title-first mention, it is the one named.
                    return start, last, None, led[0] if want_name else None
            m = _UNIT_TOKEN.match(work, p)
            if not m:
                p += 1  # a symbol: part of the unit as printed ("KH & CN")
                continue
            word = m.group()
            if word[:1].islower() or (caps and word.isupper()):
                # Predicates are printed in lower case ("Sở thông tin về" ends the unit,
                # "Sở Thông tin và Truyền thông" does not), or in capitals in a headline.
                if self.phrase_in(p, _PREDICATES) is not None:
                    return start, last, None, None
                key = _vkey(word)
                after = self.skip_space(m.end())
                if key == _KIEM:
                    if self.title_at(after):
                        return start, last, after, None
                    return start, last, None, None
                if key == _VA and (
                    self.led_name(after)
                    or self.title_at(after)
                    or self.phrase_in(after, _AFTER_AND, 2) is not None
                ):
                    return start, last, None, None
            if want_name and word[:1].isupper() and self.name_word_at(p):
                found = self.unit_name(start, p, previous)
                if found is not None:
                    # The unit runs to the name: "UBND tỉnh Bến Tre" before "Trần Ngọc Tam".
                    return start, start + len(work[start : found.start].rstrip()), None, found
                words, _ = self.name_run(p, 8)
                if words:  # not a name: the whole run belongs to the unit
                    last = p = words[-1][1]
                    previous = work[words[-1][0] : words[-1][1]]
                    tokens += len(words)
                    continue
            last = p = m.end()
            previous = word
            tokens += 1
        return start, last, None, None

    def unit_name(self, unit_start: int, pos: int, previous: str) -> _Name | None:
        """The person's name in a capitalized run at `pos` inside a unit ("Giám đốc Sở
        KH&CN Lê Văn Khê"): org words and place names in front of it are stripped."""
        from normalize.provinces import find_province

        words, _mode = self.name_run(pos, 8)
        while words and (
            _vkey(self.work[words[0][0] : words[0][1]]) in _ORG_LEAD
            or (len(words) > 1 and _vkey(self.work[words[0][0] : words[1][1]]) in _ORG_LEAD)
        ):
            two = len(words) > 1 and _vkey(self.work[words[0][0] : words[1][1]]) in _ORG_LEAD
            previous = self.work[words[0][0] : words[1 if two else 0][1]]
            words = words[2 if two else 1 :]
        if not words:
            return None
        # A place right after "tỉnh", "huyện", "TP.": its name (a province from the data, or
        # two words, the common length of a district's or commune's name) comes first.
        after_admin = _vkey(previous) in _ADMIN or _vkey(previous).rstrip(".") in _ADMIN
        for k in range(min(4, len(words)), 0, -1):
            if find_province(self.work[words[0][0] : words[k - 1][1]]):
                if k == len(words) and unit_start == pos:
                    break  # "Chủ tịch Hồ Chí Minh": the person the city is named after
                words = words[k:]
                break
        else:
            if after_admin:
                words = words[2:]
        if not 3 <= len(words) <= 5:
            return None  # two capitalized words after a unit are as often a place
        text = self.work[words[0][0] : words[-1][1]]
        if _vkey(text) in _NOT_PEOPLE or any(_vkey(text).startswith(k + " ") for k in _NOT_PEOPLE):
            return None
        return _Name(words[0][0], words[-1][1])

    # -- positions -------------------------------------------------------------------------

    def positions(self, pos: int, want_name: bool) -> _Chain | None:
        """The chain of positions from a title at `pos`, and the name in its last unit."""
        out: list[Position] = []
        end = last_start = pos
        current: int | None = pos
        while current is not None and len(out) < _MAX_POSITIONS:
            found = self.title_at(current)
            if found is None:
                break
            title, _title_start, title_end = found
            caps = self.work[found[1] : title_end].isupper()
            unit_start, unit_end, following, name = self.unit(title_end, want_name, caps)
            end = unit_end if unit_end > unit_start else title_end
            unit = squash_spaces(self.work[unit_start:unit_end]) or None
            out.append(Position(title, unit, squash_spaces(self.work[current:end])))
            last_start = current
            if name is not None:
                return _Chain(out, name.end, name, last_start, False)
            current = following
        return _Chain(out, end, None, last_start, current is not None) if out else None

    # -- mentions --------------------------------------------------------------------------

    def mention_at(self, pos: int) -> tuple[PersonMention, int] | None:
        """The mention starting at `pos` and its end in the working copy, or None."""
        led = self.led_name(pos)
        if led is not None:
            name = led[0]
            end = name.end
            positions: list[Position] = []
            sep = _SEPARATOR.match(self.work, end)
            if sep and self.title_at(sep.end()):
                chain = self.positions(sep.end(), want_name=False)
                if chain is not None:
                    positions, end = chain.positions, chain.end
                    if sep.group("mark") == "(":
                        close = self.skip_space(end)
                        if self.work[close : close + 1] == ")":
                            end = close + 1
            return self.build(pos, end, name, positions), end
        honorific = self.honorific_at(pos)
        if honorific is not None:
            # "đồng chí Bí thư Tỉnh ủy Nguyễn Văn An": the honorific, then title-first.
            start = self.skip_space(honorific[1])
            if start == honorific[1] or self.title_at(start) is None:
                return None
        else:
            found = self.title_at(pos)
            if found is None or not self.work[found[1]].isupper():
                return None  # "toàn bộ chuyên viên Khối ...": a lower-case title is prose
            if pos < self.no_name_until:
                return None  # inside a chain of titles already read without a name
            if _vkey(self.previous_word(pos)) == "ban":
                return None  # "Ban Giám đốc Sở": the board, not its director
            start = pos
        chain = self.positions(start, want_name=True)
        if chain is None or chain.name is None:
            if chain is not None:
                # Every later title of this chain ends it the same way: no name. A chain
                # cut at _MAX_POSITIONS may go on, so its last title is read again.
                self.no_name_until = chain.last_start if chain.truncated else chain.end
            return None
        name = chain.name
        if honorific is not None and name.honorific is None:
            name = replace(name, honorific=honorific[0])
        return self.build(pos, chain.end, name, chain.positions), chain.end

    def build(self, start: int, end: int, name: _Name, positions: list[Position]) -> PersonMention:
        printed = squash_spaces(self.work[name.start : name.end])
        in_start, in_end = self.input_offset(start), self.input_offset(end)
        return PersonMention(
            name=restore_case(printed),
            honorific=name.honorific,
            academic=name.academic,
            positions=positions,
            text=self.text[in_start:in_end],
            start=in_start,
            end=in_end,
        )

    def input_offset(self, pos: int) -> int:
        if self.offsets is None:
            return pos
        return self.offsets[pos] if pos < len(self.offsets) else len(self.text)


def _nfc_map(text: str) -> tuple[str, list[int] | None]:
    """`text` in NFC and, when that changed it, the input offset of every output character.

    Pages in decomposed Unicode (base letter + combining marks) are read in NFC, and spans
    are mapped back, so `text[start:end]` is always the mention as the input has it.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", text[i:j]):
            out.append(ch)
            offsets.append(i)
        i = j
    return "".join(out), offsets


def find_people(text: str) -> list[PersonMention]:
    """Every person named in `text`, in order, each with the positions printed beside them.

    Accepts any string (plain text of a body, one sentence, a caption); returns [] when no
    one is named. A mention needs a name of 2-5 capitalized words introduced by an
    honorific ("đồng chí", "Đ/c", "ông", "bà"), an academic title ("TS.", "PGS.TS.") or a
    capitalized position title with its unit; a name after a title and unit alone must
    have 3-5 words (two capitalized words there are as often a place: "Cửu Long"). The
    same person named twice gives two mentions.
    """
    if not isinstance(text, str) or not text:
        return []
    scan = _Scan(text)
    starts = {m.start() for m in _HONORIFIC.finditer(scan.folded)}
    starts.update(m.start() for m in _ACADEMIC.finditer(scan.work))
    starts.update(m.start() for m in _title_pattern().finditer(scan.folded))
    mentions: list[PersonMention] = []
    done = 0
    for pos in sorted(starts):
        if pos < done:
            continue
        found = scan.mention_at(pos)
        if found is not None:
            mentions.append(found[0])
            done = found[1]
    return mentions
