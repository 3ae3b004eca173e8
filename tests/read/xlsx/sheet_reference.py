#!/usr/bin/env python3
"""Independent reference for the sheet scanner tests: reads worksheet XML with
ElementTree (a real XML parser) and applies the scanner's documented rules
(sheet_row_parser.h, sheet_scanner.h), printing one JSON object per sheet.

  sheet_reference.py FILE.xml...             the given worksheet parts
  sheet_reference.py --extract DIR FILE.xlsx...
                                             every xl/worksheets/*.xml of the
                                             workbooks, extracted into DIR

Each line: {"file": path of the XML, "rows": [[number, [[column, type, style,
value], ...]], ...], "dimension": [c1, r1, c2, r2] or null, "merges": [[...]]}.
Columns are 0-based, types the t attribute ("n" when absent). Standard library
only.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_ref(ref):
    m = re.fullmatch(r"([A-Za-z]{1,3})([0-9]+)", ref)
    column = 0
    for ch in m.group(1).upper():
        column = column * 26 + ord(ch) - 64
    return column - 1, int(m.group(2))


def parse_range(text):
    try:
        parts = text.split(":")
        (c1, r1), (c2, r2) = parse_ref(parts[0]), parse_ref(parts[-1])
    except (AttributeError, IndexError):
        return None
    if len(parts) > 2 or max(c1, c2) >= 16384 or max(r1, r2) > 1048576 or min(r1, r2) == 0:
        return None
    return [min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)]


def inline_text(is_element):
    out = []
    for child in is_element:
        name = local(child.tag)
        if name == "t":
            out.append(child.text or "")
        elif name == "r":
            out.extend(t.text or "" for t in child if local(t.tag) == "t")
    return "".join(out)


def scan(data):
    root = ET.fromstring(data)
    result = {"rows": [], "dimension": None, "merges": []}
    sheet_data = None
    for child in root:
        if sheet_data is None and local(child.tag) == "sheetData":
            sheet_data = child
            continue
        for element in child.iter():
            name = local(element.tag)
            if sheet_data is None and name == "dimension":
                result["dimension"] = parse_range(element.get("ref", ""))
            elif sheet_data is not None and name == "mergeCell":
                result["merges"].append(parse_range(element.get("ref", "")))
    previous = 0
    for row in sheet_data if sheet_data is not None else []:
        if local(row.tag) != "row":
            continue
        cells = [c for c in row if local(c.tag) == "c"]
        if row.get("r"):
            number = int(row.get("r"))
        elif cells and cells[0].get("r"):
            number = parse_ref(cells[0].get("r"))[1]
        else:
            number = previous + 1
        previous = number
        out = []
        column = -1
        for c in cells:
            column = parse_ref(c.get("r"))[0] if c.get("r") else column + 1
            kind = c.get("t") or "n"
            value, text = None, None
            for child in c:
                if local(child.tag) == "v":
                    value = child.text or ""
                elif local(child.tag) == "is":
                    text = inline_text(child)
            if text is not None and kind in ("n", "inlineStr"):
                kind, value = "inlineStr", text
            out.append([column, kind, int(c.get("s") or 0), value or ""])
        if out:
            result["rows"].append([number, out])
    return result


def main(argv):
    extract_to = None
    if argv and argv[0] == "--extract":
        extract_to, argv = argv[1], argv[2:]
    for path in argv:
        if extract_to is None:
            with open(path, "rb") as f:
                print(json.dumps({"file": path, **scan(f.read())}))
            continue
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", name):
                    continue
                data = z.read(name)
                target = os.path.join(
                    extract_to, os.path.basename(path) + "__" + os.path.basename(name))
                with open(target, "wb") as f:
                    f.write(data)
                print(json.dumps({"file": target, **scan(data)}))


if __name__ == "__main__":
    main(sys.argv[1:])
