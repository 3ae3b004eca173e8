#!/usr/bin/env python3
"""End-to-end: flexpipe reads XLSX inputs the way a spreadsheet shows them.

reference.py reads workbooks with openpyxl by the rules of its section "Reading
a workbook" (src/read/xlsx/xlsx_reader.h and cell_text.h: the text a
spreadsheet shows) and from there on exactly like a CSV.

A. Real fixtures (tests/data, copied from ../shared/fixtures/real when
   missing): the Crexi export (4,643 rows), pbc_flex_sample_50.xlsx (parcel
   IDs as number cells, 17 digits written 7.4434329000001376E+16) and
   pbc_flex_properties_611.xlsx. Both models, min-score 0 and 4,
   de-duplication on, and for the Crexi export also every row (min-score 0, no
   de-duplication): flexpipe's master CSV and summary equal the reference's,
   row for row. pbc_flex_properties_611.xlsx and .csv hold the same
   properties: flexpipe gives every row the same scores and canonical values
   from either.
B. Conversions: `flexpipe generate --scenario valid` writes 3 CSVs; each is
   written as a workbook by three other programs:
     openpyxl    typed cells as a person's export has them: plain numbers as
                 numbers, "$1,234" amounts as numbers with a currency or
                 thousands format, ISO and US dates as date cells (custom
                 yyyy-mm-dd, Excel's built-in format 14, d-mmm-yyyy, date-time
                 formats), true/false as booleans, everything else text
                 (inline strings: openpyxl writes no shared strings); the parcel
                 IDs and ZIPs of the second file as numbers when all digits; the
                 third file's data sheet after a hidden sheet;
     xlsxwriter  the same typing through write_number/write_datetime/
                 write_boolean/write_string (never a formula, number or URL
                 from a string), shared strings; the second file in the 1904
                 date system; the third in constant_memory mode (inline
                 strings), its table from row 3 with an empty row in the middle;
     LibreOffice soffice --headless --convert-to xlsx (UTF-8, en-US, special
                 numbers detected so dates, currency, percentages and booleans
                 become typed cells, formulas not evaluated); skipped, not
                 failed, when soffice is not installed.
   Checks: (1) the reference's reading of each workbook equals its reading of
   the source CSV, cell by cell: every canonical field after value parsing
   (numbers, dates, booleans equal; text equal after trimming) and every
   pass-through cell; (2) flexpipe on each folder of workbooks equals the
   reference on the same workbooks (harness.compare_run).
   Producer differences (1) accepts, each counted in a "note:" line:
     - an ID written as a number cell is a number: leading zeros and the digits
       past the producer's precision are gone (openpyxl and xlsxwriter write
       "%.16g", LibreOffice 15 significant digits). Accepted when the
       workbook's number is the CSV's digits to that precision;
     - LibreOffice reads "56%" as the number 0.56: accepted as the same share
       (fields.md: occupancy is 0-1 or 0-100 %);
     - pass-through text LibreOffice made a number ("0400" -> 400, a 17-digit
       ID): accepted when it is the same number (to 15 digits).
   The CSVs' formulas ("=SUM(A1:A2)"), non-ASCII text and IDs stay intact only
   with the import options above; LibreOffice's defaults (system charset,
   formulas evaluated) change them, which is LibreOffice's doing, not a test.
B2. Cells no CSV has (one xlsxwriter workbook): formulas with cached number,
   text, boolean and error results, rich text, a date-time that rounds up to
   the next day, a time of day alone, a date before 1900-03-01, 1E-07, -0,
   1E+21, 17-digit numbers, a row of spaces, values right of the header.
C. Determinism: all the workbooks of B together, with 1 and 2 workers, give
   byte-identical master CSVs (and master workbooks, when written).
D. Broken inputs: broken_no_content_types.xlsx, a truncated copy of a real
   workbook and an OLE2 file named .xls fail with a message (the OLE2 one
   mentioning legacy .xls or a password) while the good workbook in the same
   run lands; exit status 1.
E. The master workbook flexpipe writes beside the master CSV (-o master.xlsx),
   checked on a few runs: it opens in openpyxl without warnings and its "Flex
   Candidates" sheet equals the master CSV with the cell types
   src/write/master_xlsx.h gives (numbers, dates, booleans, text); LibreOffice
   converts pbc_flex_properties_611's back to the same values. Skipped with a
   message when the run wrote no workbook.

    python3 test_xlsx_inputs.py --flexpipe BIN --data tests/data --work WORKDIR [--only PART]

Exit status 0 when every check passes; the last line says "N passed, M failed".
"""

import argparse
import csv
import datetime as dt
import filecmp
import importlib.util
import math
import os
import re
import shutil
import sys
import time
import warnings

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402
import reference as ref  # noqa: E402

AS_OF = "2025-06-30"
SHARED_FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "fixtures",
                               "real")
CREXI = "crexi_industrial_export_4643.xlsx"
SAMPLE_50 = "pbc_flex_sample_50.xlsx"
PBC_611 = "pbc_flex_properties_611.xlsx"
PBC_611_CSV = "pbc_flex_properties_611.csv"
BROKEN = "broken_no_content_types.xlsx"
FIXTURES = [CREXI, SAMPLE_50, PBC_611, BROKEN]

# (model, min-score, de-duplication)
FIXTURE_RUNS = [("weighted", 0, True), ("weighted", 4, True), ("industrial", 0, True), ("industrial", 4, True)]
CREXI_EXTRA_RUNS = [("weighted", 0, False)]  # every row, row for row
CONVERSION_RUNS = [("weighted", 0, True), ("industrial", 0, True)]

