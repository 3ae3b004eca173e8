#!/usr/bin/python3
"""Writes the seed corpora under fuzz/corpus/ (docs/fuzzing.md).

Usage: fuzz/make_seeds.py [--flexpipe PATH]

Seeds are small on purpose: libFuzzer mutates them, so a few KB of every
layout the readers know beats one big realistic file. The XLSX seeds are
built with zipfile so that each exercises one feature of the reader, and
the hand-built ones are also written as text parts (*.parts, see
fuzz/parts_zip.h), which the target zips itself; with
Debian's python3-openpyxl and python3-xlsxwriter (installed by `make test`)
and a flexpipe binary, workbooks written by those producers are added too.
Re-running rewrites the generated seeds; other files in the corpus (copies of
crash reproducers) are left alone.
"""

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")

HEADER = "Property Address,City,Building SqFt,Lot Size Acres,Market Value,Sale Date,Year Built,Near Highway"
ROWS = [
    "3151 SW 14TH PL,BOYNTON BEACH,20088,1.0,\"$2,569,458\",2015-02-12,1984,yes",
    "1696 OKEECHOBEE RD,WEST PALM BEACH,\"21,420\",1.0111,(1000),03/14/2025,1980.0,N",
    "12 Main St,Jupiter,1.2e4,0.5,95%,\"March 14, 2025\",N/A,TRUE",
]


