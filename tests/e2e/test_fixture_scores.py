#!/usr/bin/env python3
"""End-to-end: flexpipe's results on a real Palm Beach County export
(tests/data/pbc_flex_properties_611.csv) equal the independent reference
implementation of the specification (reference.py).

The file has its own `flex_score` column (the original system's score): it
maps to no canonical field, so it is a pass-through column, which the master
CSV renames `orig_flex_score` (it clashes with flexpipe's own flex_score).
Its `market_value` and `assessed_value` both map to total_value (the first
wins). Its sale dates are epoch milliseconds written as floats
("1423717200000.0").

    python3 test_fixture_scores.py --flexpipe BIN --data tests/data --work WORKDIR

Exit status 0 when every check passes; the last line says "N passed, M failed".
"""

import argparse
import datetime as dt
import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402
import reference as ref  # noqa: E402

AS_OF = "2025-06-30"
FIXTURE = "pbc_flex_properties_611.csv"

# (model, min-score, de-duplication, workers)
RUNS = [
    ("weighted", 0, True, 2),
    ("weighted", 4, True, 2),
    ("weighted", 0, False, 2),
    ("industrial", 0, True, 2),
    ("industrial", 4, True, 2),
    ("weighted", 0, True, 1),
]


def label_of(model, min_score, dedup, workers):
    return f"fixture-{model}-min{min_score}-{'dedup' if dedup else 'nodedup'}-w{workers}"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flexpipe", required=True, help="the flexpipe binary")
    parser.add_argument("--data", required=True, help="tests/data")
    parser.add_argument("--work", required=True, help="scratch folder (emptied first)")
    parser.add_argument("--max-shown", type=int, default=harness.MAX_SHOWN, help="mismatches shown per check")
    args = parser.parse_args(argv)

    binary = os.path.abspath(args.flexpipe)
    work = os.path.abspath(args.work)
    fixture = os.path.join(os.path.abspath(args.data), FIXTURE)
    if not os.path.isfile(fixture):
        harness.fatal(f"fixture not found: {fixture}")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    report = harness.Report(args.max_shown)
    harness.self_check(report)

    as_of = dt.date.fromisoformat(AS_OF)
    masters = {}
    for model, min_score, dedup, workers in RUNS:
        label = label_of(model, min_score, dedup, workers)
        out_dir = os.path.join(work, "out", label)
        os.makedirs(out_dir)
        expected = ref.run_reference([fixture], model, float(min_score), as_of, dedup)
        read = bool(expected.files) and expected.files[0][2] is None
        report.check(f"{label}: the reference reads the fixture", read, [str(expected.files)])
        report.check(f"{label}: the fixture's flex_score column is a pass-through renamed orig_flex_score",
                     "orig_flex_score" in expected.header, [str(expected.header)])

        command = harness.flexpipe_run_command(binary, [fixture], out_dir, model, min_score, workers, dedup,
                                               AS_OF)
        harness.print_command(command)
        status, output = harness.run(command, cwd=out_dir)
        report.check(f"{label}: exit status 0", status == 0,
                     [f"exit status {status}"] + output.splitlines()[-20:])
        master = os.path.join(out_dir, "master.csv")
        summary = os.path.join(out_dir, "summary.json")
        harness.compare_run(report, label, expected, master, summary)
        harness.check_failures(report, label, expected, summary, must_fail=())
        masters[label] = master

    one = masters[label_of("weighted", 0, True, 1)]
    two = masters[label_of("weighted", 0, True, 2)]
    same = harness.same_bytes(one, two)
    report.check("fixture: 1 and 2 workers give byte-identical master CSVs", same, [one, two])
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
