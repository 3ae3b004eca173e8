#!/usr/bin/python3
"""Reads workbooks back for the C++ tests, with openpyxl (an independent reader).

  xlsx_check.py dump BOOK.xlsx
      Prints the workbook as JSON: per sheet its name, frozen pane, autofilter
      range, column widths and every cell (type, value, number format, bold,
      openpyxl's data_type: "s" string, "n" number, "b" boolean, "f" formula).
  xlsx_check.py compare MASTER.csv BOOK.xlsx
      Checks that the workbook's "Flex Candidates" sheets (in order, each with
      the header) hold the master CSV's header and rows cell for cell: numbers
      equal numerically, dates equal as YYYY-MM-DD, booleans as true/false,
      text exactly once the CSV's formula guard (a leading ') is dropped; IDs
      (parcel_id, zip) and pass-through columns must be text cells.
  xlsx_check.py compare-export SOURCE.csv BOOK.xlsx
      Checks that a generated workbook (flexpipe generate --format xlsx) holds
      the rows of the CSV generated from the same plan: text cells equal the
      CSV's text, number cells its number (a numeric ID may have lost its
      leading zeros), date cells the day the CSV's spelling names. Prints the
      counts of each cell type found ("OK text=… number=… date=…").
  xlsx_check.py compare-csv CONVERTED.csv MASTER.csv
      The same comparison for a CSV a spreadsheet program exported from the
      workbook (all values as text: numbers compare numerically, booleans
      case-insensitively).
Prints "OK ..." and exits 0, or prints the differences and exits 1.
"""
import csv
import datetime
import json
import sys

import openpyxl

GUARDED = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = {"parcel_id", "zip", "address", "unit", "city", "state", "county", "property_type",
                "zoning", "owner_name", "classification", "flags", "source_file"}
CANONICAL = {"parcel_id", "address", "unit", "city", "state", "zip", "county", "property_type", "zoning",
             "acres", "lot_sqft", "building_sqft", "office_sqft", "warehouse_sqft", "ceiling_height",
             "loading_docks", "overhead_doors", "year_built", "occupancy", "improvement_value",
             "land_value", "total_value", "sale_date", "sale_price", "owner_name", "near_highway",
             "latitude", "longitude", "flex_score", "classification", "flags", "source_file",
             "source_row"}


def cell_json(c):
    v = c.value
    if v is None:
        t = "blank"
    elif isinstance(v, bool):
        t = "bool"
    elif isinstance(v, (int, float)):
        t = "number"
    elif isinstance(v, datetime.datetime):
        t, v = "date", v.date().isoformat()
    elif isinstance(v, datetime.date):
        t, v = "date", v.isoformat()
    else:
        t = "text"
    return {"t": t, "v": v, "f": c.number_format, "b": bool(c.font is not None and c.font.b),
            "dt": c.data_type}


def dump(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows = [[cell_json(c) for c in row] for row in ws.iter_rows()]
        widths = {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}
        sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                       "widths": widths, "rows": rows})
    print(json.dumps({"sheets": sheets, "created": wb.properties.created.isoformat()}))
    return 0


def unguard(text):
    if len(text) >= 2 and text[0] == "'" and text[1] in GUARDED:
        return text[1:]
    return text


def as_number(text):
    try:
        return float(text)
    except ValueError:
        return None


def same_value(expected, got, column, problems, where):
    """expected: the master CSV's text; got: an openpyxl cell."""
    v = got.value
    if expected == "":
        if v is not None:
            problems.append(f"{where}: expected an empty cell, got {v!r}")
        return
    text_only = column in TEXT_COLUMNS or column not in CANONICAL and not column.endswith("_score")
    if text_only or isinstance(v, str):
        if got.data_type != "s":
            problems.append(f"{where}: {column} must be a text cell, is {got.data_type} {v!r}")
        elif v != unguard(expected):
            problems.append(f"{where}: text {v!r} != CSV {expected!r}")
        return
    if isinstance(v, bool):
        if expected != ("true" if v else "false"):
            problems.append(f"{where}: boolean {v} != CSV {expected!r}")
    elif isinstance(v, datetime.datetime):
        if v.date().isoformat() != expected or v.time() != datetime.time(0):
            problems.append(f"{where}: date {v} != CSV {expected!r}")
    elif isinstance(v, (int, float)):
        if as_number(expected) != float(v):
            problems.append(f"{where}: number {v!r} != CSV {expected!r}")
    else:
        problems.append(f"{where}: unexpected cell {v!r} for CSV {expected!r}")


