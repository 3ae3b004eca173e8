// The peer job of issue 7 in DuckDB (npm @duckdb/node-api), as one SQL statement.
//
//   node bench/peers/duckdb_job.mjs INPUT... --as-of YYYY-MM-DD [--min-score 4] -o MASTER.csv
//
// @duckdb/node-api is loaded from the npm prefix in $DUCKDB_NODE_PREFIX (scripts/bench installs it
// into <build>/peers-node with `npm install --prefix`), else as usual from beside this file.
//
// JavaScript does only what SQL cannot: it lists the input files (folders: their *.csv files, in
// sorted path order), reads each file's header (DESCRIBE) and maps it onto the canonical fields of
// fields.md. Everything else is one `COPY (WITH … SELECT …) TO` statement: read every file
// (read_csv, every cell as text), parse the values the score needs (fields.md: numbers and money
// with $ , ( ) and the missing spellings; dates ISO, US, "March 14, 2025", "14-Mar-2025", epoch
// milliseconds; booleans), score with the `weighted` model of scoring.md (doubles, in the order
// the specification writes them; printf('%.2f') rounds as Python's round(x, 2) does: from the exact
// binary value, ties to even), keep score >= min score, de-duplicate on the address key (highest
// score, then the first in input order), rank (score descending, ties in input order) and write the
// master CSV: the canonical fields present (trimmed text), flex_score, classification, the six
// component scores, flags, source_file, source_row.
//
// source_row is the record's number with the header as 1: row_number() OVER () over the CSV scan,
// which DuckDB computes in scan order (insertion order is preserved by default).
//
// XLSX: DuckDB reads workbooks only through its `excel` extension, which is not an npm package:
// DuckDB downloads it at run time from its own extension repository. The job uses it when it is
// already installed (LOAD, no download) and otherwise exits with status 3 and says why.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const prefix = process.env.DUCKDB_NODE_PREFIX;
const { DuckDBInstance } = createRequire(prefix ? path.join(path.resolve(prefix), 'package.json') : import.meta.url)(
  '@duckdb/node-api');

const FIELDS = [
  ['parcel_id', 'parcel id|parcel|apn|property id|folio|pcn|parcel number|account number'],
  ['address', 'site address|address|property address|street address|situs address|location address'],
  ['unit', 'unit|suite'],
  ['city', 'city|municipality|site city|property city'],
  ['state', 'state|st|site state'],
  ['zip', 'zip code|zip|postal code|site zip'],
  ['county', 'county|county name'],
  ['property_type', 'property type|property use|type|use description|land use|property use code detail'],
  ['zoning', 'zoning|zone|zoning code'],
  ['acres', 'acres|lot size acres|land acres|lot acres|acreage'],
  ['lot_sqft', 'lot size sqft|lot sqft|land sqft'],
  ['building_sqft', 'building sqft|building sq ft|bldg sqft|square feet|sqft|total sqft|living area|gross building area'],
  ['office_sqft', 'office sqft|subarea office sqft|office area'],
  ['warehouse_sqft', 'warehouse sqft|subarea warehouse sqft|warehouse area'],
  ['ceiling_height', 'ceiling height|clear height'],
  ['loading_docks', 'loading docks|dock doors|docks'],
  ['overhead_doors', 'overhead doors|grade level doors|drive in doors'],
  ['year_built', 'year built|built year|yr built|actual year built|effective year built'],
  ['occupancy', 'occupancy|occupancy rate|occupied|percent leased'],
  ['improvement_value', 'improvement value|building value|improvements|improvement market value'],
  ['land_value', 'land value|land market value|assessed land value'],
  ['total_value', 'total parcel value|total market value|market value|just market value|assessed value'],
  ['sale_date', 'sale date|last sale date|sold date|recording date'],
  ['sale_price', 'sold price|sale price|last sale price'],
  ['owner_name', 'owner name|owner|owner 1'],
  ['near_highway', 'near highway|highway access'],
  ['latitude', 'latitude|lat'],
  ['longitude', 'longitude|lon|lng|long'],
];
const ALIAS = new Map();
for (const [name, aliases] of FIELDS) for (const a of aliases.split('|')) ALIAS.set(a, name);
for (const [name] of FIELDS) if (!ALIAS.has(name.replaceAll('_', ' '))) ALIAS.set(name.replaceAll('_', ' '), name);
// The numbers the weighted model reads.
const NUMBERS = ['acres', 'lot_sqft', 'building_sqft', 'office_sqft', 'warehouse_sqft', 'ceiling_height',
  'loading_docks', 'overhead_doors', 'improvement_value', 'land_value'];
