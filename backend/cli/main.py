"""The `lumen` command. Heavy imports stay inside commands so `lumen --help` is instant."""

from __future__ import annotations

from collections.abc import Callable

import typer

from backend.cli import accounts as accounts_cli
from backend.cli import drugs as drugs_cli
from backend.cli import jobs as jobs_cli
from backend.cli import keys as keys_cli
from backend.cli import run as run_cli

app = typer.Typer(help="LUMEN: grounded medical and pharmaceutical AI.", no_args_is_help=True,
                  pretty_exceptions_enable=False)

db_app = typer.Typer(help="Database schema (Alembic).", no_args_is_help=True)
admin_app = accounts_cli.admin_app
audit_app = accounts_cli.audit_app
keys_app = keys_cli.keys_app
kb_app = typer.Typer(help="Knowledge base.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluations.", no_args_is_help=True)
interactions_app = typer.Typer(help="Drug interactions.", no_args_is_help=True)
train_app = typer.Typer(help="Fine-tuning.", no_args_is_help=True)
genomepath_app = typer.Typer(help="GenomePath model.", no_args_is_help=True)

for sub, name in [(db_app, "db"), (admin_app, "admin"), (keys_app, "keys"), (kb_app, "kb"),
                  (eval_app, "eval"), (interactions_app, "interactions"), (train_app, "train"),
                  (genomepath_app, "genomepath"), (jobs_cli.app, "jobs"),
                  (audit_app, "audit"), (drugs_cli.drugs_app, "drugs")]:
    app.add_typer(sub, name=name)

app.command("serve")(run_cli.serve)
app.command("worker")(run_cli.worker)
app.command("beat")(run_cli.beat)
app.command("up")(run_cli.up)
interactions_app.command("pairs")(drugs_cli.pairs)
eval_app.command("interactions")(drugs_cli.eval_interactions)


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply database migrations."""
    from backend.config import load_settings
    from backend.migrate import upgrade

    settings = load_settings()
    upgrade(settings.db_url, revision)
    typer.echo(f"database at {revision}: {'sqlite' if settings.is_sqlite else 'postgresql'}")
    if revision == "head":
        from backend.drugs.seed import seed_sync

        figures = seed_sync(settings)
        state = "loaded" if figures["loaded"] else "unchanged"
        typer.echo(f"drug seed: {figures['ingredients']} ingredients, {figures['names']} names, "
                   f"{figures['curated']} curated ({state})")


# Names reserved for features still to come; each says which feature brings it.
_RESERVED: list[tuple[typer.Typer, str, str]] = [
    (kb_app, "ingest", "the knowledge base"),
    (eval_app, "rag", "the knowledge base"),
    (eval_app, "triage", "symptom triage"),
    (app, "fetch", "compound data acquisition"),
    (app, "datagen", "instruction-dataset generation"),
    (train_app, "run", "fine-tuning"),
    (train_app, "eval", "fine-tuning"),
    (app, "serve-model", "model serving"),
    (genomepath_app, "train", "GenomePath"),
    (genomepath_app, "eval", "GenomePath"),
    (genomepath_app, "predict", "GenomePath"),
]


def _reserved(name: str, feature: str) -> Callable[[typer.Context], None]:
    def command(ctx: typer.Context) -> None:
        typer.echo(f"lumen {name}: not available yet; it arrives with {feature}.", err=True)
        raise typer.Exit(code=2)

    command.__doc__ = f"(Not available yet: arrives with {feature}.)"
    return command


_GROUP_NAMES = {id(t): n for t, n in [(admin_app, "admin"), (keys_app, "keys"), (kb_app, "kb"),
                                     (eval_app, "eval"), (interactions_app, "interactions"),
                                     (train_app, "train"), (genomepath_app, "genomepath")]}
for _parent, _name, _feature in _RESERVED:
    _full = " ".join(filter(None, [_GROUP_NAMES.get(id(_parent)), _name]))
    _parent.command(_name, context_settings={"allow_extra_args": True,
                                             "ignore_unknown_options": True})(
        _reserved(_full, _feature))


if __name__ == "__main__":
    app()
