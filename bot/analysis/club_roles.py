"""What the words just before a club say of it: where a manager goes, where he comes from, where he is
under contract."""

from __future__ import annotations

import re

from bot.analysis.end_gate import EndGate
from bot.analysis.refs import ClubRef

# "left Brentford for Tottenham", "quit to join Celtic": where he goes, not the club he leaves.
_DESTINATION = re.compile(
    r"\b(?:for|to join|to take over at|to take charge of|to take(?: up)?|to become|to coach|to manage|join|"
    # "left the club to return to the Italy job"
    r"to (?:return|go back|move|head|switch) to|to rejoin)\s+"
    r"(?:the\s+)?$"
)
_ORIGIN = EndGate(
    r"\b(?:return(?:s|ing)?|move|switch|departure|exit|leav(?:e|es|ing)|away|join(?:s|ed|ing)?) from (?:the )?$"
)
_CONTRACT_AT = re.compile(r"\b(?:his|her) (?:current )?(?:contract|deal) (?:at|with)\s+$")


def gone_to(folded: str, club: ClubRef) -> bool:
    """ "left Brentford for Tottenham", "will not leave for Real Madrid": the club named is where he goes."""
    return _DESTINATION.search(folded, max(0, club.start - 24), club.start) is not None


def come_from(folded: str, club: ClubRef) -> bool:
    """ "to return from New York City FC": the club named is the one he comes from."""
    return _ORIGIN.search(folded, max(0, club.start - 24), club.start) is not None


def under_contract_at(folded: str, club: ClubRef) -> bool:
    """ "his contract at Twente", "his Twente contract": the club he is at."""
    return _CONTRACT_AT.search(folded, max(0, club.start - 24), club.start) is not None or (
        folded.endswith(("his ", "her "), 0, club.start) and folded.startswith((" contract", " deal"), club.end)
    )


# "will lead the team for the rest of the season": a caretaker's charge, or the club's word that the man
# it already has keeps it
_LEADS_THE_TEAM = re.compile(r"(?:lead|leads|led) the ")
_BACKED = re.compile(r"\b(?:support|backing|confidence|faith|behind him|behind her)\b")


def leads_his_own_team(folded: str, cue_start: int, has_a_club: bool, clubs_named: int) -> bool:
    """ "Phil Parkinson has the full support of the owners. He will lead the team for the rest of the season":
    a manager with a club, backed just before in a sentence that names no club, leading "the team" keeps his
    own job (with no word of backing he may be the stand-in after another man's exit)."""
    return (
        has_a_club
        and not clubs_named
        and _LEADS_THE_TEAM.match(folded, cue_start) is not None
        and _BACKED.search(folded, max(0, cue_start - 160), cue_start) is not None
    )
