"""Reading CBS StatLine downloads into plain cells: the classic CSV (TypedDataSet, with statistical symbols),
the newer Observations.csv with its code files, and the classic OData API's records. No database here.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

FINAL, PROVISIONAL, SECRET = "final", "provisional", "secret"  # the values of gemeenten.models.figures.Status

TABLE_ID = re.compile(r"\d{5}[A-Za-z]{3}")
# The region dimension's names in the tables we read; values are keys such as "GM0453    ".
REGION_COLUMNS = ("RegioS", "WijkenEnBuurten", "Gemeenten")
PERIOD_COLUMN = "Perioden"
OBSERVATION_COLUMNS = {"id", "measure", "valueattribute", "value", "stringvalue"}
TOPIC_SUFFIX = re.compile(r"_\d+$")
PERIOD = re.compile(r"^(\d{4})(?:JJ00|(MM|KW|HJ)(\d\d))?$")
LAST_OF_YEAR = {"MM": 12, "KW": 4, "HJ": 2}
# A year can be listed whole and by part; the whole-year figure wins over December or the last quarter.
PERIOD_RANK = {None: 0, "HJ": 1, "KW": 2, "MM": 3}
SECRET_ATTRIBUTES = {"confidential", "secret"}
NORMAL_ATTRIBUTES = {"none", ""}
LARGEST = Decimal(10) ** 11  # IndicatorValue.value holds 14 digits, 3 of them decimals


@dataclass(frozen=True)
class Issue:
    file: str
    line: int  # 0: the file as a whole
    message: str

    def __str__(self):
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Cell:
    measure: str
    region: str
    year: int
    value: Decimal | None
    status: str
    region_name: str
    file: str
    line: int


@dataclass
class Reading:
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    skipped_regions: set[str] = field(default_factory=set)
    _cells: dict = field(default_factory=dict)  # (measure, region, year) → (period rank, cell)

    @property
    def cells(self) -> list[Cell]:
        return [cell for _rank, cell in self._cells.values()]

    def error(self, file, line, message):
        self.errors.append(Issue(file, line, message))

    def add(self, cell: Cell, rank: int):
        key = (cell.measure, cell.region, cell.year)
        held = self._cells.get(key)
        if held and held[0] == rank:
            self.error(cell.file, cell.line, _("a second value for %(measure)s, %(region)s, %(year)s (the first is on line %(first)s)")
                       % {"measure": cell.measure, "region": cell.region, "year": cell.year, "first": held[1].line})
        elif not held or rank < held[0]:
            self._cells[key] = (rank, cell)


def table_from_name(path: Path) -> str | None:
    for name in (path.name, path.parent.name):
        if match := TABLE_ID.search(name):
            return match.group().upper()
    return None


def read_path(path: Path, measures) -> Reading:
    """Reads a classic CSV, an Observations.csv beside its code files, a folder holding either, or a zip of them."""
    reading = Reading()
    try:
        files = _csv_files(path)
    except (OSError, zipfile.BadZipFile) as error:
        reading.error(path.name, 0, _("cannot read the file: %(error)s") % {"error": error})
        return reading
    if "observations.csv" in files:
        _read_observations(reading, files, measures)
        return reading
    candidates = [key for key in files if "typeddataset" in key] if len(files) > 1 else list(files)
    if len(candidates) != 1:
        reading.error(path.name, 0, _("no CBS CSV file found, or more than one: %(files)s") % {"files": ", ".join(sorted(files)) or "-"})
        return reading
    name, text = files[candidates[0]]
    _read_classic(reading, name, _rows(text), measures, {})
    return reading


def read_records(records: list[dict], measures, source: str, region_names: dict[str, str]) -> Reading:
    """Reads the OData API's TypedDataSet records (null where CBS has no value or keeps it secret)."""
    reading = Reading()
    header = list(dict.fromkeys(key for record in records for key in record))
    rows = ((number, ["" if record.get(key) is None else str(record[key]) for key in header]) for number, record in enumerate(records, 1))
    if records:
        _read_classic(reading, source, iter([(0, header), *rows]), measures, region_names)
    else:
        reading.error(source, 0, _("CBS sent no records"))
    return reading


def _csv_files(path: Path) -> dict[str, tuple[str, str]]:
    """The CSV files to read, by lower-case name: (name, text)."""
    if path.is_dir():
        found = ((item.name, item.read_bytes()) for item in path.iterdir() if item.suffix.lower() == ".csv")
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            found = [(Path(item).name, archive.read(item)) for item in archive.namelist() if item.lower().endswith(".csv")]
    elif path.name.lower() == "observations.csv":
        return _csv_files(path.parent)
    else:
        found = [(path.name, path.read_bytes())]
    return {name.lower(): (name, _decode(data)) for name, data in found}


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older StatLine downloads