const ABBREVIATIONS = { street: 'st', avenue: 'ave', boulevard: 'blvd', drive: 'dr', road: 'rd', lane: 'ln',
  court: 'ct', place: 'pl', circle: 'cir', parkway: 'pkwy', north: 'n', south: 's', east: 'e', west: 'w' };

function usage(message) {
  console.error(`duckdb_job: ${message}\nusage: node duckdb_job.mjs INPUT... --as-of YYYY-MM-DD [--min-score X] -o MASTER.csv`);
  process.exit(2);
}

const inputs = [];
let asOf = null;
let minScore = 4.0;
let output = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  if (argv[i] === '--as-of') asOf = argv[++i];
  else if (argv[i] === '--min-score') minScore = Number(argv[++i]);
  else if (argv[i] === '-o' || argv[i] === '--output') output = argv[++i];
  else if (argv[i].startsWith('-')) usage(`unknown option ${argv[i]}`);
  else inputs.push(argv[i]);
}
if (!inputs.length || !output || !/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '') || !Number.isFinite(minScore)) usage('bad arguments');

const files = [];
for (const given of inputs) {
  if (fs.statSync(given).isDirectory()) {
    for (const name of fs.readdirSync(given)) {
      const full = path.join(given, name);
      if (!name.startsWith('.') && !name.startsWith('~$') && /\.(csv|xlsx)$/i.test(name) && fs.statSync(full).isFile()) files.push(full);
    }
  } else {
    files.push(given);
  }
}
files.sort();
const sqlString = (s) => `'${String(s).replaceAll("'", "''")}'`;
const ident = (s) => `"${String(s).replaceAll('"', '""')}"`;
const normalizeHeader = (h) => h.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();

if (files.some((f) => /\.xlsx$/i.test(f))) {
  try {
    await con.run('LOAD excel');
  } catch (e) {
    console.error('duckdb_job: cannot read XLSX: DuckDB reads workbooks only through its "excel" extension, which ' +
      'is not installed and is not an npm package (DuckDB downloads it at run time from its own extension ' +
      `repository) — ${e.message.split('\n')[0]}`);
    process.exit(3);
  }
}

const reader = (file) => /\.xlsx$/i.test(file)
  ? `read_xlsx(${sqlString(file)}, header = true, all_varchar = true)`
  : `read_csv(${sqlString(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;

// Per file: its canonical fields -> source column.
const mapped = [];
const present = new Set();
for (const file of files) {
  const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${reader(file)}`);
  const columns = described.getRowObjectsJson().map((r) => String(r.column_name));
  const map = new Map();
  for (const c of columns) {
    const field = ALIAS.get(normalizeHeader(c));
    if (field && !map.has(field)) map.set(field, c);
  }
  if (!map.has('address') || !map.has('city')) {
    console.error(`duckdb_job: ${file}: no address and city columns`);
    process.exit(1);
  }
  for (const f of map.keys()) present.add(f);
  mapped.push({ file, map, columns });
}
if (!present.has('acres') && present.has('lot_sqft')) present.add('acres');
const fields = FIELDS.map(([name]) => name).filter((n) => present.has(n));

