"""Writing what was read from CBS into the public indicator values: checked against the municipalities, all or nothing."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from gemeenten.figures.catalogue import CbsTable, load_catalogue
from gemeenten.figures.cbs_files import Issue, Reading
from gemeenten.models import Indicator, IndicatorValue
from gemeenten.models.figures import NATIONAL, Origin, Status
from portal.models import Municipality

BATCH = 1000


class ImportRefused(Exception):
    def __init__(self, errors: list[Issue]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Report:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    secret: int = 0
    provisional: int = 0
    skipped_regions: int = 0
    warnings: list[Issue] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


def import_reading(table: CbsTable, reading: Reading, *, dry_run: bool = False) -> Report:
    """Upserts the reading's cells as public CBS values; raises ImportRefused, writing nothing, if it holds errors."""
    if reading.errors:
        raise ImportRefused(reading.errors)
    report = Report(skipped_regions=len(reading.skipped_regions), warnings=list(reading.warnings))
    cells = _known_regions(reading, report)
    # The source names the table, not a sentence: a translated one would count as a change in another language.
    source = f"CBS StatLine {table.identifier}"
    with transaction.atomic():
        if not dry_run:
            load_catalogue()
        indicators = {
            indicator.code: indicator
            for indicator in Indicator.objects.filter(code__in=table.measures.values(), locale=Locale.get_default())
        }
        existing = {
            (value.indicator_id, value.region, value.year): value
            for value in IndicatorValue.objects.filter(
                indicator__in=indicators.values(), team=None, year__in={cell.year for cell in cells}
            )
        }
        created, changed = [], []
        for cell in cells:
            code = table.measures[cell.measure]
            indicator = indicators.get(code)  # missing only in a dry run on a database without the catalogue
            held = existing.get((indicator.pk, cell.region, cell.year)) if indicator else None
            report.secret += cell.status == Status.SECRET
            report.provisional += cell.status == Status.PROVISIONAL
            if held is None:
                report.created += 1
                report.changes.append(f"+ {code} {cell.region} {cell.year}: {_shown(cell.value, cell.status)}")
                if indicator:
                    created.append(IndicatorValue(
                        indicator=indicator, region=cell.region, region_name=cell.region_name, year=cell.year,
                        value=cell.value, status=cell.status, origin=Origin.CBS, source=source,
                    ))
            elif (held.value, held.status, held.origin, held.source) != (cell.value, cell.status, Origin.CBS, source) or (
                cell.region_name and cell.region_name != held.region_name
            ):
                report.changed += 1
                report.changes.append(
                    f"~ {code} {cell.region} {cell.year}: {_shown(held.value, held.status)} → {_shown(cell.value, cell.status)}"
                )
                held.value, held.status, held.origin, held.source = cell.value, cell.status, Origin.CBS, source
                held.region_name = cell.region_name or held.region_name
                changed.append(held)
            else:
                report.unchanged += 1
        if not dry_run:
            # bulk_update skips auto_now; the analysis reads loaded_at to tell new figures from old ones.
            now = timezone.now()
            for value in changed:
                value.loaded_at = now
            IndicatorValue.objects.bulk_create(created, batch_size=BATCH)
            IndicatorValue.objects.bulk_update(
                changed, ["value", "status", "origin", "source", "region_name", "loaded_at"], batch_size=BATCH
            )
    return report


def _known_regions(reading: Reading, report: Report) -> list:
    """The cells for the Netherlands and for municipalities (and their districts) the portal knows; warns about the rest."""
    municipalities = set(Municipality.objects.values_list("code", flat=True))
    cells, warned = [], set()
    for cell in reading.cells:
        municipality = None if cell.region == NATIONAL else "GM" + cell.region[2:6]
        if municipality is None or municipality in municipalities:
            cells.append(cell)
        elif (cell.file, cell.line) not in warned:
            warned.add((cell.file, cell.line))
            message = _("%(region)s skipped: the portal has no municipality %(code)s (a former one?)") % {
                "region": cell.region, "code": municipality,
            }
            report.warnings.append(Issue(cell.file, cell.line, message))
    return cells


def _shown(value, status) -> str:
    return str(Status(status).label) if value is None else f"{value.normalize():f} ({Status(status).label})"
