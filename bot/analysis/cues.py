"""Relation cues found in a sentence: where each stands, and the idioms and results that only look like one.

The cue words themselves are in bot/analysis/relations.py and move_cues.py; this reads them in context
("the defeat left them 15th" is a table, "his dismissal in the draw" a red card, "close to appointing" an
appointment expected).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.end_gate import EndGate
from bot.analysis.members import Relation
from bot.analysis.quick_init import quick_init
from bot.analysis.relations import CUE_PATTERN, NEGATION
from bot.analysis.story_words import YOUTH_TEAM

_CLUBS_AGREE = EndGate(r"\b(?:agreed|agree|agrees|agreeing|reached|settled on) (?:a |an |the )?$")
_CANDIDATE_TO = re.compile(
    r"\b(?:candidates?|options?|contenders?|names|in the running|(?:short)?list|favou?rites?|front-?runners?) "
    r"to (?:[\w-]+ )?$"
)
_NEW_DEAL = re.compile(
    r"[\w' ]{0,30}?\b(?:over|on|for) (?:a |an |his |her )?(?:new|fresh|improved|extended|contract extension|extension)"
    r"(?: [\w-]+)?(?: contract| deal)?\b|"
    # "an agreement in principle to extend the German's contract"
    r"[\w' ]{0,30}?\bto extend (?:his |her |the [\w-]+'s |[\w-]+'s |the )?(?:contract|deal|stay)\b"
)
_COMPETITION_EXIT = re.compile(
    r"\b(?:cup|league|play-?offs?|tournament|euros?|group[- ]stage|semi-finals?|quarter-finals?|round|knockout|"
    r"early|shock|european|continental|copa|champions|first-round|second-round|third-round|last-16|last-32|"
    r"round-of-16|round-of-32)\W+(?:[\w'-]+\W+){0,2}$"
)
_THE_NEWS = re.compile(r"\W*(?:the|this|that|his|her)\s+(?:new\s+|latest\s+)?")
_NEWS_VERB = re.compile(r"\s+(?:comes|came|follows|followed|means|meant|leaves|left|ends|ended|caps|capped)\b")
_WITH_A_PERSON = re.compile(
    r"\s+with\s+(?:(?:the|his|her|their)\s+)?(?:[\w'-]+\s+){0,3}?(?:manager|head coach|coach|boss|mentor|former boss)\b"
)
_DISCIPLINE = re.compile(
    r"\b(?:fined|banned|(?:touchline |match |one-match |two-match |three-match )?ban|red card|sent off|sending off|"
    r"sent to the stands|fourth official|referee|fa charge)\b"
)
_DISMISSAL = ("dismissal", "dismissed")
_NOT_A_MOVE = re.compile(
    r" (?:the |his |her |their )?(?:significance|importance|magnitude|size|scale|impact|chances|gap|"
    r"injury|injuries|extent|defeat|result|game|match|derby|tie|incident|row|criticism|comments?)\b"
)
# ("sacked before" ends its clause; "sacked before it is too late" is another "before")
_TIMES_AFTER = re.compile(
    r" (?:twice|three times|four times|\d+ times|more than once)\b|(?: before(?:\s*[.,;!?'\"”’)]|\s*$))"
)
# where a statement opens: the sentence's start, after a colon or a quote mark, or after a full stop
_STATEMENT_OPENS = r"(?:^|[:'\"]\s*|\.\s+)"
_BEING_OPENS = re.compile(_STATEMENT_OPENS + r"being\s+$")
# "'Leaving Rotherham was the hardest thing I've done'": an exit as the subject of a statement about it
_OPENS = re.compile(_STATEMENT_OPENS + "$")
# "opened talks with Erik ten Hag about a return to the club as head coach": what the talks are about
_TALKS_ABOUT = re.compile(
    r"\b(?:talks|discussions|negotiations|contacts?|meeting|conversations?)\b[\w' ]{0,50}?"
    r"\b(?:about|over|on|regarding|concerning) (?:a |an |his |her |the |possible |potential |permanent |"
    r"surprise |sensational |shock |dramatic )*$"
)
# "Michael Carrick has steadied things as interim head coach": how a caretaker has done, not his appointment
_DESCRIBED_AS = re.compile(r"\b(?:has|have|had)\s+((?:[\w'-]+\s+){1,3}?)as (?:the |their |its )?$")
_TAKES_ON = re.compile(
    r"\b(?:been|served|acted|returned|stepped|taken|come|came|stayed|continued|remained|started|begun|agreed)\b"
)
# "'Sack him and bring in who?'", "Appoint Potter now": a verb's bare form opening a sentence or a quote bids
_IMPERATIVE = frozenset({"sack", "fire", "axe", "dismiss", "appoint", "hire", "extend", "keep", "replace", "ditch"})
# "members of his backroom team will join him", "their appointments will be confirmed": staff coming with a
# coach, not a coach's appointment
_JOINS_A_PERSON = re.compile(r"\s*(?:him|her|them)\b")
_THEIR_APPOINTMENTS = re.compile(r"\btheir appointments (?:will|would|are|have|were)\b[\w ]{0,20}$")
# "has left his role as Scotland Under-21 head coach": a job below the first team
_YOUTH_ROLE_AFTER = re.compile(
    rf"\s+(?:his|her) (?:role|position|job|post) as (?:the )?(?:[\w'-]+ ){{0,3}}?{YOUTH_TEAM}\b"
)
# "one shot on target at Brentford", "two efforts off target": a match statistic, not a club's target
_SHOT_BEFORE = re.compile(r"\b(?:shots?|efforts?|attempts?|headers?) (?:on|off)\s+$")
_IS_LIKE = re.compile(r"\s+(?:[\w'.-]+\s+){0,3}?(?:was|has been|had been|made|taught|felt)\b")
_IN_A_MATCH = re.compile(
    r"\s+(?:in|during|against|at)\s+(?:the|a|their|his|her|saturday's|sunday's|\w+day's|last)?\s*(?:[\w'-]+\s+){0,2}?"
    r"(?:draw|game|match|defeat|win|victory|loss|clash|tie|fixture|derby|first half|second half)\b"
)
# "will take charge of Saturday's trip to Wigan": one match-day stand-in, no appointment. A role named
# ("caretaker charge", "interim charge") is one all the same.
_ONE_MATCH = re.compile(
    r"\s+(?:of\s+(?:the\s+)?(?:team|side|squad|first team|first-team)\s+)?(?:for the first time\s+)?"
    r"(?:of|for|in|at)\s+(?:\w+day's|tonight's)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:game|match|tie|trip|fixture|clash|visit|derby|final|encounter|meeting)\b"
)
_SET_TO = re.compile(
    r"\b(?:(?:set|poised|expected|due|about|in line|lined up|primed|on course)\s+to|will|is to|are to)\s+$"
)
_HEDGED_HEAD = re.compile(r"(?:(?:closing|closes|close) in on|nearing) ")
_AHEAD = re.compile(
    r"(?:(?:closer|close|nearer) to|on the (?:verge|brink|cusp) of) "
    r"(?P<verb>appointing|becoming|being|taking|landing|hiring|naming|securing|joining)"
)
_PLAIN_CHARGE = re.compile(r"(?:take|takes|took|taken|taking) charge")
# "will take charge of Palace at Selhurst Park for the last time on Sunday": a farewell game.
_LAST_TIME = re.compile(r"[^.;]{0,60}?\bfor the (?:last|final) time\b")
_EMPTY_HANDED = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?(?:with nothing|empty-handed|with no points|pointless)\b")
_LEFT_TO = re.compile(r" to (?!join|take|become|coach|manage|replace|succeed)[a-z]+")
_BE = re.compile(r"\b(?:was|were|is|are|been|be|being|feel|felt)\s+$")
_NOT_BEFORE = re.compile(r"(?:\b(?:not|never|refus\w* to|won't)|n't)\s+(?:be\s+|been\s+|have\s+|has\s+)?$")
_LEFT_BY_RESULT = frozenset({"left", "leaving", "leaves"})
_RESULT_SUBJECT = re.compile(
    r"\b(?:defeat|loss|draw|result|win|victory|thrashing|hammering|run|slump|form|collapse|goal|penalty|header|"
    r"strike|exit|points?|reverse|drubbing)\b[^.,;]{0,30}$"
)
# "… and leaves them 15 points behind the leaders": a team's place in the table, not a departure.
_TABLE_AFTER = re.compile(
    r" (?:them|us|it)\b[^.;]{0,40}?\b(?:points? (?:behind|adrift|from|clear|off|above|below|short)|"
    r"in (?:\d+(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th)) place|(?:bottom|top) of the (?:table|league)|"
    r"in the relegation zone|(?:above|below) the (?:drop|relegation))"
)
# "a summer of big sales has left the squad thin": a state a thing is left in, not a departure
_LEFT_IN_A_STATE = re.compile(
    r" (?:the |his |their |a |our )?(?:squad|team|side|defence|midfield|attack|group|dressing room|fans|supporters|"
    r"them|us|it|him)\s+(?:thin|short|light|bare|depleted|exposed|weakened|vulnerable|reeling|stunned|fragile|"
    r"in tatters|in disarray|in trouble|in limbo|needing|facing|struggling|looking|with only|without a win)\b"
)
_NOUN_TITLE = re.compile(r"(?:interim|caretaker) (?:manager|head coach|coach|boss)$")
_SPELL_AS = re.compile(r"\b(?:spell|stint|time|period|tenure|days|role|work)\s+as\s+(?:the\s+|an?\s+)?$")
_TITLE_VERB = re.compile(
    r"\b(?:as|named|appointed|installed|become|becomes|becoming|be|been|is|was|were|are|remains?|stays?|continues?)"
    r"\s+(?:(?:the|an?|their|its|his|her|new|club's)\s+)*$"
)
_A_PLACE = re.compile(
    r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}(?:training ground|ground|stadium|pitch|field|building|hotel|room|"
    r"press conference|tunnel|bench|dugout|field of play|airport|car park|hospital|house|flat|home|"
    r"here|there)\b|"
    # ("leave the country", not "leave Manchester City")
    r"\s+(?:the|this|his|her|their)\s+(?:city|country)\b"
)
_LONG_AGO = re.compile(r"[\w ]{0,20}?\b(?:in|since|back in) (?:19|20)\d\d\b")
# ("a clause that lets him leave at the end of the season" is a departure that may come)
_LET_LEAVE = re.compile(
    r"(?:\b(?:no|not|never|refus\w*|reluctant|unwilling|block\w*)\b|n't\b)[\w' ]{0,25}?"
    r"\blet(?:s|ting)? (?:[\w'-]+ ){0,2}$"
)
# "are reluctant to let him go": a club that will not release its coach, no sacking.
# ("Betis won't let him go": the "n't" stands inside its word)
_REFUSE_BEFORE = re.compile(r"(?:\b(?:no|not|never|refus\w*|reluctant|unwilling|loath|block\w*)\b|n't\b)[\w' ]{0,25}$")
# "has a year left on his deal", "with six games left": time remaining, not a departure.
# "a low cross from the left", "his left foot": the side of the pitch or of the body, a noun
_SIDE_LEFT_BEFORE = re.compile(r"\b(?:the|his|her|their|its|far|near)\s+$")
_SIDE_LEFT_AFTER = re.compile(r"[- ](?:foot|footed|wing|winger|flank|side|back|channel|post|hand|boot|peg|half)\b")
_TIME_LEFT = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple of|half a|\d+(?:\.\d+)?)"
    r"\s+(?:full\s+|more\s+)?(?:years?|months?|seasons?|games?|matches?|fixtures?|weeks?|days?|minutes?|points?)\s+$"
)
_ODDS = re.compile(r"(?:\d+/\d+|odds-on|evens|favourite|odds) to be $")
_APPLIED_PRESSURE = re.compile(
    r"\b(?:put|puts|putting|kept|keep|keeps|keeping|placed) (?:us|them|him|you|the \w+|their \w+) $"
)


@quick_init
@dataclass(frozen=True, slots=True)
class Cue:
    relation: Relation
    start: int
    end: int
    negated: bool


_A_TEAM_BEFORE = re.compile(r"\b(?:side|sides|team|teams|squad|outfit|champions|leaders|men|women)\s+$")
_THE_TABLE = re.compile(
    r" (?:the )?(?:leaders|top\b|summit|title|top (?:two|four|six)|safety|promotion|play-offs?|european|"
    r"second|third|fourth)"
)
_JOKE_BEFORE = re.compile(
    r"\b(?:jokes?|joked|joking|quips?|quipped|quipping|jests?|jested|laughs?|laughed|laughing) (?:about|over|that)\s+"
    r"(?:(?:he|she)(?:'d| would| will| could) (?:be )?(?:getting |facing )?)?['\"]?$"
)
_FIXTURE_BEFORE = re.compile(
    r"(?:\b(?:today|tonight|tomorrow|afternoon|evening|weekend|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)'s|\b(?:league|cup|premiership|championship|division|liga|serie a|bundesliga|derby|final|semi-final|"
    r"quarter-final|play-off|group-stage|first-leg|second-leg|league one|league two))(?: [\w-]+){0,3} $"
)
_ARRIVALS = frozenset({Relation.APPOINTED, Relation.AGREED, Relation.TALKS})
_UNNAMED_YET = re.compile(
    r"\b(?:an?|another|other|two|three)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:coach|manager|candidate|successor|replacement|name|boss)(?:e?s)?\s+"
    r"(?:(?:who|that)\s+(?:is|are|was|were|has|have|had)\s+)?(?:still\s+)?yet\s+to\s+$"
)
_RENEWAL_BEFORE = re.compile(r"\b(?:renewal|extension|new[- ]contract|improved[- ]contract) $")
_WHETHER = re.compile(r"\b(?:whether|if)\b")
_WHETHER_ALONE = re.compile(r"\bwhether\b")
_DRAWN_UP = re.compile(
    r"\b(?:prepar(?:e|es|ed|ing)|draw(?:s|ing)? up|drew up|working on|work on|readying|lin(?:e|es|ing) up)\s+"
    r"(?:an? |the |his |her )?(?:[\w-]+ )?$"
)
# "the staff who have left for other clubs", "his backroom staff, who leave with him": their move
_OTHERS_WHO = re.compile(
    r"\b(?:staff|backroom team|coaching team|assistants?|coaches|players|squad|team-?mates|colleagues|directors?|"
    r"scouts?|analysts?|fitness coach|goalkeeping coach|those|others),?\s+(?:who|that)\s+"
    r"(?:(?:have|has|had|were|was|are|will)\s+)?(?:(?:already|also|since|recently|been)\s+)*$"
)
_PERMISSION_AFTER = re.compile(r"\s+(?:[\w'’.&-]+\s+){0,4}?permission\b")
_AN_OFFER = re.compile(r"\s+(?:offer|proposal)\b")
_RENEWAL_IN = re.compile(r"\b(?:extend|renew|renewal|extension)\b")


# "U-turn over Liverpool exit", "backtracked on his decision to quit": an exit called off
_REVERSED = re.compile(
    r"\b(?:u-turns?|backtrack(?:s|ed)?|back-?pedal(?:s|led|ed)?|reverses|reversed) (?:over|on) "
    r"(?:(?:his|her|the|a|their|planned|proposed|decision to|plans? to|[\w'.-]+'s?) ){0,3}?(?:[\w'.&-]+ ){0,2}$"
)


def find_cues(folded: str, start: int, end: int) -> list[Cue]:
    """Relation cues in folded[start:end], each marked when a negation stands just before it."""
    cues: list[Cue] = []
    opening = start
    for match in CUE_PATTERN.finditer(folded, start, end):
        name = match.lastgroup
        if name is None:
            continue
        before = folded[max(start, match.start() - 30) : match.start()]
        relation = Relation[name]
        if relation in (Relation.APPOINTED, Relation.AGREED) and _TALKS_ABOUT.search(
            folded, max(start, match.start() - 90), match.start()
        ):
            continue  # "talks about a return to the club as head coach": the talks' subject, not done
        if relation is Relation.UNDER_PRESSURE and _APPLIED_PRESSURE.search(before):
            continue  # "put us under pressure": a match description, not a job
        if relation is Relation.LEFT and _LET_LEAVE.search(folded, max(start, match.start() - 60), match.start()):
            continue  # "no intention of letting him leave": no departure
        if relation is Relation.SACKED and match.group().startswith("let ") and _REFUSE_BEFORE.search(before):
            continue  # "reluctant to let him go": they keep him
        if relation is Relation.LEFT and match.group() == "left" and _TIME_LEFT.search(before):
            continue  # "a year left on his contract": time remaining
        if (
            relation is Relation.LEFT
            and match.group() == "left"
            and (_SIDE_LEFT_BEFORE.search(before) or _SIDE_LEFT_AFTER.match(folded, match.end()))
        ):
            continue  # "a low cross from the left": a side, not a departure
        word = match.group()
        if (
            relation is Relation.APPOINTED
            and word.startswith(("interim", "caretaker"))
            and (described := _DESCRIBED_AS.search(before)) is not None
            and not _TAKES_ON.search(described.group(1))
        ):
            continue  # "has steadied things as interim head coach": how he has done in the role
        if (
            relation is Relation.SACKED
            and word.startswith("end")
            and any(c.relation is Relation.LEFT and 0 <= match.start() - c.end <= 12 for c in cues)
        ):
            continue  # "Valverde's departure ends a third spell": the departure ends it, no one sacks him
        if relation in (Relation.LEFT, Relation.SACKED) and _REVERSED.search(before):
            continue  # "performs U-turn over Liverpool exit": the exit called off, which the U-turn's stay tells
        if relation is Relation.LEFT and word in ("exit", "exits") and _COMPETITION_EXIT.search(before):
            continue  # "after the cup exit": knocked out, not a departure
        if relation is Relation.LEFT and _YOUTH_ROLE_AFTER.match(folded, match.end()):
            continue  # "has left his role as Scotland Under-21 head coach": not the first team's job
        if relation is Relation.LEFT and _A_PLACE.match(folded, match.end()):
            continue  # "seen leaving the training ground": a building, not a job
        if relation is Relation.LEFT and word == "left" and _LEFT_TO.match(folded, match.end()) and _BE.search(before):
            continue  # "we were left to rue our finishing": an idiom, not a departure
        if relation is Relation.OFFER and word.startswith("compensation") and _CLUBS_AGREE.search(before):
            relation = Relation.TALKS  # "have agreed a compensation package with Bolton for X": his terms are next
        if relation is Relation.STAYS and (
            _WHETHER_ALONE.search(before) or (word.startswith("will still be") and _WHETHER.search(before))
        ):
            # "asks whether Almeyda will still be on the Sevilla bench", "to decide whether Tedesco stays in
            # charge": his staying is the question, his job what is at risk
            relation = Relation.UNDER_PRESSURE
        if _OTHERS_WHO.search(before):
            continue  # "the staff who have left for other clubs": their move, not a manager's
        if (
            relation is Relation.LEFT
            and word.startswith("ending ")
            and any(c.relation in (Relation.SACKED, Relation.LEFT) for c in cues)
        ):
            continue  # "have parted company with X …, ending his spell": the same exit, told as the sentence told it
        if (
            relation is Relation.TALKS
            and word.endswith(" in on")
            and (_A_TEAM_BEFORE.search(before) or _THE_TABLE.match(folded, match.end()))
        ):
            continue  # "Nancy's side close in on Hearts", "close in on the top four": a league table's chase
        if relation in (Relation.UNDER_PRESSURE, Relation.SACKED) and _JOKE_BEFORE.search(before):
            continue  # "Schmetzer jokes about 'the sack' after Sounders' late winner": a joke, not his job
        if relation is Relation.TALKS and word.startswith("meeting") and _FIXTURE_BEFORE.search(before):
            continue  # "this afternoon's League Two meeting with Bromley": a match, not talks
        if relation in _ARRIVALS and _UNNAMED_YET.search(folded, max(start, match.start() - 60), match.start()):
            continue  # "with the third candidate a foreign coach yet to be named": someone not named
        if relation is Relation.REJECTED and _PERMISSION_AFTER.match(folded, match.end()):
            continue  # "Coventry have refused West Ham permission to speak to Lampard": the club's refusal
        if relation is Relation.EXTENSION and (_DRAWN_UP.search(before) or _AN_OFFER.match(folded, match.end())):
            relation = Relation.TALKS  # "are preparing a new contract (offer)": a deal still to agree, not signed
        if relation is Relation.OFFER and (_RENEWAL_BEFORE.search(before) or _RENEWAL_IN.search(word)):
            relation = Relation.TALKS  # "present Okan Buruk with a renewal offer": his own club, a new deal to agree
        if relation is Relation.APPOINTED and _CANDIDATE_TO.search(before):
            relation = Relation.LINKED  # "among the candidates to become the next head coach": a candidacy
        if relation is Relation.DENIED and word.startswith("rule") and _NOT_BEFORE.search(before):
            relation = Relation.LINKED  # "a move is not ruled out": possible, not denied
        if relation is Relation.LEFT and word in _LEFT_BY_RESULT and _RESULT_SUBJECT.search(before):
            continue  # "the defeat left them six points from safety", "… leaving Spurs 14th": a table
        if relation is Relation.LEFT and word in _LEFT_BY_RESULT and _LEFT_IN_A_STATE.match(folded, match.end()):
            continue  # "has left the squad thin": a state, not a departure
        if relation is Relation.LEFT and word in _LEFT_BY_RESULT and _TABLE_AFTER.match(folded, match.end()):
            continue  # "… and leaves them 15 points behind the leaders": the table again
        if _THE_NEWS.fullmatch(folded, start, match.start()) and _NEWS_VERB.match(folded, match.end()):
            continue  # "The extension comes as talks continue with X": the last sentence's news, not X's
        if word in ("reunited", "reunion") and _WITH_A_PERSON.match(folded, match.end()):
            continue  # "reunited with the Rangers head coach": a member of staff joining a man, no move of his
        if (
            relation is Relation.DENIED
            and word.startswith(("played down", "plays down", "downplayed"))
            and (_NOT_A_MOVE.match(folded, match.end()))
        ):
            continue  # "played down the significance of the derby": no report denied
        if relation is Relation.EXTENSION and "playing contract" in word:
            continue  # "the 34-year-old extended his playing contract": a player's deal
        if relation is Relation.SACKED and _TIMES_AFTER.match(folded, match.end()):
            continue  # "I've been sacked twice": a career counted, not news
        opens = folded[max(opening, match.start() - 12) : match.start()]
        if relation is Relation.APPOINTED and word.startswith("join") and _JOINS_A_PERSON.match(folded, match.end()):
            continue  # "two members of his backroom team will join him": staff following a coach
        if relation is Relation.APPOINTED and _THEIR_APPOINTMENTS.search(
            folded, max(start, match.start() - 60), match.start()
        ):
            continue  # "their appointments will be confirmed": several people's, the staff's
        if relation is Relation.LINKED and word == "target" and _SHOT_BEFORE.search(before):
            continue  # "one shot on target at Brentford": a match statistic
        if word in _IMPERATIVE and _OPENS.search(opens):
            continue  # "'Sack him and bring in who?'": someone's bidding, not an event
        if relation is Relation.SACKED and _BEING_OPENS.search(opens):
            continue  # "'Being sacked taught me everything'": what it is like, not news
        if word.endswith("ing") and _OPENS.search(opens) and _IS_LIKE.match(folded, match.end()):
            continue  # "Leaving Rotherham was the hardest thing": what it was like, not news
        if relation is Relation.SACKED and _IN_A_MATCH.match(folded, match.end()):
            continue  # "his dismissal in the draw with Hull": a red card, not a sacking
        if relation is Relation.SACKED and word.endswith(_DISMISSAL) and _DISCIPLINE.search(folded, opening, end):
            continue  # "fined and banned after his dismissal": a red card, not a sacking
        if relation is Relation.APPOINTED and _PLAIN_CHARGE.fullmatch(word) and _ONE_MATCH.match(folded, match.end()):
            continue  # "will take charge of Saturday's trip to Wigan": a match-day stand-in
        if relation is Relation.APPOINTED and _PLAIN_CHARGE.fullmatch(word) and _LAST_TIME.match(folded, match.end()):
            continue  # "takes charge of Palace for the last time": his farewell, not an appointment
        if relation is Relation.LEFT and _EMPTY_HANDED.match(folded, match.end()):
            continue  # "we leave with nothing": a result, not a departure
        if relation is Relation.SACKED and _ODDS.search(before):
            relation = Relation.UNDER_PRESSURE  # "is 8/1 to be sacked": a betting line, not news
        if relation is Relation.APPOINTED and _LONG_AGO.match(folded, match.end()):
            continue  # "took charge in 2016": background, not news
        if (
            relation is Relation.APPOINTED
            and _NOUN_TITLE.match(match.group())
            and (not _TITLE_VERB.search(before) or _SPELL_AS.search(before))
        ):
            continue  # "the search for an interim head coach": a role, not an appointment
        if relation is Relation.LINKED and word in ("replace", "succeed") and _SET_TO.search(before):
            relation = Relation.APPOINTED  # "is poised to replace Slot": an appointment expected, not a link
        # A cue whose first words are its own hedge starts after them, so that they are read as one.
        # (its own name: ``start`` bounds every cue's look back to the window searched)
        cue_start = match.start()
        hedged = _HEDGED_HEAD.match(word) if relation is Relation.AGREED else None
        ahead = _AHEAD.fullmatch(word) if relation is Relation.TALKS else None
        if hedged is not None:  # "closing in on a deal": the deal is expected, "closing in on" its hedge
            cue_start += hedged.end()
        elif ahead is not None:  # "close to appointing X": an appointment expected, "close to" its hedge
            relation, cue_start = Relation.APPOINTED, cue_start + ahead.start("verb")
        elif relation is Relation.AGREED and _NEW_DEAL.match(folded, match.end()):
            relation = Relation.EXTENSION  # "reach agreement with Kompany over a new contract"
        negated = relation is not Relation.DENIED and bool(NEGATION.search(before))
        cues.append(Cue(relation, cue_start, match.end(), negated))
    return cues
