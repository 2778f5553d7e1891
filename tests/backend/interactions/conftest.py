from __future__ import annotations

import pytest

from backend.drugs.catalog import Catalog, cached_catalog
from backend.drugs.resolver import Resolver, resolver_for
from tests.support import REPO

SEED = REPO / "data" / "seed"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return cached_catalog(SEED)


@pytest.fixture(scope="session")
def resolver(catalog: Catalog) -> Resolver:
    return resolver_for(catalog)


@pytest.fixture(scope="session")
def knowledge(catalog: Catalog):  # type: ignore[no-untyped-def]
    from backend.interactions.knowledge import cached_knowledge

    return cached_knowledge(SEED, catalog)
