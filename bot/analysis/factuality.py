"""How a story holds each claim: done, expected, possible, a question, denied, the manager's own
words, or past background (docs/adr/0004-factuality.md).

Every function reads folded text (lower case, accents stripped) around one cue. The order of the
checks is the order of precedence: a claim inside an "if" clause is possible whatever its verb; a
question headline asks rather than tells; background is history however definite its verb; a
manager's own words are his words, even when negated ("insists he is not worried about the sack"); a
negation or a denial earlier in the sentence governs the cue; then modal words before the cue in its
clause; otherwise the claim is reported as done.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.analysis.background import EXPECTED, is_background, is_definite
from bot.analysis.clauses import Clause, Kind
from bot.analysis.dates import (
    dated_agent,
)
from bot.analysis.fact_check import STEPS_TOWARDS, called_off, checked_claim, withdrawn
from bot.analysis.members import Factuality, Relation
from bot.analysis.prefilter import WordGate, guarded
from bot.analysis.speech import he_said_after, is_question, own_words
from bot.analysis.text import Sentence
from bot.analysis.timing import (
    FUTURE_ONLY,
    career_of_exits,
    is_caretaker,
    reported_exit_to_come,
    talked_about,
)
from bot.analysis.words import INABILITY

# A headline "Ten Hag on the Old Trafford exit": a name, "on", and the event.
_HEADLINE_ON = re.compile(
    # (after a quote that opens the headline: "'I was living a dream': Ranieri on the night Leicester …")
    r"(?:[^:]{1,80}:\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}on\s+"
    r"(?!the (?:brink|verge|cusp|point|edge) of)(?:his|her|the|their)\s+"
    r"(?:[\w'’-]+\s+){0,3}$"
)
# "The day Mourinho was SACKED", "The night Leicester became champions": a headline looking back
_THE_DAY = re.compile(r"\W*the (?:day|night|week|afternoon|evening|moment) (?:that |when )?")
# A denial or negation governs the cues after it in its sentence.
_DENIAL = guarded(
    r"\b(?:denied|denies|deny|denying|played down|plays down|playing down|downplayed|"
    r"dismissed (?:the |an? (?:[\w'-]+ )?)?"
    r"(?:reports?|claims?|talk|speculation|rumou?rs?|suggestions?|links?)|rejected (?:the |an? (?:[\w'-]+ )?)?"
    r"(?:reports?|claims?|talk|speculation|rumou?rs?|suggestions?|links?)|rubbished|laughed off|poured cold water|"
    r"shut down|shoots? down|shot down|"
    r"no truth|not true|nothing to (?:it|confirm|report)|rul(?:ed|es|e|ing) out|no plans? to|no intention|"
    r"no interest in|not interested in|no desire to|no chance (?:of|that)|not for sale|not (?:a|an) option|"
    r"(?:spoken|talked) to no (?:other )?(?:one|coach|manager|candidate)|"
    r"(?:reports|claims|stories) (?:are|were) (?:false|untrue|wrong|wide of the mark))\b"
)
_NEGATION = guarded(
    r"(?:n't|\b(?:not|no(?! hurry| rush)|never|nor|without|yet to|unlikely to|rather than|instead of|no longer|"
    rf"refuse[sd]? to|refusing to|{INABILITY}))\W+(?:[\w'-]+\W+){{0,2}}$"
)
_GERUND = re.compile(r"(?:sacking|firing|dismissing|axing|appointing|hiring|naming|replacing)\b")
_ING_SUBJECT = re.compile(
    r"(?:leaving|sacking|quitting|resigning|departing|staying)\s+(?:counts|is|was|would|will|could|might|makes|means|"
    r"seems|looks)\b"
)
_PERFECT = re.compile(r"\b(?:has|have|had|'ve|'s)\s+(?:\w+\s+)?(?:been\s+)?$")
_POSSIBLE = guarded(
    r"\b(?:could|might|may|would|should|ought to|must|deserves? to|needs? to|consider(?:s|ed|ing)?|"
    r"weigh(?:s|ed|ing)?(?: up)?|"
    r"mull(?:s|ed|ing)?(?: over)?|"
    r"contemplat\w+|explor(?:e|es|ed|ing)|ponder\w*|open to|in (?:the )?frame|in contention|in (?:the )?running|"
    # ("one possible successor has been sounded out": the word sizes up the man, not the talks)
    r"(?:potential|possible)(?! (?:successor|replacement|candidate|target|option|suitor)s?\b)|potentially|possibly|"
    # ("Sarri hints at Lazio exit")
    r"hint(?:s|ed|ing)? at|"
    r"risk(?:s|ed|ing)?|at risk|odds|tipped|willing to|prepared to|keen to|earned|deserve[sd]?|merit(?:s|ed)?|"
    r"want(?:s|ed|ing)? to|hop(?:e|es|ed|ing) to|eager to|desperate to|dream(?:s|ed|ing)? of|would like to|"
    r"interested in|bid to|tr(?:y|ies|ied|ying) to|(?:seek|seeks|seeking|sought) to|look(?:s|ed|ing)? to|"
    r"aim(?:s|ed|ing)? to|attempt\w* to|favourite to|favorite to|candidate to|contender to|"
    r"discuss(?:es|ed|ing|ions?)?|sound(?:s|ed|ing)? (?:him |her )?out|chances? of|fears? (?:of|that)|"
    r"threat of|speculation|rumou?r(?:s|ed)?|suggestions?|talk of|question(?:s|ed|ing)?|"
    r"(?:offer|chance|opportunity|approach|invitation|proposal)s? to|"
    r"(?:talks|negotiations|discussions) (?:over|about|on)|(?:claiming|suggesting|alleging)(?: that)?|"
    # (not "have reached an agreement to terminate, by mutual consent, the contract": made)
    r"(?<!reached an )(?<!struck an )(?<!signed an )agreement to|possibilit(?:y|ies)|in case|prospect of|"
    r"fac(?:e|es|ing) being|in danger of(?: being)?|"
    r"threatened with)\b"
)
# "Clarke will step down after the World Cup. The 62-year-old made the announcement on Monday": the
# next sentence says the plan was announced.
_ANNOUNCEMENT_NEXT = re.compile(
    r"\s*[^.!?\n]{0,80}?\b(?:made|making) the announcement\b|"
    # "… told the players on Wednesday morning, and the club confirmed the decision in a statement"
    r"\s*[^.!?\n]{0,200}?\b(?:the club|the federation|the board) (?:has |have |had )?confirmed the (?:decision|news)\b|"
    # "Conte will leave. 'I have told the president …'": his own announcement
    r"\s*['\"]?(?:i|he|she) (?:have|has|had) (?:already )?(?:told|informed) (?:the|my|his|her) "
    r"(?:president|chairman|owner|owners|board|players|club|federation)\b"
)
# "will step down at the end of the season, the club has announced": an announced plan is done.
_ANNOUNCED = re.compile(
    r"\b(?:(?:the club|the federation|the association|the board) (?:has |have )?(?:announced|confirmed|said|added)|"
    r"(?:the club|the clubs|the federation|the board) (?:announce|confirm)|"
    r"(?:has|have) (?:announced|confirmed)|announced|announcement|announces|in a (?:club )?statement|"
    r"statement (?:said|read)|officially confirmed|confirm(?:ed|s)|can confirm|"
    # "Conte has told De Laurentiis he will leave": his own announcement to the club
    # (not "has told friends he will leave": a private word, reported, is no announcement)
    r"(?:has|have|had) told (?!friends|people close|those close|confidants)[\w' .-]{1,50}? (?:that )?(?:he|she) will|"
    # "told the club's owner last week that he will leave": his decision, told to those he works for
    r"told (?:the |his |her )?(?:[\w'.-]+ ){0,2}?(?:owners?|president|chairman|board|players|squad|hierarchy|"
    r"sporting director|federation)\b[\w' .-]{0,40}? (?:that )?(?:he|she) will)\b"
)
_DECISION_TO = re.compile(r"\bdecision to\s+$")
_WOULD = re.compile(r"\bwould\s+$")
_CONDITION = re.compile(r"\b(?:if|unless|should|were)\b")
_WILL_GO = WordGate(r"\b(?:will|is going to|(?:has |have )?decided to)\b")
# "a favourite for the next dismissal": an exit still to come
_NEXT = re.compile(r"\b(?:the|a|his|her) next (?:to )?$")
# A stay cue that holds its own hedge ("is expected to stay", "would remain"): the hedge is the story's.
_STAY_HEDGE = re.compile(r"(set to|expected to|going to|would|plans? to|intends? to|wants? to) (?:stay|remain)\b")
# "will remain in interim charge": a state that already holds.
_REMAINS = re.compile(r"\b(?:remain|remains|continue|continues|stay|stays) (?:in|as|on as)\s+(?:the\s+)?$")
_UNWORRIED = re.compile(
    r"(?:\b(?:not|never)|n't) (?:\w+ )?(?:worried|concerned|fear\w*|feel\w*|bothered|fazed|thinking|think)\b|"
    r"\b(?:unconcerned|unfazed|unworried)\b"
)
# "will take charge, starting with Wednesday's game": an appointment with a date is made.
_SCHEDULED = re.compile(
    r"\b(?:starting with|from (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)|"
    r"(?:for|in|against) (?:the|this|saturday's|sunday's|wednesday's|tuesday's|friday's|monday's|thursday's|"
    r"next|tonight's|tomorrow's) (?:\w+ )?(?:game|match|fixture|tie))\b"
)
_NEGOTIATING = re.compile(
    r"\b(?:talks|negotiations|negotiat(?:e|es|ing)|discussions|conversations|speaking|talking|chats|offer(?:ed|s)?|"
    r"proposal|"
    r"approach(?:ed)?|(?:remain|are|still|far) apart)\b"
)
_OVER_EXTENSION = re.compile(r".*\b(?:over|about|on|for) (?:a |an |his |her |the )?(?:new |possible |contract )?$")
# A noun cue whose verb comes after it: "an agreement could be reached within 48 hours".
# "X would take charge", "X, their under-23 coach, would take charge": the coach the "would" is about
_REPORTED_WOULD = re.compile(r"(?:,\s[^,.;]{1,40},)?\s+would\s+")
_MODAL_AFTER = re.compile(
    r"\s+(?:(?P<possible>could|may|might|would|should|is possible|remains possible)|"
    r"(?:is|are) (?:expected|set|likely|due|close|poised) to|will|is imminent|is near)\b"
)
_REPORTS_THAT = WordGate(r"\b(?:reports?|claims?|suggestions?|rumou?rs?|stories|speculation) that\b")
_CALLED_FALSE = re.compile(
    r"\b(?:are|is|were|was) (?:completely |totally |simply |entirely )?(?:false|untrue|wrong|inaccurate|nonsense|"
    r"fake|baseless|unfounded|wide of the mark|incorrect|premature|exaggerated|overblown|off the mark)\b"
)
_ALL_BUT_NAME = re.compile(r"\s+in all but name\b")
_ON_HOLD = re.compile(
    r"(?:\s+(?:of|for) [\w' .-]{1,40}?)?\s+(?:has been |have been |was |were |is |are |remains? )?(?:now )?"
    r"(?:put on hold|on hold|shelved|postponed|delayed|paused|put on ice|off the table)\b"
)
_NOT_RULED_OUT = WordGate(r"(?:\b(?:not|refus\w* to|won't)|n't) (?:rule|ruled|ruling) out\b")
_GLAD_TO_ANNOUNCE = re.compile(r"\b(?:delighted|pleased|proud|thrilled|happy) to\s+$")
_LEFT_TO = re.compile(r"\b(?:has|have|had) (?:\w+ly )?(?:left|quit|departed)\b[^.;]{0,60}\bto\s+$")
_HEADLINE_TO = re.compile(r"(?:^|\s)to\s+(?:be\s+)?$")
# "have mutually agreed to part ways": the agreement to end it is the event, as an announcement is.
# (and the plain past: "the head coach and the club mutually agreed to part ways on Tuesday")
_AGREED_TO = re.compile(r"\b(?:(?:have|has|had)\s+)?(?:now\s+|both\s+)?(?:mutually\s+)?agreed\s+to\s+$")
_HEDGE_BEFORE_TO = re.compile(r"\b(?:set|expected|poised|due|likely|tipped|primed|ready|about|going)\s+$")
_BETTING = re.compile(r"\b(?:odds|bookmakers?|bookies|betting)\b")
_ARRIVING = frozenset({Relation.AGREED, Relation.APPOINTED})
_WOULD_NOT_SAY = re.compile(r"\b(?:refuse[sd]? to|refusing to|(?:would|will) not|won't|declined? to)\W+$")
_STILL_SOUGHT = frozenset({Relation.AGREED, Relation.APPOINTED, Relation.EXTENSION})
_INABILITY = re.compile(rf"(?:{INABILITY})\b")
_NOT_YET = re.compile(r"['\"]?\s+yet\b")
_UNTIL = re.compile(r"\s+(?:\w+\s+){0,2}?until\b")
_ASK_WHETHER = WordGate(r"\b(?:ask|asks|asked|asking|wonder|wonders|wondering) whether\b")
_APPOINTED_TO = re.compile(r"\b(?:appointed|hired|named|brought in|installed|recruited)\b[^.;]{0,40}\bto\s+$")


def _announced_around(folded: str, sentence: Sentence, cue_start: int, cue_end: int) -> bool:
    """The sentence says, before or after the cue, that what it tells was announced."""
    return bool(
        _ANNOUNCED.search(folded, sentence.start, cue_start) or _ANNOUNCED.search(folded, cue_end, sentence.end)
    )


def classify(
    text: str,
    folded: str,
    sentence: Sentence,
    clause: Clause,
    relation: Relation,
    cue: tuple[int, int],
    owner: tuple[int, int],
    *,
    title: bool,
    published: datetime | None,
) -> Factuality:
    """How the story holds the claim the cue at ``cue`` makes about the person at ``owner``."""
    cue_start, cue_end = cue
    if clause.kind is Kind.CONDITIONAL:
        return Factuality.POSSIBLE
    if (checked := checked_claim(folded, sentence, cue_start)) is not None:
        return checked
    if withdrawn(folded, sentence, cue_start):
        return Factuality.DENIED  # "An earlier version of this article said X had agreed …": taken back
    if relation in STEPS_TOWARDS and called_off(folded, sentence, cue_start, cue_end):
        return Factuality.DENIED  # "talks with Beale have broken down", "withdrawn their offer": no move
    if is_question(text, sentence) or _ASK_WHETHER.search(folded, sentence.start, cue_start):
        return Factuality.QUESTION  # (and "we ask whether she is the right coach to turn it around")
    # Words before the cue in its clause; the manager's own name ("Will Still") says nothing.
    before = folded[clause.start : cue_start]
    if clause.start <= owner[0] and owner[1] <= cue_start:
        before = before[: owner[0] - clause.start] + " " + before[owner[1] - clause.start :]
    if _REPORTED_WOULD.fullmatch(folded, owner[1], cue_start) and _ANNOUNCED.search(folded, sentence.start, cue_start):
        before = before[: -len("would ")] + "will "  # "the club said X would take charge": its "will", reported
    if folded.startswith("to ", cue_start) and _HEDGE_BEFORE_TO.search(before):
        before += "to "  # ("who is set to leave the club": the cue's own "to" completes the hedge)
    if relation is Relation.STAYS and (hedge := _STAY_HEDGE.match(folded, cue_start, cue_end)):
        before += " " + hedge.group(1)
    if relation is Relation.LINKED and folded.startswith(("would ", "could "), cue_start):
        before += " could"  # "would be open to succeeding Martínez": the cue holds its own hedge
    if own_words(folded, sentence, owner[0], owner[1], cue_start):
        if relation in (Relation.LEFT, Relation.SACKED) and _NEGATION.search(
            folded[max(clause.start, cue_start - 40) : cue_start]
        ):
            return Factuality.DENIED  # "says he has no intention of leaving": his own denial
        if relation is Relation.LEFT and _WILL_GO.search(folded, max(clause.start, cue_start - 25), cue_end):
            return Factuality.DONE  # "said he will not continue as Uruguay coach": his own announcement
        if (
            relation is Relation.LEFT
            and _WOULD.search(folded, max(clause.start, cue_start - 12), cue_start)
            and not _CONDITION.search(folded, cue_end, sentence.end)
        ):
            return Factuality.DONE  # "telling reporters he would step down after the finals": "will", reported
        return Factuality.DONE if _PERFECT.search(before[-30:]) else Factuality.REPORTED
    will = _WILL_GO.search(folded, max(clause.start, cue_start - 25), cue_end)
    if relation is Relation.LEFT and will and he_said_after(folded, sentence, owner[1], cue_start):
        return Factuality.DONE  # "X will leave Saudi Arabia after the World Cup, the Frenchman said"
    if _NOT_RULED_OUT.search(folded, sentence.start, cue_end):
        return Factuality.POSSIBLE
    if relation is Relation.UNDER_PRESSURE and _BETTING.search(folded, sentence.start, sentence.end):
        return Factuality.POSSIBLE  # "his odds of being the next manager to lose his job have been slashed"
    if relation is Relation.UNDER_PRESSURE and _UNWORRIED.search(folded, max(sentence.start, cue_start - 60), cue_end):
        return Factuality.REPORTED  # "not worried by sack talk": the talk is there, he plays it down
    if _REPORTS_THAT.search(folded, sentence.start, cue_start) and _CALLED_FALSE.search(folded, cue_end, sentence.end):
        return Factuality.DENIED  # "reports that X has been sacked are false"
    negated = _NEGATION.search(folded[max(clause.start, cue_start - 40) : cue_start])
    if negated and relation is Relation.UNDER_PRESSURE and _UNTIL.match(folded, cue_end, sentence.end):
        return Factuality.POSSIBLE  # "will not decide on his future until the end of the season": put off
    if negated and relation is Relation.UNDER_PRESSURE and _WOULD_NOT_SAY.search(negated.group()):
        return Factuality.POSSIBLE  # "again refused to discuss his future": the question left open, not denied
    if negated and relation in _STILL_SOUGHT and _INABILITY.match(negated.group()):
        return Factuality.POSSIBLE  # "have so far been unable to agree an extension": sought, not refused
    if negated and relation in _ARRIVING and _NOT_YET.match(folded, cue_end, sentence.end):
        return Factuality.EXPECTED  # "there is no 'here we go' yet", "not agreed yet": a step still to come
    if (
        relation is not Relation.DENIED
        and clause.kind is not Kind.RELATIVE
        and (negated or (relation is not Relation.STAYS and _DENIAL.search(folded, sentence.start, cue_start)))
        # "… after L'Equipe claimed Will Still, sacked by Southampton in November, …": a denial of the
        # news does not reach an earlier chapter of someone's career
        and (negated or not dated_agent(folded, cue_end, clause.end, published))
    ):
        return Factuality.DENIED
    if (
        title
        and is_definite(relation)
        and (
            _HEADLINE_ON.fullmatch(text, sentence.start, cue_start) or _THE_DAY.match(folded, sentence.start, cue_start)
        )
    ):
        return Factuality.PAST  # (and "The day Mourinho was sacked: inside …": a feature looking back)
    if relation in (Relation.SACKED, Relation.LEFT) and career_of_exits(folded, cue_start, cue_end):
        return Factuality.PAST
    if relation is not Relation.UNDER_PRESSURE and is_background(
        folded,
        clause,
        cue_start,
        cue_end,
        published,
        relation=relation,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
    ):
        return Factuality.PAST
    if relation is Relation.LINKED and folded.startswith("replac", cue_start) and _APPOINTED_TO.search(before):
        return Factuality.PAST  # "was appointed in September to replace Potter": told with the appointment
    if talked_about(folded, sentence.start, cue_start):
        return Factuality.POSSIBLE  # "sounded out O'Neil about taking over": what the talks are about
    if _ALL_BUT_NAME.match(folded, cue_end) or _ON_HOLD.match(folded, cue_end):
        return Factuality.POSSIBLE  # "sacked in all but name", "his sacking has been put on hold": not sacked
    after = _MODAL_AFTER.match(folded, cue_end, clause.end)
    if after is not None and not cue_end <= owner[0] < after.end():  # ("have appointed Will Still": his name)
        # "an agreement could be reached", "a decision is expected"
        return Factuality.POSSIBLE if after.group("possible") else Factuality.EXPECTED
    if relation in (Relation.SACKED, Relation.LEFT) and _NEXT.search(folded, max(0, cue_start - 16), cue_start):
        return Factuality.POSSIBLE  # "a favourite for the next dismissal", "the next to leave": one to come
    if (not before.strip() and owner[0] >= cue_end and _GERUND.match(folded, cue_start)) or _ING_SUBJECT.match(
        folded, cue_start
    ):
        # "sacking Thomas Frank now would be a panic move", "because leaving counts": an act talked of
        return Factuality.POSSIBLE
    if _POSSIBLE.search(before) or (
        relation is Relation.EXTENSION
        # ("are in talks with X - no relation to … - over a contract extension": the talks govern the
        # extension across a parenthesis, from anywhere before it in the sentence)
        and (
            _NEGOTIATING.search(before)
            or (
                _OVER_EXTENSION.match(folded, max(sentence.start, cue_start - 30), cue_start)
                and _NEGOTIATING.search(folded, sentence.start, cue_start)
            )
        )
    ):
        return Factuality.POSSIBLE  # "opened talks with X over a contract extension": not signed yet
    if (
        relation is Relation.LEFT
        and clause.kind is Kind.RELATIVE
        and _WILL_GO.search(folded, max(clause.start, cue_start - 25), cue_start)
    ):
        return Factuality.DONE  # "Ron Jans, who will retire at the end of the season": told as settled
    if reported_exit_to_come(text, folded, sentence, relation, cue_start) and not _ANNOUNCED.search(
        folded, sentence.start, sentence.end
    ):
        return Factuality.EXPECTED  # "SUNDAY TIMES: Skinner will leave at the end of the season": a report
    if _REMAINS.search(before):
        return Factuality.DONE
    if relation is Relation.LEFT and _AGREED_TO.search(before):
        return Factuality.DONE
    expected = EXPECTED.findall(before)
    if expected:
        # (the cue's own word is no announcement: "will be confirmed as head coach")
        announced = _announced_around(folded, sentence, cue_start, cue_end) or _ANNOUNCEMENT_NEXT.match(
            folded, sentence.end, sentence.end + 240
        )
        future_only = all(FUTURE_ONLY.fullmatch(word) for word in expected)
        # "will take caretaker charge for Saturday's game": an interim appointment is made, not mooted.
        scheduled = relation is Relation.APPOINTED and (
            is_caretaker(folded, clause) or _SCHEDULED.search(folded, cue_end, sentence.end)
        )
        if future_only and (announced or scheduled):
            return Factuality.DONE
        return Factuality.EXPECTED
    if _GLAD_TO_ANNOUNCE.search(before) and folded.startswith(("confirm", "announc", "appoint"), cue_start):
        return Factuality.DONE  # "Blackburn Rovers are delighted to confirm the appointment of …": a club's own words
    if _LEFT_TO.search(before):
        return Factuality.DONE  # "has left Ipswich to become Palace's new manager": the move is made
    if _DECISION_TO.search(before) and _announced_around(folded, sentence, cue_start, cue_end):
        return Factuality.DONE  # "Werder Bremen's decision to dismiss Horst Steffen, announced by the club": made
    if _HEADLINE_TO.search(before):
        return Factuality.EXPECTED  # "Maresca to leave Chelsea", "clearing the way for him to become…"
    return Factuality.DONE