GENERATED_ROWS = 300
GENERATED_FILES = 3
GENERATED_SEED = 11
SOFFICE_CANDIDATES = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
LIBREOFFICE_CSV_IMPORT = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,false"
LEGACY_XLS = re.compile(r"legacy|\.xls\b|xls \(|password|biff|ole", re.IGNORECASE)


def label_of(name, model, min_score, dedup, workers=2):
    return f"{name}-{model}-min{min_score}-{'dedup' if dedup else 'nodedup'}-w{workers}"


class Context:
    def __init__(self, binary, data, work, report):
        self.binary = binary
        self.data = data
        self.work = work
        self.report = report
        self.as_of = dt.date.fromisoformat(AS_OF)
        self.masters_checked = 0
        self.soffice = next((p for p in SOFFICE_CANDIDATES if os.access(p, os.X_OK)), None)
        self.lo_profile = "file://" + os.path.join(work, "lo-profile")

    def run_flexpipe(self, label, inputs, model, min_score, dedup=True, workers=2, want_status=0,
                     extra_inputs=(), workbook=False):
        """Runs flexpipe (writing the master workbook too when `workbook`); returns (out_dir, status, output)."""
        out_dir = os.path.join(self.work, "out", label)
        os.makedirs(out_dir, exist_ok=True)
        command = harness.flexpipe_run_command(self.binary, list(inputs) + list(extra_inputs), out_dir, model,
                                               min_score, workers, dedup, AS_OF)
        command += ["--log-file", ""] + ([] if workbook else ["--no-xlsx"])
        harness.print_command(command)
        status, output = harness.run(command, cwd=out_dir, timeout=300)
        if want_status is not None:
            self.report.check(f"{label}: exit status {want_status}", status == want_status,
                              [f"exit status {status}"] + output.splitlines()[-20:])
        return out_dir, status, output

    def compare(self, label, inputs, model, min_score, dedup=True, workers=2, must_fail=(), want_status=None,
                check_workbook=False, workbook=False):
        """flexpipe against the reference on the same inputs; returns the master CSV's path."""
        expected = ref.run_reference(list(inputs), model, float(min_score), self.as_of, dedup)
        failures = {path: failure for path, _, failure in expected.files if failure}
        self.report.check(f"{label}: the reference fails exactly the files that must fail",
                          set(failures) == set(must_fail),
                          [f"{os.path.basename(p)}: {f}" for p, f in failures.items()] +
                          [f"must fail: {sorted(map(os.path.basename, must_fail))}"])
        if want_status is None:
            want_status = 1 if must_fail else 0
        out_dir, _, _ = self.run_flexpipe(label, inputs, model, min_score, dedup, workers, want_status,
                                          workbook=workbook or check_workbook)
        master = os.path.join(out_dir, "master.csv")
        summary = os.path.join(out_dir, "summary.json")
        harness.compare_run(self.report, label, expected, master, summary)
        harness.check_failures(self.report, label, expected, summary, must_fail)
        if check_workbook:
            check_master_workbook(self, label, out_dir, with_libreoffice=check_workbook == "libreoffice")
        return master


# ---------------------------------------------------------------------------
# A. Real fixtures.


def ensure_fixtures(data, report):
    """Copies the real workbooks into tests/data when they are not there yet."""
    for name in FIXTURES:
        target = os.path.join(data, name)
        source = os.path.join(SHARED_FIXTURES, name)
        if os.path.isfile(target):
            if os.path.isfile(source) and not filecmp.cmp(source, target, shallow=False):
                report.note(f"tests/data/{name} differs from {os.path.normpath(source)}; using tests/data's")
            continue
        if not os.path.isfile(source):
            harness.fatal(f"fixture not found: {target} (nor {source})")
        shutil.copyfile(source, target)
        print(f"copied {os.path.normpath(source)} to {target}")


def check_real_fixtures(ctx):
    for name in (CREXI, SAMPLE_50, PBC_611):
        path = os.path.join(ctx.data, name)
        stem = os.path.splitext(name)[0].split("_")[0] + "-" + os.path.splitext(name)[0].split("_")[-1]
        runs = FIXTURE_RUNS + (CREXI_EXTRA_RUNS if name == CREXI else [])
        # The master workbook is checked on the Palm Beach runs (every Crexi run has 4,000+ rows of 79
        # columns, which openpyxl takes long to read); LibreOffice opens the 611 one.
        checked = None if name == CREXI else ("weighted", 0, True)
        for model, min_score, dedup in runs:
            label = label_of(stem, model, min_score, dedup)
            check = (model, min_score, dedup) == checked
            ctx.compare(label, [path], model, min_score, dedup,
                        check_workbook=("libreoffice" if name == PBC_611 else True) if check else False)

    # The same 611 properties as CSV and as a workbook: the same scores and field values.
    for model in ("weighted", "industrial"):
        masters = {}
        for name in (PBC_611_CSV, PBC_611):
            label = label_of("pbc611-" + name.rsplit(".", 1)[1], model, 0, False)
            out_dir, _, _ = ctx.run_flexpipe(label, [os.path.join(ctx.data, name)], model, 0, False)
            masters[name] = os.path.join(out_dir, "master.csv")
        compare_masters_by_row(ctx.report, f"pbc611-{model}: .xlsx and .csv", masters[PBC_611_CSV],
                               masters[PBC_611])