def write(target, name, data):
    path = os.path.join(CORPUS, target, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def table(delimiter, eol="\n"):
    lines = [HEADER] + ROWS
    return eol.join(line.replace(",", delimiter) if delimiter != "," else line for line in lines) + eol


def csv_seeds():
    write("csv_reader", "comma.csv", table(",").encode())
    write("csv_reader", "semicolon.csv", "a;b;c\n1;2;3\n\"x;y\";4;5\n".encode())
    write("csv_reader", "tab.csv", "address\tcity\tbuilding_sqft\n1 A St\tMiami\t5000\n2 B St\tTampa\t\n".encode())
    write("csv_reader", "pipe.csv", "address|city|acres\n1 A St|Miami|2.5\n2 B St|Tampa|0.25\n".encode())
    write("csv_reader", "quoted.csv",
          b'address,city,notes\n"1 ""Big"" St","Boca, Raton","line one\nline two"\n'
          b'"2 B St",Tampa,"a\r\nb"\n,,\n"3 C St" ,Orlando, "x"\n')
    write("csv_reader", "bom_crlf.csv", b"\xef\xbb\xbf" + table(",", "\r\n").encode())
    write("csv_reader", "cr_only.csv", table(",", "\r").encode())
    write("csv_reader", "utf16le.csv", b"\xff\xfe" + table("\t", "\r\n").encode("utf-16-le"))
    write("csv_reader", "utf16be.csv", b"\xfe\xff" + "address,city\n\U0001F3ED Caf\u00e9,Z\u00fcrich\n".encode("utf-16-be"))
    write("csv_reader", "utf16_no_bom.csv", "address,city\n1 A,B\n".encode("utf-16-le"))
    write("csv_reader", "cp1252.csv", "address,city,owner\n1 Caf\u00e9 St,Sp\u00e4t,O\u2019Neil \u20ac\n".encode("cp1252"))
    write("csv_reader", "utf8_multibyte.csv", "address,city\n\u6771\u4eac 1,\u00c9vry\n\U0001F600,\u00e9\n".encode())
    write("csv_reader", "blank_ragged.csv",
          b"\n\n  \naddress,city,acres\n,,\n1 A St,Miami\n2 B St,Tampa,1,extra,more\n \t ,\n3 C St,Orlando,2\n")
    write("csv_reader", "unterminated.csv", b'address,city\n1 A St,"Miami\n2 B St,Tampa\n')
    write("csv_reader", "nul_byte.csv", b"address,city\n1 A\x00St,Miami\n")
    write("csv_reader", "header_only.csv", b"address,city,building_sqft")
    write("csv_reader", "bom_only.csv", b"\xef\xbb\xbf")
    write("csv_reader", "one_column.csv", b"address\n1 A St\n2 B St\n")
    # The start of each example export, cut at a line end: real header spellings.
    examples = os.path.join(ROOT, "examples", "data")
    for name in sorted(os.listdir(examples)):
        with open(os.path.join(examples, name), "rb") as f:
            head = f.read(1500)
        write("csv_reader", "example_" + name, head[: head.rfind(b"\n") + 1])


VALUES = [
    "1234", "1,234", "$1,234.50", "1.2e6", " 42 ", "(1,000)", "-80.59", "+5", "-$5", "$-5", "$ 5", "95%",
    "1.2.3", "TBD", "12 acres", "inf", "nan", "1e400", "0.0", "-0", "(0)", "1984.0", "1984.5",
    "2025-03-14", "2025/03/14", "2025-03-14T10:00:00", "2025-03-14 10:00:00.123", "03/14/2025", "3/14/25",
    "03-14-2025", "March 14, 2025", "Mar 14, 2025", "Mar. 14 2025", "Sept 1, 2020", "14-Mar-2025", "14-Mar-25",
    "14 Mar 2025", "3/14/2025 10:15", "3/14/2025 10:15:00 AM", "3/14/2025 10:15 p.m.", "2025-03-14T10:00:00Z",
    "2025-03-14T10:00:00+05:00", "2025-03-14T10:00:00-0500", "2024-02-29", "2025-02-30",
    "1423717200000.0", "-1423717200000", "946684800000", "true", "No", "y", "F", "1.0", "0.0",
    "N/A", "NA", "-", "--", "NULL", "None", "#N/A", "NaN", "NaT", "<NA>", "",
    "8.4346050800001296E+15", "08434605080000130", "1E-3", "45000.5", "60", "1.5E-07", "9.99E+307",
    "yyyy-mm-dd", "[$-409]mmmm d, yyyy", "h:mm AM/PM", "[h]:mm:ss", "0.0\"d\"", "[Red]0", "@",
    "BC12", "XFD1048576", "A1:C3", "C3:A1", " BUILDING-SQFT ", "Bldg Area (SF)",
    "Prop Addr\nSite City Name\nBldg SqFt", "Property Adress\nCIty\n\nacres\nacres",
]


def value_seeds():
    for i, v in enumerate(VALUES):
        write("value_parse", "v%03d" % i, v.encode())


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{overrides}</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def parts_text(xlsx):
    """The parts of a workbook in the target's text form (fuzz/parts_zip.h)."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return b"\n".join(b"== " + name.encode() + b"\n" + z.read(name) for name in z.namelist())


def workbook(sheets, shared=None, styles=None, date1904=False, compression=zipfile.ZIP_DEFLATED):
    """sheets: [(name, xml, state)]; returns the .xlsx bytes."""
    rels, entries, overrides = [], [], ""
    for i, (name, _, state) in enumerate(sheets, 1):
        rels.append('<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>' % (i, REL, i))
        st = ' state="%s"' % state if state else ""
        entries.append('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (name, i, st, i))
    if shared is not None:
        rels.append('<Relationship Id="rIdS" Type="%ssharedStrings" Target="sharedStrings.xml"/>' % REL)
    if styles is not None:
        rels.append('<Relationship Id="rIdY" Type="%sstyles" Target="/xl/styles.xml"/>' % REL)
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        def put(name, data):  # with a fixed timestamp, so that re-running gives the same bytes
            z.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), data, compress_type=compression)
        put("[Content_Types].xml", CONTENT_TYPES.format(overrides=overrides))
        put("_rels/.rels", ROOT_RELS)
        put("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<workbook %s>%s<sheets>%s</sheets></workbook>'
            % (NS, pr, "".join(entries)))
        put("xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">%s</Relationships>' % "".join(rels))
        for i, (_, xml, _) in enumerate(sheets, 1):
            put("xl/worksheets/sheet%d.xml" % i, xml)
        if shared is not None:
            put("xl/sharedStrings.xml", shared)
        if styles is not None:
            put("xl/styles.xml", styles)
    return buf.getvalue()


def sheet(rows, before="", after=""):
    return '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet %s>%s<sheetData>%s</sheetData>%s</worksheet>' % (
        NS, before, "".join(rows), after)


def xlsx_seeds(flexpipe):
    inline = sheet([
        '<row r="1"><c r="A1" t="inlineStr"><is><t>address</t></is></c><c r="B1" t="inlineStr"><is><t>city</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>building_sqft</t></is></c></row>',
        '<row r="2"><c r="A2" t="inlineStr"><is><t>1 A St</t></is></c><c r="B2" t="inlineStr"><is><t>Miami</t></is></c>'
        '<c r="C2"><v>20088</v></c></row>',
        '<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve"> 2 B &amp; C </t></is></c>'
        '<c r="C4"><v>8.4346050800001296E+15</v></c><c r="E4"><v>1</v></c></row>',
    ], before='<dimension ref="A1:C4"/>')
    write("xlsx_reader", "inline.xlsx", workbook([("Sheet1", inline, None)]))
    write("xlsx_reader", "stored.xlsx", workbook([("Sheet1", inline, None)], compression=zipfile.ZIP_STORED))

    shared = ('<?xml version="1.0" encoding="UTF-8"?>\n<sst %s count="6" uniqueCount="6">'
              '<si><t>Address</t></si><si><t>City</t></si><si><t>Sale Date</t></si>'
              '<si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space="preserve"> text</t></r><rPh><t>ri</t></rPh></si>'
              '<si><t>line_x000D_break &lt;x&gt;</t></si><si><t>Market Value</t></si></sst>') % NS
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet %s><numFmts count="1">'
              '<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;@"/></numFmts>'
              '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
              '<xf numFmtId="164"/><xf numFmtId="22"/></cellXfs></styleSheet>') % NS
    typed = sheet([
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
        '<c r="D1" t="s"><v>5</v></c></row>',
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="1"><v>45000</v></c>'
        '<c r="D2"><f>1+1</f><v>2569458.4</v></c></row>',
        '<row r="3"><c r="A3" t="str"><f>A1</f><v>formula text</v></c><c r="B3" t="b"><v>1</v></c>'
        '<c r="C3" s="3"><v>45000.75</v></c><c r="D3" t="e"><v>#N/A</v></c></row>',
        '<row r="5"><c t="s"><v>9</v></c><c><v>-0</v></c><c s="2"><v>59</v></c><c><v>1E-3</v></c></row>',
    ], after='<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>')
    write("xlsx_reader", "shared_styles.xlsx", workbook([("Data", typed, None)], shared, styles))

    prefixed = ('<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
                'spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>address'
                '</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[city]]></x:t></x:is></x:c></x:row>'
                '<!-- comment --><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>9 Z Rd</x:t></x:is></x:c>'
                "<x:c r='B2' t='inlineStr'><x:is><x:t>Tampa</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>")
    hidden = sheet(['<row r="1"><c r="A1" t="inlineStr"><is><t>lookup</t></is></c></row>'])
    write("xlsx_reader", "sheets_1904.xlsx",
          workbook([("Hidden", hidden, "hidden"), ("Prefixed", prefixed, None), ("Empty", sheet([]), None)],
                   styles=styles, date1904=True))
    for name in ("inline", "shared_styles", "sheets_1904"):
        with open(os.path.join(CORPUS, "xlsx_reader", name + ".xlsx"), "rb") as f:
            write("xlsx_reader", name + ".parts", parts_text(f.read()))

    shutil.copy(os.path.join(ROOT, "tests", "data", "pbc_flex_sample_50.xlsx"),
                os.path.join(CORPUS, "xlsx_reader", "pbc_flex_sample_50.xlsx"))
    shutil.copy(os.path.join(ROOT, "tests", "data", "broken_no_content_types.xlsx"),
                os.path.join(CORPUS, "xlsx_reader", "broken_no_content_types.xlsx"))

    try:
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Address", "City", "Acres", "Sale Date"])
        ws.append(["1 A St", "Miami", 2.5, __import__("datetime").date(2020, 1, 31)])
        ws.append(["2 B St", "Tampa", None, "N/A"])
        wb.create_sheet("Second").append(["address", "city"])
        out = io.BytesIO()
        wb.save(out)
        write("xlsx_reader", "openpyxl.xlsx", out.getvalue())
    except ImportError:
        print("make_seeds: python3-openpyxl missing, openpyxl.xlsx not written", file=sys.stderr)
    try:
        import xlsxwriter
        out = io.BytesIO()
        wb = xlsxwriter.Workbook(out, {"in_memory": True})
        ws = wb.add_worksheet()
        date = wb.add_format({"num_format": "mm/dd/yyyy"})
        ws.write_row(0, 0, ["Address", "City", "Building SqFt", "Sale Date"])
        ws.write_row(1, 0, ["1 A St", "Miami", 12000])
        ws.write_number(1, 3, 43000, date)
        ws.write_row(2, 0, ["2 B St", "Tampa", "12,000", True])
        wb.close()
        write("xlsx_reader", "xlsxwriter.xlsx", out.getvalue())
    except ImportError:
        print("make_seeds: python3-xlsxwriter missing, xlsxwriter.xlsx not written", file=sys.stderr)
    if flexpipe:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([flexpipe, "generate", "--out", tmp, "--format", "xlsx", "--rows", "6", "--files", "2"],
                           check=True, stdout=subprocess.DEVNULL)
            for i, name in enumerate(sorted(n for n in os.listdir(tmp) if n.endswith(".xlsx"))):
                shutil.copy(os.path.join(tmp, name), os.path.join(CORPUS, "xlsx_reader", "generated_%d.xlsx" % i))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flexpipe", help="a flexpipe binary, to add workbooks it generates")
    args = parser.parse_args()
    csv_seeds()
    value_seeds()
    xlsx_seeds(args.flexpipe)


if __name__ == "__main__":
    main()
