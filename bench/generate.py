"""Generate realistic news archives as JSONL import files, deterministic from a seed.

Each line is one article with the keys an importer of JSON dumps reads:

    title, subtitle, authors, source, site, section, published, url, language, tags, body

The text is synthetic but shaped like news: a Zipf vocabulary of 40,000 pronounceable
made-up words under a core of common English function words (so sentences read like
prose and word frequencies behave like a real corpus), headlines from newsroom templates,
dates over 25 years (more articles in later years, as in real archives), 28 sources on 24
sites (wire copy appears on many sites), a few hundred authors, tags, and bodies of about
600 words in paragraphs, some with sub-headings.

Marker words sit in exactly known sets of articles, so benchmarks can check result counts:

    zqrare     0.01% of articles (at least one)
    zqmid      1%
    zqcommon   40%
    "zqalpha zqbeta"   the two-word phrase in 0.1%; each word also appears alone in 1%,
                       and both apart (never adjacent) in 0.2%, so a phrase search that
                       degrades to AND returns too many

Markers live only in bodies, never as a sentence's first word, never beside a comma, and
"zq" starts no other word, so FTS5, ripgrep and a regex agree on every count.

Output (git-ignored):

    bench/corpora/<size>/articles.jsonl   the N articles
    bench/corpora/<size>/extra-1.jsonl    1,000 more, different articles, for incremental import
                                          (extra-2, extra-3, ... on request: one batch per run)
    bench/corpora/<size>/manifest.json    sizes, seed, marker counts, the queries to check

Run:

    .venv/bin/python bench/generate.py --size 10k        # 1k, 10k, 100k or a number
    .venv/bin/python bench/generate.py --size 100k --seed 7 --out /tmp/corpus

100k takes about 15 s on 2 cores. The same size and seed give byte-identical files on any
little-endian machine with the same Python minor version (random's algorithms are stable).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import random
import sys
import time
from array import array
from bisect import bisect
from datetime import date, timedelta
from pathlib import Path

try:
    import orjson

    def dumps(record: dict) -> bytes:
        return orjson.dumps(record)

except ImportError:  # the benchmark venv has orjson; keep the generator usable without it

    def dumps(record: dict) -> bytes:
        return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()


GENERATOR_VERSION = 2
BENCH = Path(__file__).resolve().parent
CORPORA = BENCH / "corpora"
EXTRA_COUNT = 1000
DEFAULT_SEED = 1

VOCABULARY_SIZE = 40_000
ZIPF_EXPONENT = 1.05
# Word sampling draws 32-bit numbers and looks the top TABLE_BITS up in a quantile table:
# about 20x faster than random.choices, and exact to 1 part in a million.
TABLE_BITS = 20

FUNCTION_WORDS = (
    "the of and to a in that is was he for it with as his on be at by i this had not are "
    "but from or have an they which one you were her all she there would their we him been "
    "has when who will more no if out so said what up its about into than them can only "
    "other new some could time these two may then do first any my now such like our over "
    "man me even most made after also did many before must through back years where much "
    "your way well down should because each just those people how too little state good "
    "very make world still own see men work long get here between both life being under "
    "never day same another know while last might us great old year off come since against "
    "go came right used take three"
).split()

ONSETS = (
    "", "", "b", "bl", "br", "c", "ch", "cr", "d", "dr", "f", "fl", "fr", "g", "gl", "gr",
    "h", "j", "k", "l", "m", "n", "p", "pl", "pr", "r", "s", "sh", "sk", "sl", "sp", "st",
    "t", "th", "tr", "v", "w", "y", "z",
)
VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ee", "ou", "oa", "io", "ie")
CODAS = ("", "", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "rt", "ck", "th", "ng", "x", "ll")

FIRST_NAMES = (
    "Aisha Alan Alice Amir Ana Andrew Anna Ben Carlos Catherine Chen Chloe Daniel David "
    "Diana Elena Emily Emma Fatima Felix Grace Hannah Hiro Ian Isabel James Jane Javier "
    "John Julia Karen Kofi Laura Leila Liam Lucy Maria Mark Marta Michael Mei Nadia Noah "
    "Olga Omar Patrick Paul Priya Rachel Rahul Robert Ruth Sam Sara Sean Sofia Tom Yusuf Zoe"
).split()
SURNAMES = (
    "Abbott Adeyemi Alvarez Andersson Baker Bauer Bennett Brown Campbell Carter Chen Clarke "
    "Cohen Davies Dubois Evans Fischer Garcia Gonzalez Gupta Hall Hansen Harris Hughes Ito "
    "Jackson Jensen Johnson Kaur Kelly Khan Kim Kowalski Larsen Lee Lopez Martin Meyer "
    "Moreau Murphy Nakamura Nguyen Novak O'Brien Okafor Patel Perez Petrov Rossi Santos "
    "Schmidt Silva Singh Smith Sato Taylor Thomas Walker Wang Weber Wilson Wright Young Zhang"
).split()

# (site, web host, its own masthead source, sections it publishes under)
SITES = (
    ("Harbor City Chronicle", "harborchronicle.example", "Harbor City Chronicle", ("News", "Politics", "Business", "Sport", "Opinion")),
    ("The Northern Herald", "northernherald.example", "The Northern Herald", ("World", "Politics", "Culture", "Sport")),
    ("Daily Ledger", "dailyledger.example", "Daily Ledger", ("Business", "Markets", "Technology", "Economy")),
    ("Riverside Gazette", "riversidegazette.example", "Riverside Gazette", ("Local", "Education", "Health", "Sport")),
    ("Meridian Times", "meridiantimes.example", "Meridian Times", ("World", "Science", "Environment", "Opinion")),
    ("The Evening Post", "eveningpost.example", "The Evening Post", ("News", "Crime", "Local", "Entertainment")),
    ("Capital Observer", "capitalobserver.example", "Capital Observer", ("Politics", "Policy", "Law", "Opinion")),
    ("Coastal Tribune", "coastaltribune.example", "Coastal Tribune", ("Local", "Environment", "Weather", "Sport")),
    ("HealthWatch Daily", "healthwatch.example", "HealthWatch News", ("Health news", "Medicine", "Wellbeing")),
    ("Tech Frontier", "techfrontier.example", "Tech Frontier", ("Technology", "Science", "Business")),
    ("The Valley Voice", "valleyvoice.example", "The Valley Voice", ("Local", "Culture", "Education")),
    ("Metro Dispatch", "metrodispatch.example", "Metro Dispatch", ("News", "Transport", "Housing", "Crime")),
    ("Global Affairs Review", "globalaffairs.example", "Global Affairs Review", ("World", "Diplomacy", "Analysis")),
    ("Science Today", "sciencetoday.example", "Science Today", ("Science", "Space", "Environment", "Health")),
    ("The Market Report", "marketreport.example", "The Market Report", ("Markets", "Companies", "Economy")),
    ("Highland Courier", "highlandcourier.example", "Highland Courier", ("Local", "Farming", "Sport")),
    ("The Civic Record", "civicrecord.example", "The Civic Record", ("Politics", "Local", "Education")),
    ("Pacific Weekly", "pacificweekly.example", "Pacific Weekly", ("World", "Culture", "Travel")),
    ("Sports Desk", "sportsdesk.example", "Sports Desk", ("Football", "Tennis", "Athletics", "Cricket")),
    ("Culture Column", "culturecolumn.example", "Culture Column", ("Books", "Film", "Music", "Art")),
    ("Green Planet News", "greenplanet.example", "Green Planet News", ("Environment", "Climate", "Energy")),
    ("The Lakeside Star", "lakesidestar.example", "The Lakeside Star", ("News", "Local", "Sport", "Obituaries")),
    ("Frontline Wire Online", "frontlinewire.example", "Frontline Wire", ("World", "News", "Business")),
    ("Patient Guide UK", "patientguide.example", "Patient Guide UK Health News", ("Health news", "Conditions")),
)
# News services whose copy is syndicated across many sites.
WIRE_SOURCES = ("Associated Newswire", "Continental Press Agency", "Reporters Wire Service", "Meridian News Service")
WIRE_SHARE = 0.18

TAGS = (
    "elections economy climate health covid-19 vaccines education housing transport crime "
    "courts immigration energy oil technology ai privacy space science football olympics "
    "culture film music books art media trade jobs inflation banking markets agriculture "
    "water drought floods wildfires weather diplomacy war refugees human-rights religion "
    "local-government budget taxes pensions nhs hospitals mental-health obesity cancer "
    "research universities schools children ageing tourism aviation rail roads"
).split()

# Marker words: (word, share of articles). Counts are exact: round(N * share), at least 1.
MARKERS = (("zqrare", 0.0001), ("zqmid", 0.01), ("zqcommon", 0.40))
PHRASE = ("zqalpha", "zqbeta")
PHRASE_SHARE = 0.001  # the two words adjacent, in this order
PHRASE_APART_SHARE = 0.002  # both words, never adjacent
PHRASE_ALONE_SHARE = 0.01  # each word alone

START = date(2001, 1, 1)
END = date(2025, 12, 31)

HEADLINES = (
    "{A} {b} {c} as {d} {e}",
    "How {a} {b} changed the {c}",
    "{A} {b}: what the {c} means for {d}",
    "{A} to {b} {c} after {d} {e}",
    "Why {P} is {b} its {c}",
    "{A} {b} {c}, {d} says",
    "{P} {b} {c} over {d} {e}",
    "{A} {b} in {P} as {c} {d}",
    "The {a} {b} that {c} the {d}",
    "{N} {a} {b} in {P} {c}",
    "{A} and {b}: inside the {c} {d}",
    "{P} council to {b} {c} {d}",
    "{A} {b} {c} for first time since {Y}",
    "Analysis: the {a} {b} behind {P}'s {c}",
)


def parse_size(text: str) -> int:
    """'1k' -> 1000, '100k' -> 100000, '2500' -> 2500."""
    text = text.strip().lower()
    scale = 1
    if text.endswith("k"):
        text, scale = text[:-1], 1000
    elif text.endswith("m"):
        text, scale = text[:-1], 1_000_000
    value = int(float(text) * scale)
    if value < 1:
        raise ValueError(f"size must be at least 1, got {text!r}")
    return value


def size_label(size: int) -> str:
    """1000 -> '1k', 100000 -> '100k', 2500 -> '2500'."""
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def make_vocabulary(seed: int) -> list[str]:
    """Function words first, then made-up words, shorter ones more frequent (as in English)."""
    rng = random.Random(f"vocabulary-{seed}")
    taken = set(FUNCTION_WORDS)
    words: list[tuple[float, str]] = []
    while len(words) < VOCABULARY_SIZE:
        syllables = rng.choices((1, 2, 3, 4), weights=(4, 6, 3, 1))[0]
        # Codas mostly end the word, as in "mandel" rather than "mandstelt": easier to say.
        word = "".join(
            rng.choice(ONSETS)
            + rng.choice(VOWELS)
            + (rng.choice(CODAS) if k == syllables - 1 or rng.random() < 0.25 else "")
            for k in range(syllables)
        )
        # "zq" begins only marker words; short fragments read badly.
        if len(word) < 3 or word.startswith("zq") or word in taken:
            continue
        taken.add(word)
        words.append((len(word) + rng.gauss(0, 2.5), word))
    words.sort(key=lambda pair: pair[0])
    return list(FUNCTION_WORDS) + [word for _, word in words]


def make_word_table(vocabulary: list[str]) -> list[str]:
    """A 2**TABLE_BITS quantile table of the Zipf distribution over the vocabulary."""
    cumulative = []
    total = 0.0
    for rank in range(1, len(vocabulary) + 1):
        total += 1.0 / rank**ZIPF_EXPONENT
        cumulative.append(total)
    slots = 1 << TABLE_BITS
    last = len(vocabulary) - 1
    return [vocabulary[min(bisect(cumulative, (i + 0.5) / slots * total), last)] for i in range(slots)]


def make_authors(seed: int) -> list[str]:
    rng = random.Random(f"authors-{seed}")
    names: set[str] = set()
    while len(names) < 300:
        names.add(f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
    return sorted(names)


def make_places(seed: int, vocabulary: list[str]) -> list[str]:
    rng = random.Random(f"places-{seed}")
    suffixes = ("", "", "", "ton", "ford", "burg", "field", "port", "ia", "stad", "mouth")
    stems = vocabulary[len(FUNCTION_WORDS) + 200 : len(FUNCTION_WORDS) + 4000]
    return sorted({(rng.choice(stems) + rng.choice(suffixes)).capitalize() for _ in range(400)})


class World:
    """Everything shared by all articles of one seed: vocabulary, people, places, outlets."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.vocabulary = make_vocabulary(seed)
        self.table = make_word_table(self.vocabulary)
        # Headline words: topical mid-frequency words, not function words or the long tail.
        self.headline_words = self.vocabulary[len(FUNCTION_WORDS) + 50 : len(FUNCTION_WORDS) + 6000]
        self.headline_weights = list(_cumulative(len(self.headline_words), 0.8))
        self.authors = make_authors(seed)
        self.author_weights = list(_cumulative(len(self.authors), 0.7))
        self.places = make_places(seed, self.vocabulary)
        self.tag_weights = list(_cumulative(len(TAGS), 0.9))
        self.site_weights = list(_cumulative(len(SITES), 0.6))
        years = range(START.year, END.year + 1)
        # Archives grow: the last year holds about three times the first.
        self.years = list(years)
        self.year_weights = list(_cumulative_from([1 + 2 * i / (len(self.years) - 1) for i in range(len(self.years))]))