def _rows(text: str):
    """(line number, fields) for each non-blank row; the delimiter is ';' unless the header has more commas."""
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter="," if first.count(",") > first.count(";") else ";")
    for row in reader:
        if any(value.strip() for value in row):
            yield reader.line_num, row


def _header(reading, file, rows) -> list[str] | None:
    line, header = next(rows, (0, None))
    if not header:
        reading.error(file, 0, _("the file is empty"))
        return None
    return [name.strip() for name in header]


def _index(header, names) -> int | None:
    lowered = [name.lower() for name in header]
    return next((lowered.index(name.lower()) for name in names if name.lower() in lowered), None)


def _measure_key(name: str, measures) -> str | None:
    """Our measure key for a CBS column, identifier or title: '_N' suffix and spaces dropped, any case."""
    bare = TOPIC_SUFFIX.sub("", name.strip()).replace(" ", "").lower()
    return next((key for key in measures if key.lower() == bare), None)


def _read_classic(reading, file, rows, measures, region_names):
    header = _header(reading, file, rows)
    if header is None:
        return
    region, period = _index(header, REGION_COLUMNS), _index(header, [PERIOD_COLUMN])
    columns, dimensions = {}, []
    for index, name in enumerate(header):
        if index in (region, period) or name.lower() == "id":
            continue
        if key := _measure_key(name, measures):
            if key in columns.values():
                reading.warnings.append(Issue(file, 1, _("column %(column)s ignored: %(measure)s is read from an earlier column")
                                              % {"column": name, "measure": key}))
            else:
                columns[index] = key
        elif not TOPIC_SUFFIX.search(name):  # topics (measures) carry a _N suffix; dimensions do not
            dimensions.append(index)
    if not _columns_found(reading, file, region, period, columns, measures):
        return
    for line, row in rows:
        if len(row) != len(header):
            reading.error(file, line, _("expected %(expected)s fields, found %(found)s") % {"expected": len(header), "found": len(row)})
            continue
        if not _is_total(row, dimensions):
            continue
        place = _place(reading, file, line, row[region], row[period])
        if place is None:
            continue
        code, year, rank, provisional = place
        for index, measure in columns.items():
            try:
                parsed = _symbol_value(row[index], provisional)
            except ValueError:
                message = _("%(column)s: %(value)r is not a number") % {"column": header[index], "value": row[index].strip()}
                reading.error(file, line, message)
                continue
            if parsed:
                reading.add(Cell(measure, code, year, *parsed, region_names.get(code, ""), file, line), rank)


def _columns_found(reading, file, region, period, columns, measures) -> bool:
    if region is None:
        reading.error(file, 1, _("no region column (%(names)s)") % {"names": ", ".join(REGION_COLUMNS)})
    if period is None:
        reading.error(file, 1, _("no Perioden column"))
    if not columns:
        reading.error(file, 1, _("none of this table's measures (%(measures)s) is in the file") % {"measures": ", ".join(measures)})
    return region is not None and period is not None and bool(columns)


def _is_total(row, dimensions) -> bool:
    # Tables split by a further dimension (82015NED by Uitkeringsgrondslag) also list subgroups; CBS's
    # codes for the totals start with T, and only the totals are figures for the whole region.
    return all(row[index].strip().upper().startswith("T") for index in dimensions)


def _place(reading, file, line, region_key, period_key):
    """(region, year, period rank, provisional) for a row, or None when it is not ours (or is wrong, recorded)."""
    region = region_key.strip().upper()
    if not region:
        reading.error(file, line, _("no region key"))
        return None
    if not (region == "NL01" or re.fullmatch(r"GM\d{4}|WK\d{6}", region)):
        reading.skipped_regions.add(region)  # provinces, neighbourhoods, COROP regions and the like
        return None
    period = period_key.strip().upper()
    provisional = "*" in period
    match = PERIOD.match(period.replace("*", ""))
    if not match:
        reading.error(file, line, _("unknown period %(period)r") % {"period": period_key.strip()})
        return None
    year, kind, number = int(match[1]), match[2], match[3]
    if kind and int(number) != LAST_OF_YEAR[kind]:
        return None  # the year's last month, quarter or half stands for the year
    if not 1990 <= year <= 2100:
        reading.warnings.append(Issue(file, line, _("year %(year)s skipped") % {"year": year}))
        return None
    return region, year, PERIOD_RANK[kind], provisional


def _number(text: str) -> Decimal:
    text = text.strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text).quantize(Decimal("0.001"))
    except (InvalidOperation, ValueError):
        raise ValueError(text) from None
    if not value.is_finite() or abs(value) >= LARGEST or "_" in text:
        raise ValueError(text)
    return value


