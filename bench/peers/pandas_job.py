#!/usr/bin/python3
"""The peer job of issue 7 in pandas (Debian's python3-pandas; openpyxl for .xlsx).

    /usr/bin/python3 bench/peers/pandas_job.py INPUT... --as-of YYYY-MM-DD [--min-score 4] -o MASTER.csv

The job, as someone would write it with pandas today: read every input (folders: their *.csv and
*.xlsx files, in sorted path order), map the headers onto the canonical fields of
shared/spec/fields.md (docs/fields.md), parse the values that the score needs, score every row with
the `weighted` model of scoring.md, keep score >= min score, de-duplicate on the address key
(highest score wins, the first in input order on a tie), rank (score descending, ties in input
order) and write a master CSV.

Vectorised where pandas can be (string methods, numpy arithmetic in the order scoring.md writes
it); two things are per-value Python because pandas has no exact equivalent: rounding (Python's
round(x, 2), which scoring.md prescribes; numpy's round is not the same) and the parsing of the few
date spellings that are not ISO.

The master CSV: the canonical fields present (as written, trimmed), flex_score,
classification, the six component scores, flags, source_file, source_row; scores with two decimals.
scripts/bench compares its ranked rows with flexpipe's.
"""

import argparse
import datetime as dt
import os
import re
import sys

import numpy as np
import pandas as pd

# fields.md: canonical fields in output order, their kind, their aliases (normalised).
FIELDS = [
    ("parcel_id", "text", "parcel id|parcel|apn|property id|folio|pcn|parcel number|account number"),
    ("address", "text", "site address|address|property address|street address|situs address|location address"),
    ("unit", "text", "unit|suite"),
    ("city", "text", "city|municipality|site city|property city"),
    ("state", "text", "state|st|site state"),
    ("zip", "text", "zip code|zip|postal code|site zip"),
    ("county", "text", "county|county name"),
    ("property_type", "text", "property type|property use|type|use description|land use|property use code detail"),
    ("zoning", "text", "zoning|zone|zoning code"),
    ("acres", "number", "acres|lot size acres|land acres|lot acres|acreage"),
    ("lot_sqft", "number", "lot size sqft|lot sqft|land sqft"),
    ("building_sqft", "number",
     "building sqft|building sq ft|bldg sqft|square feet|sqft|total sqft|living area|gross building area"),
    ("office_sqft", "number", "office sqft|subarea office sqft|office area"),
    ("warehouse_sqft", "number", "warehouse sqft|subarea warehouse sqft|warehouse area"),
    ("ceiling_height", "number", "ceiling height|clear height"),
    ("loading_docks", "number", "loading docks|dock doors|docks"),
    ("overhead_doors", "number", "overhead doors|grade level doors|drive in doors"),
    ("year_built", "number", "year built|built year|yr built|actual year built|effective year built"),
    ("occupancy", "percent", "occupancy|occupancy rate|occupied|percent leased"),
    ("improvement_value", "number", "improvement value|building value|improvements|improvement market value"),
    ("land_value", "number", "land value|land market value|assessed land value"),
    ("total_value", "number", "total parcel value|total market value|market value|just market value|assessed value"),
    ("sale_date", "date", "sale date|last sale date|sold date|recording date"),
    ("sale_price", "number", "sold price|sale price|last sale price"),
    ("owner_name", "text", "owner name|owner|owner 1"),
    ("near_highway", "bool", "near highway|highway access"),
    ("latitude", "number", "latitude|lat"),
    ("longitude", "number", "longitude|lon|lng|long"),
]
ALIAS = {}
for _name, _kind, _aliases in FIELDS:
    for _alias in _aliases.split("|"):
        ALIAS[_alias] = _name
    ALIAS.setdefault(_name.replace("_", " "), _name)
KIND = {name: kind for name, kind, _ in FIELDS}
MISSING = ["", "n/a", "-", "null", "#n/a"]
NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
COMPONENTS = ["zoning_score", "size_score", "building_score", "location_score", "activity_score", "value_score"]
WEIGHTS = [3.0, 2.0, 2.5, 1.5, 1.0, 1.0]
# The fields the weighted model reads as values (the others are output as text).
SCORED = {"acres", "lot_sqft", "building_sqft", "office_sqft", "warehouse_sqft", "ceiling_height", "loading_docks",
          "overhead_doors", "improvement_value", "land_value", "sale_date", "near_highway"}
