"""Named errors of the document generator."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """A problem with one input: `field` is a path such as `equipment[2].surface_area`."""

    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        """{field, message}, the shape an API returns."""
        return {"field": self.field, "message": self.message}


class DocumentInputError(ValueError):
    """The inputs do not fit the document type; `errors` lists each {field, message}."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.field_errors = tuple(errors)
        self.errors = [e.as_dict() for e in self.field_errors]
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.field_errors))