@functools.lru_cache(maxsize=2)
def world_for(seed: int) -> World:
    return World(seed)


def _cumulative(n: int, exponent: float):
    return _cumulative_from([1.0 / (rank**exponent) for rank in range(1, n + 1)])


def _cumulative_from(weights):
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def sample_words(rng: random.Random, table: list[str], count: int) -> list[str]:
    numbers = array("I")
    numbers.frombytes(rng.randbytes(4 * count))
    shift = 32 - TABLE_BITS
    return [table[n >> shift] for n in numbers]


def make_sentence_words(rng: random.Random, table: list[str], length: int) -> list[str]:
    words = sample_words(rng, table, length)
    # "the the" is the commonest tell of independent sampling; a redraw removes it.
    for k in range(1, length):
        while words[k] == words[k - 1]:
            words[k] = table[rng.getrandbits(TABLE_BITS)]
    if length > 8 and rng.random() < 0.45:
        k = rng.randrange(3, length - 3)
        words[k] += ","
    return words


def render_sentence(words: list[str]) -> str:
    first = words[0]
    return " ".join([first[:1].upper() + first[1:], *words[1:]]) + "."


def make_headline(rng: random.Random, world: World) -> str:
    template = rng.choice(HEADLINES)
    picks = rng.choices(world.headline_words, cum_weights=world.headline_weights, k=5)
    values = dict(zip("abcde", picks))
    values.update({key.upper(): value.capitalize() for key, value in values.items()})
    values["P"] = rng.choice(world.places)
    values["N"] = str(rng.choice((2, 3, 5, 7, 10, 12, 40, 100, 1000)))
    values["Y"] = str(rng.randrange(1950, 2000))
    return template.format(**values)