ABBREVIATIONS = {"street": "st", "avenue": "ave", "boulevard": "blvd", "drive": "dr", "road": "rd", "lane": "ln",
                 "court": "ct", "place": "pl", "circle": "cir", "parkway": "pkwy", "north": "n", "south": "s",
                 "east": "e", "west": "w"}
WORDS = r"\b(" + "|".join(ABBREVIATIONS) + r")\b"


def normalize_header(header):
    return re.sub(r"[^a-z0-9]+", " ", str(header).lower()).strip()


def discover(inputs):
    found = []
    for given in inputs:
        if os.path.isdir(given):
            for name in os.listdir(given):
                full = os.path.join(given, name)
                if not name.startswith((".", "~$")) and os.path.isfile(full) and \
                        re.fullmatch(r".*\.(xlsx|csv)", name, re.IGNORECASE):
                    found.append(full)
        else:
            found.append(given)
    return sorted(set(found))


def read_file(path):
    """Every cell as text; `source_row` = the record's number in the file (header = 1)."""
    if path.lower().endswith(".xlsx"):
        frame = pd.read_excel(path, dtype=str, engine="openpyxl").fillna("")
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig",
                            skip_blank_lines=False)
    frame["source_row"] = np.arange(2, len(frame) + 2)
    columns = {}
    for header in frame.columns[:-1]:
        field = ALIAS.get(normalize_header(header))
        if field is not None and field not in columns.values():
            columns[header] = field
    if "address" not in columns.values() or "city" not in columns.values():
        raise SystemExit(f"pandas_job: {path}: no address and city columns")
    frame = frame[list(columns) + ["source_row"]].rename(columns=columns)
    blank = frame.drop(columns="source_row").apply(lambda c: c.str.strip() == "").all(axis=1)
    frame = frame[~blank]
    frame["source_file"] = path
    frame["acres_present"] = "acres" in columns.values()
    return frame


def parse_number(text, percent=False):
    t = text.str.strip()
    missing = t.str.lower().isin(MISSING)
    negative = t.str.startswith("(") & t.str.endswith(")") & (t.str.len() >= 2)
    t = t.where(~negative, t.str[1:-1])
    t = t.str.replace("$", "", regex=False).str.replace(",", "", regex=False).str.strip()
    if percent:
        t = t.where(~t.str.endswith("%"), t.str[:-1].str.strip())
    ok = t.str.fullmatch(NUMBER) & ~missing
    value = pd.Series(np.nan, index=text.index)
    value[ok] = t[ok].astype("float64")  # Python's float(): correctly rounded
    return value.where(~negative, -value)


MONTHS = {m.lower(): i + 1 for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July",
                                                  "August", "September", "October", "November", "December"])}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"


def make_day(year, month, day):
    try:
        return dt.date(year, month, day).toordinal()
    except ValueError:
        return np.nan


