#!/usr/bin/env python3
"""An independent reference implementation of docs/fields.md and docs/scoring.md.

Written from the two specifications alone (not from the C++ sources), in
plain Python 3 with the standard library only (and, to read .xlsx inputs,
Debian's python3-openpyxl), so that the end-to-end tests compare flexpipe
against a second reading of the specification rather than against itself.
Scores are computed with Python floats in exactly the order the specification
writes them and rounded with Python's round(x, 2).

Used as a module by the test_*.py scripts; also runnable on its own:

    python3 reference.py INPUT... --model weighted --min-score 4 --as-of 2025-06-30 \
        [--no-dedup] [-o expected.csv]

prints (or writes) the master CSV the specification asks for.
"""

import argparse
import csv
import datetime as dt
import functools
import io
import os
import re
import sys

# ---------------------------------------------------------------------------
# fields.md: canonical fields, in output order, with their types and aliases.

FIELDS = [
    ("parcel_id", "id", ["parcel id", "parcel", "apn", "property id", "folio", "pcn", "parcel number",
                         "account number"]),
    ("address", "text", ["site address", "address", "property address", "street address", "situs address",
                         "location address"]),
    ("unit", "text", ["unit", "suite"]),
    ("city", "text", ["city", "municipality", "site city", "property city"]),
    ("state", "text", ["state", "st", "site state"]),
    ("zip", "id", ["zip code", "zip", "postal code", "site zip"]),
    ("county", "text", ["county", "county name"]),
    ("property_type", "text", ["property type", "property use", "type", "use description", "land use",
                               "property use code detail"]),
    ("zoning", "text", ["zoning", "zone", "zoning code"]),
    ("acres", "number", ["acres", "lot size acres", "land acres", "lot acres", "acreage"]),
    ("lot_sqft", "number", ["lot size sqft", "lot sqft", "land sqft"]),
    ("building_sqft", "number", ["building sqft", "building sq ft", "bldg sqft", "square feet", "sqft",
                                 "total sqft", "living area", "gross building area"]),
    ("office_sqft", "number", ["office sqft", "subarea office sqft", "office area"]),
    ("warehouse_sqft", "number", ["warehouse sqft", "subarea warehouse sqft", "warehouse area"]),
    ("ceiling_height", "number", ["ceiling height", "clear height"]),
    ("loading_docks", "number", ["loading docks", "dock doors", "docks"]),
    ("overhead_doors", "number", ["overhead doors", "grade level doors", "drive in doors"]),
    ("year_built", "integer", ["year built", "built year", "yr built", "actual year built",
                               "effective year built"]),
    ("occupancy", "occupancy", ["occupancy", "occupancy rate", "occupied", "percent leased"]),
    ("improvement_value", "money", ["improvement value", "building value", "improvements",
                                    "improvement market value"]),
    ("land_value", "money", ["land value", "land market value", "assessed land value"]),
    ("total_value", "money", ["total parcel value", "total market value", "market value", "just market value",
                              "assessed value"]),
    ("sale_date", "date", ["sale date", "last sale date", "sold date", "recording date"]),
    ("sale_price", "money", ["sold price", "sale price", "last sale price"]),
    ("owner_name", "text", ["owner name", "owner", "owner 1"]),
    ("near_highway", "boolean", ["near highway", "highway access"]),
    ("latitude", "number", ["latitude", "lat"]),
    ("longitude", "number", ["longitude", "lon", "lng", "long"]),
]
FIELD_NAMES = [f[0] for f in FIELDS]
FIELD_TYPE = {f[0]: f[1] for f in FIELDS}
ALIAS = {alias: name for name, _, aliases in FIELDS for alias in aliases}
# Canonical names are aliases of their own field too, after the table's ("total_value").
for _name in FIELD_NAMES:
    ALIAS.setdefault(_name.replace("_", " "), _name)
TEXT_TYPES = ("text", "id")

MISSING_TOKENS = {"", "n/a", "-", "null", "#n/a"}


