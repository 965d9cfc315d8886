"""The editor's subcommands of ``ikgen``: new, schema, import, export.

Kept apart from cli.py so that the main command stays small; cli.py adds these parsers and
dispatches to :func:`run`. Content problems are raised as ContentError and printed by cli.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

_CONTENT_HELP = "innehållsmappen (standard: content)"


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add ``new``, ``schema``, ``import`` and ``export`` to the main parser."""
    new = sub.add_parser("new", help="skapa nästa fil: kommun, nämnd, plan eller uppföljning")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="SLAG")
    kommun = kinds.add_parser("kommun", help="ny kommun.yml med alla inställningar förklarade")
    kommun.add_argument(
        "innehall", nargs="?", default="content", metavar="MAPP", help=_CONTENT_HELP
    )
    namnd = kinds.add_parser("namnd", help="ny nämnd: content/ID/namnd.yml")
    namnd.add_argument("id", help="nämndens id, t.ex. socialnamnden")
    namnd.add_argument("namn", help='nämndens namn, t.ex. "Socialnämnden"')
    plan = kinds.add_parser("plan", help="ny plan, kopierad från förra årets")
    plan.add_argument("namnd", help="nämndens id")
    plan.add_argument("ar", type=int, help="året, t.ex. 2026")
    upp = kinds.add_parser("uppfoljning", help="ny uppföljning, gjord från årets plan")
    upp.add_argument("namnd", help="nämndens id")
    upp.add_argument("ar", type=int, help="året")
    upp.add_argument("period", help="periodens id från kommun.yml, t.ex. delar-1")
    for cmd in (namnd, plan, upp):
        cmd.add_argument("-C", "--innehall", default="content", help=_CONTENT_HELP)
    schema = sub.add_parser("schema", help="skriv JSON Schema för redigering i VS Code")
    schema.add_argument("innehall", nargs="?", default="content", help=_CONTENT_HELP)
    schema.add_argument("-o", "--ut", default=None, help="målmapp (standard: content/.schema)")
    imp = sub.add_parser("import", help="läs plan och uppföljningar från ett kalkylark")
    exp = sub.add_parser("export", help="skriv plan och uppföljningar till ett kalkylark")
    for cmd in (imp, exp):
        cmd.add_argument("fil", help="kalkylarket (.xlsx eller .csv)")
        cmd.add_argument("-C", "--innehall", default="content", help=_CONTENT_HELP)
        cmd.add_argument("--namnd", default=None, help="nämndens id (om arket saknar kolumnen)")
        cmd.add_argument("--ar", type=int, default=None, help="året (om arket saknar kolumnen)")
    imp.add_argument(
        "--kolumn",
        action="append",
        default=[],
        metavar="FÄLT=RUBRIK",
        help="arkets rubrik för ett fält, t.ex. --kolumn 'risk=Riskområde' (kan upprepas)",
    )


COMMANDS = ("new", "schema", "import", "export")


def run(args: argparse.Namespace) -> int:
    """Run one of the editor's subcommands; return the exit code."""
    if args.command == "new":
        return _new(args)
    if args.command == "schema":
        from ..editor.editor_schema import write_schemas

        written = write_schemas(Path(args.innehall), Path(args.ut) if args.ut else None)
        for path in written:
            print(f"Skrev {path}")
        return 0
    from ..editor import spreadsheet as sheet
    from ..editor import spreadsheet_import as sheet_import

    if args.command == "export":
        path = sheet.export_sheet(Path(args.innehall), Path(args.fil), args.namnd, args.ar)
        print(f"Skrev {path}")
        return 0
    written, notes = sheet_import.import_sheet(
        Path(args.fil), Path(args.innehall), args.namnd, args.ar, args.kolumn
    )
    for note in notes:
        print(note)
    for path in written:
        print(f"Skrev {path}")
    print(f"Kontrollera resultatet med 'ikgen check {args.innehall}'.")
    return 0


def _new(args: argparse.Namespace) -> int:
    from ..editor import scaffold

    content = Path(args.innehall)
    notes: list[str] = []
    if args.kind == "kommun":
        written = scaffold.new_kommun(content)
    elif args.kind == "namnd":
        written = scaffold.new_namnd(content, args.id, args.namn)
    elif args.kind == "plan":
        written, notes = scaffold.new_plan(content, args.namnd, args.ar)
    else:
        written = scaffold.new_uppfoljning(content, args.namnd, args.ar, args.period)
    print(f"Skrev {written} (bara i innehållsmappen {content.as_posix()}/; inget annat ändrades).")
    for note in notes:
        print(f"Observera: {note}")
    step = scaffold.NEXT_STEP[args.kind].format(id=getattr(args, "id", ""))
    print(f"Fyll i filen och kör 'ikgen check {content.as_posix()}'. {step}")
    return 0
