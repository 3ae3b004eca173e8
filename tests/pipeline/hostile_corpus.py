"""Writes the hostile-input corpus of issue 4 into a folder: one file per kind
of damage or attack, each small on disk. Run by pipeline_hostile_corpus_test
(the expected outcome of every file is the table in that test); needs only
Debian's python3.

    python3 hostile_corpus.py OUT_DIR

Files go to OUT_DIR/{zip,xml,csv}/; a file's name says what is wrong with it.
"""
import os
import struct
import sys
import zipfile
import warnings

warnings.simplefilter("ignore")

NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
DATE = (2024, 1, 2, 3, 4, 6)

HEADER = ['Address', 'City', 'State', 'Building SqFt', 'Property Type']
ROWS = [
    ['10 Hostile Way', 'Jupiter', 'FL', '12000', 'Flex'],
    ['12 Hostile Way', 'Stuart', 'FL', '30000', 'Warehouse'],
]


def cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_rows(rows=None, header=HEADER):
    out = []
    for r, values in enumerate([header] + (ROWS if rows is None else rows), start=1):
        cells = ''.join(cell(f'{chr(65 + c)}{r}', v) for c, v in enumerate(values))
        out.append(f'<row r="{r}">{cells}</row>')
    return ''.join(out)


def sheet(rows_xml=None, before='', after='', prolog=''):
    body = sheet_rows() if rows_xml is None else rows_xml
    return (f'{prolog}<worksheet xmlns="{NS}">{before}<sheetData>{body}</sheetData>{after}'
            '</worksheet>')


def parts(sheet_xml=None, shared=None, workbook=None, extra=()):
    content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                     'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                     'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                     '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
                     'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = workbook or (f'<workbook xmlns="{NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                      '2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
                      '</sheets></workbook>')
    wb_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
               + ('' if shared is None else
                  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                  'relationships/sharedStrings" Target="sharedStrings.xml"/>')
               + '</Relationships>')
    out = [('[Content_Types].xml', content_types), ('_rels/.rels', rels), ('xl/workbook.xml', wb),
           ('xl/_rels/workbook.xml.rels', wb_rels),
           ('xl/worksheets/sheet1.xml', sheet() if sheet_xml is None else sheet_xml)]
    if shared is not None:
        out.append(('xl/sharedStrings.xml', shared))
    out.extend(extra)
    return out


def zip_bytes(entries, stored=False):
    path = os.path.join(OUT, '.tmp.zip')
    with zipfile.ZipFile(path, 'w') as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=DATE)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8') if isinstance(data, str) else data)
    with open(path, 'rb') as f:
        data = f.read()
    os.remove(path)
    return data


def write(rel, data):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data.encode('utf-8') if isinstance(data, str) else data)


def central_records(data):
    """(offset of each central-directory record) of a small non-ZIP64 archive."""
    eocd = data.rindex(b'PK\x05\x06')
    count, size, start = struct.unpack_from('<HII', data, eocd + 10)
    out, pos = [], start
    for _ in range(count):
        out.append(pos)
        name_len, extra_len, comment_len = struct.unpack_from('<HHH', data, pos + 28)
        pos += 46 + name_len + extra_len + comment_len
    return out


def record_name(data, pos):
    name_len = struct.unpack_from('<H', data, pos + 28)[0]
    return data[pos + 46:pos + 46 + name_len].decode()


