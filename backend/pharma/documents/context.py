"""What a section kind sees while a document is built, and the shape of a kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from backend.pharma.documents.errors import FieldError
from backend.pharma.documents.model import Block
from backend.pharma.documents.templates import PLACEHOLDER, FieldSpec, SectionSpec, Template
from backend.pharma.documents.text import format_value, render_body


@dataclass(frozen=True)
class CheckOutcome:
    """The result of one `checks` section: how many checks ran and which failed."""

    total: int
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """True when every check passed."""
        return not self.failures


@dataclass
class Context:
    """Validated inputs plus what earlier kinds computed (placeholders, outcomes, cache)."""

    template: Template
    values: Mapping[str, Any]
    extra: Mapping[str, Any] = field(default_factory=dict)
    computed: dict[str, Any] = field(default_factory=dict)
    outcomes: dict[str, CheckOutcome] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    def lookup(self, name: str, local: Mapping[str, Any] | None = None) -> str:
        """The printed value of a placeholder: local names first, then computed, then inputs."""
        if local is not None and name in local:
            return format_value(local[name])
        if name in self.computed:
            return format_value(self.computed[name])
        return format_value(self.values.get(name), self.template.field(name))

    def body(self, text: str, local: Mapping[str, Any] | None = None) -> list[Block]:
        """Blocks for a body text with this context's values (and optional local names)."""
        values = {**self.values, **self.computed, **(local or {})}
        return render_body(text, values, lambda n: self.lookup(n, local))


def no_problems(spec: SectionSpec, template: Template) -> list[str]:
    """Default template check: nothing kind-specific to check."""
    return []


def no_errors(spec: SectionSpec, template: Template, values: Mapping[str, Any]) -> list[FieldError]:
    """Default input check: nothing kind-specific to check."""
    return []


@dataclass(frozen=True)
class Kind:
    """A section kind: how it renders, and what it checks in templates and in inputs."""

    # `prepare` runs for every section before any is rendered, so a summary near the top can
    # use results computed by a section further down. `provides` names the placeholders a kind
    # adds for the whole document; `locals` those only its own texts may use.

    render: Callable[[SectionSpec, Context], list[Block]]
    check_template: Callable[[SectionSpec, Template], list[str]] = no_problems
    check_inputs: Callable[[SectionSpec, Template, Mapping[str, Any]], list[FieldError]] = (
        no_errors)
    prepare: Callable[[SectionSpec, Context], None] | None = None
    provides: tuple[str, ...] = ()
    locals: tuple[str, ...] = ()


def table_field(spec: SectionSpec, template: Template, key: str = "source",
                types: tuple[str, ...] = ("table",)) -> tuple[FieldSpec | None, list[str]]:
    """The input field an option names, with a problem when it is absent or of the wrong type."""
    name = spec.options.get(key)
    found = template.field(str(name)) if name else None
    if found is None or found.type not in types:
        return None, [f"section '{spec.id}': '{key}' must name a field of type {'/'.join(types)}"]
    return found, []


def unknown_placeholders(text: str, allowed: Callable[[str], bool], where: str) -> list[str]:
    """A problem for each placeholder in `text` that `allowed` rejects."""
    return [f"{where}: unknown placeholder {{{{{name}}}}}"
            for name in PLACEHOLDER.findall(text) if not allowed(name)]
