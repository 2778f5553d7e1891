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