def compare(csv_path, xlsx_path):
    with open(csv_path, newline="", encoding="utf-8") as f:
        records = list(csv.reader(f))
    header, rows = records[0], records[1:]
    wb = openpyxl.load_workbook(xlsx_path)
    sheets = [ws for ws in wb.worksheets if ws.title.startswith("Flex Candidates")]
    problems = []
    book_rows = []
    for ws in sheets:
        values = list(ws.iter_rows())
        got_header = [c.value for c in values[0]] if values else []
        if got_header != header:
            problems.append(f"{ws.title}: header {got_header} != {header}")
        book_rows.extend((ws.title, i + 2, r) for i, r in enumerate(values[1:]))
    if len(book_rows) != len(rows):
        problems.append(f"{len(book_rows)} workbook rows != {len(rows)} CSV rows")
    for (sheet, number, cells), expected in zip(book_rows, rows):
        cells = list(cells) + [None] * (len(header) - len(cells))
        for col, name in enumerate(header):
            cell = cells[col]
            where = f"{sheet}!{openpyxl.utils.get_column_letter(col + 1)}{number}"
            if cell is None:
                if expected[col] != "":
                    problems.append(f"{where}: missing, CSV has {expected[col]!r}")
                continue
            same_value(expected[col], cell, name, problems, where)
    return report(problems, f"{len(rows)} rows in {len(sheets)} sheets")


def compare_csv(converted_path, master_path):
    with open(converted_path, newline="", encoding="utf-8") as f:
        got = list(csv.reader(f))
    with open(master_path, newline="", encoding="utf-8") as f:
        want = list(csv.reader(f))
    problems = []
    if len(got) != len(want):
        problems.append(f"{len(got)} rows != {len(want)} rows")
    for r, (g_row, w_row) in enumerate(zip(got, want), start=1):
        if len(g_row) != len(w_row):
            g_row = g_row + [""] * (len(w_row) - len(g_row))
        for c, (g, w) in enumerate(zip(g_row, w_row)):
            if g == unguard(w) or g.lower() == w.lower() and w in ("true", "false"):
                continue
            gn, wn = as_number(g), as_number(w)
            if gn is not None and wn is not None and gn == wn and r > 1:
                continue
            problems.append(f"row {r} column {c + 1}: {g!r} != {w!r}")
    return report(problems, f"{len(want)} rows")


def spelled_date(text):
    """The day a generated date spelling names (generate/value_format.cc), or None."""
    text = text.strip()
    if text.replace(".0", "").isdigit() and len(text.replace(".0", "")) == 13:
        ms = int(text.replace(".0", ""))
        return (datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms)).date()
    for fmt in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%m/%d/%Y", "%m/%d/%y",
                "%B %d, %Y", "%d-%b-%Y", "%m/%d/%Y %H:%M:%S"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def compare_export(csv_path, xlsx_path):
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        want = list(csv.reader(f))
    wb = openpyxl.load_workbook(xlsx_path)
    ws = wb.worksheets[0]
    got = [list(r) for r in ws.iter_rows()]
    problems = []
    counts = {"text": 0, "number": 0, "date": 0}
    if len(got) != len(want):
        problems.append(f"{len(got)} rows != {len(want)} CSV rows")
    width = len(want[0]) if want else 0
    for r, (cells, expected) in enumerate(zip(got, want), start=1):
        cells = cells + [None] * (width - len(cells))
        for c, text in enumerate(expected):
            cell = cells[c]
            v = None if cell is None else cell.value
            where = f"{ws.title}!{openpyxl.utils.get_column_letter(c + 1)}{r}"
            if v is None:
                if text != "":
                    problems.append(f"{where}: missing, CSV has {text!r}")
            elif isinstance(v, datetime.datetime):
                counts["date"] += 1
                if spelled_date(text) != v.date():
                    problems.append(f"{where}: date {v.date()} != CSV {text!r}")
            elif isinstance(v, bool):
                problems.append(f"{where}: unexpected boolean {v}")
            elif isinstance(v, (int, float)):
                counts["number"] += 1
                n = as_number(text)  # float("00424…") ignores the zeros a numeric ID lost
                if n is None or n != float(v):
                    problems.append(f"{where}: number {v!r} != CSV {text!r}")
            else:
                counts["text"] += 1
                if v != text:
                    problems.append(f"{where}: text {v!r} != CSV {text!r}")
    return report(problems, " ".join(f"{k}={n}" for k, n in counts.items()))


def report(problems, what):
    if problems:
        print(f"{len(problems)} differences:")
        for p in problems[:50]:
            print("  " + p)
        return 1
    print("OK " + what)
    return 0


def main():
    command = sys.argv[1]
    if command == "dump":
        return dump(sys.argv[2])
    if command == "compare":
        return compare(sys.argv[2], sys.argv[3])
    if command == "compare-export":
        return compare_export(sys.argv[2], sys.argv[3])
    if command == "compare-csv":
        return compare_csv(sys.argv[2], sys.argv[3])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
