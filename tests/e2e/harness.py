"""Shared machinery of the end-to-end tests: running flexpipe, reading its
master CSV and JSON summary, comparing them with reference.py's expectation
and reporting the differences readably. Standard library only.

The master CSV contract checked here (see docs/outputs.md):
  header  = canonical fields present in any input (fields.md order; acres is
            present when derived from lot_sqft), flex_score, classification,
            the model's component scores, flags, source_file, source_row, then
            the pass-through columns (union by normalised header, first-seen
            spelling, file order; a name clashing with an output column gets
            the prefix orig_);
  rows    = unique candidates ranked by score descending, ties by (file order,
            row order); scores with 2 decimals; flags joined by ";";
  text cells beginning with = + - @ tab or CR carry a leading "'" (stripped
  here before comparing).
"""

import csv
import datetime as dt
import json
import os
import subprocess
import sys

import reference as ref

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_SHOWN = 8


class Report:
    """Counts checks; prints each failure with its first mismatches."""

    def __init__(self, max_shown=MAX_SHOWN):
        self.passed = 0
        self.failed = 0
        self.max_shown = max_shown

    def check(self, label, ok, details=()):
        if ok:
            self.passed += 1
            return True
        self.failed += 1
        print(f"FAIL {label}")
        details = list(details)
        for line in details[: self.max_shown]:
            print(f"    {line}")
        if len(details) > self.max_shown:
            print(f"    ... and {len(details) - self.max_shown} more")
        return False

    def note(self, text):
        print(f"note: {text}")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def run(command, cwd, timeout=600):
    """Runs a command; returns (exit status, stdout + stderr)."""
    try:
        p = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
    except FileNotFoundError as e:
        return 127, str(e)
    except subprocess.TimeoutExpired:
        return 124, f"timed out after {timeout} s"
    return p.returncode, p.stdout.decode("utf-8", "replace")


def unguard(text):
    """A text cell as the input had it: trimmed, without the formula guard's leading quote."""
    t = text.strip()
    if len(t) > 1 and t[0] == "'" and t[1] in FORMULA_PREFIXES:
        t = t[1:].strip()
    return t


