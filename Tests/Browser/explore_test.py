#!/usr/bin/env python3
"""Drives relgraph's explorer page and report in headless Chromium, as a person would.

usage: explore_test.py RELGRAPH_BINARY REPO_ROOT [--screenshots DIR]

Writes the pages with the binary into a temporary folder, opens them from file://
and checks: search "Frank Jacson" reads Mercader's card; clicking Stalin in the
diagram opens his card; the path Mercader → Stalin is narrated and highlighted;
year 1925 hides the 1940 ties; no console errors; no network requests; a graph
whose strings hold script payloads runs none of them. A generated graph of 3,000
entities in six circles gets the overview: clicking a group lists its members
(exactly one circle), a member opens its card, search and the path finder still
cover every entity and the path lights the groups it crosses. Prints one line per check
and "N passed, N failed"; exits non-zero on any failure.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

# Selenium Manager must not look anything up on the network: the driver is given.
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PASSED, FAILED = [], []


def check(name, condition, detail=""):
    (PASSED if condition else FAILED).append(name)
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else "  — " + str(detail)), flush=True)


def browser():
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1500,950", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(arg)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def network_requests(driver, pages=()):
    """Requests made other than loading the pages themselves (from the DevTools performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    allowed = {p.as_uri() for p in pages}
    return [u for u in urls if u not in allowed]


def tie_shown(driver, relation):
    """Whether the drawn tie is displayed (not hidden by a filter)."""
    return driver.execute_script(
        "return getComputedStyle(document.querySelector('svg g[data-relation=\"' + arguments[0] + '\"]')).display !== 'none'",
        relation)


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr}")


def hostile_graph(path):
    payloads = [
        "<img src=x onerror=\"window.__pwned=1\">",
        "</script><script>window.__pwned=2</script>",
        "\" onmouseover=\"window.__pwned=3\" x=\"",
        "javascript:window.__pwned=4",
        "<svg onload=window.__pwned=5>",
        "<!-- \u2028 --> ]]> & <b>bold</b>",
    ]
    ents = []
    for i, p in enumerate(payloads):
        ents.append({"id": f"e{i}", "kind": "person", "name": f"Name {i} {p}", "aliases": [p],
                     "description": p})
    rels = []
    for i in range(len(payloads)):
        rels.append({"from": f"e{i}", "kind": "ally_of", "to": f"e{(i + 1) % len(payloads)}",
                     "date": "1930", "evidence": f"evidence {payloads[i]}", "source": payloads[(i + 3) % len(payloads)]})
    doc = {"relgraph": 1, "name": "Hostile " + payloads[1], "description": payloads[0],
           "entities": ents, "relations": rels}
    pathlib.Path(path).write_text(json.dumps(doc), encoding="utf-8")


CIRCLES, PER_CIRCLE = 6, 500


def big_graph(path):
    """Six circles of 500 people, each tied to 4 others of its circle at random
    (seeded), and 30 ties between circles: Louvain must find the six circles.
    Two ties in three carry a year (1900–1949). Returns (circles as id lists,
    the relations as dicts)."""
    import random
    rng = random.Random(7)
    ents, rels, seen = [], [], set()
    circles = [[f"c{c}p{i}" for i in range(PER_CIRCLE)] for c in range(CIRCLES)]
    for c, ids in enumerate(circles):
        for i, e in enumerate(ids):
            ents.append({"id": e, "kind": "person", "name": f"Circle {c + 1} person {i}"})
    ents[3 * PER_CIRCLE + 17].update({"name": "Zofia Kowalczyk", "aliases": ["Zosia"]})

    def tie(a, b):
        key = (min(a, b), max(a, b))
        if a == b or key in seen:
            return
        seen.add(key)
        r = {"from": a, "kind": "ally_of", "to": b, "evidence": "generated for the overview test", "source": "test"}
        if rng.random() < 2 / 3:
            r["date"] = str(rng.randrange(1900, 1950))
        rels.append(r)
    for ids in circles:
        for e in ids:
            for _ in range(4):
                tie(e, rng.choice(ids))
    for _ in range(30):
        a, b = rng.sample(range(CIRCLES), 2)
        tie(rng.choice(circles[a]), rng.choice(circles[b]))
    doc = {"relgraph": 1, "name": "Six circles", "entities": ents, "relations": rels}
    pathlib.Path(path).write_text(json.dumps(doc), encoding="utf-8")
    return circles, rels