@functools.lru_cache(maxsize=4096)
def normalize_header(header):
    """Lower-case, every run of non-letters/digits to one space, trimmed."""
    return re.sub(r"[^a-z0-9]+", " ", header.lower()).strip()


def is_missing_token(text):
    return text.strip().lower() in MISSING_TOKENS


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def parse_number(text, percent_ok=False):
    """fields.md numbers and money: 1234, 1,234, $1,234.50, 1.2e6, ' 42 ', (1,000) = -1000.
    Returns a float, or None when missing or not a number."""
    t = text.strip()
    if t.lower() in MISSING_TOKENS:
        return None
    negative = False
    if len(t) >= 2 and t[0] == "(" and t[-1] == ")":
        negative = True
        t = t[1:-1]
    t = t.replace("$", "").replace(",", "").strip()
    if percent_ok and t.endswith("%"):
        t = t[:-1].strip()
    if not _NUMBER.fullmatch(t):
        return None
    value = float(t)
    return -value if negative else value


_MONTHS = {name.lower(): i + 1 for i, name in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"])}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
# fields.md says 13 digits, and names pbc_flex_properties_611.csv as having them; that file also has
# 11- and 12-digit and negative values (pandas' epoch milliseconds for dates before 2001-09-09, and
# before 1970), read here the same way.
_EPOCH_MS = re.compile(r"(-?\d{11,13})(?:\.0*)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})" + _TIME)
_LONG = re.compile(r"([A-Za-z]+)\.? (\d{1,2}), (\d{4})" + _TIME)
_DMY = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})" + _TIME)
EPOCH = dt.date(1970, 1, 1)


