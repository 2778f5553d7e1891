"""Schema of a curated drug file (data/seed/drugs/curated/*.yaml), validated on load (pure)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Status = Literal["rx", "otc", "pharmacy", "gsl", "mixed", "not_marketed", "unknown"]
SourceRef = str | list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    id: str
    title: str
    url: str = ""


class Items(_Strict):
    items: list[str]
    source: SourceRef


class Text(_Strict):
    text: str
    source: SourceRef


class SideEffects(_Strict):
    common: list[str]
    serious: list[str]
    source: SourceRef


class MarketStatus(_Strict):
    us: Status = "unknown"
    uk: Status = "unknown"
    eu: Status = "unknown"
    source: SourceRef


class CuratedDrug(_Strict):
    """Our reviewed facts for one active ingredient; every fact group names its source."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    atc: list[str] = Field(default_factory=list)
    classes: list[str]
    status: MarketStatus
    uses: Items
    side_effects: SideEffects
    contraindications: Items
    pregnancy: Text
    lactation: Text
    interaction_tags: Items
    sources: list[Source] = Field(min_length=1)

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value: list[object] | None) -> list[str]:
        return [str(v) for v in value or []]

    @model_validator(mode="after")
    def _sources_declared(self) -> CuratedDrug:
        declared = {s.id for s in self.sources}
        for group in (self.status, self.uses, self.side_effects, self.contraindications,
                      self.pregnancy, self.lactation, self.interaction_tags):
            refs = [group.source] if isinstance(group.source, str) else group.source
            missing = [r for r in refs if r not in declared]
            if missing or not refs:
                raise ValueError(f"{self.name}: source {missing or '(none)'} is not in sources")
        return self

    def check_vocabulary(self, classes: set[str], tags: set[str]) -> list[str]:
        """Unknown class or tag ids (a typo would silently disable a rule)."""
        bad = [f"class {c}" for c in self.classes if c not in classes]
        return bad + [f"tag {t}" for t in self.interaction_tags.items if t not in tags]
