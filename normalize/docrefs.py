"""Legal and administrative documents cited in running text, split into their facts.

`find_docrefs(text)` returns every reference with its span; type, number, issuing body's
code and date are separate fields. Document types and their number codes come from
`data/doc_types.csv` (type,code,name_en): a new type, or another code for a type (one row
per code), is a data edit. Type words match whatever their case, diacritics and tone
placement (through `fold_chars`, so spans stay spans of the input).

Accepted forms (values invented):

- type word + number: ``Quyết định số 312/QĐ-UBND``, ``Kế hoạch 2145/KH-UBND``,
  ``Thông tư số 07/2020/TT-BKHCN``, ``Nghị định 40/2023/NĐ-CP``, ``Nghị quyết 05/NQ-CP``;
  "số" optional, also ``số:``, ``Số :``, ``so``; lower case or capitals (``quyết định``,
  ``QUYẾT ĐỊNH SỐ ...``);
- Party numbering, number first: ``Nghị quyết số 12-NQ/TW``, ``Chỉ thị 18-CT/TW``,
  ``Hướng dẫn 45-HD/BTGTW``;
- numbers without a type code: ``Công văn số 870/SNV-TĐKT``, ``Văn bản số 123/UBND-KT``,
  ``Nghị quyết số 202/2025/QH15``, ``Nghị định 35/CP``, ``Luật số 29/2013/QH13``;
- joint documents: ``Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN`` (issuer
  ``BTC-BKHCN``: every body after a joint code, i.e. one ending in "LT");
- a number and its year only, after a type word: ``Nghị định 13/2019`` (issuer None);
- a bare number, after a capitalized type word and before punctuation, "của", "về",
  "và", "ngày" or the end: ``Nghị quyết 57 của Bộ Chính trị``, ``Đề án 06.``; four-digit
  years never count (``Kế hoạch 2021``), nor a number followed by a word (``Kế hoạch 5
  năm``); with "số" the type word may be lower case (``kế hoạch số 12,``);
- a number with a type code and no type word before it: ``số 312/QĐ-UBND``,
  ``Số: 12-NQ/TW``, ``theo 1587/QĐ-UBND``: the type comes from the code, and the number
  must name an issuer too (``N/CODE-ISSUER``, ``N/YYYY/CODE-ISSUER`` or ``N-CODE/ISSUER``);
- spacing and dashes as pages print them: ``312 /QĐ-UBND``, ``312/ QĐ-UBND``,
  ``QĐ - UBND``, ``12 – NQ/TW``, en and em dashes, non-breaking spaces;
- a date right after the number or title, introduced by "ngày": ``ngày 05/06/2023``,
  ``ngày 5-6-2023``, ``ngày 15 tháng 12 năm 2015`` (day first; read by `parse_date`,
  so years before 1990 and impossible dates give date None and stay outside the span);
- laws, codes and ordinances by name: ``Luật Khoa học và Công nghệ 2013`` (title "Luật
  Khoa học và Công nghệ", year 2013), ``Luật Đất đai năm 2024``, ``Bộ luật Lao động``,
  ``Pháp lệnh Thư viện``, ``Luật Khoa học và Công nghệ số 29/2013/QH13 ngày
  18 tháng 6 năm 2013`` (title, number and date in one reference);
- a named Central Committee resolution: ``Nghị quyết Trung ương 4``, ``Nghị quyết Hội nghị
  Trung ương 8 khóa XI``, ``Nghị quyết TW4``: type "Nghị quyết", number None, issuer None
  (no code is printed), title the words as printed.

A law's title: "Luật" and a capitalized word, then words up to punctuation, a year,
"năm", "ngày", "số" before a number, a capitalized type word ("... và Nghị định ...") or
a word that starts what the sentence says about the law ("của", "đã", "được", "có",
"quy định", "ban hành"...; see `_TITLE_STOP`), at most `_MAX_TITLE_WORDS` words. "và"
continues a title before a capitalized word ("Khoa học và Công nghệ"); before a
lower-case word only after a comma list ("Khoa học, công nghệ và đổi mới sáng tạo") or
when a year, "số <number>" or "ngày <date>" follows within four words ("Khoa học và công
nghệ 2013"). A comma continues a title only when one to three lower-case words follow
and then punctuation, "và", a year, "năm", "ngày" or "số <number>": so "Luật Thi đua,
khen thưởng và các văn bản" gives "Luật Thi đua, khen thưởng", "Luật Đo lường, Thông tư
số ..." gives "Luật Đo lường", and "Luật Đất đai, cơ quan nhà nước có ..." gives "Luật
Đất đai". This is a heuristic: a sentence that goes on in lower case without a stop word
("Luật Đầu tư, doanh nghiệp và nhà đầu tư ...") can lend the title words.

Refused or limited on purpose:

- codes must be printed in capitals (as official numbering prescribes; ``TTg``, ``TTr``,
  ``QĐi``, ``QyĐ`` and known type codes excepted): this is what tells ``số 312/QĐ-UBND``
  from ``50 kg/ha``; a code in lower case ends the number there;
- technical standards (``QCVN 01:2015/BKHCN``, ``TCVN ISO 9001:2015``) are not documents
  of this kind; ordinary numbers, ratios (``50/132``), percentages, phone numbers, dates
  and ranges (``2015-2020``) never match;
- named resolutions other than the Central Committee's (``Nghị quyết Hội nghị cán bộ,
  công chức``, ``Nghị quyết Đại hội Đảng bộ tỉnh lần thứ X``) and type words followed by
  anything but a number (``Chương trình hành động số 15-CTr/TU`` yields only the bare
  ``số 15-CTr/TU``, typed "Chương trình" by its code);
- a title with lower case after "và" and nothing to close it ("Luật Khoa học và công
  nghệ.") stops before "và"; titles with a stop word inside stop there ("Pháp lệnh Ưu
  đãi người có công" gives "Pháp lệnh Ưu đãi người"), and a comma item that does not
  close within three words ends the title at the comma ("Luật Phòng, chống tác hại của
  rượu, bia" gives "Luật Phòng"); the other way round, "Luật Đất đai và tuyên truyền năm
  2020" lends the title two words;
- a date after a comma (``312/QĐ-UBND, ngày ...``) or without a year is not the
  document's: only "ngày" right after the reference counts;
- "Thông tri" has no code of its own ("TT" is Thông tư's): a bare ``01-TT/TW`` reads as
  Thông tư; the word "Văn bản" is generic, so ``Văn bản số 312/QĐ-UBND`` takes the type
  of its code.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from normalize._data import read_data_csv
from normalize.dates import parse_date
from normalize.text import fold, fold_chars, nfc


@dataclass(frozen=True)
class DocRef:
    """One cited document. `text` is `input[start:end]`, exactly as printed."""

    type: str  # canonical type ("Quyết định"); from the number's code when no word precedes
    number: str | None  # as printed, NFC, no spaces, dashes as "-": "12-NQ/TW"; None by name
    issuer: str | None  # the issuing body's code: "TW", "UBND", "BKHCN", "SNV", "CP", "QH13"
    date: str | None  # ISO date printed right after ("ngày 05/06/2023"), else None
    title: str | None  # laws and named documents: "Luật Khoa học và Công nghệ"
    year: int | None  # from the number, else after a law's name, else of `date`
    text: str
    start: int
    end: int


# Types cited by name ("Luật Đất đai"): the grammar of a title is code, not data.
_TITLED = frozenset({"Luật", "Bộ luật", "Pháp lệnh"})
# Types whose word says nothing: the number's code, when it has one, is more precise.
_GENERIC = frozenset({"Văn bản"})
_MAX_TITLE_WORDS = 15
_MIN_YEAR, _MAX_YEAR = 1945, 2100

# Horizontal space only (non-breaking and typographic spaces too): a reference never runs
# across a line break.
_SP = r"[ \t\u00a0\u2000-\u200a\u202f]"
_DASH = r"[\-\u2010-\u2015\u2212]"
# A code on the folded text: letters first, then letters, digits, "&" ("SKH&CN").
_CODE = r"[a-z][a-z0-9&]*"

# The number, on the folded text.
_NUMBER = re.compile(
    rf"""
    (?P<n>\d{{1,6}})
    (?:
        {_SP}*/{_SP}* (?: (?P<y>\d{{4}}) {_SP}*/{_SP}* )?
        (?P<codes>{_CODE} (?: {_SP}*{_DASH}{_SP}* {_CODE} ){{0,5}})
      | {_SP}*{_DASH}{_SP}* (?P<pc>{_CODE}) {_SP}*/{_SP}*
        (?P<pi>{_CODE} (?: {_SP}*{_DASH}{_SP}* {_CODE} ){{0,3}})
      | {_SP}*/{_SP}* (?P<y2>(?:19|20)\d\d) (?![\w/\-\u2010-\u2015]|[.,]\d)
    )
    (?![\w&])
    """,
    re.VERBOSE,
)
# A bare number right after a type word: "Nghị quyết 57 của", "Đề án 06.".
_SHORT = re.compile(
    rf"""
    (?P<n>\d{{1,4}})
    (?![\w/%]|[.,]\d)
    (?= {_SP}* (?: \Z | [\r\n.,;:!?)\]"”’…] | (?:cua|ve|va|ngay)(?!\w) ) )
    """,
    re.VERBOSE,
)
# What may sit between a type word and its number: "số", "số:", "Số :", or a space only.
_SO = re.compile(rf"{_SP}+(?P<so>so)(?![a-z]){_SP}*:?{_SP}*|{_SP}+")
_CODE_TOKEN = re.compile(_CODE)
# Where a number without a type word may start: digits, then "/" or a dash and a letter
# (a code), maybe after a year. Ratios, ranges and dates are passed over at regex speed.
_BARE_CANDIDATE = re.compile(
    rf"(?<!\d)\d{{1,6}}(?={_SP}*(?:/{_SP}*(?:\d{{4}}{_SP}*/{_SP}*)?|{_DASH}{_SP}*)[a-z])"
)
# "số" right before a number without a type word: searched in a short window before it.
_SO_BEFORE = re.compile(rf"(?<!\w)(?P<so>so){_SP}*:?{_SP}*\Z")
_SO_WINDOW = 12
# A number without a type word never continues another token: "01-1:2018/BYT",
# "0290.386", "2.5/...", URLs.
_NOT_BEFORE_NUMBER = frozenset("/.,:-\u2010\u2011\u2012\u2013\u2014\u2015_")
_DATE_AFTER = re.compile(
    rf"""
    {_SP}+ ngay {_SP}*
    (?P<date>
        \d{{1,2}} (?P<sep>[/.\-\u2010-\u2015]) \d{{1,2}} (?P=sep) \d{{4}}
      | \d{{1,2}} {_SP}+ thang {_SP}+ \d{{1,2}} {_SP}*,?{_SP}* nam {_SP}+ \d{{4}}
    )
    (?!\d|[/.\-]\d)
    """,
    re.VERBOSE,
)
_CENTRAL = re.compile(
    rf"""
    {_SP}+ (?:hoi{_SP}+nghi{_SP}+)? (?:trung{_SP}+uong|tw) {_SP}* (?P<n>\d{{1,2}}) (?!\d)
    (?: {_SP}+ khoa {_SP}+ [ivxl]+ (?!\w) | {_SP}* \( {_SP}* khoa {_SP}+ [ivxl]+ {_SP}* \) )?
    """,
    re.VERBOSE,
)
_TITLE_YEAR = re.compile(rf"{_SP}+(?:nam{_SP}+)?(?P<y>(?:19|20)\d\d)(?!\d|[/.,\-]\d)")
_NUMBER_AFTER_TITLE = re.compile(rf"{_SP}+(?P<so>so){_SP}*:?{_SP}*(?=\d+{_SP}*[/\-])")
# Title words on the source text: letters, "&" inside ("KH&CN").
_WORD = re.compile(rf"{_SP}+(?P<w>[^\W\d_]+(?:&[^\W\d_]+)*)(?![\w&])")
_COMMA = re.compile(rf",(?={_SP})")
# What may end a comma list inside a title ("Thi đua, khen thưởng" + this).
_LIST_END = re.compile(
    rf"{_SP}*(?:\Z|[\r\n.,;:!?()\[\]\"“”‘’'…]|(?:và|năm|ngày)(?!\w)|\d{{4}}(?!\d)"
    rf"|số(?={_SP}*:?{_SP}*\d+{_SP}*/))",
    re.IGNORECASE,
)
# Words that start what a sentence says about a law, never part of its title (kept as
# text: a word list reads best that way).
_TITLE_STOP = frozenset(
    """của về theo trong tại để nhằm với cho từ đến do đó là có khi thì mà này sẽ đang đã
    được bị hoặc hay cũng như sau trước ngày năm tháng lần phải cần các những một nhiều
    mọi tới vào ra qua trên dưới giữa đối gồm cùng nhưng rằng vừa nên vì nếu""".split()  # noqa: SIM905
)
_TITLE_STOP_PAIRS = frozenset(
    {
        ("quy", "định"),
        ("ban", "hành"),
        ("hiện", "hành"),
        ("sửa", "đổi"),
        ("chính", "thức"),
        ("thông", "qua"),
    }
)
# "Luật sư" (lawyer), "Luật gia" (jurist), "luật pháp" (the law): in capitals they would
# read as titles.
_NOT_TITLES = frozenset({"sư", "gia", "pháp", "lệ"})


@dataclass(frozen=True)
class _Types:
    pattern: re.Pattern[str]  # any type word, on folded text
    by_word: dict[str, str]  # folded type word with single spaces -> canonical type
    by_code: dict[str, str]  # code in upper case, NFC -> type
    by_code_fold: dict[str, str]  # folded code -> type, only when no two codes fold alike


@cache
def _types() -> _Types:
    by_word: dict[str, str] = {}
    by_code: dict[str, str] = {}
    folds: dict[str, set[str]] = {}
    for row in read_data_csv("doc_types.csv"):
        name = nfc(row["type"].strip())
        by_word[fold(name)] = name
        code = nfc(row["code"].strip())
        if code:
            by_code.setdefault(code.upper(), name)
            folds.setdefault(fold(code), set()).add(name)
    # "HĐ" (Hợp đồng) and "HD" (Hướng dẫn) fold alike: only the printed letters decide.
    by_code_fold = {key: next(iter(names)) for key, names in folds.items() if len(names) == 1}
    # A trie, not a list of alternatives, and no lookbehind in front: the regex engine
    # then skips ahead on the first letters, several times faster on a long body. The
    # start of a word is checked by `_word_start`.
    pattern = re.compile(rf"{_trie(sorted(by_word))}(?!\w)")
    return _Types(pattern, by_word, by_code, by_code_fold)


def _trie(words: list[str]) -> str:
    """One regex matching any of `words` (spaces: any horizontal space), longest first."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [
            (rf"{_SP}+" if ch == " " else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(root)


def _word_start(folded: str, pos: int) -> bool:
    return pos == 0 or not (folded[pos - 1].isalnum() or folded[pos - 1] == "_")


def _code_type(token: str) -> str | None:
    """The document type a number's code names ("QĐ" -> Quyết định), if any."""
    if not token[:1].isupper():
        return None
    types = _types()
    return types.by_code.get(nfc(token).upper()) or types.by_code_fold.get(fold(token))


def _code_ok(token: str) -> bool:
    """A code as official numbering prints it: capitals and digits ("UBND", "QH13"),
    capitals then one ASCII lower-case letter ("TTg"), or a known type code ("QyĐ")."""
    if not token[:1].isupper():
        return False
    if all(c.isupper() or c.isdigit() or c == "&" for c in token):
        return True
    head, tail = token[:-1], token[-1]
    if len(head) >= 2 and "a" <= tail <= "z" and all(c.isupper() for c in head):
        return True
    return _code_type(token) is not None


@dataclass(frozen=True)
class _Number:
    number: str
    code_type: str | None  # the type the number's own code names
    issuer: str | None
    year: int | None
    end: int


def _year(digits: str | None) -> int | None:
    if not digits:
        return None
    year = int(digits)
    return year if _MIN_YEAR <= year <= _MAX_YEAR else None


def _tokens(source: str, folded: str, start: int, end: int) -> tuple[list[str], int]:
    """The codes of [start, end) as printed, up to the first one that is not a code, and
    where the last one kept ends."""
    out: list[str] = []
    last = start
    for m in _CODE_TOKEN.finditer(folded, start, end):
        token = source[m.start() : m.end()]
        if not _code_ok(token):
            break
        out.append(token)
        last = m.end()
    return out, last


def _number_at(source: str, folded: str, pos: int, *, typed: bool) -> _Number | None:
    """The document number starting at `pos`. Without a type word (`typed` False) the
    number must carry a type code and an issuer."""
    m = _NUMBER.match(folded, pos)
    if m is None:
        return None
    n = m["n"]
    if m["codes"] is not None:
        codes, end = _tokens(source, folded, m.start("codes"), m.end("codes"))
        if not codes:
            return None
        code_type = _code_type(codes[0])
        if code_type is not None:
            rest = codes[1:]
            if not rest and not typed:
                return None
            # A joint document ("TTLT-BTC-BKHCN") has several issuers; otherwise what
            # follows the issuer is its unit ("QĐ-SKHCN-VP").
            joint = nfc(codes[0]).upper().endswith("LT")
            issuer = ("-".join(rest) if joint else rest[0]) if rest else None
        elif typed:
            issuer = codes[0]  # "870/SNV-TĐKT": the body, then its unit
        else:
            return None
        year = m["y"]
        parts = [n, year, "-".join(codes)] if year else [n, "-".join(codes)]
        return _Number(nfc("/".join(parts)), code_type, issuer, _year(year), end)
    if m["pc"] is not None:
        pc = source[m.start("pc") : m.end("pc")]
        issuers, end = _tokens(source, folded, m.start("pi"), m.end("pi"))
        if not _code_ok(pc) or not issuers:
            return None
        code_type = _code_type(pc)
        if code_type is None and not typed:
            return None
        number = nfc(f"{n}-{pc}/{'-'.join(issuers)}")
        return _Number(number, code_type, issuers[0], None, end)
    if not typed:
        return None
    return _Number(f"{n}/{m['y2']}", None, None, _year(m["y2"]), m.end())


def _is_so(source: str, start: int, end: int) -> bool:
    """The folded "so" is "số" or "so", not "Sở" (a department)."""
    return source[start:end].lower() in ("số", "so")


def _date_after(source: str, folded: str, pos: int) -> tuple[str, int, int] | None:
    """(ISO date, its year, end) of "ngày <date>" right at `pos`, if it is a real day."""
    m = _DATE_AFTER.match(folded, pos)
    if m is None:
        return None
    parsed = parse_date(source[m.start("date") : m.end("date")])
    if parsed.value is None or parsed.iso is None:
        return None
    return parsed.iso, parsed.value.year, m.end()


@dataclass
class _Found:
    type: str
    start: int
    end: int
    number: str | None = None
    issuer: str | None = None
    title: str | None = None
    year: int | None = None
    date: str | None = None


def _with_date(found: _Found, source: str, folded: str) -> _Found:
    dated = _date_after(source, folded, found.end)
    if dated is not None:
        found.date, date_year, found.end = dated
        if found.year is None:
            found.year = date_year
    return found


def _typed(source: str, folded: str, m: re.Match[str]) -> _Found | None:
    """The reference a type word at `m` starts, or None when no number or name follows."""
    kind = _types().by_word.get(" ".join(m.group().split()))
    if kind is None:
        return None
    start, pos = m.start(), m.end()
    lead = _SO.match(folded, pos)
    has_so = lead is not None and lead["so"] is not None
    if lead is not None and has_so and not _is_so(source, lead.start("so"), lead.end("so")):
        lead, has_so = None, False  # "Sở": a department follows, not a number
    if lead is not None:
        number = _number_at(source, folded, lead.end(), typed=True)
        if number is not None:
            if kind in _GENERIC and number.code_type is not None:
                kind = number.code_type
            found = _Found(kind, start, number.end, number.number, number.issuer)
            found.year = number.year
            return _with_date(found, source, folded)
    if kind in _TITLED:
        return _titled(source, folded, kind, start, pos)
    if kind == "Nghị quyết":
        central = _CENTRAL.match(folded, pos)
        if central is not None:
            title = " ".join(source[start : central.end()].split())
            found = _Found(kind, start, central.end(), title=title)
            return _with_date(found, source, folded)
    if lead is None:
        return None
    # "Nghị quyết 57 của ...": a type word printed as a name, or "số", then a short number.
    short = _SHORT.match(folded, lead.end())
    if short is None or not (has_so or source[start].isupper()):
        return None
    if not has_so and len(short["n"]) == 4 and _year(short["n"]) is not None:
        return None  # "Kế hoạch 2021": a year, not a number
    found = _Found(kind, start, short.end(), short["n"])
    return _with_date(found, source, folded)


def _titled(source: str, folded: str, kind: str, start: int, pos: int) -> _Found | None:
    """A law, code or ordinance by name: "Luật Khoa học và Công nghệ 2013"."""
    title_end = _title_end(source, folded, pos)
    if title_end is None:
        return None
    title = " ".join(source[start:title_end].split())
    found = _Found(kind, start, title_end, title=title)
    year = _TITLE_YEAR.match(folded, found.end)
    if year is not None:
        found.year, found.end = _year(year["y"]), year.end()
    so = _NUMBER_AFTER_TITLE.match(folded, found.end)
    if so is not None and _is_so(source, so.start("so"), so.end("so")):
        number = _number_at(source, folded, so.end(), typed=True)
        if number is not None:
            found.number, found.issuer, found.end = number.number, number.issuer, number.end
            found.year = number.year or found.year
    return _with_date(found, source, folded)


def _title_end(source: str, folded: str, pos: int) -> int | None:
    """Where the title that starts after the type word at `pos` ends (see the module
    docstring for the rules), or None when no capitalized word follows."""
    first = _WORD.match(source, pos)
    if first is None or not first["w"][0].isupper() or first["w"].lower() in _NOT_TITLES:
        return None
    end, words, listed = first.end(), 1, False
    while words < _MAX_TITLE_WORDS:
        comma = _COMMA.match(source, end)
        if comma is not None:
            item_end = _list_item(source, folded, comma.end())
            if item_end is None:
                break
            end, words, listed = item_end, words + 1, True
            continue
        nxt = _WORD.match(source, end)
        if nxt is None:
            break
        if nxt["w"].lower() == "và":
            follow = _WORD.match(source, nxt.end())
            if follow is None or not _title_word(source, folded, follow):
                break
            if follow["w"][0].isupper() or listed:
                end, words = follow.end(), words + 2
                continue
            # "Luật Khoa học và công nghệ 2013": lower case after "và" belongs to the title
            # only when a year, a number or a date closes it; "Luật Đất đai và tuyên
            # truyền ..." is the sentence going on.
            closed = _closed_by_year(source, folded, follow.end())
            if closed is None:
                break
            end, words = closed, words + 2
            continue
        if not _title_word(source, folded, nxt):
            break
        end, words = nxt.end(), words + 1
    return end


def _closed_by_year(source: str, folded: str, pos: int) -> int | None:
    """Where up to three more lower-case title words from `pos` end, when a year ("2013",
    "năm 2013"), "số <number>" or "ngày <date>" follows them; else None."""
    end = pos
    for _ in range(4):
        if (
            _TITLE_YEAR.match(folded, end)
            or _NUMBER_AFTER_TITLE.match(folded, end)
            or _date_after(source, folded, end)
        ):
            return end
        m = _WORD.match(source, end)
        if m is None or not m["w"][0].islower() or not _title_word(source, folded, m):
            return None
        end = m.end()
    return None


def _title_word(source: str, folded: str, m: re.Match[str]) -> bool:
    """Whether the word at `m` (a `_WORD` match) may continue a title."""
    word = m["w"]
    lower = word.lower()
    if lower in _TITLE_STOP or lower == "và":
        return False
    if lower == "số" and _NUMBER_AFTER_TITLE.match(folded, m.start()):
        return False  # "... số 29/2013/QH13" ends the title; "Luật Chuyển đổi số" does not
    following = _WORD.match(source, m.end())
    if following is not None and (lower, following["w"].lower()) in _TITLE_STOP_PAIRS:
        return False
    # A capitalized type word starts the next reference ("... và Nghị định 08/2014/...").
    return not (word[0].isupper() and _types().pattern.match(folded, m.start("w")))


def _list_item(source: str, folded: str, pos: int) -> int | None:
    """End of one to three lower-case words at `pos` closing a comma list in a title
    ("Thi đua, khen thưởng"), or None when what follows the comma is not that."""
    end = pos
    for _ in range(3):
        m = _WORD.match(source, end)
        if m is None or not m["w"][0].islower() or not _title_word(source, folded, m):
            return None
        end = m.end()
        if _LIST_END.match(source, end):
            return end
    return None


def _nfc_with_map(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """`text` in NFC, and for each NFC character the input span it came from (None when
    the input already is NFC, the usual case)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


def find_docrefs(text: str) -> list[DocRef]:
    """Every document reference in `text`, in order, with spans into `text` as given.

    Accepts the forms listed in the module docstring; anything else gives no reference.
    Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    source, starts, ends = _nfc_with_map(text)
    folded = _fold(source)
    found: list[_Found] = []
    taken = 0
    for m in _types().pattern.finditer(folded):
        if m.start() < taken or not _word_start(folded, m.start()):
            continue
        ref = _typed(source, folded, m)
        if ref is not None:
            found.append(ref)
            taken = ref.end
    found.extend(_bare(source, folded, [(f.start, f.end) for f in found]))
    found.sort(key=lambda f: f.start)
    refs: list[DocRef] = []
    for f in found:
        start = f.start if starts is None else starts[f.start]
        end = f.end if ends is None else ends[f.end - 1]
        refs.append(
            DocRef(f.type, f.number, f.issuer, f.date, f.title, f.year, text[start:end], start, end)
        )
    return refs


def _bare(source: str, folded: str, taken: list[tuple[int, int]]) -> list[_Found]:
    """Numbers whose code gives their type, outside references found by type word
    (`taken`, in order)."""
    out: list[_Found] = []
    spans = list(taken)  # sorted, never overlapping: bisect keeps every check logarithmic
    starts = [a for a, _ in spans]
    for m in _BARE_CANDIDATE.finditer(folded):
        pos = m.start()
        i = bisect.bisect_right(starts, pos)
        if i and pos < spans[i - 1][1]:
            continue  # inside a reference already found
        start = pos
        before = folded[pos - 1] if pos else " "
        if before in _NOT_BEFORE_NUMBER:
            continue
        so = _SO_BEFORE.search(folded, max(0, pos - _SO_WINDOW), pos)
        if so is not None and _is_so(source, so.start("so"), so.end("so")):
            start = so.start()
        elif before.isalnum():
            continue
        number = _number_at(source, folded, pos, typed=False)
        if number is None or number.code_type is None:
            continue
        i = bisect.bisect_left(starts, number.end)
        if i and spans[i - 1][1] > start:
            continue
        found = _Found(number.code_type, start, number.end, number.number, number.issuer)
        found.year = number.year
        found = _with_date(found, source, folded)
        out.append(found)
        i = bisect.bisect_left(starts, found.start)
        spans.insert(i, (found.start, found.end))
        starts.insert(i, found.start)
    return out


def _fold(source: str) -> str:
    """`fold_chars(source)`, through one translation table of the characters present:
    the same text (fold_chars works character by character), in a fraction of the time."""
    return source.translate({ord(ch): fold_chars(ch) for ch in set(source)})
