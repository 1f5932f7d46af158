"""Seeded generator of realistic football feed data for the benchmarks.

Items are built from templates and the names in config/managers.toml, config/clubs.toml and
config/sources.toml. About half are manager stories (sackings, talks, approaches, appointments,
pressure, new contracts), the rest ordinary football news (match reports, signings, injuries), so the
analyser sees both kinds. Managers are drawn with a Zipf-like weight: a few are in the news a lot,
as in real life, which makes some rumour threads long.

Everything is a pure function of (seed, feed number, item number): the same call gives the same
bytes in any process, so a feed server in a subprocess and the benchmark agree on entry keys.

    gen = Gen(seed=7)
    body = gen.feed_body(feed=12, version=1, new_per_version=5)   # ~115 KB of RSS 2.0, 50 items
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cached_property
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config"
ITEMS_PER_FEED = 50
# A fixed "now" so generated dates (and so the ingest's recency rules) do not depend on the clock.
EPOCH = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)

PLAYERS = (
    "Marcus Holt", "Diego Ferreira", "Luka Novak", "Tom Ashworth", "Samuel Osei", "Jonas Richter",
    "Mateo Quiroga", "Ben Whitfield", "Kenji Sato", "Alexis Moreau", "Callum Reid", "Youssef Amrani",
    "Pedro Salgado", "Nils Lindqvist", "Arturo Benítez", "Jamie Corr", "Ivan Petrović", "Oscar Duval",
)  # fmt: skip
SCORES = ("1-0", "2-1", "3-1", "0-2", "1-3", "4-0", "2-2", "0-1", "3-2", "0-0")
DAYS = ("Saturday", "Sunday", "Tuesday", "Wednesday", "Monday", "Friday")

RUMOURS = (  # (headline, first paragraph) pairs that tell the same story
    ("{club} sack {manager} after {n} games without a win",
     "{club} have sacked {manager} following a run of {n} matches without a victory, according to {source}."),
    ("{manager} in talks with {club} over vacant manager's job",
     "{club} have opened talks with {manager} about becoming their new manager, {source} reports."),
    ("{club} identify {manager} as top target to replace {other}",
     "{manager} is the leading candidate for the {club} job after the club parted company with {other}."),
    ("{manager} under pressure at {home} after {score} defeat",
     "{manager} is under growing pressure at {home} after {day}'s {score} defeat left them {pos} in the table."),
    ("{manager} agrees deal to become new {club} head coach",
     "{manager} has agreed terms to become {club} head coach and is expected to be confirmed within days."),
    ("{club} confirm appointment of {manager} as manager",
     "{club} have confirmed {manager} as their new manager on a three-year contract, the club announced."),
    ("{manager} rejects {club} approach and commits future to {home}",
     "{manager} has turned down an approach from {club} and intends to stay at {home}, {source} understands."),
    ("{club} hold talks with {manager}'s representatives",
     "{club} held talks with representatives of {manager} on {day}, {source} reports."),
    ("{manager} signs new contract at {home} until 2029",
     "{home} have handed {manager} a new contract after an impressive season, says {source}."),
    ("{club} make formal approach for {manager}",
     "{club} are preparing a formal approach for {manager}, with compensation talks expected this week."),
    ("{manager} on shortlist as {club} plan for life after {other}",
     "{manager} is on a three-man shortlist drawn up by {club} as they plan for life after {other}."),
    ("{manager} leaves {home} by mutual consent",
     "{manager} has left {home} by mutual consent after {n} months in charge, the club announced."),
)  # fmt: skip
RUMOUR_BODY = (
    "The {nationality} coach has been on the club's shortlist since the summer, and senior figures were "
    "impressed by his work with a young squad and a limited budget.",
    "{source} reports that the two parties have already discussed the structure of a three-year deal, "
    "although no agreement has yet been reached on the make-up of the backroom staff.",
    "Sources close to the board say the decision to move for {manager} was taken after {day}'s "
    "{score} result, which left supporters openly calling for change.",
    "{other} had been in charge for {n} months. His final weeks were dominated by questions about his "
    "future, and a run of poor results at home did little to ease the mood among supporters.",
    "{club} want a new permanent head coach in place before the international break, and are "
    "understood to have held preliminary conversations with at least two other candidates.",
    "{manager}'s representatives were in London this week, and talks are described as advanced but not "
    "yet at the stage of a signed agreement. A release clause in his current contract could speed things up.",
    "Any move would require compensation, which {home} are expected to demand in full. The club has "
    "previously insisted that {manager} is not for sale and that he remains central to their plans.",
    'Asked about the speculation after training, {manager} said: "I am focused on my job here. I have a '
    'contract and I respect it. What people write is not my business."',
)
NEWS = (  # (headline, first paragraph)
    ("{club} {score} {other_club}: {player} scores late winner",
     "{player} struck in the {minute}th minute to settle a tight contest at a packed stadium."),
    ("{club} complete signing of midfielder {player} from {other_club}",
     "The {age}-year-old has signed a contract until 2030 and will wear the number {num} shirt. The fee is "
     "understood to be around £{fee}m including add-ons."),
    ("Injury blow for {club} as {player} ruled out for six weeks",
     "Scans confirmed a hamstring problem picked up in training on {day}, and the club's medical staff "
     "expect a return after the international break at the earliest."),
    ("{player} named player of the month after fine run with {club}",
     "{player} scored {n} goals in {num} appearances during the month and was a unanimous choice of the panel."),
    ("{club} beat {other_club} {score} to move up to {pos}",
     "The result lifts {club} to {pos} in the table, {n} points clear of the relegation places."),
    ("Ticket prices frozen at {club} for next season",
     "Supporters' groups welcomed the decision, which follows a consultation over the summer."),
    ("{club} women win {score} at {other_club} to stay top",
     "{player} and a second-half penalty sealed the points in front of a record crowd of {fee},000."),
)  # fmt: skip
NEWS_BODY = (
    "The home side had the better of the first half but struggled to break down a compact defence, and "
    "the visitors' goalkeeper made three fine saves before the interval.",
    "{other_club} had chances of their own after the interval, but rarely threatened after going behind "
    "and finished the match with ten men after a second yellow card.",
    "The club has extended its unbeaten home run to {num} matches in all competitions, its best sequence "
    "since the stadium was rebuilt.",
    "Season-ticket renewals open next month, with concessions for under-18s and over-65s kept at last "
    "year's levels and a new family section behind the south goal.",
    "The player came through the academy at {other_club} before moving abroad, and has won {n} caps for "
    "his country since making his debut two years ago.",
)
FILLER = (
    "It has been a turbulent season for the club, with the board facing criticism over recruitment and a "
    "squad that has looked short of depth since the opening weeks of the campaign.",
    "Attendances have held up despite the results, and the academy continues to produce players who have "
    "broken into the first team, which remains a point of pride for the owners.",
    "The club's next fixture is away from home on {day}, with a cup tie to follow in midweek and a busy "
    "run of matches before the winter break.",
    "Analysts point to a lack of goals from midfield and a high number of chances conceded from set pieces "
    "as the main reasons for the team's struggles over the past two months.",
    "The training ground redevelopment is due to be completed in the spring, and the club says the new "
    "medical centre will be among the best equipped in the country.",
    "Revenue rose by {n} per cent last year, driven by commercial deals and a long European run, although "
    "wages also climbed and the club reported a small operating loss.",
)
POSITIONS = ("fourth", "ninth", "12th", "15th", "17th", "second", "seventh", "18th")


@dataclass(frozen=True, slots=True)
class Manager:
    name: str
    surname: str
    club: str
    nationality: str


@dataclass(frozen=True, slots=True)
class GenItem:
    guid: str
    link: str
    title: str
    description: str
    content_html: str
    published: datetime
    categories: tuple[str, ...]
    creator: str
    is_manager_story: bool


class Knowledge:
    """The names the generator draws from (managers, clubs, sources), read from config/*.toml."""

    def __init__(self, config: Path = CONFIG) -> None:
        managers = tomllib.loads((config / "managers.toml").read_text("utf-8"))["manager"]
        clubs = tomllib.loads((config / "clubs.toml").read_text("utf-8"))["club"]
        sources = tomllib.loads((config / "sources.toml").read_text("utf-8"))["source"]
        self.managers = tuple(
            Manager(m["name"], m["name"].split()[-1], m.get("club", ""), m.get("nationality", ""))
            for m in managers
            if m.get("club")
        )
        self.clubs = tuple(c["name"] for c in clubs if c.get("league") != "International")
        self.journalists = tuple(s["name"] for s in sources if s.get("kind") == "journalist")
        self.outlets = tuple(s["name"] for s in sources if s.get("kind") == "outlet")
        # Zipf-like: the first managers (after a seeded shuffle) are in the news far more often.
        self.manager_weights = tuple(1.0 / (rank + 1) ** 0.9 for rank in range(len(self.managers)))


_KNOWLEDGE: Knowledge | None = None


def knowledge() -> Knowledge:
    global _KNOWLEDGE  # noqa: PLW0603  # loaded once per process; the TOML parse is ~20 ms
    if _KNOWLEDGE is None:
        _KNOWLEDGE = Knowledge()
    return _KNOWLEDGE


class Gen:
    """Deterministic generator: the same (seed, feed, item) always gives the same item."""

    def __init__(self, seed: int = 7, *, rumour_share: float = 0.55) -> None:
        self.seed = seed
        self.rumour_share = rumour_share
        self.k = knowledge()
        order = list(range(len(self.k.managers)))
        random.Random(seed).shuffle(order)
        self._managers = [self.k.managers[i] for i in order]
        # Rumours cluster: each manager is linked with a few clubs, so (manager, club) threads grow.
        pick = random.Random(f"links:{seed}")
        self.links = {m.name: pick.sample(self.k.clubs, 3) for m in self._managers}

    @cached_property
    def manager_cum_weights(self) -> list[float]:
        total, out = 0.0, []
        for w in self.k.manager_weights:
            total += w
            out.append(total)
        return out

    def pick_manager(self, rng: random.Random) -> Manager:
        return rng.choices(self._managers, cum_weights=self.manager_cum_weights)[0]

    def outlet(self, feed: int) -> str:
        return str(self.k.outlets[feed % len(self.k.outlets)])

    def host(self, feed: int) -> str:
        return f"news{feed % 97}.example"

    def item(self, feed: int, number: int) -> GenItem:
        """Item ``number`` (0 = oldest) of feed ``feed``; one per 25 minutes, item 60 at EPOCH."""
        rng = random.Random(f"{self.seed}:{feed}:{number}")
        k = self.k
        manager = self.pick_manager(rng)
        other = self.pick_manager(rng)
        club = rng.choice(self.links[manager.name]) if rng.random() < 0.8 else rng.choice(k.clubs)
        other_club = rng.choice(k.clubs)
        fields = {
            "manager": manager.name,
            "home": manager.club,
            "nationality": manager.nationality,
            "other": other.name if other is not manager else "the previous manager",
            "club": club if club != manager.club else other.club or other_club,
            "other_club": other_club,
            "player": rng.choice(PLAYERS),
            "score": rng.choice(SCORES),
            "day": rng.choice(DAYS),
            "pos": rng.choice(POSITIONS),
            "n": rng.randint(3, 14),
            "minute": rng.randint(55, 93),
            "age": rng.randint(19, 31),
            "num": rng.randint(4, 44),
            "fee": rng.randint(8, 70),
            "source": rng.choice(k.journalists if rng.random() < 0.6 else k.outlets),
        }
        story = rng.random() < self.rumour_share
        if story:
            headline, lead = rng.choice(RUMOURS)
            title = headline.format(**fields)
            body = [lead, *rng.sample(RUMOUR_BODY, 3), rng.choice(FILLER)]
        else:
            headline, lead = rng.choice(NEWS)
            title = headline.format(**fields)
            body = [lead, *rng.sample(NEWS_BODY, 3), rng.choice(FILLER)]
        paragraphs = [p.format(**fields) for p in body]
        description = paragraphs[0] + " " + paragraphs[1][:160].rsplit(" ", 1)[0] + "…"
        content = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
        # ~2.3 KB an item in all (~115 KB a feed): pad with club background when short.
        spare = [p for p in FILLER if p.format(**fields) not in paragraphs]
        rng.shuffle(spare)
        while len(content) < 1400 and spare:
            content += f"<p>{escape(spare.pop().format(**fields))}</p>\n"
        host = self.host(feed)
        slug = "-".join(title.lower().split()[:8]).replace("'", "").replace(":", "")
        return GenItem(
            guid=f"https://{host}/football/{feed}/{number}",
            link=f"https://{host}/football/{feed}/{number}/{slug}",
            title=title,
            description=f"<p>{escape(description)}</p>",
            content_html=content,
            published=EPOCH + timedelta(minutes=25 * (number - 60)),
            categories=("Football", manager.club or club) if story else ("Football", club),
            creator=rng.choice(k.journalists),
            is_manager_story=story,
        )

    def feed_items(self, feed: int, version: int, new_per_version: int) -> list[GenItem]:
        """The 50 items of a feed at ``version``, newest first: each version adds ``new_per_version``."""
        top = ITEMS_PER_FEED + version * new_per_version
        return [self.item(feed, n) for n in range(top - 1, top - 1 - ITEMS_PER_FEED, -1)]

    def feed_body(self, feed: int, version: int = 0, new_per_version: int = 5) -> bytes:
        return rss(self.feed_items(feed, version, new_per_version), title=f"{self.outlet(feed)} — football")


def rss(items: list[GenItem], title: str = "Football") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
        f"<title>{escape(title)}</title><link>https://example.org/</link><description>Football news</description>",
        "<language>en-gb</language><ttl>5</ttl>",
    ]
    for it in items:
        cats = "".join(f"<category>{escape(c)}</category>" for c in it.categories)
        parts.append(
            f"<item><title>{escape(it.title)}</title><link>{escape(it.link)}</link>"
            f'<guid isPermaLink="false">{escape(it.guid)}</guid><pubDate>{format_datetime(it.published)}</pubDate>'
            f"<dc:creator>{escape(it.creator)}</dc:creator>{cats}"
            f"<description>{escape(it.description)}</description>"
            f"<content:encoded><![CDATA[{it.content_html}]]></content:encoded></item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def entry_key(item: GenItem) -> str:
    """The key rumourbot's parser gives this item (its guid is unique within the feed)."""
    return f"guid:{item.guid}"


if __name__ == "__main__":
    g = Gen()
    b = g.feed_body(0)
    print(f"{len(b) / 1024:.0f} KiB; first item:\n{b[:1500].decode()}")
