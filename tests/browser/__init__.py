"""Browser tests: the built site in Debian's Chromium, driven by Playwright (`pytest -m browser`).

A package, so that its conftest.py does not shadow tests/conftest.py for `from conftest import ...`."""