def compare_masters_by_row(report, label, master_a, master_b):
    """Two master CSVs of the same rows (by source_row): the same scores and canonical field values."""
    if not (os.path.isfile(master_a) and os.path.isfile(master_b)):
        report.check(f"{label}: both master CSVs exist", False, [master_a, master_b])
        return
    header_a, rows_a = harness.read_master(master_a)
    header_b, rows_b = harness.read_master(master_b)
    fields = [h for h in header_a if h in ref.FIELD_TYPE]
    outputs = ["flex_score", "classification", "flags"] + [c for names in ref.OUTPUT_NAMES.values() for c in names]
    generated = [h for h in header_a if h in outputs]
    fields_b = [h for h in header_b if h in ref.FIELD_TYPE]
    report.check(f"{label}: the same canonical columns", fields == fields_b, [f"{fields}", f"{fields_b}"])
    ia = {h: i for i, h in enumerate(header_a)}
    ib = {h: i for i, h in enumerate(header_b)}
    if "source_row" not in ia or "source_row" not in ib:
        report.check(f"{label}: source_row columns", False, [])
        return
    by_row_a = {r[ia["source_row"]]: r for r in rows_a}
    by_row_b = {r[ib["source_row"]]: r for r in rows_b}
    report.check(f"{label}: the same rows (by source_row)", set(by_row_a) == set(by_row_b),
                 [f"{len(by_row_a)} rows from the CSV, {len(by_row_b)} from the workbook",
                  f"only in the CSV's: {sorted(set(by_row_a) - set(by_row_b), key=int)[:10]}",
                  f"only in the workbook's: {sorted(set(by_row_b) - set(by_row_a), key=int)[:10]}"])
    problems = []
    for number in sorted(set(by_row_a) & set(by_row_b), key=int):
        a, b = by_row_a[number], by_row_b[number]
        for name in generated + fields:
            if name not in ib:
                continue
            if a[ia[name]] != b[ib[name]]:
                problems.append(f"row {number} {name}: from the CSV {a[ia[name]]!r}, "
                                f"from the workbook {b[ib[name]]!r}")
    report.check(f"{label}: the same scores and field values row for row", not problems, problems)
    report.check(f"{label}: the same ranking", [r[ia["source_row"]] for r in rows_a] ==
                 [r[ib["source_row"]] for r in rows_b], [])


# ---------------------------------------------------------------------------
# B. Conversions: the same CSV written as a workbook by other programs.

PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
MONEY = re.compile(r"\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$\d+(?:\.\d+)?")
DIGITS = re.compile(r"[0-9]+")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _datetime_of(text):
    """An ISO or US (4-digit year) date, with or without a time, as a datetime; None otherwise."""
    m = ISO_DATE.fullmatch(text)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = US_DATE.fullmatch(text)
        if not m:
            return None
        month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return dt.datetime(year, month, day, int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0))
    except ValueError:
        return None


def typed_cell(field, text, ids_as_numbers):
    """How a person's export would hold a CSV cell: None (blank), ("s", text), ("n", number, style),
    ("d", datetime) or ("b", bool). `field` is the column's canonical field (None: pass-through)."""
    if text == "":
        return None
    s = text.strip()
    kind = ref.FIELD_TYPE.get(field) if field else None
    if kind == "id":
        if ids_as_numbers and DIGITS.fullmatch(s) and (s == "0" or not s.startswith("0")):
            return ("n", float(s), None)
        return ("s", text)
    if kind == "text":
        return ("s", text)
    if kind in ("number", "money", "integer", "occupancy"):
        if PLAIN_NUMBER.fullmatch(s):
            return ("n", float(s), None)
        if kind == "money" and MONEY.fullmatch(s):
            return ("n", float(s.replace("$", "").replace(",", "")), "money" if "$" in s else "thousands")
        return ("s", text)
    if kind == "date":
        when = _datetime_of(s)
        if when is not None:
            return ("d", when)
        if PLAIN_NUMBER.fullmatch(s):  # epoch milliseconds, as pandas writes them
            return ("n", float(s), None)
        return ("s", text)
    if kind == "boolean":
        if s.lower() in ("true", "false"):
            return ("b", s.lower() == "true")
        if s in ("0", "1"):
            return ("n", float(s), None)
        return ("s", text)
    # Pass-through: a number cell only when it shows the same text.
    if PLAIN_NUMBER.fullmatch(s) and ref.format_number(float(s)) == s:
        return ("n", float(s), None)
    return ("s", text)


def csv_table(path):
    """The CSV as the reference reads it: (header, [(row number, cells)], {column: field})."""
    source = ref.read_csv_file(path)
    column_field = {i: f for f, i in source.field_column.items()}
    return source.headers, source.records, column_field


# The date formats of the three files of each producer: (date only, date and time).
DATE_FORMATS = [("yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"), ("mm-dd-yy", "m/d/yyyy h:mm"),
                ("d-mmm-yyyy", "yyyy-mm-dd h:mm:ss AM/PM")]
NUMBER_FORMATS = {"money": '"$"#,##0.00', "thousands": "#,##0"}