def read_master(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    if not rows:
        return [], []
    return rows[0], rows[1:]


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def lookup(summary, *paths):
    """The first of the dotted paths present in the summary, or None."""
    for path in paths:
        node = summary
        for part in path.split("."):
            if isinstance(node, dict) and part in node:
                node = node[part]
            else:
                node = None
                break
        if node is not None:
            return node
    return None


def file_details(summary):
    """The per-file entries of the summary (docs/summary-schema.md: files.details)."""
    details = lookup(summary, "files.details", "files")
    return [f for f in details if isinstance(f, dict)] if isinstance(details, list) else []


def failed_files(summary):
    out = set()
    for f in file_details(summary):
        if f.get("status") in ("failed", "error") or f.get("succeeded") is False:
            out.add(f.get("path"))
    failures = lookup(summary, "files.failures", "failures")
    for p in failures if isinstance(failures, list) else []:
        if isinstance(p, dict) and p.get("file"):
            out.add(p["file"])
    return out


def per_file_rows(summary):
    """path -> rows_read, for every file the summary details."""
    out = {}
    for f in file_details(summary):
        n = f.get("rows_read", lookup(f, "rows.read"))
        if f.get("path") is not None and n is not None:
            out[f["path"]] = n
    return out


# ---------------------------------------------------------------------------


def _row_id(path, number):
    return f"{os.path.basename(path)}:{number}"


def _inputs_of(scored, model):
    """The raw input cells that decide a row's score, for failure messages."""
    names = (["zoning", "acres", "lot_sqft", "building_sqft", "office_sqft", "warehouse_sqft",
              "ceiling_height", "loading_docks", "overhead_doors", "improvement_value", "land_value", "city",
              "near_highway", "sale_date"]
             if model == "weighted" else
             ["property_type", "building_sqft", "acres", "lot_sqft", "year_built", "occupancy"])
    return ", ".join(f"{n}={scored.row.text[n]!r}" for n in names if n in scored.row.text)


def _numbers_equal(a, b, tolerance):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance * max(1.0, abs(b))


def _cell_matches(field, actual, scored):
    """Whether the master CSV's cell for a canonical field shows the input's value."""
    row = scored.row
    kind = ref.FIELD_TYPE[field]
    raw = row.text.get(field)
    if field == "acres" and raw is None:  # derived from lot_sqft
        got = ref.parse_number(unguard(actual))
        return _numbers_equal(got, row.value.get("acres"), 1e-3)
    raw = raw or ""
    if kind in ref.TEXT_TYPES:
        a, e = unguard(actual), raw.strip()
        return a == e or (ref.is_missing_token(a) and ref.is_missing_token(e))
    if kind in ("number", "money", "integer", "occupancy"):
        got = ref.parse_number(unguard(actual), percent_ok=kind == "occupancy")
        want = row.value.get(field)
        if kind == "occupancy":  # either form of the same share
            got = got / 100 if got is not None and got > 1 else got
            want = want / 100 if want is not None and want > 1 else want
        return _numbers_equal(got, want, 1e-9)
    if kind == "date":
        return ref.parse_date(unguard(actual)) == row.value.get(field)
    if kind == "boolean":
        return ref.parse_bool(unguard(actual)) == row.value.get(field)
    return True


def compare_run(report, label, expected, master_path, summary_path):
    """Compares one flexpipe run's outputs with the reference's expectation."""
    if not report.check(f"{label}: master CSV exists", os.path.isfile(master_path), [master_path]):
        return
    header, rows = read_master(master_path)
    duplicates = {h for s in (f[1] for f in expected.files) if s for _, h in s.duplicate_columns}
    shown = [h for h in header if h not in duplicates or h in expected.header]
    if len(shown) != len(header):
        report.note(f"{label}: columns of duplicate-mapped headers kept as pass-through: "
                    f"{sorted(set(header) - set(shown))}")
    same_header = [h.strip() for h in shown] == [h.strip() for h in expected.header]
    report.check(f"{label}: master CSV header", same_header,
                 [f"expected {expected.header}", f"actual   {header}"])
    col = {name: i for i, name in enumerate(header)}
    missing = [n for n in ("flex_score", "classification", "flags", "source_file", "source_row")
               if n not in col]
    if not report.check(f"{label}: master CSV has the score and provenance columns", not missing, missing):
        return

    actual_ids = [(r[col["source_file"]], r[col["source_row"]]) for r in rows]
    expected_ids = [(s.row.source.display_path, str(s.row.number)) for s in expected.rows]
    details = [f"expected {len(expected_ids)} rows, actual {len(actual_ids)}"]
    if actual_ids != expected_ids:
        expected_set = set(expected_ids)
        actual_set = set(actual_ids)
        extra = [i for i in actual_ids if i not in expected_set]
        lacking = [i for i in expected_ids if i not in actual_set]
        by_id = {(s.row.source.display_path, str(s.row.number)): s for s in expected.rows}
        for i in lacking[:MAX_SHOWN]:
            s = by_id[i]
            details.append(f"missing  {_row_id(*i)} score {ref.format_score(s.score)} "
                           f"key {ref.dedup_key(s.row)}")
        for i in extra[:MAX_SHOWN]:
            details.append(f"extra    {_row_id(*i)}")
        if not lacking and not extra:
            first = next(k for k, (a, e) in enumerate(zip(actual_ids, expected_ids)) if a != e)
            details.append(f"same rows, order differs first at rank {first + 1}: "
                           f"expected {_row_id(*expected_ids[first])} "
                           f"({ref.format_score(expected.rows[first].score)}), "
                           f"actual {_row_id(*actual_ids[first])}")
    report.check(f"{label}: rows and their order (source_file, source_row)", actual_ids == expected_ids,
                 details)

    # Cell by cell, for the rows both have.
    actual_by_id = {(r[col["source_file"]], r[col["source_row"]]): r for r in rows}
    generated = ["flex_score", "classification", "flags"] + ref.OUTPUT_NAMES[expected.model]
    problems = {name: [] for name in generated}
    field_problems = {}
    passthrough_problems = []
    for scored in expected.rows:
        key = (scored.row.source.display_path, str(scored.row.number))
        actual = actual_by_id.get(key)
        if actual is None:
            continue
        want = ref.expected_cells(expected, scored)
        for name in generated:
            if name not in col:
                continue
            got = actual[col[name]] if col[name] < len(actual) else ""
            if got != want[name]:
                problems[name].append(f"{_row_id(*key)}: expected {want[name]!r}, actual {got!r} | "
                                      f"{_inputs_of(scored, expected.model)}")
        for field in ref.FIELD_NAMES:
            if field in col and not _cell_matches(field, actual[col[field]], scored):
                given = scored.row.text.get(field)
                if field == "acres" and given is None:
                    given = f"lot_sqft {scored.row.text.get('lot_sqft')!r} / 43560"
                field_problems.setdefault(field, []).append(
                    f"{_row_id(*key)}: input {given!r}, actual {actual[col[field]]!r}")
        source = scored.row.source
        for c, header_name in source.passthrough:
            norm = ref.normalize_header(header_name)
            name = expected.passthrough[expected.passthrough_source.index(norm)]
            if name not in col:
                continue
            want_text = (scored.row.cells[c] if c < len(scored.row.cells) else "").strip()
            got_text = unguard(actual[col[name]])
            both_missing = ref.is_missing_token(got_text) and ref.is_missing_token(want_text)
            if got_text != want_text and not both_missing:
                passthrough_problems.append(
                    f"{_row_id(*key)} {name}: input {want_text!r}, actual {got_text!r}")
    for name in generated:
        report.check(f"{label}: {name} of every row", not problems[name], problems[name])
    report.check(f"{label}: canonical field values as read", not field_problems,
                 [f"{field}: {len(p)} rows, e.g. {p[0]}" for field, p in field_problems.items()])
    report.check(f"{label}: pass-through values", not passthrough_problems, passthrough_problems)

    # JSON summary.
    if not report.check(f"{label}: JSON summary exists", os.path.isfile(summary_path), [summary_path]):
        return
    summary = load_json(summary_path)
    figures = [
        ("candidates.before_dedup", expected.before_dedup,
         ("candidates.before_dedup", "candidates_before_dedup")),
        ("candidates.unique", expected.unique,
         ("candidates.unique", "candidates_unique", "unique_candidates")),
        ("candidates.duplicates_removed", expected.duplicates_removed,
         ("candidates.duplicates_removed", "duplicates_removed")),
    ]
    for name, want, paths in figures:
        got = lookup(summary, *paths)
        report.check(f"{label}: summary {name}", got == want, [f"expected {want}, actual {got}"])
    # Rows: the succeeded files' counts are exact; a failed file may add the rows it read before failing.
    reported = per_file_rows(summary)
    wrong = [f"{os.path.basename(path)}: expected {len(source.records)}, actual {reported.get(path)}"
             for path, source, failure in expected.files
             if failure is None and reported.get(path) != len(source.records)]
    report.check(f"{label}: summary rows read per succeeded file", not wrong, wrong)
    failed = failed_files(summary)
    total = lookup(summary, "rows.read", "rows_read")
    from_failed = sum(n for path, n in reported.items() if path in failed)
    report.check(f"{label}: summary rows.read = the succeeded files' rows (+ rows read by failed files)",
                 total is not None and total - from_failed == expected.rows_read,
                 [f"expected {expected.rows_read} (+ {from_failed} from failed files), actual {total}"])


def check_failures(report, label, expected, summary_path, must_fail, may_fail=()):
    """The files that failed are exactly those that must (plus any that may)."""
    if not os.path.isfile(summary_path):
        return
    failed = failed_files(load_json(summary_path))
    lacking = sorted(set(must_fail) - failed)
    extra = sorted(failed - set(must_fail) - set(may_fail))
    reasons = {path: failure for path, _, failure in expected.files if failure}
    report.check(f"{label}: failed files", not lacking and not extra,
                 [f"should have failed: {os.path.basename(p)} ({reasons.get(p, '?')})" for p in lacking] +
                 [f"should not have failed: {os.path.basename(p)}" for p in extra])


def self_check(report):
    """The reference reproduces scoring.md's worked examples."""
    as_of = dt.date(2025, 6, 30)
    sale = (as_of - dt.timedelta(days=300)).isoformat()

    def row(cells):
        source = ref.SourceFile("example.csv", "example.csv")
        source.headers = list(cells)
        for i, h in enumerate(source.headers):
            source.field_column[ref.ALIAS[ref.normalize_header(h)]] = i
        return ref.Row(source, 2, list(cells.values()))

    one = row({"zoning": "il", "acres": "2.5", "building_sqft": "25000", "office_sqft": "5000",
               "warehouse_sqft": "20000", "improvement_value": "1200000", "land_value": "400000",
               "city": "Boca Raton", "sale_date": sale, "address": "1 Main St"})
    score, comps, flags = ref.score_weighted(one, as_of)
    report.check("reference: scoring.md worked example 1",
                 (score, comps, flags, ref.classify(score)) ==
                 (10.0, [10, 10, 10, 8, 6, 9], ["HIGH_POTENTIAL", "IDEAL_BUILDING"], "PRIME_FLEX"),
                 [f"got {score} {comps} {flags}"])
    two = row({"zoning": "CG", "acres": "1.3", "improvement_value": "300000", "land_value": "0",
               "city": "Miami", "sale_date": sale, "address": "2 Main St"})
    score, comps, flags = ref.score_weighted(two, as_of)
    report.check("reference: scoring.md worked example 2",
                 (score, [round(c, 9) for c in comps], flags, ref.classify(score)) ==
                 (4.82, [4, 7.0, 3, 5, 6, 6], [], "POTENTIAL_FLEX"), [f"got {score} {comps} {flags}"])


def flexpipe_run_command(binary, inputs, out_dir, model, min_score, workers, dedup=True, as_of="2025-06-30"):
    command = [binary, "run", *inputs, "-o", os.path.join(out_dir, "master.xlsx"),
               "--report-file", os.path.join(out_dir, "summary.json"), "--model", model,
               "--min-score", str(min_score), "--as-of", as_of, "--workers", str(workers)]
    if not dedup:
        command.append("--no-dedup")
    return command


def same_bytes(a, b):
    if not (os.path.isfile(a) and os.path.isfile(b)):
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def print_command(command):
    print("$ " + " ".join(command), flush=True)


def fatal(message):
    print(f"FAIL {message}")
    print("0 passed, 1 failed")
    sys.exit(1)
