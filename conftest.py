"""Test-session setup shared by tests/, the doctests in symgrad/ and codegen/, and the docs."""
import os

import pytest
from hypothesis import settings

# CI must give the same verdict on the same commit: there, property tests use a
# fixed sequence of examples; local runs keep exploring new ones
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Every compile during the tests goes to a throw-away cache, never the user's."""
    old = os.environ.get("SYMGRAD_CACHE_DIR")
    os.environ["SYMGRAD_CACHE_DIR"] = str(tmp_path_factory.mktemp("symgrad-cache"))
    yield
    if old is None:
        os.environ.pop("SYMGRAD_CACHE_DIR", None)
    else:
        os.environ["SYMGRAD_CACHE_DIR"] = old