def overview_checks(driver, binary, tmp, shots):
    """The explorer on a graph above the overview threshold."""
    big_json = tmp / "six-circles.json"
    circles, rels = big_graph(big_json)
    big = tmp / "six-circles.html"
    run([binary, "explore", str(big_json), "-o", str(big)])
    driver.get(big.as_uri())
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=search]"))
    groups = driver.find_elements(By.CSS_SELECTOR, "svg g[data-group]")
    check("big graph: one node per circle", len(groups) == CIRCLES, len(groups))
    check("big graph: no entity drawn one by one", driver.find_elements(By.CSS_SELECTOR, "svg g[data-entity]") == [])
    note = driver.find_element(By.CSS_SELECTOR, "[data-testid=overview-note]").text
    check("big graph: the page says it is an overview and how to draw everything",
          note.startswith("An overview") and "relgraph render" in note and "--full" in note, note)

    # Click group 1: its card lists exactly one circle's members.
    node = driver.find_element(By.CSS_SELECTOR, 'svg g[data-group="1"] text')
    node.click()
    panel = driver.find_element(By.CSS_SELECTOR, "[data-testid=panel]")
    wait(driver, lambda d: panel.find_element(By.CSS_SELECTOR, "h2").text.startswith("Community 1: "))
    members = [li.get_attribute("data-entity") for li in panel.find_elements(By.CSS_SELECTOR, "ul.members li")]
    circle = next((ids for ids in circles if members and members[0] in ids), [])
    check("clicking group 1 lists the members of one circle, every one", sorted(members) == sorted(circle),
          (len(members), len(circle)))
    label = driver.find_element(By.CSS_SELECTOR, 'svg g[data-group="1"]').text
    lead = panel.find_element(By.CSS_SELECTOR, "ul.members li .entity").text
    check("the group is named after its most-tied member, who heads its list",
          lead in label and f"{PER_CIRCLE} entities" in label, (lead, label))
    between = [li.text for li in panel.find_elements(By.CSS_SELECTOR, "ul.group-links li")]
    group_of = {e: k for k, ids in enumerate(circles) for e in ids}
    mine = group_of[members[0]]
    expected = sum(1 for r in rels if (group_of[r["from"]] == mine) != (group_of[r["to"]] == mine))
    check("the card counts its ties to other groups", sum(int(t.split(" ")[0]) for t in between) == expected,
          (between, expected))
    # A member opens its card.
    second = panel.find_elements(By.CSS_SELECTOR, "ul.members li .entity")[1]
    name = second.text
    second.click()
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=panel] h2").text == name)
    check("a member's name opens its card", "ties" in driver.find_element(By.CSS_SELECTOR, "[data-testid=panel]").text)

    # Search reaches every entity; the card names its group, whose node is marked.
    search = driver.find_element(By.CSS_SELECTOR, "[data-testid=search]")
    search.send_keys("Zosia", Keys.ENTER)
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=panel] h2").text == "Zofia Kowalczyk")
    card = driver.find_element(By.CSS_SELECTOR, "[data-testid=panel]").text
    zofia_ties = sum(1 for r in rels if "c3p17" in (r["from"], r["to"]))
    check("search finds Zofia Kowalczyk by her alias and reads her card",
          f"{zofia_ties} ties" in card and "Circle 4 person" in card, card[:300])
    selected = driver.find_elements(By.CSS_SELECTOR, "svg g[data-group].selected")
    check("her group's node is marked", len(selected) == 1 and
          "In community " + selected[0].get_attribute("data-group") in card, card[:300])

    # The path finder over every entity, as `relgraph path` answers.
    driver.find_element(By.ID, "path-from").send_keys("Zofia Kowalczyk")
    driver.find_element(By.ID, "path-to").send_keys("c0p5")
    driver.find_element(By.ID, "path-go").click()
    result = driver.find_element(By.CSS_SELECTOR, "[data-testid=path-result]")
    wait(driver, lambda d: result.text.strip() != "")
    shown = [li.text for li in result.find_elements(By.CSS_SELECTOR, "li")]
    out = subprocess.run([binary, "path", str(big_json), "c3p17", "c0p5"], capture_output=True, text=True).stdout
    cli = [line.split(". ", 1)[1] for line in out.splitlines() if line.startswith("  ") and ". " in line]
    check("big graph: the path is the one `relgraph path` prints", shown == cli and len(cli) > 0, (shown, cli))
    lit = driver.find_elements(By.CSS_SELECTOR, "svg g[data-group].on-path")
    crossed = result.find_element(By.CSS_SELECTOR, ".groups-crossed").text
    check("the groups the path crosses are named and lit", crossed.startswith("Crosses ") and len(lit) >= 2
          and crossed.count("community ") == len(lit), (crossed, len(lit)))

    # The year control counts over every tie.
    year = driver.find_element(By.CSS_SELECTOR, "[data-testid=year]")
    year.send_keys("1925", Keys.TAB)
    held = sum(1 for r in rels if "date" not in r or r["date"] == "1925")
    status = driver.find_element(By.ID, "year-status").text
    check("big graph: year 1925 keeps the ties of 1925 and the undated", status.startswith(f"{held} of {len(rels)} ties"),
          (status, held))
    errors = console_errors(driver)
    check("big graph: no console errors", errors == [], errors)
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
        # Zofia's group, on the path found above, with its card open.
        driver.find_element(By.CSS_SELECTOR, "[data-testid=path-result] .groups-crossed .group").click()
        driver.execute_script("document.querySelector('aside').scrollTop = 0")
        time.sleep(0.3)
        driver.save_screenshot(str(shots / "explore-overview.png"))