def make_body(rng: random.Random, world: World, markers: tuple[str, ...]) -> str:
    """About 600 words in paragraphs; marker words placed inside sentences, never first."""
    target = max(150, min(2000, int(rng.gauss(600, 170))))
    paragraphs: list[list[list[str]]] = []  # paragraph -> sentences -> words
    headings: dict[int, str] = {}
    words = 0
    while words < target or len(paragraphs) < 3:
        if len(paragraphs) >= 3 and rng.random() < 0.06:
            heading = sample_words(rng, world.table, rng.randrange(2, 6))
            headings[len(paragraphs)] = " ".join(heading).replace(",", "").capitalize()
        sentences = []
        for _ in range(1 if not paragraphs else rng.randrange(2, 6)):
            length = rng.randrange(14, 32) if not paragraphs else rng.randrange(6, 28)
            sentences.append(make_sentence_words(rng, world.table, length))
            words += length
        paragraphs.append(sentences)

    def insert(word_or_phrase: list[str], paragraph: int | None = None) -> None:
        index = rng.randrange(len(paragraphs)) if paragraph is None else paragraph
        sentence = rng.choice(paragraphs[index])
        position = rng.randrange(1, len(sentence))  # a word stays on each side
        sentence[position:position] = word_or_phrase

    for marker in markers:
        if marker == "phrase":
            insert(list(PHRASE))
        elif marker == "apart":
            # First and last paragraphs, each inside a sentence: never adjacent.
            insert([PHRASE[0]], 0)
            insert([PHRASE[1]], len(paragraphs) - 1)
        elif marker in PHRASE:
            insert([marker])
        else:
            for _ in range(1 if marker == "zqrare" else rng.choice((1, 1, 1, 2, 3))):
                insert([marker])

    out = []
    for index, sentences in enumerate(paragraphs):
        if index in headings:
            out.append(headings[index])
        text = " ".join(render_sentence(sentence) for sentence in sentences)
        if index and rng.random() < 0.12:
            text = f"\u201c{text[:-1]},\u201d said {rng.choice(world.authors).split()[-1]}."
        out.append(text)
    return "\n\n".join(out)