// One SELECT per file, every canonical field as trimmed text ('' when the file lacks it).
const perFile = mapped.map(({ file, map, columns }, order) => {
  const cells = FIELDS.map(([name]) => (map.has(name) ? `coalesce(${ident(map.get(name))}, '')` : "''") + ` AS ${name}`);
  const blank = columns.map((c) => `trim(coalesce(${ident(c)}, '')) = ''`).join(' AND ');
  return `SELECT ${order} AS file_order, ${sqlString(file)} AS source_file, source_row, ${map.has('acres')} AS acres_present,
      ${cells.join(', ')}
    FROM (SELECT *, row_number() OVER () + 1 AS source_row FROM ${reader(file)}) WHERE NOT (${blank})`;
});

const MISSING = `('', 'n/a', '-', 'null', '#n/a')`;
const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const MONTHS = `['january','february','march','april','may','june','july','august','september','october','november','december']`;
const MON = `['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec']`;
const d = (x) => `${x}::DOUBLE`;
const dateOf = (y, m, day) => `try_cast(${y} || '-' || lpad(${m}, 2, '0') || '-' || lpad(${day}, 2, '0') AS DATE)`;
const monthOf = (name) => `coalesce(list_position(${MONTHS}, lower(${name})), list_position(${MON}, lower(${name})))::VARCHAR`;
const keyPart = (x) => `trim(regexp_replace(lower(${x}), '[ \\t\\r\\n\\f\\v]+', ' ', 'g'), ' ')`;
let addressKey = keyPart('address');
for (const [word, abbreviation] of Object.entries(ABBREVIATIONS)) {
  addressKey = `regexp_replace(${addressKey}, '\\b${word}\\b', '${abbreviation}', 'g')`;
}
addressKey = `regexp_replace(${addressKey}, '[.,#]', '', 'g')`;
// fields.md: acres = lot_sqft / 43560 in a file with lot_sqft and no acres column.
const acres = `CASE WHEN acres_present THEN acres_v ELSE lot_sqft_v / ${d(43560)} END`;