def _make_date(year, month, day):
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text):
    """fields.md dates in CSV: ISO, 03/14/2025, 3/14/25, March 14, 2025, 14-Mar-2025 (each with or
    without a time), and Unix epoch milliseconds (UTC) of 13 digits (or 11-12, or negative, as pandas
    writes dates before 2001). Returns a datetime.date
    or None."""
    t = text.strip()
    if t.lower() in MISSING_TOKENS:
        return None
    m = _EPOCH_MS.fullmatch(t)
    if m:
        return EPOCH + dt.timedelta(days=int(m.group(1)) // 86_400_000)
    m = _ISO.fullmatch(t)
    if m:
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _US.fullmatch(t)
    if m:
        year = int(m.group(3))
        if len(m.group(3)) == 2:
            year += 2000 if year < 69 else 1900  # Python's %y pivot
        return _make_date(year, int(m.group(1)), int(m.group(2)))
    m = _LONG.fullmatch(t)
    if m and m.group(1).lower() in _MONTHS:
        return _make_date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _DMY.fullmatch(t)
    if m and m.group(2).lower() in _MONTHS:
        return _make_date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def parse_bool(text):
    t = text.strip().lower()
    if t in ("true", "yes", "y", "1"):
        return True
    if t in ("false", "no", "n", "0"):
        return False
    return None


def parse_value(field, text):
    """The parsed value of a cell of `field` (None = missing)."""
    kind = FIELD_TYPE[field]
    if kind in TEXT_TYPES:
        return text.strip()
    if kind in ("number", "money", "integer"):
        return parse_number(text)
    if kind == "occupancy":
        return parse_number(text, percent_ok=True)
    if kind == "date":
        return parse_date(text)
    if kind == "boolean":
        return parse_bool(text)
    raise AssertionError(field)


# ---------------------------------------------------------------------------
# Reading a file: header mapping and records.

class FileFailure(Exception):
    """The file cannot be processed at all (fields.md / design.md: a file-level error)."""


class SourceFile:
    """One input file (CSV or workbook) read and mapped the way fields.md says."""

    def __init__(self, path, display_path):
        self.path = path
        self.display_path = display_path  # as discovered: what source_file must say
        self.headers = []
        self.field_column = {}       # canonical field -> column index (first header wins)
        self.passthrough = []        # (column index, header as written)
        self.duplicate_columns = []  # (column index, header): a second header of an already mapped field
        self.records = []            # (record number with the header as 1, cells)

    @property
    def fields(self):
        present = set(self.field_column)
        if "lot_sqft" in present:
            present.add("acres")  # derived: acres = lot_sqft / 43560
        return present


def _map_headers(source, headers):
    """fields.md's header mapping; raises FileFailure when address or city does not map."""
    source.headers = headers
    for i, header in enumerate(source.headers):
        field = ALIAS.get(normalize_header(header))
        if field is None:
            source.passthrough.append((i, header))
        elif field in source.field_column:
            source.duplicate_columns.append((i, header))
        else:
            source.field_column[field] = i
    if "address" not in source.field_column or "city" not in source.field_column:
        raise FileFailure("missing required columns (address and city): headers " + ", ".join(source.headers))


def read_csv_file(path, display_path=None):
    """Returns a SourceFile or raises FileFailure with the reason."""
    with open(path, "rb") as f:
        data = f.read()
    if not data:
        raise FileFailure("zero-byte file")
    if b"\x00" in data:
        raise FileFailure("NUL bytes: binary data or UTF-16 without a byte order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FileFailure(f"not UTF-8: {e}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        raise FileFailure(f"malformed CSV: {e}") from None
    if not records:
        raise FileFailure("no header row")
    source = SourceFile(path, display_path or path)
    _map_headers(source, records[0])
    for number, cells in enumerate(records[1:], start=2):
        if not cells or all(c.strip() == "" for c in cells):
            continue  # a blank row
        source.records.append((number, cells))
    return source


# ---------------------------------------------------------------------------
# Reading a workbook (.xlsx): each cell becomes the text a spreadsheet shows, and from there on the
# file is read exactly like a CSV (header mapping, value parsing). The rules are flexpipe's documented
# contract (docs/fields.md; src/read/xlsx/xlsx_reader.h), implemented here over openpyxl:
#   - strings (shared, inline, a formula's cached text) as written;
#   - numbers: integral values (|x| < 1e21) as integers without exponent or ".0": a plain integer
#     in the XML keeps its digits exactly ("74434329000001370", even past double precision), any
#     other integral value is the double's exact integer ("7.4434329000001376E+16" ->
#     74434329000001376, "8.4346050800001296E+15" -> 8434605080000130); others the shortest
#     round-trip decimal, without exponent from 1e-6 up (0.000015, 1.2176), with an Excel-style
#     one below (1.5E-07);
#   - numbers whose number format is a date: "YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS" when the time
#     of day (rounded to the second) is not midnight; the 1904 date system honoured;
#   - booleans "TRUE"/"FALSE"; error values (#N/A, #DIV/0! ...) and blanks empty;
#   - the sheet: the first visible worksheet unless one is named (name, exact then ignoring case, or
#     1-based position as digits); the header is the first row with a non-empty cell and is as wide
#     as its last non-empty cell; cells to the right of it are dropped, and then rows with only
#     empty cells are skipped (so a row whose only value lies right of the header is skipped too;
#     xlsx_reader.h leaves the order open, flexpipe drops first); rows are numbered as the sheet
#     numbers them. Empty means no text at all: a cell of spaces is not empty.

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
XLSX_EXTENSIONS = (".xlsx", ".xlsm")


def format_number(value):
    """A number cell's text. `value` is what openpyxl gives: an int when the XML wrote a plain
    integer (its digits, kept exactly: "74434329000001370" stays so), else a float (the double the
    XML's text reads as)."""
    if isinstance(value, int) and abs(value) < 10 ** 21:
        return str(value)  # digits as written, less leading zeros and the sign of zero
    x = float(value)
    if x != x or x in (float("inf"), float("-inf")):
        return ""
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) < 1e21:
        return str(int(x))  # the double's exact integer: 7.4434329000001376E+16 -> 74434329000001376
    text = repr(x)  # the shortest round-trip digits
    if 1e-6 <= abs(x) < 1e21:
        if "e" in text:
            import decimal
            text = format(decimal.Decimal(text), "f")
        return text
    mantissa, _, exponent = text.partition("e")  # Excel style: 1.5E-07, 1E+21
    if mantissa.endswith(".0"):
        mantissa = mantissa[:-2]
    return f"{mantissa}E{exponent[0]}{exponent[1:].zfill(2)}"


def format_datetime(value, epoch=None):
    """A date cell's text: YYYY-MM-DD, with " HH:MM:SS" when the time of day is not midnight."""
    if isinstance(value, dt.datetime):
        if (epoch is None or epoch.year == 1899) and value < dt.datetime(1900, 1, 1):
            # No date in the 1900 system (a negative serial): the number itself.
            from openpyxl.utils.datetime import to_excel
            return format_number(to_excel(value, epoch or dt.datetime(1899, 12, 30)))
        if value.microsecond >= 500_000:
            value = value + dt.timedelta(microseconds=1_000_000 - value.microsecond)
        value = value.replace(microsecond=0)
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return f"{value.date().isoformat()} {value.time().isoformat()}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):  # a serial below 1 in a date format
        if epoch is None or epoch.year == 1899:  # 1900 system: before day 1, no date; the number
            return format_number((value.hour * 3600 + value.minute * 60 + value.second
                                  + value.microsecond / 1e6) / 86_400)
        return format_datetime(dt.datetime.combine(epoch.date(), value))
    if isinstance(value, dt.timedelta):  # a duration format ([h]:mm): the serial number itself
        return format_number(value.total_seconds() / 86_400)
    raise TypeError(type(value))


def cell_text(value, data_type, epoch=None):
    """The text a spreadsheet shows for one openpyxl cell value (see above)."""
    if value is None or data_type == "e":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return format_datetime(value, epoch)
    return str(value)


def _choose_sheet(workbook, sheet):
    sheets = workbook.worksheets  # worksheets only: chart sheets are not tables
    if not sheet:
        for ws in sheets:
            if getattr(ws, "sheet_state", "visible") == "visible":
                return ws
        raise FileFailure("no visible worksheet")
    if str(sheet).isdigit():
        n = int(sheet)
        if 1 <= n <= len(sheets):
            return sheets[n - 1]
        raise FileFailure(f"no worksheet number {sheet} (the workbook has {len(sheets)})")
    for ws in sheets:
        if ws.title == sheet:
            return ws
    for ws in sheets:
        if ws.title.lower() == str(sheet).lower():
            return ws
    raise FileFailure(f"no worksheet named {sheet!r}: " + ", ".join(ws.title for ws in sheets))


def read_xlsx_rows(path, sheet=None):
    """(row number, [cell text]) for every row of the sheet that has a non-empty cell, as the sheet
    has them (trailing empty cells dropped). Raises FileFailure."""
    import warnings
    import zipfile
    try:
        import openpyxl
    except ImportError:
        raise FileFailure("openpyxl is not installed: cannot read .xlsx") from None
    with open(path, "rb") as f:
        magic = f.read(8)
    if magic.startswith(OLE2_MAGIC):
        raise FileFailure("legacy .xls (BIFF) or password-protected workbook")
    if not magic.startswith(ZIP_MAGIC):
        raise FileFailure("not a workbook: no ZIP signature")
    out = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "workbook contains no default style" and the like
            with open(path, "rb") as f:  # a file object: openpyxl checks no extension then
                workbook = openpyxl.load_workbook(f, read_only=True, data_only=True)
                try:
                    ws = _choose_sheet(workbook, sheet)
                    ws.reset_dimensions()  # the <dimension> element may be wrong: read every row
                    epoch = workbook.epoch
                    for number, cells in enumerate(ws.iter_rows(), start=1):
                        texts = [cell_text(c.value, getattr(c, "data_type", None), epoch) for c in cells]
                        while texts and texts[-1] == "":
                            texts.pop()
                        if texts:
                            out.append((number, texts))
                finally:
                    workbook.close()
    except FileFailure:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError, TypeError,
            AttributeError, IndexError, EOFError) as e:
        raise FileFailure(f"unreadable workbook: {type(e).__name__}: {e}") from None
    except Exception as e:  # openpyxl's InvalidFileException, XML parse errors, ...
        raise FileFailure(f"unreadable workbook: {type(e).__name__}: {e}") from None
    return out