def _symbol_value(raw: str, provisional: bool) -> tuple[Decimal | None, str] | None:
    """(value, status) for a cell with CBS's symbols, None for an empty one; ValueError when it is no number."""
    text = raw.strip()
    provisional = provisional or "*" in text  # '*' provisional, '**' revised provisional
    text = text.replace("*", "").strip()
    if not text:
        return None
    if text in (".", "x", "X"):  # '.' unknown or secret, 'x' secret in older tables
        return None, SECRET
    value = Decimal(0) if text == "-" else _number(text)  # '-' is CBS's "nil"
    return value, PROVISIONAL if provisional else FINAL


def _read_observations(reading, files, measures):
    missing = [name for name in ("MeasureCodes.csv", "PeriodenCodes.csv") if name.lower() not in files]
    for name in missing:
        reading.error(name, 0, _("the code file is missing beside Observations.csv"))
    if missing:
        return
    measure_keys = _measure_codes(reading, files["measurecodes.csv"], measures)
    provisional = {code: "*" in code + title or "voorlopig" in status or "provisional" in status
                   for code, title, status in _codes(reading, files["periodencodes.csv"], "Status")}
    file, text = files["observations.csv"]
    rows = _rows(text)
    header = _header(reading, file, rows)
    if header is None:
        return
    column = {name.lower(): index for index, name in enumerate(header)}
    region, period = _index(header, REGION_COLUMNS), _index(header, [PERIOD_COLUMN])
    region_file = files.get(f"{header[region].lower()}codes.csv") if region is not None else None
    names = {code: title for code, title, _status in _codes(reading, region_file, None)} if region_file else {}
    dimensions = [index for index, name in enumerate(header) if index not in (region, period) and name.lower() not in OBSERVATION_COLUMNS]
    if "measure" not in column or "value" not in column:
        reading.error(file, 1, _("no Measure or Value column"))
    found = [key for key in measure_keys.values() if key]
    if not _columns_found(reading, file, region, period, found, measures) or reading.errors:
        return
    for line, row in rows:
        if len(row) != len(header):
            reading.error(file, line, _("expected %(expected)s fields, found %(found)s") % {"expected": len(header), "found": len(row)})
            continue
        measure = measure_keys.get(row[column["measure"]].strip())
        if measure is None or not _is_total(row, dimensions):
            continue
        place = _place(reading, file, line, row[region], row[period])
        if place is None:
            continue
        code, year, rank, starred = place
        attribute = row[column["valueattribute"]].strip().lower() if "valueattribute" in column else ""
        raw = row[column["value"]].strip()
        if attribute in SECRET_ATTRIBUTES:
            value, status = None, SECRET
        elif attribute not in NORMAL_ATTRIBUTES or not raw:
            continue  # Unknown, Impossible: CBS has no figure here
        else:
            try:
                value = _number(raw)
            except ValueError:
                reading.error(file, line, _("%(column)s: %(value)r is not a number") % {"column": "Value", "value": raw})
                continue
            status = PROVISIONAL if provisional.get(row[period].strip(), starred) else FINAL
        reading.add(Cell(measure, code, year, value, status, names.get(code, ""), file, line), rank)


def _measure_codes(reading, code_file, measures) -> dict[str, str | None]:
    """CBS measure identifier → our measure key (None for measures we do not use); the first of a title wins."""
    keys = {}
    for identifier, title, _unit in _codes(reading, code_file, None):
        key = _measure_key(identifier, measures) or _measure_key(title, measures)
        if key and key in keys.values():
            reading.warnings.append(Issue(code_file[0], 0, _("measure %(identifier)s ignored: %(measure)s is read from an earlier one")
                                          % {"identifier": identifier, "measure": key}))
            key = None
        keys[identifier] = key
    return keys


def _codes(reading, code_file, extra: str | None) -> list[tuple[str, str, str]]:
    """(Identifier, Title, the extra column lower-cased) for each row of a code file."""
    file, text = code_file
    rows = _rows(text)
    header = _header(reading, file, rows)
    if header is None:
        return []
    identifier, title = _index(header, ["Identifier"]), _index(header, ["Title"])
    if identifier is None or title is None:
        reading.error(file, 1, _("no Identifier or Title column"))
        return []
    other = _index(header, [extra]) if extra else None
    codes = []
    for line, row in rows:
        if len(row) != len(header):
            reading.error(file, line, _("expected %(expected)s fields, found %(found)s") % {"expected": len(header), "found": len(row)})
        else:
            codes.append((row[identifier].strip(), row[title].strip(), row[other].strip().lower() if other is not None else ""))
    return codes
