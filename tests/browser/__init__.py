"""Browser tests (a package, so its Chromium closes when they are done; see conftest.py)."""