_XLSX_CACHE = {}


def read_xlsx_file(path, display_path=None, sheet=None):
    """Returns a SourceFile (as read_csv_file does) or raises FileFailure with the reason."""
    st = os.stat(path)
    key = (os.path.abspath(path), st.st_size, st.st_mtime_ns, sheet)
    rows = _XLSX_CACHE.get(key)
    if rows is None:
        rows = read_xlsx_rows(path, sheet)
        _XLSX_CACHE[key] = rows
    source = SourceFile(path, display_path or path)
    # A row is blank when every cell is empty or only whitespace (as for CSV): it holds no property.
    if not rows:
        raise FileFailure("no header row: the sheet is empty")
    number, headers = rows[0]  # read_xlsx_rows keeps only rows with a non-empty cell, trailing "" dropped
    _map_headers(source, list(headers))
    width = len(headers)
    for number, cells in rows[1:]:
        cells = cells[:width]  # values right of the header are dropped first ...
        if any(c.strip() != "" for c in cells):  # ... so a row with nothing else is blank: skipped
            source.records.append((number, cells))
    return source


def read_source_file(path, display_path=None, sheet=None):
    """A CSV or a workbook, by extension (and by signature: an OLE2 file is a legacy workbook)."""
    if os.path.splitext(path)[1].lower() in XLSX_EXTENSIONS:
        return read_xlsx_file(path, display_path, sheet)
    with open(path, "rb") as f:
        magic = f.read(8)
    if magic.startswith(OLE2_MAGIC):
        raise FileFailure("legacy .xls (BIFF) or password-protected workbook")
    if magic.startswith(ZIP_MAGIC):  # a workbook saved with the wrong extension
        return read_xlsx_file(path, display_path, sheet)
    return read_csv_file(path, display_path)


