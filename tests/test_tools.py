"""The job-posting reader and the self-assessment in a real browser: offline from the downloaded
archive, by keyboard, with hostile or huge input, without JavaScript, and checked by axe-core."""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import PALETTE_RULES, POSTINGS, VERDICTS, axe_violations, expected_verdict, posting_kind

pytestmark = pytest.mark.browser

READER = "guides/read-a-job-posting.html"
VERDICTS_SHOWN = {verdict: shown for shown, verdict in VERDICTS.items()}
NAMED = {"analyst": "This reads as a data analyst's job.", "data_engineer": "This reads as a data engineer's job."}
CHOOSING = "guides/choosing-a-role.html"


@pytest.fixture
def offline(browser):
    """A page in an offline context that refuses and records anything but local files."""
    context = browser.new_context(offline=True, viewport={"width": 1000, "height": 900})
    outside = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "blob:"))
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.errors, page.dialogs = [], []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    assert outside == []
    assert page.errors == []
    assert page.dialogs == []
    context.close()


def open_page(page, site: Path, name: str) -> None:
    page.goto((site / name).resolve().as_uri())


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching selector has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def read_posting(page, text: str) -> str | None:
    page.fill(".fg-reader textarea", text)
    page.wait_for_function("typeof window.fieldguideSignals === 'object'")  # focus on the box reads them
    page.click(".fg-read")
    return page.get_attribute(".fg-verdict", "data-verdict")


def test_reader_works_offline_from_the_archive_by_keyboard(offline, site_copy):
    open_page(offline, site_copy, READER)
    stored = offline.evaluate("() => [localStorage.length, sessionStorage.length]")
    tab_to(offline, ".fg-reader textarea")
    offline.keyboard.insert_text((POSTINGS / "held-out/data-scientist--h5-saas-product.txt").read_text(encoding="utf-8"))
    offline.keyboard.press("Tab")
    assert offline.evaluate("document.activeElement.classList.contains('fg-read')")
    offline.keyboard.press("Enter")
    offline.wait_for_selector(".fg-verdict[data-verdict]", timeout=3000)  # once the signals' file is read
    verdict = offline.locator(".fg-verdict")
    assert verdict.get_attribute("data-verdict") == "data-scientist"
    assert verdict.get_attribute("aria-live") == "polite"
    assert "data scientist" in verdict.inner_text()
    # Every signal found links to a section that exists in the offline copy.
    assert check_links(offline, ".fg-found a") >= 5
    assert offline.locator("mark.fg-mark").count() >= 5
    # Nothing was stored by reading a posting.
    assert offline.evaluate("() => [localStorage.length, sessionStorage.length]") == stored
    # Clear by keyboard empties the box and the result.
    tab_to(offline, ".fg-clear")
    offline.keyboard.press("Enter")
    assert offline.input_value(".fg-reader textarea") == "" and verdict.get_attribute("data-verdict") is None


def test_reader_verdicts_in_the_browser_on_held_out_postings(offline, site_copy):
    """The shipped script in a real browser, on two held-out postings of each kind (Node reads them all)."""
    open_page(offline, site_copy, READER)
    by_kind: dict[str, list] = {}
    for path in sorted((POSTINGS / "held-out").glob("*.txt")):
        by_kind.setdefault(posting_kind(path), []).append(path)
    wrong = []
    for role in ("data_scientist", "ml_engineer", "analyst", "data_engineer"):
        for path in by_kind[role][:2]:
            got = read_posting(offline, path.read_text(encoding="utf-8"))
            ok = got == VERDICTS_SHOWN[expected_verdict(path)]
            if role in NAMED:
                ok = ok and offline.inner_text(".fg-verdict").startswith(NAMED[role])
            if not ok:
                wrong.append(path.name)
    assert wrong == []


def check_links(page, selector: str) -> int:
    """Every link matched goes to a section that exists in the offline copy; how many there are."""
    links = page.eval_on_selector_all(selector, "as => as.map(a => a.href)")
    for link in links:
        url = urlparse(link)
        target = Path(unquote(url.path))
        assert target.is_file(), link
        assert f'id="{url.fragment}"' in target.read_text(encoding="utf-8"), link
    return len(links)