def write_with_openpyxl(csv_path, xlsx_path, index):
    """Returns {CSV row number: sheet row number}."""
    import openpyxl
    header, records, column_field = csv_table(csv_path)
    ids_as_numbers = index == 1
    date_format, datetime_format = DATE_FORMATS[index % len(DATE_FORMATS)]
    workbook = openpyxl.Workbook()
    ws = workbook.active
    if index == 2:  # the data sheet is the first *visible* one
        ws.title = "Read me"
        ws["A1"] = "Exported for the e2e test; the data is on the next sheet"
        ws.sheet_state = "hidden"
        ws = workbook.create_sheet("Properties")
        workbook.active = 1
    else:
        ws.title = "Properties"
    for c, name in enumerate(header, start=1):
        cell = ws.cell(row=1, column=c, value=name)
        cell.data_type = "s"
    rows = {}
    for number, cells in records:
        rows[number] = number
        for c, text in enumerate(cells):
            typed = typed_cell(column_field.get(c), text, ids_as_numbers)
            if typed is None:
                continue
            cell = ws.cell(row=number, column=c + 1)
            if typed[0] == "s":
                cell.value = typed[1]
                cell.data_type = "s"  # never a formula, whatever it begins with
            elif typed[0] == "n":
                cell.value = typed[1]
                if typed[2]:
                    cell.number_format = NUMBER_FORMATS[typed[2]]
            elif typed[0] == "d":
                cell.value = typed[1]
                cell.number_format = datetime_format if typed[1].time() != dt.time(0) else date_format
            else:
                cell.value = typed[1]
    workbook.save(xlsx_path)
    return rows


def write_with_xlsxwriter(csv_path, xlsx_path, index):
    """Returns {CSV row number: sheet row number}."""
    import xlsxwriter
    header, records, column_field = csv_table(csv_path)
    ids_as_numbers = index == 1
    constant_memory = index == 2
    date_format, datetime_format = DATE_FORMATS[(index + 1) % len(DATE_FORMATS)]
    workbook = xlsxwriter.Workbook(xlsx_path, {
        "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
        "constant_memory": constant_memory, "date_1904": index == 1})
    formats = {kind: workbook.add_format({"num_format": f}) for kind, f in NUMBER_FORMATS.items()}
    date_fmt = workbook.add_format({"num_format": date_format})
    datetime_fmt = workbook.add_format({"num_format": datetime_format})
    bold = workbook.add_format({"bold": True})
    ws = workbook.add_worksheet("Data")
    offset = 2 if constant_memory else 0  # the table starts at row 3 (rows 1 and 2 empty)
    for c, name in enumerate(header):
        ws.write_string(offset, c, name, bold)
    rows = {}
    gap = 0
    for k, (number, cells) in enumerate(records):
        if constant_memory and k == len(records) // 2:
            gap = 1  # an empty sheet row in the middle of the table
        r = number - 1 + offset + gap  # 0-based
        rows[number] = r + 1
        for c, text in enumerate(cells):
            typed = typed_cell(column_field.get(c), text, ids_as_numbers)
            if typed is None:
                continue
            if typed[0] == "s":
                ws.write_string(r, c, typed[1])
            elif typed[0] == "n":
                ws.write_number(r, c, typed[1], formats.get(typed[2]))
            elif typed[0] == "d":
                ws.write_datetime(r, c, typed[1], datetime_fmt if typed[1].time() != dt.time(0) else date_fmt)
            else:
                ws.write_boolean(r, c, typed[1])
    workbook.close()
    return rows


def convert_with_libreoffice(ctx, csv_paths, out_dir):
    """soffice --headless --convert-to xlsx; returns {csv path: {row: row}} or None when skipped."""
    if ctx.soffice is None:
        print("SKIP: soffice not installed (LibreOffice conversions not checked)")
        return None
    command = [ctx.soffice, f"-env:UserInstallation={ctx.lo_profile}", "--headless",
               f"--infilter={LIBREOFFICE_CSV_IMPORT}", "--convert-to", "xlsx", "--outdir", out_dir, *csv_paths]
    harness.print_command(command)
    status, output = harness.run(command, cwd=out_dir, timeout=180)
    produced = all(os.path.isfile(os.path.join(out_dir, os.path.splitext(os.path.basename(p))[0] + ".xlsx"))
                   for p in csv_paths)
    ctx.report.check("libreoffice: soffice converted every CSV", status == 0 and produced,
                     [f"exit status {status}"] + output.splitlines()[-10:])
    return {p: None for p in csv_paths} if produced else None


# The digits a producer writes a number cell's value with.
SIGNIFICANT_DIGITS = {"openpyxl": 16, "xlsxwriter": 16, "libreoffice": 15}


def _same_share(a, b):
    if a is None or b is None:
        return a is None and b is None
    a = a / 100 if a > 1 else a
    b = b / 100 if b > 1 else b
    return abs(a - b) <= 1e-9


def _id_as_number(csv_text, wb_text, significant_digits):
    """Whether an all-digit ID came back as the number cell it became: the same number to the
    producer's significant digits (openpyxl and xlsxwriter write "%.16g", LibreOffice 15 digits)."""
    if not (DIGITS.fullmatch(csv_text) and DIGITS.fullmatch(wb_text)):
        return False
    digits = len(csv_text.lstrip("0")) or 1
    x = float(csv_text)
    tolerance = 10 ** max(0, digits - significant_digits) + 2 * math.ulp(x)  # the digits kept, as a double
    return abs(float(wb_text) - x) <= tolerance


