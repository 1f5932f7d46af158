"""A scripted timeline of stories (written for these tests), played on a platform through the whole
bot: a link, pressure, talks relayed by three aggregators (one inflating the stage), a rival's
appointment, a denial, a sacking, an appointment, a story about the new manager's side, and a quiet
period. ``play`` drives it through a ``Chat`` (Telegram or Discord fake) and checks the resolutions,
the track records, the boards (asked and pinned) and the alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.kb_cli import job_line
from tests.e2e.world import World

Story = tuple[str, str, str]
LINK = ("t1", "Chelsea consider Andoni Iraola as Rosenior successor",
        "Chelsea are considering Andoni Iraola as a candidate to replace head coach Liam Rosenior, the Daily Mail "
        "reports.")  # fmt: skip
PRESSURE = ("t2", "Chelsea boss Liam Rosenior under pressure",
            "Chelsea head coach Liam Rosenior is under growing pressure after a third straight defeat, The "
            "Athletic's David Ornstein reports.")  # fmt: skip
SPURS_LINK = ("t3", "Tottenham monitoring Fabian Hürzeler",
              "Tottenham Hotspur are monitoring Brighton head coach Fabian Hürzeler as a candidate for their vacant "
              "head coach job, The Sun reports.")  # fmt: skip
DENIAL = ("t4", "Newcastle deny interest in Kasper Hjulmand",
          "Newcastle United have denied any interest in Bayer Leverkusen head coach Kasper Hjulmand, Sky Sports "
          "News reports.")  # fmt: skip
HOWE = ("t5", "Manchester United monitoring Eddie Howe",
        "Manchester United are monitoring Newcastle United head coach Eddie Howe as a possible future manager, the "
        "Daily Mail reports.")  # fmt: skip
TALKS = ("t6", "Chelsea hold talks with Andoni Iraola",
         "Chelsea have opened talks with Andoni Iraola about their head coach role, The Athletic's David Ornstein "
         "reports.")  # fmt: skip
RELAYS = [
    ("t7", "Chelsea in talks with Bournemouth boss Iraola",
     "CaughtOffside reports, citing The Athletic's David Ornstein, that Chelsea are in talks with Andoni Iraola "
     "over the head coach job at Stamford Bridge."),
    ("t8", "Chelsea make offer to Andoni Iraola",
     "Chelsea have made an offer to Andoni Iraola to become their new head coach, TEAMtalk reports, citing David "
     "Ornstein of The Athletic."),
    ("t9", "Iraola and Chelsea: talks under way",
     "As 90min reports via David Ornstein, talks between Chelsea and Andoni Iraola are now under way as the Blues "
     "plan for next season."),
]  # fmt: skip
RIVAL = ("t10", "Tottenham appoint Unai Emery as head coach",
         "Tottenham Hotspur have appointed Unai Emery as their new head coach, the club announced.")  # fmt: skip
SACKED = ("t11", "Chelsea sack Liam Rosenior",
          "Chelsea have sacked head coach Liam Rosenior, the club said in a statement.")  # fmt: skip
APPOINTED = ("t12", "Chelsea appoint Andoni Iraola",
             "Chelsea have appointed Andoni Iraola as their new head coach, the club announced.")  # fmt: skip
HIS_SIDE = ("t13", "Pressure grows on Iraola as his side lose again",
            "Andoni Iraola is under growing pressure after his side lost again on Saturday, The Athletic's David "
            "Ornstein reports.")  # fmt: skip


class Chat(Protocol):
    """One chat on a platform's fake, as a fan sees it."""

    async def ask(self, command: str, args: str = "") -> str:
        """Run a command as an admin of the chat; return the answer as the platform shows it."""
        ...

    def posts(self) -> list[str]:
        """Every message the bot posted to the chat unasked (alerts, replies, boards), as shown, in order."""
        ...

    def edits(self) -> list[tuple[str, str]]:
        """(message id, text shown) of every edit in the chat, in order."""
        ...

    def message_id(self, index: int) -> str:
        """The id of the ``index``-th post."""
        ...


def day(at: datetime) -> str:
    return f"{at.day} {at:%b %Y}"


@dataclass
class Step:
    """What the chat received in one step."""

    posts: list[str]
    edits: list[tuple[str, str]]


class Timeline:
    def __init__(self, w: World, chat: Chat) -> None:
        self.w = w
        self.chat = chat
        self._posts = 0
        self._edits = 0
        self.keeper = w.core.board_keeper(w.senders)

    async def step(self, *stories: Story, after: timedelta = timedelta(hours=6), sweep: bool = False) -> Step:
        """Time passes; the stories are published; one poll and delivery round; the quiet-period sweep if
        asked; the pinned boards kept; return what the chat received."""
        self.w.clock.advance(seconds=after.total_seconds())
        for story in stories:
            self.w.publish(story)
        if stories:
            await self.w.cycle()
        if sweep:
            await self.w.core.resolver.sweep()
            await self.w.dispatcher.run_once()
        await self.keeper.run_once()
        posts, edits = self.chat.posts(), self.chat.edits()
        new = Step(posts[self._posts :], edits[self._edits :])
        self._posts, self._edits = len(posts), len(edits)
        return new

    def skip_answers(self) -> None:
        """Command answers are posts too: count them as seen."""
        self._posts = len(self.chat.posts())


