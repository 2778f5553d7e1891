"""Write the OpenAPI schema to a file (the front end's typed client is generated from it)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def openapi_document() -> dict[str, Any]:
    """The app's OpenAPI document, built without touching a database."""
    from backend.config import Settings
    from backend.main import create_app

    app = create_app(Settings(environment="development", ui_dir=Path("/nonexistent")))
    return app.openapi()


def main(argv: list[str]) -> None:
    text = json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"
    if len(argv) > 1:
        Path(argv[1]).write_text(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