def parse_other_date(t):
    """The date spellings other than ISO and epoch milliseconds, one value at a time."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})" + TIME, t)
    if m:
        year = int(m.group(3))
        if len(m.group(3)) == 2:
            year += 2000 if year < 69 else 1900
        return make_day(year, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"([A-Za-z]+)\.? (\d{1,2}), (\d{4})" + TIME, t)
    if m and m.group(1).lower() in MONTHS:
        return make_day(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    m = re.fullmatch(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})" + TIME, t)
    if m and m.group(2).lower() in MONTHS:
        return make_day(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    return np.nan


def parse_date(text):
    """Proleptic Gregorian day numbers (date.toordinal()), NaN when missing or unparsable."""
    t = text.str.strip()
    day = pd.Series(np.nan, index=text.index)
    epoch = t.str.extract(r"^(-?\d{11,13})(?:\.0*)?$")[0]
    is_epoch = epoch.notna()
    day[is_epoch] = (epoch[is_epoch].astype("int64") // 86_400_000) + dt.date(1970, 1, 1).toordinal()
    iso = t.str.extract(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + TIME + "$")
    is_iso = iso[0].notna()
    if is_iso.any():
        stamp = pd.to_datetime(iso[0][is_iso] + "-" + iso[1][is_iso] + "-" + iso[2][is_iso], format="%Y-%m-%d",
                               errors="coerce")
        day[is_iso] = (stamp - pd.Timestamp("1970-01-01")).dt.days + dt.date(1970, 1, 1).toordinal()
        # Years outside pandas' Timestamp range (1677-2262) come out NaT; take them one by one.
        out_of_range = is_iso & day.isna()
        day[out_of_range] = [make_day(int(y), int(m), int(d)) for y, m, d in iso[out_of_range].values]
    rest = ~is_epoch & ~is_iso & ~t.str.lower().isin(MISSING)
    if rest.any():
        day[rest] = [parse_other_date(v) for v in t[rest]]
    return day


def parse_bool(text):
    t = text.str.strip().str.lower()
    return t.isin(["true", "yes", "y", "1"])


def python_round2(values):
    return np.array([round(x, 2) for x in values.tolist()], dtype="float64")


def score(frame, as_of):
    def text(field):
        return frame[field].str.strip() if field in frame else pd.Series("", index=frame.index)

    def num(field):
        return frame["_" + field].fillna(0.0).to_numpy() if "_" + field in frame else np.zeros(len(frame))

    # 1. zoning
    z = text("zoning").str.upper()
    zoning = np.select([z.isin(["IL", "IP", "PIPD", "M-1"]), z.isin(["IG", "IND", "M-2"]),
                        z.isin(["MUPD", "MXPD", "AGR/IND"]), z.isin(["CG", "CH", "CS"])], [10.0, 8.0, 6.0, 4.0], 0.0)
    # 2. size
    a = num("acres")
    with np.errstate(divide="ignore", invalid="ignore"):
        size = np.select([a <= 0, a < 0.5, a > 20, a == 2.5, (0.5 <= a) & (a < 2.5)],
                         [0.0, 2.0, 3.0, 10.0, 5 + ((a - 0.5) / (2.5 - 0.5)) * 5],
                         5 + ((20 - a) / (20 - 2.5)) * 5)
    # 3. building
    b, office, warehouse, ceiling = num("building_sqft"), num("office_sqft"), num("warehouse_sqft"), num("ceiling_height")
    doors = num("loading_docks") + num("overhead_doors")
    improvement, land = num("improvement_value"), num("land_value")
    has_building = (b > 0) | (office > 0) | (warehouse > 0) | (ceiling > 0) | (doors > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = office / (office + warehouse)
    s = np.full(len(frame), 5.0)
    mid = (5000 <= b) & (b <= 100000)
    s += np.where(mid, 2, 0) + np.where(mid & (15000 <= b) & (b <= 35000), 1, 0)
    s += np.where((ceiling > 0) & (14 <= ceiling) & (ceiling <= 24), 2, 0)
    s += np.where(doors >= 1, 1, 0)
    s += np.where((office > 0) & (warehouse > 0) & (0.15 <= share) & (share <= 0.50), 2, 0)
    building = np.where(has_building, np.minimum(s, 10.0), np.where(improvement > 100000, 3.0, 0.0))
    # 4. location
    c = text("city").str.upper()
    prime = c.str.contains("BOCA RATON|DELRAY BEACH|BOYNTON BEACH|WEST PALM BEACH", regex=True).to_numpy()
    good = c.str.contains("LAKE WORTH|RIVIERA BEACH|JUPITER|WELLINGTON", regex=True).to_numpy()
    highway = frame["_near_highway"].to_numpy() if "_near_highway" in frame else np.zeros(len(frame), bool)
    location = np.minimum(5.0 + np.where(prime, 3, np.where(good, 2, 0)) + np.where(highway, 2, 0), 10.0)
    # 5. activity
    recent = (frame["_sale_date"] >= as_of.toordinal() - 730).to_numpy() if "_sale_date" in frame \
        else np.zeros(len(frame), bool)
    activity = np.minimum(5.0 + np.where(recent, 1, 0), 10.0)
    # 6. value
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = improvement / land
        per_sqft = improvement / b
    v = np.full(len(frame), 5.0)
    v += np.where(land > 0, np.where(ratio > 1.5, 2, np.where(ratio > 0.5, 1, 0)), 0)
    v += np.where((500000 <= improvement) & (improvement <= 5000000), 2,
                  np.where((250000 <= improvement) & (improvement < 500000), 1, 0))
    v += np.where((b > 0) & (improvement > 0) & (50 <= per_sqft) & (per_sqft <= 150), 1, 0)
    value = np.minimum(v, 10.0)

    components = [zoning, size, building, location, activity, value]
    total = np.zeros(len(frame))
    for component, weight in zip(components, WEIGHTS):
        total = total + component * weight
    weight_sum = 0.0
    for weight in WEIGHTS:
        weight_sum = weight_sum + weight
    final = total / weight_sum
    high = (zoning >= 8) & (size >= 7)
    ideal = building >= 8
    final = np.where(high, final + 0.5, final)
    final = np.where(ideal, final + 0.3, final)
    final = np.minimum(final, 10.0)
    for name, component in zip(COMPONENTS, components):
        frame[name] = component
    frame["flags"] = np.select([high & ideal, high, ideal], ["HIGH_POTENTIAL;IDEAL_BUILDING", "HIGH_POTENTIAL",
                                                            "IDEAL_BUILDING"], "")
    frame["flex_score"] = python_round2(final)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--min-score", type=float, default=4.0)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    as_of = dt.date.fromisoformat(args.as_of)

    frames = [read_file(path) for path in discover(args.inputs)]
    for order, f in enumerate(frames):
        f["file_order"] = order
    frame = pd.concat(frames, ignore_index=True)
    present = [name for name, _, _ in FIELDS if name in frame]
    frame = frame.fillna("")  # columns a file lacks

    for field in present:
        kind = KIND[field]
        if field not in SCORED:
            continue
        if kind in ("number", "percent"):
            frame["_" + field] = parse_number(frame[field], percent=kind == "percent")
        elif kind == "date":
            frame["_" + field] = parse_date(frame[field])
        elif kind == "bool":
            frame["_" + field] = parse_bool(frame[field])
    if "_lot_sqft" in frame:  # fields.md: acres = lot_sqft / 43560 in a file without an acres column
        derived = frame["_lot_sqft"] / 43560
        frame["_acres"] = derived.where(~frame["acres_present"], frame["_acres"]) if "_acres" in frame else derived
    score(frame, as_of)

    candidates = frame[frame["flex_score"] >= args.min_score].copy()
    candidates.sort_values(["flex_score", "file_order", "source_row"], ascending=[False, True, True],
                           kind="stable", inplace=True)

    def key_part(field):
        if field not in candidates:
            return pd.Series("", index=candidates.index)
        return candidates[field].str.strip(" \t\r\n\f\v").str.lower().str.replace(r"[ \t\r\n\f\v]+", " ", regex=True)

    address = key_part("address").str.replace(WORDS, lambda m: ABBREVIATIONS[m.group(1)], regex=True)
    address = address.str.replace(r"[.,#]", "", regex=True)
    key = address + "|" + key_part("city") + "|" + key_part("state")
    empty = key == "||"
    kept = candidates[empty | ~key.duplicated(keep="first") & ~empty]

    out = pd.DataFrame(index=kept.index)
    for field in present:
        out[field] = kept[field].str.strip()
    out["flex_score"] = kept["flex_score"].map("{:.2f}".format)
    out["classification"] = np.select([kept["flex_score"] >= 8, kept["flex_score"] >= 6, kept["flex_score"] >= 4,
                                       kept["flex_score"] >= 2],
                                      ["PRIME_FLEX", "GOOD_FLEX", "POTENTIAL_FLEX", "POSSIBLE_FLEX"], "UNLIKELY_FLEX")
    for name in COMPONENTS:
        out[name] = kept[name].map("{:.2f}".format)
    out["flags"] = kept["flags"]
    out["source_file"] = kept["source_file"]
    out["source_row"] = kept["source_row"]
    out.to_csv(args.output, index=False, lineterminator="\n")
    print(f"pandas_job: {len(frame)} rows, {len(candidates)} candidates, {len(kept)} unique", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
