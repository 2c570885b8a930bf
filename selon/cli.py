"""The ``selon`` command: a thin layer over importable functions.

Exit codes: 0 success; 1 some articles failed (the others were processed) or an internal
error; 2 bad input or usage (unreadable input, unsupported language, bad option); 3 a quality
floor fell (``selon eval``); 4 not found (``selon show``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from selon import __version__
from selon.errors import EXIT_BAD_INPUT, EXIT_SOME_FAILED, InputError, SelonError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int) -> None:
    click.echo(f"selon: {message}", err=True)
    sys.exit(code)


def clean_errors(func: F) -> F:
    """Turn SelonError into a one-line message and its exit code; never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SelonError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted; what was saved is kept", 130)

    return wrapper  # type: ignore[return-value]


def parse_published(value: str | None) -> dt.datetime | None:
    from selon.inputs import parse_datetime

    return parse_datetime(value, "--published") if value else None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="selon")
def cli() -> None:
    """selon: political and conflict events from French and English news, with their evidence."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication time (ISO 8601); wins over metadata.")
@click.option("--lang", default="auto", show_default=True, help="fr, en or auto.")
@click.option("--id", "article_id", help="The article id (one input only).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default=None,
    help="json for one article (default), jsonl for several, text for a digest.",
)
@click.option("--allow-private", is_flag=True, help="Allow URLs on private or loopback addresses.")
@clean_errors
def extract(
    inputs: tuple[str, ...],
    published: str | None,
    lang: str,
    article_id: str | None,
    fmt: str | None,
    allow_private: bool,
) -> None:
    """Extract events, quotes and claims from articles (files, folders, URLs or - for stdin)."""
    from selon.inputs import ArticleInput, read_inputs
    from selon.lang import check_language
    from selon.pipeline import Failure, extract_many
    from selon.render import digest

    chosen = check_language(lang)
    when = parse_published(published)
    items = list(read_inputs(inputs, allow_private=allow_private))
    if article_id is not None:
        articles = [i for i in items if isinstance(i, ArticleInput)]
        if len(items) != 1:
            raise InputError("--id needs exactly one article")
        for item in articles:
            item.id = article_id
    fmt = fmt or ("json" if len(items) == 1 else "jsonl")
    failed = 0
    for _, result in extract_many(items, lang=chosen, published=when):
        if isinstance(result, Failure):
            failed += 1
            click.echo(f"selon: {result.error}", err=True)
            if len(items) == 1:
                sys.exit(result.error.exit_code)
            continue
        if fmt == "text":
            click.echo(digest(result) + "\n")
        elif fmt == "json":
            click.echo(result.model_dump_json(indent=2))
        else:
            click.echo(result.model_dump_json())
    if failed:
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), default="selon.db", show_default=True)
@click.option("--lang", default="auto", show_default=True, help="fr, en or auto.")
@click.option("--published", help="Publication time for inputs without one (ISO 8601).")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private or loopback addresses.")
@clean_errors
def ingest(
    inputs: tuple[str, ...], db: str, lang: str, published: str | None, allow_private: bool
) -> None:
    """Ingest articles (files, folders, JSONL, URLs, -) into the SQLite store."""
    from selon.ingest import ingest as run_ingest
    from selon.lang import check_language
    from selon.store import Store

    chosen = check_language(lang)
    when = parse_published(published)
    with Store(db) as store:
        if sys.stderr.isatty() and (len(inputs) > 1 or any(Path(i).is_dir() for i in inputs)):
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            with Progress(
                SpinnerColumn(),
                TextColumn("{task.completed} articles"),
                TimeElapsedColumn(),
                transient=True,
            ) as bar:
                task = bar.add_task("ingest", total=None)
                report = run_ingest(
                    store,
                    inputs,
                    lang=chosen,
                    published=when,
                    allow_private=allow_private,
                    progress=lambda: bar.advance(task),
                )
        else:
            report = run_ingest(
                store, inputs, lang=chosen, published=when, allow_private=allow_private
            )
    for origin, reason in report.failures:
        click.echo(f"selon: {origin}: {reason}", err=True)
    click.echo(report.summary() + f" -> {db}", err=True)
    if report.failed:
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default="selon.db", show_default=True)
@click.option("--type", "event_type", help="PLOVER type, e.g. ASSAULT.")
@click.option("--country", help="ISO alpha-3 of the source, target or place.")
@click.option("--since", help="Events ending on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Events starting on or before this day (YYYY-MM-DD).")
@click.option("--text", help="Words in the evidence.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
)
@clean_errors
def events(
    db: str,
    event_type: str | None,
    country: str | None,
    since: str | None,
    until: str | None,
    text: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List merged events (one line per real-world event, with its number of sources)."""
    from selon.records import PLOVER_TYPES
    from selon.render import event_line
    from selon.store import Store

    if event_type and event_type.upper() not in PLOVER_TYPES:
        raise InputError(f"--type {event_type!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
    for name, value in (("--since", since), ("--until", until)):
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise InputError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None
    _require_db(db)
    with Store(db) as store:
        found = store.events(
            type=event_type,
            country=country,
            since=since,
            until=until,
            text=text,
            limit=limit,
            detail=fmt != "table",
        )
        if fmt == "json":
            click.echo(json.dumps(list(found), ensure_ascii=False, indent=2))
        elif fmt == "jsonl":
            for event in found:
                click.echo(json.dumps(event, ensure_ascii=False))
        else:
            for event in found:
                click.echo(f"{event['id']}  [{event['num_sources']} src]  {event_line(event)}")


def _require_db(db: str) -> None:
    if not Path(db).exists():
        raise InputError(f"no store at {db}; run `selon ingest --db {db} PATH` first")


@cli.command()
@click.argument("event_id")
@click.option("--db", type=click.Path(dir_okay=False), default="selon.db", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@clean_errors
def show(event_id: str, db: str, fmt: str) -> None:
    """Show one merged event (an event id or a cluster id): each report, the merge reasons,
    the claims side by side and the quotes."""
    from selon.render import claims_side_by_side, event_line, safe
    from selon.store import Store

    _require_db(db)
    with Store(db) as store:
        event = store.event(event_id)
    if fmt == "json":
        click.echo(json.dumps(event, ensure_ascii=False, indent=2))
        return
    article = event["article"]
    click.echo(event_line(event))
    click.echo(
        f"  article:  {article['id']} {safe(article.get('title'))} ({safe(article.get('source'))}, {article.get('published')})"
    )
    click.echo(f"  trigger:  {safe(event['trigger']['text'])} @{event['trigger']['start']}")
    click.echo(f"  evidence: {safe(event['evidence']['text'])}")
    click.echo(
        f"  cluster:  {event['cluster_id']} ({event['num_articles']} articles,"
        f" {event['num_sources']} sources)"
    )
    for report in event["reports"]:
        art = report["article"]
        click.echo(
            f"  report:   {report['id']} in {art['id']} ({safe(art.get('source'))},"
            f" {art.get('language')}): {safe(report['trigger']['text'])}"
            f" — {safe(report['evidence']['text'])}"
        )
    for reason in event["merge_reasons"]:
        click.echo(f"  merged:   {safe(reason['summary'])}")
    for line in claims_side_by_side(event["claims"]):
        click.echo(f"  claims:   {line}")
    for quote in event["quotes"]:
        speaker = quote.get("speaker") or {}
        click.echo(f"  quote:    {safe(speaker.get('name')) or '?'}: «{safe(quote['text'])}»")


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default="selon.db", show_default=True)
@click.option("--rebuild", is_flag=True, help="Recompute every merge from the stored reports.")
@clean_errors
def merge(db: str, rebuild: bool) -> None:
    """Merge reports of the same event across articles (ingest does it as it goes)."""
    from selon.store import Store

    _require_db(db)
    with Store(db) as store:
        if rebuild:
            count = store.rebuild_merges()
            click.echo(f"selon: rebuilt {count} merged events in {db}", err=True)
        row = store.db.execute(
            "SELECT COUNT(*), SUM(num_articles > 1), MAX(num_sources) FROM clusters"
        ).fetchone()
    click.echo(
        f"{row[0]} merged events, {row[1] or 0} reported by several articles,"
        f" at most {row[2] or 0} sources"
    )


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default="selon.db", show_default=True)
@clean_errors
def compact(db: str) -> None:
    """Reclaim the space of replaced articles (VACUUM) and re-key the search indexes."""
    from selon.store import Store

    _require_db(db)
    before = Path(db).stat().st_size
    with Store(db) as store:
        store.compact()
    click.echo(f"selon: compacted {db}: {before:,} -> {Path(db).stat().st_size:,} bytes", err=True)