def test_the_verdict_says_why_and_strikes_out_what_it_did_not_count(offline, site_copy):
    open_page(offline, site_copy, READER)
    posting = ("About us\nWe are a fintech using machine learning everywhere.\n\n"
               "Responsibilities\n- Build weekly reports and Power BI dashboards.\n- Track KPIs in Excel. No Kubernetes needed.\n")
    assert read_posting(offline, posting) == "other"
    verdict = offline.inner_text(".fg-verdict")
    assert verdict.startswith("This reads as a data analyst's job. Deciding signals: reporting")
    assert "No sign of modelling, inference or experiment design." in verdict
    assert check_links(offline, ".fg-verdict a") >= 3
    struck = offline.locator(".fg-marked mark.fg-off")
    assert struck.all_inner_texts() == ["machine learning", "Kubernetes"]
    assert "not counted: negated" in offline.inner_text(".fg-marked")
    not_counted = "Not counted: \u201cmachine learning\u201d (company description); \u201cKubernetes\u201d (negated)."
    assert not_counted in offline.inner_text(".fg-details")


def test_pasted_markup_is_shown_as_text_never_run(offline, site_copy):
    open_page(offline, site_copy, READER)
    hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> We deploy models to production with Kubernetes.'
    assert read_posting(offline, hostile) == "ml-engineer"
    assert offline.locator(".fg-result img, .fg-result script").count() == 0
    assert '<img src=x onerror="alert(1)">' in offline.inner_text(".fg-marked")


@pytest.mark.parametrize("kind", ["empty", "huge", "binary"])
def test_awkward_input_gets_a_calm_message_quickly(offline, site_copy, kind):
    open_page(offline, site_copy, READER)
    posting = (POSTINGS / "ml-engineer--02-platform.txt").read_text(encoding="utf-8")
    value = {"empty": "", "huge": (posting * 2000)[:1_048_576], "binary": "\u0000\u0001PK\u0003\u0004\ufffd" * 20_000}[kind]
    offline.evaluate("v => { document.querySelector('.fg-reader textarea').value = v; }", value)
    started = time.monotonic()
    offline.click(".fg-read")  # the first use reads the signals' file, then the verdict appears
    offline.wait_for_function("document.querySelector('.fg-verdict').textContent.trim() !== ''", timeout=3000)
    text = offline.inner_text(".fg-verdict")
    assert time.monotonic() - started < 3
    if kind == "huge":
        assert offline.get_attribute(".fg-verdict", "data-verdict") == "ml-engineer"
        assert "Only the first 20,000 of 1,048,576 characters were read" in offline.inner_text(".fg-details")
    else:
        assert offline.get_attribute(".fg-verdict", "data-verdict") is None
        assert {"empty": "Nothing to read yet", "binary": "does not look like the text"}[kind] in text