def slugify(text: str) -> str:
    return "-".join("".join(c for c in word if c.isalnum()) for word in text.lower().split())[:80]


def make_article(world: World, index: int, markers: tuple[str, ...]) -> dict:
    rng = random.Random((world.seed << 40) ^ index)
    site, host, masthead, sections = SITES[bisect(world.site_weights, rng.random() * world.site_weights[-1])]
    source = rng.choice(WIRE_SOURCES) if rng.random() < WIRE_SHARE else masthead
    section = rng.choice(sections)
    year = world.years[bisect(world.year_weights, rng.random() * world.year_weights[-1])]
    day = date(year, 1, 1) + timedelta(days=rng.randrange(366 if year % 4 == 0 else 365))
    title = make_headline(rng, world)
    subtitle = None
    if rng.random() < 0.7:
        subtitle = render_sentence(make_sentence_words(rng, world.table, rng.randrange(12, 24)))
    author_count = rng.choices((0, 1, 2, 3), weights=(10, 70, 15, 5))[0]
    authors = sorted(set(rng.choices(world.authors, cum_weights=world.author_weights, k=author_count)))
    tag_count = rng.choices((0, 1, 2, 3), weights=(30, 35, 25, 10))[0]
    tags = sorted(set(rng.choices(TAGS, cum_weights=world.tag_weights, k=tag_count)))
    return {
        "title": title,
        "subtitle": subtitle,
        "authors": authors,
        "source": source,
        "site": site,
        "section": section,
        "published": day.isoformat() if rng.random() > 0.02 else None,
        "url": f"https://www.{host}/{slugify(section)}/{day:%Y/%m/%d}/{slugify(title)}-{index}",
        "language": "en",
        "tags": tags,
        "body": make_body(rng, world, markers),
    }


