"""Recompute the SRI hashes of mkdocs_folio/features/libraries.py from npm's tarballs.

    python scripts/sri.py            # check: prints each file, exits 1 on any difference

For each file of the table: `npm pack <package>@<version>` (the tarball npm publishes, which
jsDelivr's /npm/ endpoint serves byte for byte), then sha384 of `package/<path>`, base64.
Needs `npm` and access to the npm registry; the tests never run it.
"""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs_folio.features.libraries import LIBRARIES


def main() -> int:
    failures = 0
    tarballs: dict[str, Path] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, assets in LIBRARIES.items():
            for asset in assets:
                spec = f"{asset.package}@{asset.version}"
                if spec not in tarballs:
                    out = (
                        subprocess.run(
                            ["npm", "pack", spec, "--silent", "--pack-destination", tmp],
                            check=True,
                            capture_output=True,
                            text=True,
                        )
                        .stdout.strip()
                        .splitlines()[-1]
                    )
                    tarballs[spec] = Path(tmp) / out
                with tarfile.open(tarballs[spec]) as archive:
                    member = archive.extractfile(f"package/{asset.path}")
                    data = member.read() if member else b""
                digest = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
                ok = digest == asset.integrity and len(data) == asset.size
                failures += not ok
                print(f"{'ok  ' if ok else 'DIFF'} {name:10} {asset.url} {digest} {len(data)}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
