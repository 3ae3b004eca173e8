#!/usr/bin/env python3
"""End-to-end: reading a workbook takes memory for its shared strings, not for its rows.

Issue 3: "Peak memory for a 200,000-row workbook must stay a small multiple of
its shared-strings size, independent of row count."

1. `flexpipe generate --scenario large --rows 50000 --format xlsx` writes a
   50,000-row workbook (libxlsxwriter, shared strings: 9 MB of XML).
2. This test writes a second workbook from it: the same parts, the same
   sharedStrings.xml, but the worksheet's 50,000 data rows repeated four times
   (200,000 rows, renumbered).
3. flexpipe reads each with --min-score 10 and only the CSV/JSON outputs
   (candidates would grow with rows; this is about the reader), in its own
   process, and the peak resident set of each run comes from wait4().
Checks: every row was read; the 200,000-row run's peak is within 15 % + 8 MB of
the 50,000-row run's (rows cost nothing); and above the peak of a run over a
one-row CSV (the process's own baseline: code, libraries, threads) it stays
below 3x the size of sharedStrings.xml.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

import harness

# Under the sanitizers (make sanitize) the memory bounds are not checked (see main), so a tenth
# of the rows is enough to run the same reading paths.
ROWS = 5000 if os.environ.get("E2E_SANITIZED") == "1" else 50000
REPEAT = 4


# Runs argv[2:] and writes its peak RSS (kB) to argv[1]. A process started
# straight from this test would inherit the test's own high-water mark (Linux
# keeps it across fork and exec), so the measuring is done by a fresh, small
# interpreter.
MEASURE = """
import os, sys
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_rss_mb(command, cwd):
    """Runs `command`; returns (exit status, output, peak RSS in MB) of that process alone."""
    peak_file = os.path.join(cwd, "peak_kb")
    log_path = os.path.join(cwd, "run.log")
    with open(log_path, "wb") as log:
        status = subprocess.run([sys.executable, "-c", MEASURE, peak_file] + command, cwd=cwd, stdout=log,
                                stderr=subprocess.STDOUT).returncode
    with open(log_path, "rb") as log:
        output = log.read().decode("utf-8", "replace")
    with open(peak_file) as f:
        return status, output, int(f.read()) / 1024.0


def repeat_rows(source, target, times):
    """Writes `target`: `source` with its first worksheet's data rows repeated `times` times."""
    with zipfile.ZipFile(source) as zin:
        sheet_name = next(n for n in zin.namelist() if n.startswith("xl/worksheets/sheet"))
        sheet = zin.read(sheet_name)
        begin = sheet.index(b"<sheetData>") + len(b"<sheetData>")
        end = sheet.index(b"</sheetData>")
        rows = sheet[begin:end]
        header_end = rows.index(b"</row>") + len(b"</row>")
        header = rows[:header_end]
        data = [row + b"</row>" for row in rows[header_end:].split(b"</row>") if row.strip()]
        numbered = re.compile(rb'( r="[A-Z]*)[0-9]+"')
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
            for info in zin.infolist():
                if info.filename != sheet_name:
                    zout.writestr(info, zin.read(info.filename))
                    continue
                with zout.open(sheet_name, "w", force_zip64=True) as out:
                    out.write(re.sub(rb"<dimension[^>]*/>", b"", sheet[:begin]))
                    out.write(header)
                    number = 1
                    for _ in range(times):
                        for row in data:  # the same cells, renumbered (rows stay sparse, as written)
                            number += 1
                            out.write(numbered.sub(b'\\g<1>%d"' % number, row))
                    out.write(sheet[end:])
        return zin.getinfo("xl/sharedStrings.xml").file_size


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flexpipe", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args(argv)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    report = harness.Report()
    flexpipe = os.path.abspath(args.flexpipe)

    gen = os.path.join(work, "gen")
    status, output = harness.run([flexpipe, "generate", "--scenario", "large", "--rows", str(ROWS),
                                  "--format", "xlsx", "-o", gen], work)
    if not report.check(f"generate a {ROWS:,}-row workbook", status == 0, output.splitlines()):
        return report.finish()
    small = os.path.join(gen, os.listdir(gen)[0])
    big = os.path.join(work, "big", "repeated.xlsx")
    os.makedirs(os.path.dirname(big))
    sst_mb = repeat_rows(small, big, REPEAT) / 1e6
    tiny = os.path.join(work, "tiny", "one.csv")
    os.makedirs(os.path.dirname(tiny))
    with open(tiny, "w") as f:
        f.write("address,city,state,zoning\n1 Main St,Jupiter,FL,IL\n")

    peaks = {}
    for label, path, rows in (("baseline", tiny, 1), ("50k", small, ROWS), ("200k", big, ROWS * REPEAT)):
        out = os.path.join(work, "out-" + label)
        os.makedirs(out)
        summary = os.path.join(out, "summary.json")
        status, output, peak = peak_rss_mb(
            [flexpipe, "run", path, "-o", os.path.join(out, "master.xlsx"), "--report-file", summary,
             "--min-score", "10", "--no-xlsx", "--no-html", "--no-db", "--workers", "1", "-q"], out)
        if not report.check(f"run {label}", status == 0, output.splitlines()):
            return report.finish()
        with open(summary) as f:
            read = json.load(f)["rows"]["read"]
        report.check(f"{label}: every row read", read == rows, [f"rows.read {read}, expected {rows}"])
        peaks[label] = peak
        report.note(f"{label}: peak RSS {peak:.1f} MB")

    report.note(f"sharedStrings.xml {sst_mb:.1f} MB; 200k-row peak over baseline "
                f"{(peaks['200k'] - peaks['baseline']) / sst_mb:.2f}x its size")
    if os.environ.get("E2E_SANITIZED") == "1":
        # make sanitize: AddressSanitizer's redzones and its quarantine of freed memory (which
        # fills as more rows are read, up to 256 MB) are in the peak, so its size says nothing
        # about the reader. The runs above still read every row under the sanitizers.
        report.note("sanitizer build: the memory bounds are not checked")
        return report.finish()
    report.check("four times the rows, about the same peak memory",
                 peaks["200k"] <= peaks["50k"] * 1.15 + 8,
                 [f"50k rows {peaks['50k']:.1f} MB, 200k rows {peaks['200k']:.1f} MB"])
    report.check("peak memory a small multiple of the shared strings",
                 peaks["200k"] - peaks["baseline"] <= 3 * sst_mb,
                 [f"200k rows {peaks['200k']:.1f} MB, baseline {peaks['baseline']:.1f} MB, "
                  f"sharedStrings.xml {sst_mb:.1f} MB"])
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
