"""Words that say what a sentence is about: hedges, official wording, a manager's job or a player deal.

Every pattern runs over folded text (lower case, accents stripped, straight quotes).
"""

from __future__ import annotations

from bot.analysis.prefilter import BranchScan, LiteralScan

HEDGES = LiteralScan(
    r"\b(?:reportedly|according to reports|reports (?:suggest|claim|say)|it is understood|understood to|"
    r"could|may|might|set to|expected to|believed to|thought to|rumou?red|claim(?:s|ed)?|speculation|"
    r"linked|potential(?:ly)?|possible|possibly|consider(?:ing|ed)?|tipped|odds)\b"
)
OFFICIAL = LiteralScan(
    r"\b(?:confirmed|official(?:ly)?|club statement|announced|statement|unveiled|have appointed|has appointed)\b"
)

# A team below the first team ("Under-21s", "the academy", "the Elite Development Squad"): its coach holds no
# manager's job. A pattern fragment, read on folded text.
YOUTH_TEAM = (
    r"(?:under-?\s?\d\ds?|u-?\d\ds?|youth(?: team)?|academy|reserves?|b team|second team|"
    r"(?:elite )?development squad)"
)

# Words that show a sentence is about a manager's job, not a player.
JOB_CONTEXT = LiteralScan(
    r"\b(?:manager(?:ial)?|head coach|coach(?:ing)?|boss|gaffer|tactician|job|role|post|successor|succeed|"
    r"replace(?:ment)?|dugout|touchline|appoint\w*|interim|caretaker|sack\w*|hot seat|in charge|"
    r"helm|reign|tenure|bench|national team|coaching staff|backroom|head-coach|trainer|"
    r"managerless|vacancy|vacant|spell|stint|predecessor|permission|compensation|"
    r"takeover|take over|took over|taking over|the next|step down|stepped down|resign\w*|dismiss\w*|"
    r"feel(?:s|ing)? the heat|patience (?:is )?(?:wearing|running) thin|board|backing|lost (?:all )?faith in|"
    r"(?:asked|questioned|quizzed) (?:\w+ )?about (?:the |his |her )?(?:pressure|sack|future)|"
    # "Beye's position at Rennes under review", "whether he is the right man to lead the club"
    r"position (?:at|as)|under review|the right (?:man|woman|person) to)\b"
)

# Words that show a sentence is about a player deal (transfers, contracts, injuries, matches).
# Tried where its words (or a number) stand: the big alternation is cut where a number may begin a
# match, each part in its place (the same matches as the one alternation).
PLAYER_CONTEXT = BranchScan(
    "",
    [
        # ("looks back on 1,000 games and forward to his last": a direction, not a player)
        r"\b(?<!former )(?<!ex-)(?<!ex )(?<!one-time )(?:striker|"
        r"forward(?! to (?:his|her|their|the|a|an|next|this|that|what|it)\b)|winger|midfielder|defender|centre-back|"
        r"center-back|full-back|left-back|right-back|goalkeeper|keeper)s?\b",
        # ("ends speculation by signing new Bournemouth deal": the coach's own act, a verb)
        r"\b(?:playmaker|wonderkid|teenager|youngster|academy|"
        r"(?<!by )(?<!after )(?<!before )(?<!upon )signing|signings|"
        r"sign(?:ed|s)? for|medical|loan|fee|transfer fee|release clause|buy-back|add-ons|bonuses)\b",
        r"\b(?:£\s?\d|€\s?\d|\$\s?\d)\b",
        r"\b(?:\d+(?:\.\d+)?\s?(?:m|million|bn)\b)\b",
        r"\b(?:injur\w*|hamstring|knee|ankle|"
        r"scored|goal|goals|assist|hat-trick|defeat|victory|chants|crowd|supporters|whistle|fixture|appearances|"
        r"son of|midfield|addition|reinforcement|arrival|"
        r"clean sheet|debut|squad number|shirt|player|players|"
        r"permanent deal|season-long|caps|fit again|sidelined|ruled out for|return from|rehab\w*|"
        r"won \d|lost \d|drew \d)\b",
        r"\b(?:\d-\d (?:win|defeat|draw|victory))\b",
        r"\b(?:thrash\w*|kick-off|line-up|"
        r"penalty|red card|yellow card|substitut\w*|half-time|minute|second half|first half|the game|for sale|"
        r"selling)\b",
    ],
)
