from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gemeenten.figures.catalogue import cbs_tables
from gemeenten.figures.cbs_fetch import FetchError, fetch_table
from gemeenten.figures.cbs_files import read_path, read_records, table_from_name
from gemeenten.figures.cbs_import import ImportRefused, import_reading

SHOWN = 50


class Command(BaseCommand):
    help = (
        "Loads CBS StatLine figures into the public indicator values: a downloaded CSV, an Observations.csv beside its "
        "code files, a folder or zip holding either, or with --fetch a table from CBS's OData API. A file with errors "
        "is reported row by row and nothing of it is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, help="CSV file, Observations.csv, folder or .zip from CBS StatLine")
        parser.add_argument("--table", help="the CBS table, e.g. 86202NED (else taken from the file name)")
        parser.add_argument("--fetch", metavar="TABLE", help="fetch this CBS table through the OData API instead of reading a file")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, *args, path=None, table=None, fetch=None, dry_run=False, verbosity=1, **options):
        if (path is None) == (fetch is None):
            raise CommandError(_("Give either a file to import or --fetch TABLE."))
        if path is not None and not path.exists():
            raise CommandError(_("%(path)s does not exist.") % {"path": path})
        tables = cbs_tables()
        identifier = (fetch or table or table_from_name(path) or "").upper()
        if identifier not in tables:
            known = ", ".join(sorted(tables))
            if not identifier:
                raise CommandError(_("Cannot tell which CBS table this is; give --table (known tables: %(known)s).") % {"known": known})
            raise CommandError(_("Unknown CBS table %(table)s; known tables: %(known)s.") % {"table": identifier, "known": known})
        cbs_table = tables[identifier]
        if fetch:
            try:
                records, names = fetch_table(settings.CBS_ODATA_URL, identifier)
            except FetchError as error:
                raise CommandError(str(error)) from error
            reading = read_records(records, cbs_table.measures, f"{identifier} TypedDataSet", names)
        else:
            reading = read_path(path, cbs_table.measures)
        try:
            report = import_reading(cbs_table, reading, dry_run=dry_run)
        except ImportRefused as refused:
            self._list(refused.errors, self.style.ERROR)
            count = len(refused.errors)
            raise CommandError(
                ngettext(
                    "Nothing was imported: %(count)s error in %(table)s.", "Nothing was imported: %(count)s errors in %(table)s.", count
                )
                % {"count": count, "table": identifier}
            ) from None
        self._list(report.warnings, self.style.WARNING)
        if verbosity > 1:
            for line in report.changes:
                self.stdout.write(line)
        if verbosity > 0:
            names = ("created", "changed", "unchanged", "secret", "provisional", "skipped_regions")
            counts = {name: getattr(report, name) for name in names} | {"warnings": len(report.warnings)}
            self.stdout.write(
                _("%(table)s: created %(created)s, changed %(changed)s, unchanged %(unchanged)s, secret %(secret)s, "
                  "provisional %(provisional)s, skipped regions %(skipped_regions)s, warnings %(warnings)s")
                % {"table": identifier, **counts}
            )
            if dry_run:
                self.stdout.write(_("Dry run: nothing was written."))

    def _list(self, issues, style):
        for issue in issues[:SHOWN]:
            self.stderr.write(style(str(issue)))
        if len(issues) > SHOWN:
            self.stderr.write(style(_("… and %(count)s more") % {"count": len(issues) - SHOWN}))
