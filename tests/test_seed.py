"""The seed page, through the real CLI, imports exactly as ../shared/seed/expected.json says."""

import subprocess
import sys

from tests.conftest import requires_shared


def test_seed_check_holds_through_the_cli():
    check = requires_shared("seed", "check.py")
    result = subprocess.run(
        [sys.executable, str(check), f"{sys.executable} -m newsarchive"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(tuple(f"{n}/{n} checks hold" for n in range(20, 60)))
