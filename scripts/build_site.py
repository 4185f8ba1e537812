#!/usr/bin/env python3
"""Build the site in both languages: site/ko/, site/en/ and a root page that sends readers to theirs.

The build goes to a fresh folder beside site/ and replaces site/ only when both languages built cleanly,
so a failed build never leaves a half-written site in place of the last good one. With the same commit
the output is byte-identical (SOURCE_DATE_EPOCH is the commit's time).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("ko", "en")


def _source_date_epoch() -> str:
    try:
        return subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def build_language(lang: str, site_dir: Path, config_dir: Path = ROOT) -> str:
    """Builds one language; returns the site's address (its root, above the languages)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_dir / f"mkdocs.{lang}.yml"), site_dir=str(site_dir))
    build(config)
    return str(config["extra"]["site_address"])


def write_root_page(site: Path, address: str) -> None:
    from sitegen.csp import with_csp
    from sitegen.i18n import translate
    from sitegen.render import environment

    html = environment().get_template("root.html").render(
        names={lang: translate(lang, "site.name") for lang in LANGUAGES},
        taglines={lang: translate(lang, "site.tagline") for lang in LANGUAGES},
        address=address,
    )
    (site / "index.html").write_text(with_csp(html), encoding="utf-8")


def build_site(target: Path, config_dir: Path = ROOT) -> None:
    from sitegen.context import build_state
    from sitegen.publish import write_root
    from sitegen.search import build_index

    os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    try:
        addresses = set()
        for lang in LANGUAGES:
            addresses.add(build_language(lang, staging / lang, config_dir))
            build_index(staging / lang, build_state().data, lang)  # each language searches only its own pages
        address = addresses.pop().rstrip("/") + "/"
        write_root_page(staging, address)
        write_root(staging, address)  # sitemap, robots.txt, 404 page, API
        previous = target.with_name(f".{target.name}-previous")
        shutil.rmtree(previous, ignore_errors=True)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        build_site(args.site_dir.resolve())
    except Exception as error:  # noqa: BLE001 - report any build failure in one line, the last good site kept
        print(f"build failed: {error}", file=sys.stderr)
        print(f"the previous site in {args.site_dir} was left as it was", file=sys.stderr)
        return 1
    print(f"built {args.site_dir}/ko/ and {args.site_dir}/en/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