class Row:
    """A record's canonical values (parsed) and raw texts."""

    def __init__(self, source, number, cells):
        self.source = source
        self.number = number
        self.cells = cells
        self.text = {}
        self.value = {}
        for field, col in source.field_column.items():
            raw = cells[col] if col < len(cells) else ""
            self.text[field] = raw
            self.value[field] = parse_value(field, raw)
        if "acres" not in source.field_column and "lot_sqft" in source.field_column:
            lot = self.value.get("lot_sqft")
            self.value["acres"] = None if lot is None else lot / 43560

    def number_or_zero(self, field):
        v = self.value.get(field)
        return 0.0 if v is None else v

    def text_of(self, field):
        return self.text.get(field, "").strip()


# ---------------------------------------------------------------------------
# scoring.md: model "weighted".

ZONING_POINTS = [
    (10, {"IL", "IP", "PIPD", "M-1"}),
    (8, {"IG", "IND", "M-2"}),
    (6, {"MUPD", "MXPD", "AGR/IND"}),
    (4, {"CG", "CH", "CS"}),
]
PRIME_CITIES = ["BOCA RATON", "DELRAY BEACH", "BOYNTON BEACH", "WEST PALM BEACH"]
GOOD_CITIES = ["LAKE WORTH", "RIVIERA BEACH", "JUPITER", "WELLINGTON"]
WEIGHTED_COMPONENTS = ["zoning_score", "size_score", "building_score", "location_score", "activity_score",
                       "value_score"]
WEIGHTS = [3.0, 2.0, 2.5, 1.5, 1.0, 1.0]


def zoning_score(row):
    z = row.text_of("zoning").upper()
    for points, codes in ZONING_POINTS:
        if z in codes:
            return points
    return 0


def size_score(row):
    a = row.number_or_zero("acres")
    if a <= 0:
        return 0
    if a < 0.5:
        return 2
    if a > 20:
        return 3
    if a == 2.5:
        return 10
    if 0.5 <= a < 2.5:
        return 5 + ((a - 0.5) / (2.5 - 0.5)) * 5
    return 5 + ((20 - a) / (20 - 2.5)) * 5  # 2.5 < a <= 20