def compare_readings(report, label, csv_path, xlsx_path, rows, producer, tolerated):
    """The reference's reading of the workbook equals its reading of the CSV, cell by cell."""
    try:
        a = ref.read_csv_file(csv_path)
        b = ref.read_xlsx_file(xlsx_path)
    except ref.FileFailure as e:
        report.check(f"{label}: the reference reads the CSV and the workbook", False, [str(e)])
        return
    report.check(f"{label}: the same header", a.headers == b.headers,
                 [f"CSV      {a.headers}", f"workbook {b.headers}"])
    report.check(f"{label}: the same field mapping", a.field_column == b.field_column,
                 [f"CSV {a.field_column}", f"workbook {b.field_column}"])
    want_numbers = [rows[n] if rows and rows.get(n) else n for n, _ in a.records]
    report.check(f"{label}: the same rows, numbered as the sheet numbers them",
                 want_numbers == [n for n, _ in b.records],
                 [f"CSV {len(a.records)} rows -> sheet rows {want_numbers[:5]}...",
                  f"workbook {len(b.records)} rows {[n for n, _ in b.records][:5]}..."])
    workbook_rows = dict(b.records)
    problems = []
    significant = SIGNIFICANT_DIGITS[producer]
    for (number, cells), sheet_number in zip(a.records, want_numbers):
        other = workbook_rows.get(sheet_number)
        if other is None:
            continue
        ra = ref.Row(a, number, cells)
        rb = ref.Row(b, sheet_number, other)
        for field in sorted(a.field_column):
            va, vb = ra.value.get(field), rb.value.get(field)
            ta, tb = ra.text_of(field), rb.text_of(field)
            if va == vb:
                continue
            kind = ref.FIELD_TYPE[field]
            if kind == "id" and _id_as_number(ta, tb, significant):
                tolerated["ID written as a number cell"] = tolerated.get("ID written as a number cell", 0) + 1
                continue
            if kind == "occupancy" and ta.endswith("%") and _same_share(va / 100 if va is not None else None, vb):
                tolerated["percent as a 0-1 number"] = tolerated.get("percent as a 0-1 number", 0) + 1
                continue
            problems.append(f"CSV row {number} / sheet row {sheet_number} {field}: CSV {ta!r} -> {va!r}, "
                            f"workbook {tb!r} -> {vb!r}")
        for c, header_name in a.passthrough:
            ta = (cells[c] if c < len(cells) else "").strip()
            tb = (other[c] if c < len(other) else "").strip()
            if ta == tb:
                continue
            if PLAIN_NUMBER.fullmatch(ta) and PLAIN_NUMBER.fullmatch(tb) and float(ta) == float(tb):
                tolerated["pass-through number re-written"] = tolerated.get("pass-through number re-written", 0) + 1
                continue
            if _id_as_number(ta, tb, significant):  # LibreOffice: a digits-only pass-through as a number
                tolerated["pass-through number re-written"] = tolerated.get("pass-through number re-written", 0) + 1
                continue
            problems.append(f"CSV row {number} / sheet row {sheet_number} pass-through {header_name!r}: "
                            f"CSV {ta!r}, workbook {tb!r}")
    report.check(f"{label}: every canonical and pass-through value reads back equal", not problems, problems)


def build_conversions(ctx):
    """Generates the CSVs and the workbooks; returns [(producer, folder of workbooks)]."""
    gen = os.path.join(ctx.work, "generated")
    command = [ctx.binary, "generate", "--scenario", "valid", "--rows", str(GENERATED_ROWS), "--files",
               str(GENERATED_FILES), "--seed", str(GENERATED_SEED), "--out", gen]
    harness.print_command(command)
    status, output = harness.run(command, cwd=ctx.work)
    csvs = sorted(os.path.join(gen, n) for n in os.listdir(gen) if n.endswith(".csv")) if os.path.isdir(gen) else []
    if status != 0 or len(csvs) != GENERATED_FILES:
        harness.fatal(f"flexpipe generate exited with status {status} and wrote {len(csvs)} CSVs:\n{output}")

    folders = []
    for producer, write in (("openpyxl", write_with_openpyxl), ("xlsxwriter", write_with_xlsxwriter)):
        out = os.path.join(ctx.work, "workbooks", producer)
        os.makedirs(out)
        rows = {}
        for index, path in enumerate(csvs):
            target = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".xlsx")
            rows[path] = write(path, target, index)
        folders.append((producer, out, rows))
    out = os.path.join(ctx.work, "workbooks", "libreoffice")
    os.makedirs(out)
    rows = convert_with_libreoffice(ctx, csvs, out)
    if rows is not None:
        folders.append(("libreoffice", out, rows))
    return csvs, folders


def check_conversions(ctx):
    csvs, folders = build_conversions(ctx)
    for producer, folder, rows in folders:
        tolerated = {}
        for path in csvs:
            xlsx = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + ".xlsx")
            compare_readings(ctx.report, f"{producer}/{os.path.basename(xlsx)}", path, xlsx, rows[path], producer,
                             tolerated)
        if tolerated:
            ctx.report.note(f"{producer}: producer differences accepted: " +
                            ", ".join(f"{k} x{v}" for k, v in sorted(tolerated.items())))
        for i, (model, min_score, dedup) in enumerate(CONVERSION_RUNS):
            ctx.compare(label_of(producer, model, min_score, dedup), [folder], model, min_score, dedup,
                        check_workbook=(i == 0))
    return folders


# ---------------------------------------------------------------------------
# B2. Cells no CSV has: formulas with cached results, errors, rich text, times, odd numbers.