@cli.command("eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False), default="corpus")
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default=None,
    help="Score one split only (default: both, each against its floors).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Floors file (default: CORPUS/baseline.json).",
)
@click.option("--update-baseline", is_flag=True, help="Pin the current scores as the new floors.")
@click.option(
    "--allow-lower", is_flag=True, help="With --update-baseline: allow a floor to go down."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@clean_errors
def eval_cmd(
    corpus: str,
    split: str | None,
    baseline: str | None,
    update_baseline: bool,
    allow_lower: bool,
    fmt: str,
) -> None:
    """Score selon against the gold corpus and check the pinned floors."""
    from selon.evaluation.gate import run_gate

    run_gate(
        Path(corpus),
        split=split,
        baseline=Path(baseline) if baseline else None,
        update=update_baseline,
        allow_lower=allow_lower,
        fmt=fmt,
        echo=click.echo,
    )


@cli.command()
@click.argument("corpus", type=click.Path(exists=True), default="corpus/articles")
@click.option(
    "--repeat", type=int, default=1, show_default=True, help="Process the texts this many times."
)
@clean_errors
def bench(corpus: str, repeat: int) -> None:
    """Throughput and peak memory of selon against bare spaCy on the same texts."""
    from selon.bench import run_bench

    click.echo(run_bench(Path(corpus), repeat=repeat))


@cli.command()
@click.option("--write", is_flag=True, help="Write selon/schema/article.schema.json.")
@click.option(
    "--check", is_flag=True, help="Exit 1 if the committed schema differs from the models."
)
@clean_errors
def schema(write: bool, check: bool) -> None:
    """Print (or write, or check) the JSON Schema of the article record."""
    from selon.schema import SCHEMA_PATH, render_schema, write_schema

    if write:
        click.echo(f"wrote {write_schema()}", err=True)
    elif check:
        if SCHEMA_PATH.read_text(encoding="utf-8") != render_schema():
            fail("the committed schema differs from the models; run `selon schema --write`", 1)
    else:
        click.echo(render_schema(), nl=False)


def filter_options(func: F) -> F:
    """The event filters of ``/api/events``, as options (lists are comma-separated)."""
    options = [
        click.option("--type", "type_", help="PLOVER types, e.g. ASSAULT,PROTEST."),
        click.option("--mode", help="PLOVER modes, e.g. aerial."),
        click.option("--modality", help="asserted, hedged, denied..."),
        click.option("--country", help="ISO alpha-3 of the source, target or place."),
        click.option("--source-country"),
        click.option("--source-sector", help="GOV, MIL, CVL..."),
        click.option("--target-country"),
        click.option("--target-sector"),
        click.option("--place-country"),
        click.option("--bbox", help="west,south,east,north in degrees."),
        click.option("--since", help="Events ending on or after this day (YYYY-MM-DD)."),
        click.option("--until", help="Events starting on or before this day."),
        click.option("--min-sources", type=int),
        click.option("--text", "q", help="Words in the evidence or the quotes (full text)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default="selon.db", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 32),
    default=1,
    show_default=True,
    help="Server processes; about one per free core (each reads the store on its own).",
)
@clean_errors
def serve(db: str, host: str, port: int, workers: int) -> None:
    """Serve the API and the map, timeline and article UI (OpenAPI at /docs)."""
    import uvicorn

    from selon.api import create_app

    _require_db(db)
    app = create_app(db)  # migrates the store once, as its one writer, before any worker
    click.echo(
        f"selon: serving {db} at http://{host}:{port}/ (API docs at /docs)"
        + (f", {workers} workers" if workers > 1 else ""),
        err=True,
    )
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # Several processes need the app by name: each worker builds it from $SELON_DB.
    os.environ["SELON_DB"] = str(Path(db).resolve())
    uvicorn.run(
        "selon.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


@cli.command("export")
@click.option("--db", type=click.Path(dir_okay=False), default="selon.db", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default="csv",
    show_default=True,
)
@click.option(
    "--layout",
    type=click.Choice(["selon", "plover", "acled", "gdelt"]),
    default="selon",
    show_default=True,
    help="Columns: selon's own, PLOVER, ACLED-like or GDELT-like (see the README).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
@filter_options
@clean_errors
def export_cmd(db: str, fmt: str, layout: str, output: str | None, **filters: Any) -> None:
    """Export the selected events as CSV, JSON Lines or Parquet."""
    from selon.export import write
    from selon.store import Store
    from selon.store.queries import EventFilter, QueryError, connect

    filters["type"] = filters.pop("type_")
    try:
        flt = EventFilter.checked(**filters)
    except QueryError as exc:
        raise InputError(f"--{exc.param.replace('_', '-')}: {exc.message}") from None
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise InputError("--format parquet is binary: give --output FILE or redirect stdout")
    _require_db(db)
    with Store(db):
        pass  # migrate
    conn = connect(db)
    try:
        if output:
            with open(output, "wb") as out:
                count = write(conn, flt, out, fmt=fmt, layout=layout)
        else:
            count = write(conn, flt, sys.stdout.buffer, fmt=fmt, layout=layout)
            sys.stdout.buffer.flush()
    finally:
        conn.close()
    click.echo(
        f"selon: exported {count} events ({layout}, {fmt})" + (f" -> {output}" if output else ""),
        err=True,
    )


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        fail("aborted", 130)
    except click.ClickException as exc:
        fail(exc.format_message(), EXIT_BAD_INPUT)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(0)