def building_score(row):
    b = row.number_or_zero("building_sqft")
    office = row.number_or_zero("office_sqft")
    warehouse = row.number_or_zero("warehouse_sqft")
    ceiling = row.number_or_zero("ceiling_height")
    doors = row.number_or_zero("loading_docks") + row.number_or_zero("overhead_doors")
    has_building = b > 0 or office > 0 or warehouse > 0 or ceiling > 0 or doors > 0
    if not has_building:
        return 3 if row.number_or_zero("improvement_value") > 100000 else 0
    s = 5
    if 5000 <= b <= 100000:
        s += 2
        if 15000 <= b <= 35000:
            s += 1
    if ceiling > 0 and 14 <= ceiling <= 24:
        s += 2
    if doors >= 1:
        s += 1
    if office > 0 and warehouse > 0 and 0.15 <= office / (office + warehouse) <= 0.50:
        s += 2
    return min(s, 10)


def location_score(row):
    c = row.text_of("city").upper()
    s = 5
    if any(name in c for name in PRIME_CITIES):
        s += 3
    elif any(name in c for name in GOOD_CITIES):
        s += 2
    if row.value.get("near_highway") is True:
        s += 2
    return min(s, 10)


def activity_score(row, as_of):
    s = 5
    sale = row.value.get("sale_date")
    if sale is not None and sale >= as_of - dt.timedelta(days=730):
        s += 1
    return min(s, 10)


def value_score(row):
    imp = row.number_or_zero("improvement_value")
    land = row.number_or_zero("land_value")
    b = row.number_or_zero("building_sqft")
    s = 5
    if land > 0:
        ratio = imp / land
        if ratio > 1.5:
            s += 2
        elif ratio > 0.5:
            s += 1
    if 500000 <= imp <= 5000000:
        s += 2
    elif 250000 <= imp < 500000:
        s += 1
    if b > 0 and imp > 0 and 50 <= imp / b <= 150:
        s += 1
    return min(s, 10)


def score_weighted(row, as_of):
    """Returns (final score rounded, [components], [flags])."""
    components = [zoning_score(row), size_score(row), building_score(row), location_score(row),
                  activity_score(row, as_of), value_score(row)]
    total = 0.0
    for c, w in zip(components, WEIGHTS):
        total = total + c * w
    weight_sum = 0.0
    for w in WEIGHTS:
        weight_sum = weight_sum + w
    score = total / weight_sum
    flags = []
    if components[0] >= 8 and components[1] >= 7:
        score += 0.5
        flags.append("HIGH_POTENTIAL")
    if components[2] >= 8:
        score += 0.3
        flags.append("IDEAL_BUILDING")
    score = min(score, 10.0)
    return round(score, 2), components, flags


# ---------------------------------------------------------------------------
# scoring.md: model "industrial".

INDUSTRIAL_WORDS = ["industrial", "warehouse", "distribution", "flex", "manufacturing", "storage",
                    "logistics", "light industrial"]
INDUSTRIAL_COMPONENTS = ["size_score", "type_score", "lot_score", "age_score", "occupancy_score"]


def industrial_passes(row):
    fields = row.source.fields
    if "property_type" in fields:
        t = row.text_of("property_type").lower()
        if not any(word in t for word in INDUSTRIAL_WORDS):
            return False
    if "building_sqft" in fields:
        b = row.value.get("building_sqft")
        if b is None or not b >= 20000:
            return False
    if "acres" in fields:
        a = row.value.get("acres")
        if a is None or not 0.5 <= a <= 20:
            return False
    return True