EDGE_HEADER = ["Site Address", "City", "Zoning", "Lot Acres", "Building SqFt", "Improvement Value", "Land Value",
               "Sale Date", "Near Highway", "Parcel ID", "Notes", "Inspected At", "Extra Number"]


def write_edge_workbook(path):
    """A small workbook of the cells a spreadsheet has and a CSV cannot: the header on row 2 (row 1
    empty), formulas with cached number, text, boolean and error results, rich text, date-times
    (one that rounds up to the next day), a time of day alone, a date before 1900-03-01, tiny,
    negative and 17-digit numbers, a row of spaces (not empty: kept), values right of the header
    (dropped; a row with nothing else is then empty and skipped)."""
    import xlsxwriter
    workbook = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False,
                                          "strings_to_urls": False})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    stamp = workbook.add_format({"num_format": "m/d/yyyy h:mm:ss"})
    clock = workbook.add_format({"num_format": "h:mm"})
    percent = workbook.add_format({"num_format": "0%"})
    bold = workbook.add_format({"bold": True})
    ws = workbook.add_worksheet("Edge")
    for c, name in enumerate(EDGE_HEADER):
        ws.write_string(1, c, name)
    rows = [
        # address, city, zoning, acres, building, improvement, land, sale date, highway, parcel, notes,
        # inspected at, extra
        ["100 Formula Way", "Boca Raton", ("f", '="I"&"L"', "IL"), 2.5, ("f", "=20000+5000", 25000),
         ("f", "=600000*2", 1200000), ("f", "=1/0", "#DIV/0!"), dt.datetime(2024, 5, 31, 23, 59, 59, 700000),
         ("f", "=TRUE()", True), 8434605080000130, "=not a formula", dt.datetime(2024, 1, 2, 14, 30, 0),
         1e-7],
        ["200 Rich Text Rd", ("rich", "West ", "Palm Beach"), "IG", ("f", "=NA()", "#N/A"), 18000, 450000,
         300000, dt.datetime(2023, 9, 1), True, 7.4434329000001376e16, "  padded  ", dt.time(12, 0),
         0.1 + 0.2],
        ["300 Old Date Ct", "Jupiter", "M-1", 0.75, 9000.5, 120000, 80000, dt.datetime(1900, 2, 1),
         False, "00424701000000010", "", dt.datetime(1900, 1, 1), -0.0],
        ["400 Percent Pl", "Delray Beach", "CG", ("n", 0.56, percent), 40000, 2e6, 1e6, 45000.25,
         "Y", 12345, "tab\there", None, -1234.5678],
        [" ", "  ", None, None, None, None, None, None, None, None, "   ", None, None],
        ["500 Ragged Row", "Boynton Beach", "IL", 3, 30000, 800000, 200000, "03/14/2025", "no", "A-1",
         "past the header ->", None, 1e21, ("beyond", "dropped")],
        [None] * len(EDGE_HEADER) + [("beyond", "only a value right of the header")],
    ]
    for k, values in enumerate(rows):
        r = k + 2
        for c, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, tuple) and value[0] == "f":
                ws.write_formula(r, c, value[1], None, value[2])
            elif isinstance(value, tuple) and value[0] == "rich":
                ws.write_rich_string(r, c, bold, value[1], value[2])
            elif isinstance(value, tuple) and value[0] == "n":
                ws.write_number(r, c, value[1], value[2])
            elif isinstance(value, tuple) and value[0] == "beyond":
                ws.write_string(r, c, value[1])
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value)
            elif isinstance(value, dt.datetime):
                ws.write_datetime(r, c, value, stamp if value.time() != dt.time(0) else date)
            elif isinstance(value, dt.time):
                ws.write_datetime(r, c, value, clock)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, value)
    workbook.close()


def check_edge_workbook(ctx):
    folder = os.path.join(ctx.work, "workbooks", "edge")
    os.makedirs(folder)
    path = os.path.join(folder, "edge_cells.xlsx")
    write_edge_workbook(path)
    source = ref.read_xlsx_file(path)
    shown = {number: dict(zip(source.headers, cells)) for number, cells in source.records}
    print("reference reading of edge_cells.xlsx:")
    for number, cells in sorted(shown.items()):
        print(f"    row {number}: {cells}")
    for model in ("weighted", "industrial"):
        ctx.compare(label_of("edge", model, 0, False), [path], model, 0, False)


# ---------------------------------------------------------------------------
# C. Determinism over every workbook.


def check_determinism(ctx, folders):
    together = os.path.join(ctx.work, "workbooks", "all")
    os.makedirs(together)
    for producer, folder, _ in folders:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".xlsx"):
                shutil.copyfile(os.path.join(folder, name), os.path.join(together, f"{producer}_{name}"))
    masters = []
    for workers in (1, 2):
        label = label_of("all-workbooks", "weighted", 4, True, workers)
        masters.append(ctx.compare(label, [together], "weighted", 4, True, workers, workbook=True))
    ctx.report.check("all-workbooks: 1 and 2 workers give byte-identical master CSVs",
                     harness.same_bytes(*masters), masters)
    workbooks = [os.path.splitext(m)[0] + ".xlsx" for m in masters]
    if all(os.path.isfile(w) for w in workbooks):
        ctx.report.check("all-workbooks: 1 and 2 workers give byte-identical master workbooks",
                         harness.same_bytes(*workbooks), workbooks)
    else:
        print("SKIP: all-workbooks: no master workbooks written, their bytes not compared")


# ---------------------------------------------------------------------------
# D. Broken workbooks.


