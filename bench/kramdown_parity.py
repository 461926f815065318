"""How much of the Markdown corpus folio renders exactly as kramdown does.

    python bench/kramdown_parity.py [--diff] [--rule RULE]

Renders the corpus of `tests/kramdown/parity.py` (the demo, the fixtures, the shared al-folio
fixtures when present and the hand-written cases of `tests/fixtures/kramdown/`) with real
kramdown (Jekyll's default options) and with a real folio build, and prints the pass rate per
rule as a Markdown table with the date, and the cases that differ: the table of
docs/markdown.md. `--diff` prints the canonical difference of each case that differs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from tests.kramdown import parity  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diff", action="store_true", help="print each difference")
    parser.add_argument("--rule", help="only the cases of this rule")
    args = parser.parse_args(argv)
    if not parity.kramdown_available():
        print(parity.INSTALL_HINT, file=sys.stderr)
        return 2
    cases = parity.corpus()
    if args.rule:
        cases = [case for case in cases if case.rule == args.rule]
    with contextlib.redirect_stdout(io.StringIO()):  # `mkdocs-folio init` says what it wrote
        outcomes = parity.run(cases)
    if args.diff:
        for outcome in outcomes:
            if not outcome.same:
                print(f"## {outcome.case.source}")
                print(parity.diff(outcome))
                print()
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    print(f"Parity with kramdown {parity.kramdown_version()}, {today}:\n")
    print(parity.table_markdown(outcomes))
    differing = [outcome.case.source for outcome in outcomes if not outcome.same]
    if differing:
        print("\nCases that differ:\n")
        for source in differing:
            print(f"- `{source}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