def main():
    binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
    shots = pathlib.Path(sys.argv[sys.argv.index("--screenshots") + 1]) if "--screenshots" in sys.argv else None
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="relgraph-browser-"))
    page = tmp / "trotsky-stalin.html"
    run([binary, "explore", str(root / "Graphs/trotsky-stalin.yaml"), "-o", str(page)])
    report = tmp / "report.html"
    run([binary, "report", str(root / "Graphs/trotsky-stalin.yaml"), "-o", str(report), "--pair", "mercader,stalin"])
    hostile_json = tmp / "hostile.json"
    hostile_graph(hostile_json)
    hostile = tmp / "hostile.html"
    run([binary, "explore", str(hostile_json), "-o", str(hostile)])
    hostile_report = tmp / "hostile-report.html"
    run([binary, "report", str(hostile_json), "-o", str(hostile_report), "--pair", "e0,e3"])

    driver = browser()
    try:
        driver.get(page.as_uri())
        wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=search]"))
        info = json.loads(subprocess.run([binary, "info", str(root / "Graphs/trotsky-stalin.yaml"), "--format", "json"],
                                         capture_output=True, text=True, check=True).stdout)
        drawn = driver.find_elements(By.CSS_SELECTOR, "svg g[data-entity]")
        check("every entity is drawn with data-entity", len(drawn) == info["entities"], len(drawn))
        check("every tie is drawn with data-relation",
              len(driver.find_elements(By.CSS_SELECTOR, "svg g[data-relation]")) == info["relations"])
        # The hop Mercader killed Trotsky as `relgraph path` prints it, with its source.
        killed_line = next(line.split(". ", 1)[1] for line in subprocess.run(
            [binary, "path", str(root / "Graphs/trotsky-stalin.yaml"), "mercader", "trotsky"],
            capture_output=True, text=True).stdout.splitlines() if line.startswith("  1. "))
        killed_source = killed_line[killed_line.rindex(" ["):].strip()

        # Search "Frank Jacson": an alias of Ramón Mercader.
        search = driver.find_element(By.CSS_SELECTOR, "[data-testid=search]")
        search.send_keys("Frank Jacson")
        suggestions = driver.find_elements(By.CSS_SELECTOR, "#suggestions button")
        check("typing suggests Mercader", any("Ramón Mercader" in s.text for s in suggestions),
              [s.text for s in suggestions])
        search.send_keys(Keys.ENTER)
        panel = driver.find_element(By.CSS_SELECTOR, "[data-testid=panel]")
        wait(driver, lambda d: "Ramón Mercader" in panel.text)
        text = panel.text
        check("search opens Mercader's card", panel.find_element(By.CSS_SELECTOR, "h2").text == "Ramón Mercader", text[:200])
        check("the card lists his aliases", "Jacques Mornard" in text)
        check("the card reads his ties as the CLI does",
              "Ramón Mercader killed Leon Trotsky" in text and "(1940-08-20)" in text
              and "killed him with a mountaineer's ice axe" in text and killed_source in text, text)
        if shots:
            driver.find_element(By.ID, "path-from").send_keys("mercader")

        # Click Stalin in the diagram.
        driver.find_element(By.CSS_SELECTOR, "[data-testid=search]").clear()
        stalin = driver.find_element(By.CSS_SELECTOR, 'svg g[data-entity="stalin"]')
        driver.execute_script("arguments[0].scrollIntoView()", stalin)
        stalin.find_element(By.CSS_SELECTOR, "text").click()
        wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=panel] h2").text == "Joseph Stalin")
        check("clicking Stalin opens his card", True)

        # The path Mercader → Stalin.
        driver.find_element(By.CSS_SELECTOR, "[data-testid=path-from]").clear()
        driver.find_element(By.CSS_SELECTOR, "[data-testid=path-from]").send_keys("mercader")
        driver.find_element(By.CSS_SELECTOR, "[data-testid=path-to]").send_keys("Stalin")
        driver.find_element(By.CSS_SELECTOR, "[data-testid=path-go]").click()
        result = driver.find_element(By.CSS_SELECTOR, "[data-testid=path-result]")
        wait(driver, lambda d: result.text.strip() != "")
        cli = subprocess.run([binary, "path", str(root / "Graphs/trotsky-stalin.yaml"), "mercader", "stalin"],
                             capture_output=True, text=True).stdout
        steps = [line.split(". ", 1)[1] for line in cli.splitlines() if line.startswith("  ") and ". " in line]
        shown = [li.text for li in result.find_elements(By.CSS_SELECTOR, "li")]
        check("the path is Mercader → Trotsky → Stalin", "Ramón Mercader → Leon Trotsky → Joseph Stalin" in result.text, result.text)
        check("each hop reads exactly as `relgraph path` prints it", shown == steps, (shown, steps))
        lit = driver.find_elements(By.CSS_SELECTOR, "svg g.on-path")
        # With --avoid and --kinds, as the CLI answers.
        def page_path(avoid, kinds):
            for field, value in [("path-avoid", avoid), ("path-kinds", kinds)]:
                driver.find_element(By.ID, field).clear()
                driver.find_element(By.ID, field).send_keys(value)
            driver.find_element(By.CSS_SELECTOR, "[data-testid=path-go]").click()
            return [li.text for li in driver.find_elements(By.CSS_SELECTOR, "[data-testid=path-result] li")]

        def cli_path(*flags):
            out = subprocess.run([binary, "path", str(root / "Graphs/trotsky-stalin.yaml"), "mercader", "stalin", *flags],
                                 capture_output=True, text=True).stdout
            return [line.split(". ", 1)[1] for line in out.splitlines() if line.startswith("  ") and ". " in line]

        avoided = page_path("trotsky", "")
        check("avoiding Trotsky gives the CLI's path", avoided == cli_path("--avoid", "trotsky"), avoided)
        kinds = "agent_of,leader_of,ally_of,killed,ordered_killing_of"
        only = page_path("", kinds)
        check("with only some kinds, the CLI's path", only == cli_path("--kinds", kinds), only)
        # Fifteen seeded pairs: the page's path is the one `relgraph path` prints.
        import random
        ids = driver.execute_script(
            "return JSON.parse(document.getElementById('graph-data').textContent).entities.map((e) => e.id)")
        rng = random.Random(11)
        differ = []
        page_path("", "")
        for _ in range(15):
            a, b = rng.sample(ids, 2)
            for field, value in [("path-from", a), ("path-to", b)]:
                driver.find_element(By.ID, field).clear()
                driver.find_element(By.ID, field).send_keys(value)
            driver.find_element(By.CSS_SELECTOR, "[data-testid=path-go]").click()
            shown_hops = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "[data-testid=path-result] li")]
            out = subprocess.run([binary, "path", str(root / "Graphs/trotsky-stalin.yaml"), a, b],
                                 capture_output=True, text=True).stdout
            cli_hops = [line.split(". ", 1)[1] for line in out.splitlines() if line.startswith("  ") and ". " in line]
            if shown_hops != cli_hops:
                differ.append((a, b, shown_hops, cli_hops))
        check("15 seeded pairs: the page finds the path `relgraph path` prints", differ == [], differ)
        for field, value in [("path-from", "mercader"), ("path-to", "Stalin")]:
            driver.find_element(By.ID, field).clear()
            driver.find_element(By.ID, field).send_keys(value)
        page_path("", "")
        check("the path is highlighted in the drawing", len(lit) == 5, len(lit))
        if shots:
            shots.mkdir(parents=True, exist_ok=True)
            driver.find_element(By.CSS_SELECTOR, "[data-testid=search]").send_keys("Frank Jacson", Keys.ENTER)
            for _ in range(2):
                driver.find_element(By.ID, "zoom-in").click()
            driver.find_element(By.ID, "diagram").send_keys(Keys.ARROW_LEFT, Keys.ARROW_LEFT)
            driver.execute_script("document.querySelector('aside').scrollTop = 0")
            time.sleep(0.3)
            driver.save_screenshot(str(shots / "explore-page.png"))

        # Clicking a tie shows its evidence and source.
        killed = driver.execute_script("""
            const d = JSON.parse(document.getElementById('graph-data').textContent);
            return d.relations.findIndex((r) => r.kind === 'killed' && d.entities[r.from].id === 'mercader');""")
        edge = driver.find_element(By.CSS_SELECTOR, f'svg g[data-relation="{killed}"] path')
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edge)
        card = driver.find_element(By.CSS_SELECTOR, "[data-testid=panel]").text
        check("clicking a tie shows its evidence and source",
              "Ramón Mercader killed Leon Trotsky" in card and "killed him with a mountaineer's ice axe" in card
              and killed_source in card, card)

        # Keyboard: + zooms, 0 fits.
        view_box = "return document.querySelector('#diagram svg').getAttribute('viewBox')"
        driver.find_element(By.ID, "zoom-fit").click()
        home = driver.execute_script(view_box)
        diagram = driver.find_element(By.ID, "diagram")
        driver.execute_script("arguments[0].focus()", diagram)
        diagram.send_keys("+")
        zoomed = driver.execute_script(view_box)
        diagram.send_keys("0")
        check("the + key zooms and 0 fits", zoomed != home and driver.execute_script(view_box) == home, (home, zoomed))

        # Year 1925: the ties of 1940 go; undated ties stay.
        killed = driver.find_element(By.CSS_SELECTOR, 'svg g[data-relation] title')  # any edge exists
        year = driver.find_element(By.CSS_SELECTOR, "[data-testid=year]")
        year.send_keys("1925")
        year.send_keys(Keys.TAB)
        ties_1940 = driver.execute_script("""
            const d = JSON.parse(document.getElementById('graph-data').textContent);
            return d.relations.map((r, i) => [r, i]).filter(([r]) => r.first !== null && r.first !== undefined
                && Math.floor(r.first / 10000) === 1940 && Math.floor(r.last / 10000) === 1940).map(([, i]) => i);""")
        hidden = [i for i in ties_1940 if not tie_shown(driver, i)]
        check("year 1925 hides every 1940 tie", len(ties_1940) > 0 and hidden == ties_1940, (ties_1940, hidden))
        def cli_count(*flags):
            out = subprocess.run([binary, "info", str(root / "Graphs/trotsky-stalin.yaml"), "--at", "1925", *flags,
                                  "--format", "json"], capture_output=True, text=True).stdout
            return json.loads(out)["relations"]

        def page_count():
            return driver.execute_script(
                "return document.querySelectorAll('svg g[data-relation]:not(.filtered)').length")

        held = cli_count()
        check("the ties shown in 1925 are those `relgraph info --at 1925` keeps", page_count() == held, (page_count(), held))
        undated = driver.execute_script("""
            const d = JSON.parse(document.getElementById('graph-data').textContent);
            return d.relations.map((r, i) => [r, i]).filter(([r]) => !r.dated).map(([, i]) => i);""")
        kept = [i for i in undated if tie_shown(driver, i)]
        check("undated ties stay without 'dated only'", len(undated) > 0 and kept == undated, (len(undated), len(kept)))
        driver.find_element(By.ID, "dated-only").click()
        gone = [i for i in undated if not tie_shown(driver, i)]
        check("'dated only' hides them", gone == undated)
        held = cli_count("--dated-only")
        check("with 'dated only', those `--at 1925 --dated-only` keeps", page_count() == held, (page_count(), held))
        killed_index = driver.execute_script("""
            const d = JSON.parse(document.getElementById('graph-data').textContent);
            return d.relations.findIndex((r) => r.kind === 'killed' && d.entities[r.from].id === 'mercader');""")
        check("Mercader's killing of Trotsky (1940) is hidden in 1925",
              not tie_shown(driver, killed_index))

        # Zoom buttons change the view.
        before = driver.execute_script(view_box)
        driver.find_element(By.ID, "zoom-in").click()
        after = driver.execute_script(view_box)
        check("the zoom button zooms", before != after, (before, after))

        errors = console_errors(driver)
        check("no console errors", errors == [], errors)
        requests = network_requests(driver, [page])
        check("no network requests", requests == [], requests)
        check("no resource was fetched", driver.execute_script(
            "return performance.getEntriesByType('resource').length") == 0)

        # The hostile graph runs no script.
        driver.get(hostile.as_uri())
        wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=search]"))
        search = driver.find_element(By.CSS_SELECTOR, "[data-testid=search]")
        search.send_keys("Name 0", Keys.ENTER)
        time.sleep(0.2)
        for g in driver.find_elements(By.CSS_SELECTOR, "svg g[data-entity] text")[:6]:
            try:
                g.click()
            except Exception:
                pass
        for g in driver.find_elements(By.CSS_SELECTOR, "svg g[data-relation] path")[:6]:
            driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", g)
        for name in ["Name 1", "Name 2", "Name 3", "Name 4"]:
            search.clear()
            search.send_keys(name, Keys.ENTER)
            claims = driver.find_elements(By.CSS_SELECTOR, "[data-testid=panel] .claim")
            if claims:
                claims[0].click()  # the tie's card replaces the entity's
        driver.find_element(By.CSS_SELECTOR, "[data-testid=path-from]").send_keys("e0")
        driver.find_element(By.CSS_SELECTOR, "[data-testid=path-to]").send_keys("e3")
        driver.find_element(By.CSS_SELECTOR, "[data-testid=path-go]").click()
        time.sleep(0.3)
        check("the hostile page shows the payloads as text",
              "</script><script>window.__pwned=2</script>" in driver.find_element(By.TAG_NAME, "h1").text)
        check("the hostile page ran no payload", driver.execute_script("return window.__pwned") is None)
        links = driver.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
        check("no javascript: link", not any(str(h).lower().lstrip().startswith("javascript") for h in links), links)
        check("no img/svg element came from data",
              driver.execute_script("return document.querySelectorAll('img, svg svg, script:not([type]):not([id])').length") <= 1)
        try:
            alert = driver.switch_to.alert
            check("no alert", False, alert.text)
        except Exception:
            check("no alert", True)
        errors = console_errors(driver)
        check("no console errors on the hostile page", errors == [], errors)

        driver.get(hostile_report.as_uri())
        time.sleep(0.3)
        check("the hostile report ran no payload", driver.execute_script("return window.__pwned") is None)
        check("the hostile report shows the payloads as text", "</script><script>" in driver.find_element(By.TAG_NAME, "h1").text)

        # The report: its sections, and no network.
        driver.get(report.as_uri())
        body = driver.find_element(By.TAG_NAME, "body").text
        for section in ["Counts", "Most central", "Communities", "Brokers and bridges", "Paths", "Diagrams",
                        "Data quality", "Sources"]:
            check(f"the report has '{section}'", section in [h.text for h in driver.find_elements(By.TAG_NAME, "h2")])
        check("the report narrates Mercader → Stalin", "Ramón Mercader killed Leon Trotsky (1940-08-20)" in body)
        check("the report draws four diagrams", len(driver.find_elements(By.CSS_SELECTOR, "figure svg")) == 4)
        errors, requests = console_errors(driver), network_requests(driver, [page, hostile, hostile_report, report])
        check("no console errors in the report", errors == [], errors)
        check("the report fetched nothing", requests == [], requests)
        if shots:
            driver.set_window_size(1100, 1500)
            driver.save_screenshot(str(shots / "report-page.png"))
            driver.set_window_size(1500, 950)
        overview_checks(driver, binary, tmp, shots)
    finally:
        driver.quit()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(PASSED)} passed, {len(FAILED)} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