def assign_markers(seed: int, first: int, count: int) -> tuple[dict[int, list[str]], dict[str, int]]:
    """Which article gets which marker, with exact counts; returns (by article, counts)."""
    rng = random.Random(f"markers-{seed}-{first}-{count}")
    indices = range(first, first + count)
    by_article: dict[int, list[str]] = {}
    counts: dict[str, int] = {}

    def share(rate: float) -> int:
        return min(count, max(1, round(count * rate)))

    for word, rate in MARKERS:
        chosen = rng.sample(indices, share(rate))
        for index in chosen:
            by_article.setdefault(index, []).append(word)
        counts[word] = len(chosen)
    # The phrase groups are disjoint, so each count below is exact.
    sizes = {
        "phrase": share(PHRASE_SHARE),
        "apart": share(PHRASE_APART_SHARE),
        PHRASE[0]: share(PHRASE_ALONE_SHARE),
        PHRASE[1]: share(PHRASE_ALONE_SHARE),
    }
    pool = rng.sample(indices, min(count, sum(sizes.values())))
    for group, size in sizes.items():
        taken, pool = pool[:size], pool[size:]
        for index in taken:
            by_article.setdefault(index, []).append(group)
        counts[f"group:{group}"] = len(taken)
    return by_article, counts


def expected_queries(counts: dict[str, int]) -> list[dict]:
    """The benchmark's searches, each with its exact expected number of articles."""
    phrase = " ".join(PHRASE)
    together = counts["group:phrase"] + counts["group:apart"]
    return [
        {"name": "rare", "query": "zqrare", "terms": ["zqrare"], "expected": counts["zqrare"]},
        {"name": "mid", "query": "zqmid", "terms": ["zqmid"], "expected": counts["zqmid"]},
        {"name": "common", "query": "zqcommon", "terms": ["zqcommon"], "expected": counts["zqcommon"]},
        {"name": "phrase", "query": f'"{phrase}"', "terms": [phrase], "expected": counts["group:phrase"]},
        {
            "name": "both words",
            "query": phrase,
            "terms": list(PHRASE),
            "expected": together,
            "note": "AND of the phrase's words: more hits than the phrase",
        },
        {
            "name": "alpha",
            "query": PHRASE[0],
            "terms": [PHRASE[0]],
            "expected": together + counts[f"group:{PHRASE[0]}"],
        },
    ]


# Worker state: set before the pool forks, so each worker inherits the built tables.
_WORLD: World | None = None


def _render_chunk(job: tuple[int, int, dict[int, list[str]]]) -> tuple[bytes, int]:
    first, count, markers = job
    assert _WORLD is not None
    lines = []
    words = 0
    for index in range(first, first + count):
        article = make_article(_WORLD, index, tuple(markers.get(index, ())))
        words += len(article["body"].split())
        lines.append(dumps(article))
    return b"\n".join(lines) + b"\n", words