def score_industrial(row):
    """Returns (final score rounded, [components], [flags]); call only for rows that pass the filter."""
    b = row.value.get("building_sqft")
    if b is not None and 20000 <= b < 50000:
        size = 3
    elif b is not None and 50000 <= b < 100000:
        size = 2
    elif b is not None and 100000 <= b < 200000:
        size = 1
    else:
        size = 0
    t = row.text_of("property_type").lower()
    if "flex" in t:
        kind = 3
    elif "warehouse" in t or "distribution" in t:
        kind = 2.5
    elif "light industrial" in t:
        kind = 2
    elif "industrial" in t:
        kind = 1.5
    elif "manufacturing" in t or "storage" in t or "logistics" in t:
        kind = 1
    else:
        kind = 0
    a = row.value.get("acres")
    if a is not None and 1 <= a <= 5:
        lot = 2
    elif a is not None and 5 < a <= 10:
        lot = 1.5
    elif a is not None and (0.5 <= a < 1 or 10 < a <= 20):
        lot = 1
    else:
        lot = 0
    y = row.value.get("year_built")
    age = 1 if y is not None and y >= 1990 else 0.5 if y is not None and y >= 1980 else 0
    o = row.value.get("occupancy")
    if o is None:
        occupancy = 0
    else:
        if o > 1:
            o = o / 100
        occupancy = 1 if o < 1.0 else 0
    components = [size, kind, lot, age, occupancy]
    total = 0.0
    for c in components:
        total = total + c
    return round(min(total, 10.0), 2), components, []


def classify(score):
    if score >= 8:
        return "PRIME_FLEX"
    if score >= 6:
        return "GOOD_FLEX"
    if score >= 4:
        return "POTENTIAL_FLEX"
    if score >= 2:
        return "POSSIBLE_FLEX"
    return "UNLIKELY_FLEX"


# ---------------------------------------------------------------------------
# scoring.md: de-duplication key and ranking.

ABBREVIATIONS = {"street": "st", "avenue": "ave", "boulevard": "blvd", "drive": "dr", "road": "rd",
                 "lane": "ln", "court": "ct", "place": "pl", "circle": "cir", "parkway": "pkwy", "north": "n",
                 "south": "s", "east": "e", "west": "w"}
_WORDS = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\b", re.ASCII)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def _basic_key_part(text):
    return _SPACES.sub(" ", text.lower().strip(" \t\r\n\f\v"))


def dedup_key(row):
    address = _basic_key_part(row.text.get("address", ""))
    address = _WORDS.sub(lambda m: ABBREVIATIONS[m.group(1)], address)
    address = address.replace(".", "").replace(",", "").replace("#", "")
    return (address, _basic_key_part(row.text.get("city", "")), _basic_key_part(row.text.get("state", "")))


class Scored:
    def __init__(self, row, file_order, score, components, flags):
        self.row = row
        self.file_order = file_order
        self.score = score
        self.components = components
        self.flags = flags

    @property
    def identity(self):
        return (self.file_order, self.row.number)


# ---------------------------------------------------------------------------
# A whole run.

INPUT_PATTERNS = re.compile(r".*\.(xlsx|xls.|csv|tsv|txt)$", re.IGNORECASE)


def discover(inputs):
    """(path as discovered, is zero-byte) for every input, sorted by path."""
    found = []
    for given in inputs:
        if os.path.isdir(given):
            for name in os.listdir(given):
                full = os.path.join(given, name)
                if name.startswith(".") or name.startswith("~$") or not os.path.isfile(full):
                    continue
                if INPUT_PATTERNS.fullmatch(name):
                    found.append(full)
        else:
            found.append(given)
    return sorted(set(found))


class Expected:
    """What a flexpipe run over the same inputs must produce."""

    def __init__(self):
        self.header = []
        self.rows = []           # Scored, ranked
        self.files = []          # (display path, SourceFile or None, failure reason or None)
        self.skipped = []        # zero-byte files
        self.rows_read = 0
        self.before_dedup = 0
        self.unique = 0
        self.duplicates_removed = 0
        self.model = "weighted"
        self.passthrough = []    # output names, in order
        self.passthrough_source = []  # normalised headers, same order


OUTPUT_NAMES = {"weighted": WEIGHTED_COMPONENTS, "industrial": INDUSTRIAL_COMPONENTS}


