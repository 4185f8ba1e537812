"""The Pages workflow (parsed: actionlint downloads a binary, so it is not used), the one place the site's
address and repository are set, and CITATION.cff."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml  # not a fact file: workflow and citation files are plain YAML
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def workflow_problems(workflow: dict[Any, Any]) -> list[str]:
    """What would let the Pages workflow publish a bad site, publish twice at once, or hold more rights than
    it needs."""
    problems = []
    triggers = workflow.get(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    if not isinstance(triggers, dict) or triggers.get("push", {}).get("branches") != ["main"]:
        problems.append("not run on push to main")
    if workflow.get("permissions") not in ({}, None, {"contents": "read"}):
        problems.append("workflow-wide permissions beyond contents: read")
    concurrency = workflow.get("concurrency") or {}
    if not concurrency.get("group") or concurrency.get("cancel-in-progress") is not False:
        problems.append("no concurrency group that lets a running deployment finish")
    jobs = workflow.get("jobs", {})
    build, deploy = jobs.get("build", {}), jobs.get("deploy", {})
    if build.get("permissions") != {"contents": "read"}:
        problems.append("the build job holds more than contents: read")
    if deploy.get("permissions") != {"pages": "write", "id-token": "write"}:
        problems.append("the deploy job holds other rights than pages: write and id-token: write")
    if "build" not in ([deploy.get("needs")] if isinstance(deploy.get("needs"), str) else deploy.get("needs", [])):
        problems.append("the deploy job does not depend on the build job")
    if not any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in deploy.get("steps", [])):
        problems.append("the deploy job does not use actions/deploy-pages")
    steps = build.get("steps", [])
    runs = [str(step.get("run", "")) for step in steps]
    uses = [str(step.get("uses", "")) for step in steps]
    upload = next((i for i, name in enumerate(uses) if name.startswith("actions/upload-pages-artifact@")), None)
    tested = next((i for i, run in enumerate(runs) if "make test" in run), None)
    built = next((i for i, run in enumerate(runs) if "make build" in run), None)
    if upload is None or tested is None or built is None or not tested < built < upload:
        problems.append("the build job does not run make test, then make build, then upload the site")
    archive = next((step for step in steps if step.get("with", {}).get("path") == "_archive"), None)
    if archive is None or not {"repository", "ref", "token"} <= set(archive["with"]) \
            or ".ci/archive-commit" not in " ".join(runs):
        problems.append("the archive is not checked out from its repository at a pinned commit")
    env = steps[tested].get("env", {}) if tested is not None else {}
    if "/_archive" not in str(env.get("FACTS_ARCHIVE", "")) or str(env.get("CI")) != "true":
        problems.append("make test does not run with the archive and CI=true")
    if steps and steps[0].get("with", {}).get("fetch-depth") != 0:
        problems.append("the checkout is shallow (the history of changes needs all of it)")
    return problems


def test_the_pages_workflow_publishes_only_a_checked_build_with_least_rights() -> None:
    assert workflow_problems(_load(WORKFLOW)) == []


@pytest.mark.parametrize(("mutate", "problem"), [
    (lambda w: w.update(permissions="write-all"), "workflow-wide permissions beyond contents: read"),
    (lambda w: w["jobs"]["build"]["permissions"].update(pages="write"),
     "the build job holds more than contents: read"),
    (lambda w: w["jobs"]["deploy"].pop("needs"), "the deploy job does not depend on the build job"),
    (lambda w: w["jobs"]["build"]["steps"].reverse(),
     "the build job does not run make test, then make build, then upload the site"),
    (lambda w: w.pop("concurrency"), "no concurrency group that lets a running deployment finish"),
    (lambda w: w[True]["push"].update(branches=["dev"]), "not run on push to main"),
])
def test_each_workflow_check_fails_on_a_bad_workflow(mutate: Any, problem: str) -> None:
    workflow = copy.deepcopy(_load(WORKFLOW))
    mutate(workflow)
    assert problem in workflow_problems(workflow)


def test_the_site_address_and_repository_are_set_in_mkdocs_yml_only() -> None:
    shared = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    address = re.search(r'site_address: !ENV \[SITE_URL, "([^"]+)"\]', shared)
    repository = re.search(r'repo_url: !ENV \[SITE_REPOSITORY, "([^"]+)"\]', shared)
    assert address and repository
    for lang in ("ko", "en"):
        text = (ROOT / f"mkdocs.{lang}.yml").read_text(encoding="utf-8")
        assert not re.search(r"^(site_url|repo_url):|^\s+repository:", text, re.M), lang
    citation = _load(ROOT / "CITATION.cff")
    assert (citation["url"], citation["repository-code"]) == (address.group(1), repository.group(1))


def test_citation_cff_has_what_cff_1_2_0_requires() -> None:
    citation = _load(ROOT / "CITATION.cff")
    assert citation["cff-version"] == "1.2.0"
    assert isinstance(citation["message"], str) and citation["message"]
    assert isinstance(citation["title"], str) and citation["title"]
    assert citation["type"] in ("software", "dataset")
    assert citation["authors"] and all({"name"} <= set(a) or {"family-names"} <= set(a) for a in citation["authors"])
    assert set(citation) <= {"cff-version", "message", "title", "authors", "type", "url", "repository-code",
                             "license", "abstract", "keywords", "date-released", "version", "doi", "identifiers"}