const sql = `COPY (
WITH src AS (
  ${perFile.join('\n  UNION ALL\n  ')}
),
t AS (
  SELECT *,
    ${NUMBERS.map((f) => `trim(${f}) AS ${f}_t`).join(', ')},
    trim(sale_date) AS sale_t
  FROM src
),
c AS (
  SELECT *,
    ${NUMBERS.map((f) => `(length(${f}_t) >= 2 AND starts_with(${f}_t, '(') AND ends_with(${f}_t, ')')) AS ${f}_neg`).join(',\n    ')},
    ${NUMBERS.map((f) => `trim(replace(replace(CASE WHEN length(${f}_t) >= 2 AND starts_with(${f}_t, '(') AND ends_with(${f}_t, ')') THEN substring(${f}_t, 2, length(${f}_t) - 2) ELSE ${f}_t END, '$', ''), ',', '')) AS ${f}_c`).join(',\n    ')},
    regexp_extract(sale_t, '^(-?\\d{11,13})(?:\\.0*)?$', 1) AS sale_epoch,
    regexp_extract(sale_t, '^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$', ['y', 'm', 'd']) AS sale_iso,
    regexp_extract(sale_t, '^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})${TIME}$', ['m', 'd', 'y']) AS sale_us,
    regexp_extract(sale_t, '^([A-Za-z]+)\\.? (\\d{1,2}), (\\d{4})${TIME}$', ['mon', 'd', 'y']) AS sale_long,
    regexp_extract(sale_t, '^(\\d{1,2})-([A-Za-z]{3})-(\\d{4})${TIME}$', ['d', 'mon', 'y']) AS sale_dmy
  FROM t
),
v AS (
  SELECT *,
    ${NUMBERS.map((f) => `CASE WHEN lower(${f}_t) IN ${MISSING} THEN NULL WHEN regexp_full_match(${f}_c, '${NUMBER}') THEN CASE WHEN ${f}_neg THEN -(${f}_c::DOUBLE) ELSE ${f}_c::DOUBLE END END AS ${f}_v`).join(',\n    ')},
    CASE
      WHEN sale_epoch <> '' THEN DATE '1970-01-01' + CAST(floor(try_cast(sale_epoch AS BIGINT) / ${d(86400000)}) AS INTEGER)
      WHEN sale_iso.y <> '' THEN ${dateOf('sale_iso.y', 'sale_iso.m', 'sale_iso.d')}
      WHEN sale_us.y <> '' THEN ${dateOf(`CASE WHEN length(sale_us.y) = 2 THEN (try_cast(sale_us.y AS INTEGER) + CASE WHEN try_cast(sale_us.y AS INTEGER) < 69 THEN 2000 ELSE 1900 END)::VARCHAR ELSE sale_us.y END`, 'sale_us.m', 'sale_us.d')}
      WHEN sale_long.y <> '' THEN ${dateOf('sale_long.y', monthOf('sale_long.mon'), 'sale_long.d')}
      WHEN sale_dmy.y <> '' THEN ${dateOf('sale_dmy.y', monthOf('sale_dmy.mon'), 'sale_dmy.d')}
    END AS sale_v,
    lower(trim(near_highway)) IN ('true', 'yes', 'y', '1') AS highway_v,
    upper(trim(zoning)) AS zoning_v,
    upper(trim(city)) AS city_v
  FROM c
),
n AS (
  SELECT *,
    coalesce(${acres}, 0) AS a,
    coalesce(building_sqft_v, 0) AS b,
    coalesce(office_sqft_v, 0) AS office,
    coalesce(warehouse_sqft_v, 0) AS warehouse,
    coalesce(ceiling_height_v, 0) AS ceiling,
    coalesce(loading_docks_v, 0) + coalesce(overhead_doors_v, 0) AS doors,
    coalesce(improvement_value_v, 0) AS imp,
    coalesce(land_value_v, 0) AS land
  FROM v
),
s AS (
  SELECT *,
    CASE WHEN zoning_v IN ('IL', 'IP', 'PIPD', 'M-1') THEN ${d(10)} WHEN zoning_v IN ('IG', 'IND', 'M-2') THEN ${d(8)}
         WHEN zoning_v IN ('MUPD', 'MXPD', 'AGR/IND') THEN ${d(6)} WHEN zoning_v IN ('CG', 'CH', 'CS') THEN ${d(4)}
         ELSE ${d(0)} END AS zoning_score,
    CASE WHEN a <= 0 THEN ${d(0)} WHEN a < ${d(0.5)} THEN ${d(2)} WHEN a > 20 THEN ${d(3)} WHEN a = ${d(2.5)} THEN ${d(10)}
         WHEN a >= ${d(0.5)} AND a < ${d(2.5)} THEN ${d(5)} + ((a - ${d(0.5)}) / (${d(2.5)} - ${d(0.5)})) * ${d(5)}
         ELSE ${d(5)} + ((${d(20)} - a) / (${d(20)} - ${d(2.5)})) * ${d(5)} END AS size_score,
    CASE WHEN NOT (b > 0 OR office > 0 OR warehouse > 0 OR ceiling > 0 OR doors > 0)
         THEN CASE WHEN imp > 100000 THEN ${d(3)} ELSE ${d(0)} END
         ELSE least(${d(5)}
           + CASE WHEN b >= 5000 AND b <= 100000 THEN 2 + CASE WHEN b >= 15000 AND b <= 35000 THEN 1 ELSE 0 END ELSE 0 END
           + CASE WHEN ceiling > 0 AND ceiling >= 14 AND ceiling <= 24 THEN 2 ELSE 0 END
           + CASE WHEN doors >= 1 THEN 1 ELSE 0 END
           + CASE WHEN office > 0 AND warehouse > 0 AND office / (office + warehouse) >= ${d(0.15)}
                       AND office / (office + warehouse) <= ${d(0.5)} THEN 2 ELSE 0 END, ${d(10)}) END AS building_score,
    least(${d(5)}
      + CASE WHEN regexp_matches(city_v, 'BOCA RATON|DELRAY BEACH|BOYNTON BEACH|WEST PALM BEACH') THEN 3
             WHEN regexp_matches(city_v, 'LAKE WORTH|RIVIERA BEACH|JUPITER|WELLINGTON') THEN 2 ELSE 0 END
      + CASE WHEN highway_v THEN 2 ELSE 0 END, ${d(10)}) AS location_score,
    least(${d(5)} + CASE WHEN sale_v >= DATE ${sqlString(asOf)} - INTERVAL 730 DAY THEN 1 ELSE 0 END, ${d(10)}) AS activity_score,
    least(${d(5)}
      + CASE WHEN land > 0 THEN CASE WHEN imp / land > ${d(1.5)} THEN 2 WHEN imp / land > ${d(0.5)} THEN 1 ELSE 0 END ELSE 0 END
      + CASE WHEN imp >= 500000 AND imp <= 5000000 THEN 2 WHEN imp >= 250000 AND imp < 500000 THEN 1 ELSE 0 END
      + CASE WHEN b > 0 AND imp > 0 AND imp / b >= 50 AND imp / b <= 150 THEN 1 ELSE 0 END, ${d(10)}) AS value_score
  FROM n
),
w AS (
  SELECT *,
    (((((${d(0)} + zoning_score * ${d(3)}) + size_score * ${d(2)}) + building_score * ${d(2.5)}) + location_score * ${d(1.5)})
      + activity_score * ${d(1)}) + value_score * ${d(1)} AS total,
    zoning_score >= 8 AND size_score >= 7 AS high_potential,
    building_score >= 8 AS ideal_building
  FROM s
),
f AS (
  SELECT *,
    least(total / ${d(11)} + CASE WHEN high_potential THEN ${d(0.5)} ELSE ${d(0)} END
          + CASE WHEN ideal_building THEN ${d(0.3)} ELSE ${d(0)} END, ${d(10)}) AS raw_score
  FROM w
),
r AS (
  SELECT *, printf('%.2f', raw_score)::DOUBLE AS score FROM f
),
k AS (
  SELECT *,
    ${addressKey} || '|' || ${keyPart('city')} || '|' || ${keyPart('state')} AS dedup_key
  FROM r WHERE score >= ${d(minScore)}
),
u AS (
  SELECT *, row_number() OVER (PARTITION BY dedup_key ORDER BY score DESC, file_order, source_row) AS nth FROM k
)
SELECT ${fields.map((f) => (f === 'acres' ? `CASE WHEN acres_present THEN trim(acres) ELSE coalesce(a::VARCHAR, '') END AS acres` : `trim(${f}) AS ${f}`)).join(', ')},
  printf('%.2f', score) AS flex_score,
  CASE WHEN score >= 8 THEN 'PRIME_FLEX' WHEN score >= 6 THEN 'GOOD_FLEX' WHEN score >= 4 THEN 'POTENTIAL_FLEX'
       WHEN score >= 2 THEN 'POSSIBLE_FLEX' ELSE 'UNLIKELY_FLEX' END AS classification,
  printf('%.2f', zoning_score) AS zoning_score, printf('%.2f', size_score) AS size_score,
  printf('%.2f', building_score) AS building_score, printf('%.2f', location_score) AS location_score,
  printf('%.2f', activity_score) AS activity_score, printf('%.2f', value_score) AS value_score,
  concat_ws(';', CASE WHEN high_potential THEN 'HIGH_POTENTIAL' END, CASE WHEN ideal_building THEN 'IDEAL_BUILDING' END) AS flags,
  source_file, source_row
FROM u WHERE nth = 1 OR dedup_key = '||'
ORDER BY score DESC, file_order, source_row
) TO ${sqlString(output)} (FORMAT csv, HEADER true, DELIMITER ',')`;

if (process.env.DUCKDB_JOB_PRINT_SQL) console.error(sql);
const written = await con.runAndReadAll(sql);
console.error(`duckdb_job: ${files.length} file(s), ${JSON.stringify(written.getRowsJson()[0]?.[0] ?? '?')} unique candidates written to ${output}`);
