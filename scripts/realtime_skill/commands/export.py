"""`realtime-skill export --format json`."""

from __future__ import annotations

import json

import click


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--schema", is_flag=True, help="Print the JSON Schema of the export instead.")
def command(fmt: str, schema: bool) -> int:
    """Print the whole knowledge base as one JSON document that conforms to the schema
    shipped in the package (realtime_skill/schemas/export.schema.json). Exit 0."""
    from ..loader import load_skill
    from ..schema import schema_text

    if schema:
        click.echo(schema_text("export.schema.json"), nl=False)
        return 0
    from ..export import export_document

    click.echo(json.dumps(export_document(load_skill()), indent=2, ensure_ascii=False))
    return 0