async def play(w: World, chat: Chat) -> None:
    t = Timeline(w, chat)
    start = w.clock()
    for target in ("chelsea", "tottenham", "newcastle"):
        assert (await chat.ask("follow", target)).startswith("Following ")
    assert "will be posted here as one message" in await chat.ask("board", "vacancies premier league")
    t.skip_answers()

    # A link, pressure, a denial: cards. Eddie Howe's link with United reaches Newcastle's followers: he
    # manages Newcastle (follows by club count the manager's own club).
    first = await t.step(LINK, PRESSURE, SPURS_LINK, DENIAL, HOWE)
    d0 = day(w.clock())
    titles = sorted(p.splitlines()[0] for p in first.posts)
    assert titles == sorted([
        "Andoni Iraola → Chelsea: linked",
        "Liam Rosenior → Chelsea: under pressure",
        "Fabian Hürzeler → Tottenham Hotspur: linked",
        "Kasper Hjulmand → Newcastle United: denied",
        "Eddie Howe → Manchester United: linked",
        "Vacancies — Premier League",  # the pinned board's first post
    ])  # fmt: skip
    board = next(i for i, p in enumerate(chat.posts()) if p.startswith("Vacancies — Premier League"))
    board_id = chat.message_id(board)
    assert "No club is without a permanent manager" in chat.posts()[board]
    race = await chat.ask("sackrace", "premier league")
    assert "1. Liam Rosenior (Chelsea) — 1 report this week, best David Ornstein (tier 1)" in race
    t.skip_answers()

    talks = await t.step(TALKS)
    assert [p.splitlines()[0] for p in talks.posts] == ["now: talks — David Ornstein"]
    # Three aggregators relay Ornstein: one claim to him, none to them; TEAMtalk's "offer" inflates his talks.
    relayed = await t.step(*RELAYS, after=timedelta(minutes=30))
    assert [p.splitlines()[0] for p in relayed.posts] == ["now: offer made — David Ornstein"]
    teamtalk = await chat.ask("source", "teamtalk")
    assert "TEAMtalk (outlet, TEAMtalk): standing tier 4" in teamtalk
    assert "no resolved manager calls yet; 0 claims in all" in teamtalk
    assert "1 relay(s) claimed a later stage than their source" in teamtalk
    assert "David Ornstein: offer made where David Ornstein had said talks" in teamtalk
    assert "0 claims in all" in await chat.ask("source", "caughtoffside")
    assert "2 claims in all (first reports only)" in await chat.ask("source", "ornstein")
    t.skip_answers()

    # A rival's appointment: Spurs hired Emery, so the Hürzeler link did not happen.
    rival = await t.step(RIVAL)
    assert any(p.startswith("Unai Emery → Tottenham Hotspur: appointed") for p in rival.posts)
    spurs = "Did not happen: instead, Tottenham Hotspur appoint Unai Emery (Tottenham Hotspur (official))"
    assert f"{spurs} — first reported by The Sun on {d0}" in rival.posts

    # The sacking confirms the pressure thread; Chelsea fall vacant on the pinned board (edited in place).
    sacked = await t.step(SACKED)
    d_sacked = day(w.clock())
    assert (
        f"Confirmed: Chelsea sack Liam Rosenior (Chelsea (official)) — first reported by David Ornstein on {d0}"
        in sacked.posts
    )
    [(_, shown)] = [e for e in sacked.edits if e[0] == board_id]
    assert f"• Chelsea — vacant since {d_sacked}: Liam Rosenior sacked (Chelsea (official))" in shown
    assert "candidates: Andoni Iraola (offer made; David Ornstein, tier 1)" in shown
    assert not any(p.startswith("Vacancies") for p in sacked.posts)  # one message, not a stream
    assert "Liam Rosenior" not in await chat.ask("sackrace", "premier league")
    t.skip_answers()

    # The appointment confirms the first link, credits its first reporter, and fills the vacancy.
    appointed = await t.step(APPOINTED)
    assert (
        f"Confirmed: Chelsea appoint Andoni Iraola (Chelsea (official)) — first reported by Daily Mail on {d0}"
        in appointed.posts
    )
    iraola_card = [text for _, text in appointed.edits if text.startswith("Andoni Iraola → Chelsea: appointed")]
    assert iraola_card
    assert "Ornstein: 2 of 2 resolved manager calls right" in iraola_card[-1]
    [(_, board_now)] = [e for e in appointed.edits if e[0] == board_id]
    assert "No club is without a permanent manager" in board_now
    explained = await chat.ask("why", "iraola")
    assert "Resolved true on" in explained
    assert "reported as done that Andoni Iraola → Chelsea: appointed" in explained
    t.skip_answers()

    # The learned job binds "his side" to Chelsea, not the knowledge base's Bournemouth.
    later = await t.step(HIS_SIDE, after=timedelta(days=30))
    assert [p.splitlines()[0] for p in later.posts] == ["Andoni Iraola → Chelsea: under pressure"]
    jobs = [job_line(r) for r in await w.core.store.job_rows()]
    assert any(line.endswith("Andoni Iraola: appointed by Chelsea — Chelsea (official) <https://news.example/t12>")
               for line in jobs)  # fmt: skip
    rumour = await chat.ask("rumour", "iraola")
    assert "Learned: manager of Chelsea since" in rumour
    t.skip_answers()

    # The quiet period: the denied move did not happen; Howe's link went cold.
    quiet = await t.step(after=start + timedelta(days=62) - w.clock(), sweep=True)
    assert (
        f"Did not happen: denied on {d0}, and nothing since — first reported by Sky Sports News on {d0}" in quiet.posts
    )
    assert f"Went cold: nothing reported since {d0} — first reported by Daily Mail on {d0}" in quiet.posts

    table = await chat.ask("record")
    assert "• David Ornstein — tier 1: 2 of 2 resolved manager calls right" in table
    assert "• Sky Sports News — tier 2: 1 of 1 resolved manager calls right" in table
    assert "• The Sun — tier 4: 0 of 1 resolved manager calls right" in table