def test_self_assessment_by_keyboard_says_why_and_what_next(offline, site_copy):
    open_page(offline, site_copy, CHOOSING)
    assert not offline.locator(".fg-statements").is_visible()
    boxes = offline.locator(".fg-assessment input[type=checkbox]")
    assert boxes.count() == 10
    tab_to(offline, ".fg-assessment input[value='0']")
    offline.keyboard.press("Space")
    for _ in range(2):  # statements 2 and 3
        offline.keyboard.press("Tab")
        offline.keyboard.press("Space")
    for _ in range(5):  # on to statement 8
        offline.keyboard.press("Tab")
    offline.keyboard.press("Space")
    tab_to(offline, ".fg-assessment button")
    offline.keyboard.press("Enter")
    result = offline.locator(".fg-assess-result")
    assert result.get_attribute("data-result") == "data_scientist"
    assert result.get_attribute("aria-live") == "polite"
    text = result.inner_text()
    assert "Your answers lean toward the data scientist's work: 3 of the 4 statements you ticked point there." in text
    assert offline.evaluate("document.activeElement.matches('.fg-assess-result .admonition-title')")  # the result has the focus
    assert "I enjoy framing a business problem" in text and "deploy it" not in text
    hrefs = result.evaluate("r => [...r.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert "../roles/data-scientist.html" in hrefs and "../compare/skills.html#skill-python" in hrefs


def test_the_result_lands_on_a_phone_as_a_callout_and_reads_naturally(browser, site_copy):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    open_page(page, site_copy, CHOOSING)
    result, title = page.locator(".fg-assess-result"), page.locator(".fg-assess-result .admonition-title")

    def show(*ticked: int) -> str:
        page.evaluate("() => document.querySelectorAll('.fg-assessment input').forEach(b => { b.checked = false; })")
        for value in ticked:
            page.check(f".fg-assessment input[value='{value}']")
        page.locator(".fg-assessment button").click()
        return result.inner_text()

    text = show(5, 7)
    assert "Your answers lean toward the ML engineer's work: both statements you ticked point there." in text
    assert "The ML engineer page" in text and "mL" not in text
    assert "admonition" in result.get_attribute("class").split() and title.inner_text() == "Your result"
    # The focus and the view move to the result: its title shows below the fixed header.
    assert page.evaluate("document.activeElement.matches('.fg-assess-result .admonition-title')")
    header, landed = page.locator(".md-header").bounding_box(), title.bounding_box()
    assert header["y"] + header["height"] <= landed["y"] <= 740 / 3
    assert "all 3 statements you ticked point there" in show(5, 7, 8)
    assert "the one statement you ticked points there" in show(0)
    assert "2 of the 3 statements you ticked point there" in show(0, 1, 9)
    context.close()


def test_an_even_split_and_no_answer(offline, site_copy):
    open_page(offline, site_copy, CHOOSING)
    offline.click(".fg-assessment button")
    assert offline.get_attribute(".fg-assess-result", "data-result") == "none"
    offline.check(".fg-assessment input[value='1']")
    offline.check(".fg-assessment input[value='6']")
    offline.click(".fg-assessment button")
    assert offline.get_attribute(".fg-assess-result", "data-result") == "mixed"
    assert "one-person-both-roles.html" in offline.inner_html(".fg-assess-result")


def test_without_javascript_the_text_and_questions_remain(browser, site_copy):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    open_page(page, site_copy, CHOOSING)
    items = page.locator(".fg-statements li")
    assert items.count() == 10 and items.first.is_visible()
    assert not page.locator(".fg-assessment").is_visible()
    open_page(page, site_copy, READER)
    assert not page.locator(".fg-reader").is_visible()
    assert page.locator(".fg-needs-script").is_visible()
    assert page.locator("table caption", has_text="The phrases the reader looks for").count() == 1
    context.close()


def test_tools_start_once_when_the_page_is_announced_again(offline, site_copy):
    """Instant navigation announces each new page through document$; starting twice changes nothing."""
    for name, selector in [(READER, ".fg-verdict"), (CHOOSING, ".fg-assessment form")]:
        open_page(offline, site_copy, name)
        assert offline.evaluate("typeof document$ === 'object' && typeof document$.next === 'function'")
        offline.evaluate("document$.next(document)")
        assert offline.locator(selector).count() == 1, name


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_filled_in_tools_are_axe_clean(browser, site_copy, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for name in (READER, CHOOSING):
        open_page(page, site_copy, name)
        if name == READER:
            posting = (POSTINGS / "mixed--01-startup-generalist.txt").read_text(encoding="utf-8")
            page.fill(".fg-reader textarea", posting + "\nExcel reports, ETL and Airflow.")
            page.click(".fg-read")
            assert page.locator(".fg-marked mark").count() > 10
        else:
            page.check(".fg-assessment input[value='5']")
            page.click(".fg-assessment button")
        # Scrolling fades the header's tabs; axe must not measure them half-faded.
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(600)
        violations = axe_violations(page, None if scheme == "light" else PALETTE_RULES)
        if violations:
            found[name] = violations
    context.close()
    assert found == {}


@pytest.mark.parametrize("name", ["compare/skills.html", READER, CHOOSING, "guides/hiring.html"])
def test_new_pages_fit_a_phone(browser, site_copy, name):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    open_page(page, site_copy, name)
    if name == READER:
        page.fill(".fg-reader textarea", (POSTINGS / "ml-engineer--04-llm-apps.txt").read_text(encoding="utf-8"))
        page.click(".fg-read")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_scripts_stay_small_and_self_contained():
    for script in Path(__file__).resolve().parents[1].joinpath("docs/assets/tools").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert len(text.encode("utf-8")) < 20_000, script.name
        if script.name == "search-on-demand.js":
            continue  # it holds back the theme's own index request; it makes none of its own
        assert not re.search(r"\b(fetch|XMLHttpRequest|localStorage|sessionStorage|innerHTML|eval)\b", text), script.name


def test_the_sample_posting_reads_with_a_key_and_tags(offline, site_copy):
    open_page(offline, site_copy, READER)
    assert float(offline.evaluate("getComputedStyle(document.querySelector('.fg-reader textarea')).fontSize")[:-2]) >= 16
    offline.click(".fg-sample")  # the first use reads the signals' file, sample included
    offline.wait_for_function("document.querySelector('.fg-reader textarea').value !== ''", timeout=3000)
    assert offline.input_value(".fg-reader textarea").startswith("Senior Data Scientist")
    key = offline.inner_text(".fg-key")
    assert "ML engineer's work" in key and "not counted" in key
    tags = offline.locator(".fg-marked .fg-tag").all_inner_texts()
    assert "MLE" in tags and len(tags) == offline.locator(".fg-marked mark").count()