def zip_layer():
    good = zip_bytes(parts())
    write('zip/truncated_download.xlsx', good[:len(good) // 2])
    write('zip/not_a_zip.xlsx', b'<html><body>Session expired, please log in</body></html>\n')
    write('zip/password_protected_ole2.xlsx', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(2048))

    # A stored sheet with one byte changed: only the CRC can tell.
    stored = bytearray(zip_bytes(parts(), stored=True))
    at = stored.index(b'12 Hostile Way')
    stored[at] = ord('7')
    write('zip/bad_crc.xlsx', bytes(stored))

    # 60 MB of whitespace inside the sheet: compresses ~1000:1.
    write('zip/zip_bomb.xlsx', zip_bytes(parts(sheet(before=' ' * (60 << 20)))))

    # The "better zip bomb" shape: every central record of the archive points
    # at the sheet's local header, so the entries overlap.
    overlap = bytearray(zip_bytes(parts()))
    records = central_records(overlap)
    sheet_offset = next(struct.unpack_from('<I', overlap, r + 42)[0] for r in records
                        if record_name(overlap, r) == 'xl/worksheets/sheet1.xml')
    for r in records:
        if record_name(overlap, r) == '[Content_Types].xml':
            struct.pack_into('<I', overlap, r + 42, sheet_offset)
    write('zip/overlapping_entries.xlsx', bytes(overlap))

    write('zip/duplicate_entry_names.xlsx',
          zip_bytes(parts(extra=[('xl/worksheets/sheet1.xml', sheet(sheet_rows([['9 Other St', 'Miami']])))])))

    # Traditional PKWARE encryption flagged on every entry (bit 0).
    enc = bytearray(good)
    for r in central_records(enc):
        struct.pack_into('<H', enc, r + 8, struct.unpack_from('<H', enc, r + 8)[0] | 1)
        local = struct.unpack_from('<I', enc, r + 42)[0]
        struct.pack_into('<H', enc, local + 6, struct.unpack_from('<H', enc, local + 6)[0] | 1)
    write('zip/encrypted_entries.xlsx', bytes(enc))

    write('zip/entry_name_escapes.xlsx', zip_bytes(parts(extra=[('../../etc/cron.d/evil', 'x')])))

    # The sheet's central record says it inflates to 40 bytes more than it does.
    lying = bytearray(good)
    for r in central_records(lying):
        if record_name(lying, r) == 'xl/worksheets/sheet1.xml':
            struct.pack_into('<I', lying, r + 24, struct.unpack_from('<I', lying, r + 24)[0] + 40)
    write('zip/declared_size_lies.xlsx', bytes(lying))

    write('zip/thirty_thousand_entries.xlsx',
          zip_bytes(parts(extra=[(f'xl/media/pad{i}.bin', '') for i in range(30000)]), stored=True))


def xml_layer():
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + ''.join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
              + ']>')
    write('xml/billion_laughs_workbook.xlsx',
          zip_bytes(parts(workbook=laughs + f'<workbook xmlns="{NS}"><sheets/></workbook>')))
    write('xml/billion_laughs_sheet.xlsx', zip_bytes(parts(sheet(prolog=laughs))))
    external = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>')
    write('xml/external_entity_shared_strings.xlsx', zip_bytes(parts(shared=external)))
    deep = '<a>' * 200000 + '</a>' * 200000
    write('xml/deep_nesting_workbook.xlsx',
          zip_bytes(parts(workbook=f'<workbook xmlns="{NS}"><sheets/>{deep}</workbook>')))
    write('xml/deep_nesting_sheet.xlsx',
          zip_bytes(parts(sheet(sheet_rows() + '<row r="4"><c r="A4" t="inlineStr"><is>' + '<r>' * 200000
                                + '</r>' * 200000 + '</is></c></row>'))))
    bad_utf8 = (f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>caf\xc3</t></si></sst>')
    write('xml/invalid_utf8_shared_strings.xlsx',
          zip_bytes(parts(shared=bad_utf8.encode('latin-1'))))
    write('xml/invalid_utf8_sheet.xlsx',
          zip_bytes(parts(sheet(sheet_rows([['10 Caf\udcc3 Way', 'Jupiter']])).encode('utf-8', 'surrogateescape'))))
    shared = f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>Jupiter</t></si></sst>'
    out_of_range = sheet_rows() + '<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4" t="s"><v>99999</v></c></row>'
    write('xml/shared_string_index_out_of_range.xlsx', zip_bytes(parts(sheet(out_of_range), shared=shared)))
    write('xml/cell_beyond_xfd1048576.xlsx',
          zip_bytes(parts(sheet(sheet_rows() + '<row r="4"><c r="XFE4"><v>1</v></c></row>'))))
    write('xml/row_beyond_1048576.xlsx',
          zip_bytes(parts(sheet(sheet_rows() + '<row r="1048577"><c r="A1048577"><v>1</v></c></row>'))))
    write('xml/dimension_lies.xlsx', zip_bytes(parts(sheet(before='<dimension ref="A1:XFD1048576"/>'))))
    write('xml/merged_range_whole_sheet.xlsx',
          zip_bytes(parts(sheet(after='<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))))
    write('xml/huge_attribute_value.xlsx',
          zip_bytes(parts(sheet(sheet_rows().replace('<row r="2">', '<row r="2" x="' + 'y' * (8 << 20) + '">')))))
    write('xml/sheet_cut_mid_tag.xlsx', zip_bytes(parts(sheet()[:-40])))


def csv_layer():
    header = ','.join(HEADER) + '\n'
    body = ''.join(','.join(r) + '\n' for r in ROWS)
    write('csv/nul_bytes.csv', (header + body).encode() + b'14 Nul\x00 Way,Jupiter,FL,1,Flex\n')
    write('csv/unterminated_quote.csv', header + body + '"16 Open Quote Way,Jupiter,FL,1000,Flex\n')
    write('csv/ten_megabyte_line.csv', header + body + '18 Long Way,' + 'J' * (10 << 20) + ',FL,1,Flex\n')
    write('csv/utf16_without_bom.csv', (header + body).encode('utf-16-le'))
    write('csv/utf32_with_bom.csv', (header + body).encode('utf-32'))
    write('csv/binary_garbage.csv', bytes((i * 7919 + 13) % 256 for i in range(20000)))


OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
zip_layer()
xml_layer()
csv_layer()