def run_reference(inputs, model="weighted", min_score=4.0, as_of=dt.date(2025, 6, 30), dedup=True):
    expected = Expected()
    expected.model = model
    sources = []
    for path in discover(inputs):
        if os.path.getsize(path) == 0:
            expected.skipped.append(path)
            continue
        try:
            source = read_source_file(path, path)
        except FileFailure as e:
            expected.files.append((path, None, str(e)))
            continue
        expected.files.append((path, source, None))
        sources.append(source)

    candidates = []
    for order, source in enumerate(sources):
        for number, cells in source.records:
            expected.rows_read += 1
            row = Row(source, number, cells)
            if model == "weighted":
                score, components, flags = score_weighted(row, as_of)
            else:
                if not industrial_passes(row):
                    continue
                score, components, flags = score_industrial(row)
            if score >= min_score:
                candidates.append(Scored(row, order, score, components, flags))
    expected.before_dedup = len(candidates)

    if dedup:
        best = {}
        kept = []
        for c in candidates:  # input order
            key = dedup_key(c.row)
            if key == ("", "", ""):
                kept.append(c)
                continue
            current = best.get(key)
            if current is None or c.score > current.score:
                best[key] = c
        kept.extend(best.values())
    else:
        kept = list(candidates)
    kept.sort(key=lambda c: (-c.score, c.identity))
    expected.rows = kept
    expected.unique = len(kept)
    expected.duplicates_removed = expected.before_dedup - expected.unique

    # Master CSV header.
    present = set()
    for source in sources:
        present |= source.fields
    fields = [f for f in FIELD_NAMES if f in present]
    generated = (["flex_score", "classification"] + OUTPUT_NAMES[model] +
                 ["flags", "source_file", "source_row"])
    seen = set()
    for source in sources:
        for _, header in source.passthrough:
            norm = normalize_header(header)
            if norm in seen:
                continue
            seen.add(norm)
            name = header
            if norm in {normalize_header(g) for g in generated + fields}:
                name = "orig_" + header
            expected.passthrough.append(name)
            expected.passthrough_source.append(norm)
    expected.header = fields + generated + expected.passthrough
    return expected


def format_score(x):
    return "%.2f" % x


def expected_cells(expected, scored):
    """The master CSV cells the specification determines, by column name."""
    row = scored.row
    out = {"flex_score": format_score(scored.score), "classification": classify(scored.score),
           "flags": ";".join(scored.flags), "source_file": row.source.display_path,
           "source_row": str(row.number)}
    for name, value in zip(OUTPUT_NAMES[expected.model], scored.components):
        out[name] = format_score(value)
    return out


def write_expected_csv(expected, out):
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(expected.header)
    for scored in expected.rows:
        cells = expected_cells(expected, scored)
        row = scored.row
        passthrough = {}
        for col, header in row.source.passthrough:
            passthrough.setdefault(normalize_header(header), row.cells[col] if col < len(row.cells) else "")
        line = []
        for name in expected.header:
            if name in cells:
                line.append(cells[name])
            elif name == "acres" and "acres" not in row.text:  # derived from lot_sqft
                acres = row.value.get("acres")
                line.append("" if acres is None else repr(acres))
            elif name in FIELD_TYPE:
                line.append(row.text.get(name, "").strip())
            else:
                norm = expected.passthrough_source[expected.passthrough.index(name)]
                line.append(passthrough.get(norm, "").strip())
        writer.writerow(line)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--model", default="weighted", choices=["weighted", "industrial"])
    parser.add_argument("--min-score", type=float, default=4.0)
    parser.add_argument("--as-of", default="2025-06-30")
    parser.add_argument("--no-dedup", action="store_true")
    parser.add_argument("-o", "--output")
    args = parser.parse_args(argv)
    expected = run_reference(args.inputs, args.model, args.min_score, dt.date.fromisoformat(args.as_of),
                             not args.no_dedup)
    for path, _, failure in expected.files:
        if failure:
            print(f"reference: {path} fails: {failure}", file=sys.stderr)
    print(f"reference: {expected.rows_read} rows read, {expected.before_dedup} candidates, "
          f"{expected.unique} unique, {expected.duplicates_removed} duplicates removed", file=sys.stderr)
    if args.output:
        with open(args.output, "w", newline="", encoding="utf-8") as f:
            write_expected_csv(expected, f)
    else:
        write_expected_csv(expected, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