def write_articles(path: Path, world: World, first: int, count: int, workers: int) -> dict:
    """Write articles first..first+count-1 to path; return what the manifest says of them."""
    global _WORLD
    _WORLD = world
    markers, counts = assign_markers(world.seed, first, count)
    chunk = 1000
    jobs = [
        (start, min(chunk, first + count - start), {i: m for i, m in markers.items() if start <= i < start + chunk})
        for start in range(first, first + count, chunk)
    ]
    digest = hashlib.sha256()
    words = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "wb") as out:
        if workers > 1 and len(jobs) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(workers) as pool:
                results = pool.imap(_render_chunk, jobs)
                for data, chunk_words in results:
                    out.write(data)
                    digest.update(data)
                    words += chunk_words
        else:
            for job in jobs:
                data, chunk_words = _render_chunk(job)
                out.write(data)
                digest.update(data)
                words += chunk_words
    os.replace(tmp, path)
    return {
        "file": path.name,
        "articles": count,
        "first_index": first,
        "words": words,
        "bytes": path.stat().st_size,
        "sha256": digest.hexdigest(),
        "marker_articles": {k: v for k, v in counts.items() if not k.startswith("group:")},
        "phrase_groups": {k[6:]: v for k, v in counts.items() if k.startswith("group:")},
        "queries": expected_queries(counts),
    }


def generate(
    size: int,
    out: Path,
    seed: int = DEFAULT_SEED,
    workers: int | None = None,
    extra: int = EXTRA_COUNT,
    batches: int = 1,
) -> dict:
    """Write articles.jsonl, extra-1.jsonl... and manifest.json under out; return the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    if workers is None:
        workers = (os.cpu_count() or 1) if size >= 5000 and sys.platform != "win32" else 1
    started = time.perf_counter()
    world = world_for(seed)
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "size": size,
        "vocabulary": len(world.vocabulary),
        "zipf_exponent": ZIPF_EXPONENT,
        "markers": {word: rate for word, rate in MARKERS}
        | {
            "phrase": " ".join(PHRASE),
            "phrase_share": PHRASE_SHARE,
            "phrase_apart_share": PHRASE_APART_SHARE,
            "phrase_alone_share": PHRASE_ALONE_SHARE,
        },
        "articles": write_articles(out / "articles.jsonl", world, 0, size, workers),
    }
    manifest["extra_size"] = extra
    manifest["extra"] = []
    manifest["seconds"] = round(time.perf_counter() - started, 2)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return add_extra_batches(out, batches, workers) if extra else manifest


def add_extra_batches(out: Path, batches: int, workers: int | None = None) -> dict:
    """Make sure extra-1.jsonl ... extra-<batches>.jsonl exist; return the updated manifest.

    Batch k holds the articles after the main file and the k-1 batches before it: each is
    new to an archive holding the main file and the earlier batches, as a later import is.
    """
    manifest = json.loads((out / "manifest.json").read_text())
    size, extra = manifest["size"], manifest["extra_size"]
    world = world_for(manifest["seed"])
    for k in range(len(manifest["extra"]) + 1, batches + 1):
        path = out / f"extra-{k}.jsonl"
        manifest["extra"].append(write_articles(path, world, size + (k - 1) * extra, extra, workers or 1))
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def corpus_dir(size: int, seed: int = DEFAULT_SEED) -> Path:
    name = size_label(size) if seed == DEFAULT_SEED else f"{size_label(size)}-seed{seed}"
    return CORPORA / name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1k", help="articles: 1k, 10k, 100k or a number (default 1k)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="output folder (default bench/corpora/<size>)")
    parser.add_argument("--extra", type=int, default=EXTRA_COUNT, help="articles in each extra-K.jsonl (default 1000)")
    parser.add_argument("--batches", type=int, default=1, help="extra batches to write (default 1)")
    parser.add_argument("--workers", type=int, help="processes (default: all cores from 5k up)")
    args = parser.parse_args(argv)
    size = parse_size(args.size)
    out = args.out or corpus_dir(size, args.seed)
    manifest = generate(size, out, args.seed, args.workers, args.extra, args.batches)
    main_part = manifest["articles"]
    print(
        f"{out}: {size} articles, {main_part['words']:,} words, {main_part['bytes'] / 1e6:.1f} MB "
        f"in {manifest['seconds']} s; markers {main_part['marker_articles']}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
