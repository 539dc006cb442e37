"""The README's example query answers its question on the bundled graph."""

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_cooperation_query(union):
    query = re.search(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    rows = {(str(r[0]), str(r[1])) for r in union.query(query)}
    assert ("广东容大生物股份有限公司", "福建师范大学") in rows


def test_readme_names_two_commands():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Two commands.*?```sh\n(.*?)```", text, re.S).group(1)
    commands = [ln.split("#")[0].strip() for ln in block.splitlines() if ln.strip()]
    assert commands == ["make demo", "make test"]