def failure_messages(summary_path):
    """file -> "CODE: message" of the summary's failures."""
    if not os.path.isfile(summary_path):
        return {}
    failures = harness.lookup(harness.load_json(summary_path), "files.failures") or []
    return {f.get("file"): f"{f.get('code')}: {f.get('message')}" for f in failures if isinstance(f, dict)}


def check_broken(ctx, good_workbook):
    folder = os.path.join(ctx.work, "broken")
    os.makedirs(folder)
    good = os.path.join(folder, "good.xlsx")
    shutil.copyfile(good_workbook, good)
    broken = os.path.join(folder, BROKEN)
    shutil.copyfile(os.path.join(ctx.data, BROKEN), broken)
    truncated = os.path.join(folder, "truncated.xlsx")
    with open(os.path.join(ctx.data, PBC_611), "rb") as f:
        data = f.read()
    with open(truncated, "wb") as f:
        f.write(data[: len(data) // 2])
    legacy = os.path.join(folder, "legacy.xls")  # *.xls? does not match .xls: given by name
    with open(legacy, "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4088)

    label = "broken-workbooks"
    must_fail = [broken, truncated, legacy]
    expected = ref.run_reference([folder, legacy], "weighted", 0.0, ctx.as_of, True)
    failures = {path for path, _, failure in expected.files if failure}
    ctx.report.check(f"{label}: the reference fails exactly the broken files", failures == set(must_fail),
                     [f"{sorted(map(os.path.basename, failures))}"])
    out_dir, status, output = ctx.run_flexpipe(label, [folder], "weighted", 0, True, 2, want_status=1,
                                               extra_inputs=[legacy])
    summary = os.path.join(out_dir, "summary.json")
    harness.compare_run(ctx.report, label, expected, os.path.join(out_dir, "master.csv"), summary)
    harness.check_failures(ctx.report, label, expected, summary, must_fail)
    messages = failure_messages(summary)
    for path in must_fail:
        message = messages.get(path, "")
        print(f"    {os.path.basename(path)}: {message}")
        ctx.report.check(f"{label}: {os.path.basename(path)} fails with a message, named on the console",
                         bool(message) and "not available yet" not in message and path in output,
                         [f"summary: {message!r}"] + [line for line in output.splitlines() if path in line][:3])
    ctx.report.check(f"{label}: the OLE2 file's message mentions legacy .xls or a password",
                     bool(LEGACY_XLS.search(messages.get(legacy, ""))), [repr(messages.get(legacy))])
    ctx.report.check(f"{label}: no crash (exit status 1, not a signal)", status == 1, [f"exit status {status}"])


# ---------------------------------------------------------------------------
# E. The master workbook beside the master CSV.


def _master_column_kind(name):
    """The cell type master_xlsx.h gives a master column: s(tring), n(umber), d(ate) or b(oolean)."""
    kind = ref.FIELD_TYPE.get(name)
    if kind in ("number", "money", "integer", "occupancy"):
        return "n"
    if kind == "date":
        return "d"
    if kind == "boolean":
        return "b"
    if kind is None and (name == "flex_score" or name == "source_row" or
                         any(name in names for names in ref.OUTPUT_NAMES.values())):
        return "n"
    return "s"  # text fields, IDs, classification, flags, source_file, pass-through columns


def _master_cell_problem(csv_text, kind, data_type, shown):
    """None when the workbook's cell holds the master CSV's value as master_xlsx.h types it."""
    if csv_text == "":
        return None if shown == "" else "should be empty"
    if kind == "s":
        if data_type not in ("s", "inlineStr", "str"):
            return f"should be a text cell, is type {data_type!r}"
        return None if shown in (csv_text, harness.unguard(csv_text)) else "different text"
    if kind == "n":
        if data_type != "n":
            return f"should be a number cell, is type {data_type!r}"
        return None if float(shown) == float(csv_text) else "different number"
    if kind == "d":
        if data_type != "d":
            return f"should be a date cell, is type {data_type!r}"
        return None if shown == csv_text else "different date"
    if data_type != "b":
        return f"should be a boolean cell, is type {data_type!r}"
    return None if shown.lower() == csv_text.lower() else "different boolean"


def check_master_workbook(ctx, label, out_dir, with_libreoffice=False):
    """The master workbook opens in openpyxl without warnings; "Flex Candidates" is the master CSV."""
    workbook = os.path.join(out_dir, "master.xlsx")
    master = os.path.join(out_dir, "master.csv")
    if not os.path.isfile(workbook):
        print(f"SKIP: {label}: the run wrote no master workbook ({workbook}); its checks are skipped")
        return
    import openpyxl
    ctx.masters_checked += 1
    header, csv_rows = harness.read_master(master)
    want = [header] + csv_rows
    got = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            wb = openpyxl.load_workbook(workbook, read_only=True, data_only=True)
            try:
                names = wb.sheetnames
                if "Flex Candidates" not in names:
                    ctx.report.check(f"{label}: master.xlsx has a 'Flex Candidates' sheet", False, [f"{names}"])
                    return
                ws = wb["Flex Candidates"]
                ws.reset_dimensions()
                for row in ws.iter_rows():
                    got.append([(ref.cell_text(c.value, getattr(c, "data_type", None), wb.epoch),
                                 getattr(c, "data_type", None)) for c in row])
            finally:
                wb.close()
        except Exception as e:  # noqa: BLE001 (any failure to open is the finding)
            ctx.report.check(f"{label}: master.xlsx opens in openpyxl", False, [f"{type(e).__name__}: {e}"])
            return
    ctx.report.check(f"{label}: master.xlsx opens in openpyxl without warnings", not caught,
                     [str(w.message) for w in caught])
    while got and all(text == "" for text, _ in got[-1]):
        got.pop()
    problems = []
    if len(got) != len(want):
        problems.append(f"{len(want)} rows in the master CSV (with its header), {len(got)} in the sheet")
    kinds = [_master_column_kind(name) for name in header]
    for r, (w, g) in enumerate(zip(want, got), start=1):
        for c, csv_text in enumerate(w):
            shown, data_type = g[c] if c < len(g) else ("", None)
            problem = (None if shown == csv_text else "different header") if r == 1 else \
                _master_cell_problem(csv_text, kinds[c], data_type, shown)
            if problem:
                problems.append(f"sheet row {r} column {header[c] if c < len(header) else c}: {problem}: "
                                f"CSV {csv_text!r}, workbook {shown!r}")
        if any(text for text, _ in g[len(w):]):
            problems.append(f"sheet row {r}: cells past the last column: {[t for t, _ in g[len(w):]]}")
    ctx.report.check(f"{label}: master.xlsx 'Flex Candidates' equals the master CSV, typed as "
                     "src/write/master_xlsx.h says", not problems, problems)

    if with_libreoffice and not ctx.soffice:
        print(f"SKIP: {label}: soffice not installed: LibreOffice does not open master.xlsx")
    if with_libreoffice and ctx.soffice:
        lo_dir = os.path.join(out_dir, "libreoffice")
        os.makedirs(lo_dir, exist_ok=True)
        command = [ctx.soffice, f"-env:UserInstallation={ctx.lo_profile}", "--headless", "--convert-to",
                   "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false", "--outdir", lo_dir,
                   workbook]
        harness.print_command(command)
        status, output = harness.run(command, cwd=lo_dir, timeout=180)
        converted = os.path.join(lo_dir, "master.csv")
        ok = status == 0 and os.path.isfile(converted)
        ctx.report.check(f"{label}: LibreOffice opens master.xlsx (converts it to CSV)", ok,
                         [f"exit status {status}"] + output.splitlines()[-10:])
        if ok:
            with open(converted, encoding="utf-8", newline="") as f:
                lo_rows = list(csv.reader(f))
            problems = [] if len(lo_rows) == len(want) else [f"{len(lo_rows)} rows from LibreOffice, {len(want)} "
                                                             "in the master CSV (with its header)"]
            for r, (w, g) in enumerate(zip(want, lo_rows), start=1):
                for c, csv_text in enumerate(w):
                    shown = g[c] if c < len(g) else ""
                    if not _same_value(csv_text, shown):
                        problems.append(f"row {r} column {header[c]}: CSV {csv_text!r}, LibreOffice {shown!r}")
            ctx.report.check(f"{label}: LibreOffice reads master.xlsx's first sheet as the master CSV", not problems,
                             problems)


def _same_value(csv_text, shown):
    """A master CSV cell and LibreOffice's CSV export (raw values) of the workbook's cell agree."""
    if shown in (csv_text, harness.unguard(csv_text)):
        return True
    if PLAIN_NUMBER.fullmatch(csv_text) and PLAIN_NUMBER.fullmatch(shown):
        a, b = float(csv_text), float(shown)
        return abs(a - b) <= 1e-14 * max(abs(a), abs(b))  # LibreOffice keeps 15 significant digits
    return csv_text.lower() in ("true", "false") and shown.lower() == csv_text.lower()


# ---------------------------------------------------------------------------


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flexpipe", required=True, help="the flexpipe binary")
    parser.add_argument("--data", required=True, help="tests/data")
    parser.add_argument("--work", required=True, help="scratch folder (emptied first)")
    parser.add_argument("--max-shown", type=int, default=harness.MAX_SHOWN, help="mismatches shown per check")
    parser.add_argument("--only", choices=["fixtures", "conversions", "broken"], help="run one part")
    args = parser.parse_args(argv)

    missing = [m for m in ("openpyxl", "xlsxwriter") if importlib.util.find_spec(m) is None]
    if missing:
        harness.fatal(f"no module {', '.join(missing)}: run with Debian's /usr/bin/python3 "
                      "(python3-openpyxl, python3-xlsxwriter)")
    started = time.monotonic()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    report = harness.Report(args.max_shown)
    data = os.path.abspath(args.data)
    ensure_fixtures(data, report)
    ctx = Context(os.path.abspath(args.flexpipe), data, work, report)
    harness.self_check(report)

    def part(name, function, *arguments):
        began = time.monotonic()
        result = function(*arguments)
        print(f"-- {name}: {time.monotonic() - began:.1f} s", flush=True)
        return result

    if args.only in (None, "fixtures"):
        part("A. real fixtures", check_real_fixtures, ctx)
    if args.only in (None, "conversions"):
        folders = part("B. conversions", check_conversions, ctx)
        part("B2. edge cells", check_edge_workbook, ctx)
        part("C. determinism", check_determinism, ctx, folders)
    if args.only in (None, "broken"):
        part("D. broken workbooks", check_broken, ctx, os.path.join(data, SAMPLE_50))
    if ctx.masters_checked == 0:
        print("SKIP: no run wrote a master workbook (.xlsx beside the master CSV): its checks were skipped")
    print(f"time {time.monotonic() - started:.1f} s")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
