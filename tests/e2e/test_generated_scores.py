#!/usr/bin/env python3
"""End-to-end: flexpipe's results on generated exports equal an independent
reference implementation of the specification (reference.py).

Generates the `mixed` scenario (4 good exports of 2,000 rows in the three
header styles, 2 heavily duplicated ones, and one file of each bad kind),
runs flexpipe with both models, min-score 0 and 4, with and without
de-duplication, and compares, row by row, the master CSV (rows, order,
scores, classification, flags, component scores, field values, pass-through
values) and the JSON summary's counts with the reference. Also checks that
1 and 2 workers give byte-identical master CSVs.

    python3 test_generated_scores.py --flexpipe BIN --data tests/data --work WORKDIR

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
ROWS = 2000
FILES = 4
SEED = 7

# (model, min-score, de-duplication, workers)
RUNS = [
    ("weighted", 0, True, 2),
    ("weighted", 4, True, 2),
    ("weighted", 4, False, 2),
    ("industrial", 0, True, 2),
    ("industrial", 4, True, 2),
    ("industrial", 0, False, 2),
    ("weighted", 4, True, 1),
    ("industrial", 0, True, 1),
]


def label_of(model, min_score, dedup, workers):
    return f"{model}-min{min_score}-{'dedup' if dedup else 'nodedup'}-w{workers}"


def expected_failures(in_dir):
    """By scenario name: the files that must fail, and those that may (empty ones)."""
    must, may = set(), set()
    for name in os.listdir(in_dir):
        path = os.path.join(in_dir, name)
        if name.startswith(("missing-columns_", "corrupted_")):
            must.add(path)
        elif name.startswith("empty_"):
            may.add(path)
    return must, may


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flexpipe", required=True, help="the flexpipe binary")
    parser.add_argument("--data", help="tests/data (unused here)")
    parser.add_argument("--work", required=True, help="scratch folder (emptied first)")
    parser.add_argument("--max-shown", type=int, default=harness.MAX_SHOWN, help="mismatches shown per check")
    args = parser.parse_args(argv)

    binary = os.path.abspath(args.flexpipe)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    in_dir = os.path.join(work, "in")
    report = harness.Report(args.max_shown)
    harness.self_check(report)

    command = [binary, "generate", "--scenario", "mixed", "--rows", str(ROWS), "--files", str(FILES),
               "--seed", str(SEED), "--out", in_dir]
    harness.print_command(command)
    status, output = harness.run(command, cwd=work)
    if status != 0 or not os.path.isdir(in_dir) or not os.listdir(in_dir):
        harness.fatal(f"flexpipe generate exited with status {status} and wrote "
                      f"{len(os.listdir(in_dir)) if os.path.isdir(in_dir) else 'no'} files in {in_dir}:\n{output}")

    must_fail, may_fail = expected_failures(in_dir)
    as_of = dt.date.fromisoformat(AS_OF)
    masters = {}
    for model, min_score, dedup, workers in RUNS:
        label = label_of(model, min_score, dedup, workers)
        out_dir = os.path.join(work, "out", label)
        os.makedirs(out_dir)
        expected = ref.run_reference([in_dir], model, float(min_score), as_of, dedup)
        reference_failures = {path for path, _, failure in expected.files if failure}
        report.check(f"{label}: the reference fails exactly the files named to fail",
                     reference_failures == must_fail,
                     [f"reference: {sorted(map(os.path.basename, reference_failures))}",
                      f"by name:   {sorted(map(os.path.basename, must_fail))}"])

        command = harness.flexpipe_run_command(binary, [in_dir], out_dir, model, min_score, workers, dedup,
                                               AS_OF)
        harness.print_command(command)
        status, output = harness.run(command, cwd=out_dir)
        report.check(f"{label}: exit status 1 (the run completed; some files failed)", status == 1,
                     [f"exit status {status}"] + output.splitlines()[-20:])
        master = os.path.join(out_dir, "master.csv")
        summary = os.path.join(out_dir, "summary.json")
        harness.compare_run(report, label, expected, master, summary)
        harness.check_failures(report, label, expected, summary, must_fail, may_fail)
        masters[label] = master

    for model, min_score, dedup, workers in RUNS:
        if workers == 1:
            one = masters[label_of(model, min_score, dedup, 1)]
            two = masters[label_of(model, min_score, dedup, 2)]
            same = harness.same_bytes(one, two)
            report.check(f"{model}-min{min_score}: 1 and 2 workers give byte-identical master CSVs", same,
                         [f"{one}", f"{two}"])
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
