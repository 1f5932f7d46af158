"""Relation cues, hedges and context words, compiled once into single-pass patterns.

Every pattern runs over folded text (lower case, accents stripped, straight quotes).
"""

from __future__ import annotations

import re

from bot.analysis.members import Relation
from bot.analysis.move_cues import MOVE_CUES
from bot.analysis.prefilter import BranchScan, guarded
from bot.analysis.words import INABILITY

# "the next boss to be shown the door": the wording of a sack race.
_OUT = (
    r"(?:to (?:leave|be sacked|go|be axed|lose (?:his|her|their) jobs?|be shown the door)|shown the door|for the chop)"
)
# "a defeat left them 15th / in the drop zone": a league position, not a departure.
_STANDING = (
    r"(?![\w' -]{0,25}?\b(?:\d+(?:st|nd|rd|th)\b|(?:drop|relegation) zone|bottom (?:of|three|two|half|place)|"
    r"(?:fir|seco|thi|four|fif|six|seven|eigh|nin|ten|eleven|twelf|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twentie)(?:st|nd|rd|th)\b|foot of the|without a (?:win|point)|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
    r"points? (?:adrift|behind|off|from|above|below|clear)))"
)

# "parted ways", "part company": an exit that does not say who decided.
PARTED = re.compile(r"part(?:ed|ing|s)? (?:company|ways)")
# A link that puts a man on a list of names ("shortlist", "among the candidates", "in the frame",
# "considering"): the story holds him as a possibility, not as the club's settled interest.
CANDIDATE_LIST = re.compile(
    r".*?\b(?:shortlist|list|candidates?|frontrunners|front-runners|favou?rites|contenders|names|options?|profiles|"
    r"in (?:the )?frame|in (?:the )?running|considering|being considered|been considered|under consideration|"
    r"weigh|mull|ponder|"
    r"on it)"
)

# Order matters where two cues start at the same place: the first alternative wins.
_CUES: list[tuple[Relation, str]] = [
    (
        Relation.UNDER_PRESSURE,
        r"(?:favourite to be )?next (?:man |manager |boss |coach )?(?:out|to go|through the exit door)|"
        # "ready to move on from Baroni", "is it time to thank Steve Clarke and move on?": a change weighed
        r"mov(?:e|es|ing) on from|and move on\b|"
        # "Gattuso cannot survive", "turns the spotlight on Rob Edwards"
        r"(?:cannot|can't|can not|will not|won't|would not|wouldn't) survive\b|(?:the )?spotlight on\b|"
        # "calls for South Korea head coach Hong Myung-bo to go grew louder"
        r"calls? for (?:[\w'.-]+ ){1,6}?to (?:go|be sacked|quit|resign|step down)\b|"
        r"sack[ -](?:race|talk|latest|fears?|threats?|speculation|rumou?rs?|watch|odds|calls?|claims?|pressure|saga|"
        r"news|storm|worries|danger|reports?|stor(?:y|ies)|gossip|whispers|headlines|questions)|"
        r"under-fire|embattled|beleaguered|"
        # "the two coaches most at risk", "the Bundesliga's most precarious jobs"
        r"(?:coach|coaches|manager|managers|boss|bosses) (?:most |more )?at risk\b|"
        r"(?:most )?precarious (?:jobs?|positions?)|"
        # "the continuity of Gilardino on the bench is in question", "is El Pelado's cycle at Sevilla coming to an end?"
        r"continuity (?:of [\w'. -]{1,40}? )?(?:on the [\w'. -]{1,30}? bench )?(?:is |remains |was )?"
        r"(?:in question|in doubt|at risk|being (?:debated|discussed|questioned|evaluated)|"
        r"(?:far from|not) guaranteed)|"
        r"cycle (?:at [\w'. -]{1,30}? )?(?:is )?(?:coming to an end|at an end)|"
        r"(?<!given )(?<!handed )(?<!got )(?<!gets )(?<!get )the sack\b|"
        r"under (?:(?:more|the most|mounting|intense|huge|real|severe|growing|increasing|serious|enormous|significant|"
        r"renewed|extreme|major|fresh) )?pressure|hot[ -]?seat|sack[ -]race|(?:facing|faces|face|risk of|"
        r"closer to|close to|edging towards|brink of|verge of) (?:the )?(?:sack|axe|chop)|"
        r"(?:job|position|future) (?:at [\w'. -]{1,30} )?(?:is |remains |be )?(?:safe|secure|in danger)|"
        r"(?:keep|keeps|keeping|kept) faith with|stick(?:s|ing)? with|stuck with|"
        r"future (?:hangs|hanging|is) in the balance|job (?:(?:at|as) [\w'. &-]{1,40}? )?(?:is |could be )?"
        r"(?:on the line|in jeopardy|under threat|hanging by a thread|at risk)|(?:favourite to be (?:the )?)?"
        rf"(?:next|first) (?:[\w'-]+ ){{0,3}}?(?:manager|boss|coach|managers|bosses|coaches) {_OUT}|"
        # "Is Thomas Frank's time at Tottenham up?", "Fonseca could be out at Lyon"
        r"(?:(?<='s )|(?<=s' )|(?<=\bhis )|(?<=\bher ))time(?= (?:at [\w'. -]{1,30}? |in charge )?(?:up\?|"
        r"(?:could |might |may )?be up\b))|(?:could|might|may|set to|likely to) be out at "
        r"(?!the weekend|the end|half|home|\d)|"
        # "coach Marco Baroni's bench is wobbling", "decisive for the mister's future" (Italian copy)
        r"bench (?:is |looks |was )?(?:wobbling|shaking|shaky|in the balance)|"
        r"decisive for (?:his|her|the (?:coach|manager|mister|head coach|trainer)'s) future|"
        # "is facing mounting criticism after a 3-0 home defeat"
        r"(?:facing|faces|face|under|attract\w*|draw\w*) (?:mounting|growing|increasing|fierce|heavy|fresh|intense) "
        r"criticism\b|"
        r"lose (?:his|her|their) jobs?|feel(?:s|ing)? the heat|(?:ramp|pile|heap)(?:s|ed|ing)? up (?:the )?pressure|"
        # "Will Andreatta survive Scotland's qualifying slump?", "whether she is the right coach to turn it around"
        r"surviv(?:e|es|ed|ing) (?:[\w'’-]+ ){0,4}?(?:slump|crisis|storm|poor run|bad run|losing run|winter|exit|"
        r"elimination|defeat)|"
        # "running out of road", "will learn his fate", "(will find out) whether he has a future at"
        r"run(?:ning|s)? out of road|learn(?:s|ed|ing)? (?:his|her) fate|on borrowed time|"
        r"(?:position|job|future) (?:at [\w'. &-]{1,30} )?(?:now )?(?:looks|seems|is|appears) "
        r"(?:increasingly |completely )?untenable|"
        r"whether (?:he|she) (?:still )?has a future\b|(?:still )?have a future (?:as|at|with|in charge)\b(?=[^?]*\?)|"
        # "make him 1/3 to be gone", "odds-on to be sacked": the bookmakers' view of his job
        r"(?:(?<=\d )|(?<=odds-on )|(?<=evens )|(?<=favourite )|(?<=shot ))to (?:be (?:gone|sacked|axed|dismissed)|"
        r"lose (?:his|her) job)\b|"
        r"(?:is|remains) the right (?:coach|manager|man|woman|person) to (?:turn|lead|take)|"
        r"(?:pile|heap)(?:s|ed|ing)? (?:more |further |the )?pressure on|"
        # "as pressure grows on Frank", "pressure is mounting on the head coach"
        r"pressure (?:grows|grew|is growing|mounts|mounted|is mounting|builds|is building|increases|intensifies) on\b|"
        # "players have lost faith in Kovač", "the board has lost all faith in him"
        r"(?:have|has|had) (?:now |already )?lost (?:all )?faith in\b|"
        # "fans demand coach's exit", "supporters chanted for Tedesco to go": the crowd wants him gone
        r"(?:demand|demands|demanded|demanding) (?:the )?(?:[\w'. -]{1,30}'s? )?(?:exit|sacking|departure|removal|"
        r"dismissal|head)\b|"
        r"(?:chant|chants|chanted|chanting) (?:for|against) "
        r"(?=[\w'. -]{1,40}? to (?:go|leave|be sacked|quit|resign)\b)|"
        r"patience (?:with [\w' -]{1,30} )?(?:is )?(?:finally )?(?:wearing|running|growing) thin|"
        r"patience (?:has )?(?:finally )?(?:run|runs|ran|running) out|"
        r"time (?:at [\w'. &-]{1,30} )?(?:is )?(?:already |fast )?running out\b|"
        r"(?:lose|loses|losing|lost) (?:(?:all |their |his )?patience) with\b|"
        r"(?:games?|matches|weeks?|points) to save (?:his|her) job\b|"
        # "Does Kovač have to beat Leipzig to keep his job?", "could be his last game as Ireland manager"
        r"to (?:keep|save) (?:his|her) (?:job|post|position)\b|"
        r"(?:last|final) (?:game|match) (?:in charge|as (?:[\w'-]+ ){0,4}?(?:manager|head coach|coach|boss))|"
        r"refus(?:ed|es|ing) to commit (?:his|her) (?:long-term )?future|"
        r"(?:don't|do not|doesn't|does not) know (?:if|whether) (?:i|he|she)(?:'ll| will) (?:still )?be here\b|"
        r"speculation (?:about|over|surrounding) (?:his|her) (?:future|position|job)\b|"
        # "are weighing whether to continue with X": his future is the question
        r"whether (?:or not )?to (?:continue|carry on|stick|persist|keep faith) with\b|whether (?:or not )?to keep\b|"
        # "Will Toronto keep Robin Fraser after missing the playoffs again?": asked, in a question
        r"(?:will|should|can|could|would|do|does) [\w'.&-]+(?: [\w'.&-]+){0,2}? "
        # (not "Why does it keep happening?": "keep" before a verb in -ing goes on, it does not retain)
        r"(?:keep|stick with|stand by)\b(?! \w+ing\b)(?=[^?]*\?)|"
        r"(?:given|gives|give|giving) (?:[\w'.-]+ ){1,3}?(?:one|two|three|four|\d+|a few) (?:more )?"
        r"(?:games?|matches|weeks?) to (?:turn|save|rescue|improve|prove)\b|"
        r"doubts (?:grow |growing |are growing |mount |mounting )?(?:[\w' -]{1,30} )?(?:over|about) "
        r"(?:[\w.'-]+ ){0,3}?(?:future|position|job)\b|"
        r"fears? for (?:(?:his|her|their) )?(?:[\w'. -]{1,30} )?(?:job|future|position)|"
        # ("is 'not worried' about his future": a word quoted in the middle)
        r"(?:worried|concerned|anxious|nervous|thinking)['\"]? (?:about|for|over) (?:his|her|my) "
        r"(?:[\w'. -]{1,20} )?(?:job|future|position)|"
        r"time (?:is |could be |may be )?up (?:for|at)\b|"
        r"(?:discuss|review|decide(?: on)?|consider|evaluat|assess|weigh\w* up|mull\w* over)\w* (?:[\w'.-]+ ){0,4}?"
        r"(?:his|her|[\w.-]+'s) (?:position|future)\b|"
        r"(?:discuss|review|decide(?: on)?|consider|evaluat|assess|weigh\w* up|mull\w* over)\w* (?:the )?"
        r"(?:position|future) of\b|"
        r"(?:future|position|job) (?:(?:as|at) [\w'. &-]{1,40}? )?(?:is |remains |now |is now )?"
        r"(?:in (?:serious |grave |real |some )?doubt|uncertain|under scrutiny|under review|"
        # "Wilder's future as Sheffield United manager is far from certain"
        r"(?:far from|anything but|no longer) (?:certain|secure|assured|safe))|"
        # "his position was questioned", "his future has been called into question"
        r"(?:future|position|job) (?:(?:as|at) [\w'. &-]{1,40}? )?(?:was|were|is|has been|had been|is being) "
        r"(?:openly |increasingly )?"
        r"(?:questioned|called into question)|"
        # "his future was 'not in my hands'", "my future is out of my hands"
        r"(?:future|fate) (?:is|was|isn't|wasn't) ['\"]?(?:not in|out of) (?:my|his|her) (?:own )?hands|"
        # "the pressure on Nuno is mounting": the pressure the sentence says is growing
        r"(?<!no )pressure on (?=[\w'. -]{1,40} (?:is|was|has been) (?:mounting|growing|building|increasing|"
        r"intensifying))|"
        # "X's position as head coach of the France women's team is being discussed"
        r"(?:future|position|job) (?:as [\w'. -]{1,50} )?(?:is |are )?"
        r"(?:being|set to be|expected to be|due to be|to be|will be) "
        r"(?:discussed|questioned|assessed|evaluated|reviewed)|"
        # "faces a crunch meeting with the owners": his job is what the meeting is about
        r"(?:faces?|facing) (?:a )?crunch (?:meeting|talks)(?: with)?|crunch (?:meeting|talks)(?: with)?|"
        r"questions over (?:his|her|the manager.s|the head coach.s) future|under (?:[a-z]+ )?scrutiny|"
        # "when he was questioned about his future after a sixth game without a win"
        r"(?:asked|questioned|quizzed|pressed) (?:again )?(?:about|on|over) (?:his|her) (?:own )?(?:future|position)\b|"
        r"(?:must|needs to) win|fighting for (?:his|her|their) (?:[\w'. -]{1,30} )?(?:jobs?|futures?)|"
        r"clinging on|last chance|"
        # "said his future is 'a question for the owners'": his job in the owners' hands
        r"(?:my|his|her) future is (?:['\"]?(?:a |one )?(?:question|matter|decision) )?(?:for|up to|in the hands of) "
        r"(?:the )?(?:owners?|board|club|president|chairman|hierarchy)\b|"
        r"favourite to be sacked|"
        r"odds on (?:the )?sack|crisis talks|vote of confidence|losing the dressing room|"
        r"ultimatum|on thin ice|running out of time|cost (?:him |her |the [\w-]+ )?(?:his|her) job|"
        r"(?:future|job|position) (?:hangs|hanging|rests) (?:in the balance|by a thread|on)|"
        r"decisive (?:week|game|match)|"
        r"review (?:the )?(?:[\w'-]+ ){0,3}?position|under review|growing (?:pressure|unrest|discontent)|"
        # "Angel City have begun identifying possible replacements for Straus": a successor sought for him
        r"(?:lining up|line up|lines up|identif(?:y|ies|ying|ied)|drawing up a (?:list|shortlist) of|"
        r"drawn up a (?:list|shortlist) of|sounding out) (?:a |an )?(?:possible |potential )?"
        r"(?:replacements?|successors?) (?:for|to)\b",
    ),
    (
        Relation.DENIED,
        r"no truth|not true|denie[sd]|deny|denying|"
        # "Newcastle are not lining up a replacement for Eddie Howe": no successor sought, no sacking
        r"(?:not|no one is|nobody is) (?:lining up|looking for|seeking|searching for|sounding out) (?:a )?"
        r"(?:replacement|successor) (?:for|to)\b|"
        r"reject(?:ed|s|ing)? (?:the )?(?:claims?|reports?|suggestions?|speculation|rumou?rs?|talk|links?)|"
        r"(?:dismiss(?:es|ed|ing)?|brush(?:es|ed|ing)? (?:aside|off)|swat(?:s|ted|ting)? away|"
        r"shrug(?:s|ged|ging)? off) "
        r"(?:[\w'-]+ ){0,5}?(?:reports?|talk|speculation|rumou?rs?|links?|suggestions?|claims?|interest|ideas?|notion|"
        r"possibility|prospect)\b|"
        # "Kompany dismissed it at his press conference", "shrugged them off": the story just told
        r"dismiss(?:es|ed|ing)? (?:it|them)\b|"
        r"(?:brush(?:es|ed|ing)?|shrug(?:s|ged|ging)?|laugh(?:s|ed|ing)?|swat(?:s|ted|ting)?) (?:it|them) "
        r"(?:off|aside|away)\b|"
        r"no (?:interest|intention of (?:joining|taking|moving|going|changing|replacing|sacking|dismissing))|"
        r"nothing to confirm|nothing in it|(?:is |are |was |were )?not being (?:explored|considered|pursued)|"
        r"out of the running|(?:no|not any) (?:contact|talks|approach|offer|negotiations)|"
        r"(?:have|has) not (?:held|opened|made|had) (?:any )?(?:talks|contact|an approach|an offer)|"
        r"wide of the mark|fake news|rubbish|(?:rules?|ruled) out|"
        r"not (?:interested|a candidate|on the shortlist)|no plans['\"]? to|played down|plays down|"
        r"downplayed|laughed off|poured cold water|"
        # "shoot down a fan account's claim that …", "shut down the rumours"
        r"(?:shut|shuts|shutting|shoot|shoots|shooting|shot) down (?:the |an? |[\w'-]+ ){0,3}?"
        r"(?:rumou?rs?|speculation|reports?|claims?|talk|suggestions?)|"
        r"(?:nobody|no one|no-one) (?:from [\w'. -]{1,30} )?(?:has|have|had) (?:called|contacted|spoken to|"
        r"approached|rung) (?:me|him|her|us)\b|"
        # "X is not in question", "I have never thought about replacing him": the club stands by him
        r"(?:is|was|remains) not in question|(?:is|was) not on (?:our|the|the club's) agenda|"
        # "there is no discussion about the coach": no debate about replacing him
        r"(?:is|are|was|were) no (?:discussions?|debate) (?:about|over|around) (?:the |our )?"
        r"(?:coach|manager|head coach)\b|"
        r"no question of (?:changing|replacing|sacking) "
        r"(?:him|her|the coach|the manager|the head coach)\b|(?:never|not) (?:thought|thinking|considered|considering) "
        r"(?:about |of )?(?:replacing|sacking|changing) (?:him|her|the coach|the manager|the head coach)\b",
    ),
    (
        Relation.SACKED,
        r"(?:given|handed|got|gets|get) the sack|sacked|sacks|sacking|sack|dismissed|dismissing|dismiss|"
        # translated copy: "Lecce have exonerated Di Francesco" (esonerato), "dismissed from his functions",
        # "announce the cessation of Inzaghi as coach" (not "exonerated by the panel": cleared)
        r"exonerat(?:e|es|ed|ing|ion)(?! (?:of|from|by (?:the |an? )?(?:fa|uefa|fifa|panel|independent|"
        r"disciplinary|regulatory|commission|tribunal|investigation|inquiry|league|referee)))|"
        r"(?:relieved|dismissed|removed) (?:him |her )?from (?:his|her) (?:functions|duties|post|position)|"
        r"(?:announce[sd]?|confirm(?:s|ed)?) the cessation of|"
        r"(?<!to an )end(?:ed|s)? [\w' ]{1,40}?(?:tenure|reign|spell)|"  # ("bringing to an end": no one's act)
        r"(?:has been|was|been|were|are|is being|will be) dismissed|dismisses|dismissal|"
        r"axed|axes|axing|relieved (?:of )?(?:him |his |her )?(?:of )?(?:his |her |their )?(?:duties|functions)|fired|"
        # "the club released Christian Ilzer from his duties" (freigestellt): not a player's release
        r"releas(?:e|es|ed|ing) (?:[\w'-]+ ){0,3}?from (?:his|her|their) (?:duties|functions)|"
        r"reliev(?:e|es|ed|ing) (?:[\w'-]+ ){1,4}?of (?:his|her|their) (?:duties|functions|role|position|post)|"
        r"has been let go|(?:parted|part|parting) (?:company|ways)(?= with)|"
        r"ended (?:his|her) (?:tenure|reign|spell)|terminated (?:his|her|the) contract|"
        r"shown the door|given the boot|got the boot|booted out|let (?:him|her) go|let (?:[\w'-]+ ){1,3}?go\b|"
        r"(?<!we )(?<!they )(?<!i )(?<!you )pa(?:id|ys) the price|(?:shown|given) (?:his|her) marching orders|"
        r"(?:placed|put|puts|places) (?:[\w'-]+ ){0,4}?on gardening leave|dispens(?:e|es|ed|ing) with|"
        r"ousted|oust(?:s|ing)?",
    ),
    (
        Relation.LEFT,
        r"(?:will |would |is |are )?not (?:continue|carry on|stay on|remain|be (?:staying|continuing)) "
        r"(?:as|in charge|beyond|at|when|once|after|next season)|"
        r"(?:ended|end|ends|ending) (?:their|his|her) (?:relationship|association|partnership|collaboration)|"
        # ("contract terminate with mutual agree", "by mutual decision": clipped and translated copy)
        r"by mutual agreement|(?:by|with) mutual (?:agree|accord|decision|understanding)\b|"
        # "Beşiktaş and Sergen Yalçın road is finish", "our paths have parted" (yollar ayrıldı, caminos separados)
        r"(?:roads|paths) (?:have |has )?(?:parted|separated|diverged)|"
        r"(?:the |our |their )?road (?:together )?is (?:over|finished|finish)\b|"
        r"resigned|resigns|resign|resignation|"
        # "agreed on the rescission of the Italian technician's contract": an exit both sides agree
        r"rescission of (?:his |her |the )?(?:[\w'-]+ ){0,3}?contract|rescind(?:s|ed|ing)? (?:his |her |the )?contract|"
        r"(?<!the )(?<!a )retired|retire|retires|retiring|"
        r"(?:his|her|announced|announces|confirmed|confirms) retirement|"
        r"stepped down|steps down|step down|stepping down|step(?:s|ped|ping)? aside|"
        r"(?:left|leave|leaves|leaving|depart(?:ed|s|ure)?) by mutual consent|mutual consent|walked away|"
        r"walks away|walk away|quit|quits|quitting|"
        r"left(?!-| out\b| on the bench| back\b| backs\b| wing| foot| flank| side\b| (?:him|her|them) out\b|"
        # ("both sides left the meeting convinced": a place left, not a job)
        r" (?:the|a) (?:meeting|room|pitch|field|stadium|ground|dressing room|press conference|training ground|"
        r"hotel|building|tunnel|podium|stage|airport|talks)\b|"
        r" (?:no|little) (?:doubt|room)\b| nothing to chance\b)"
        + _STANDING
        + r"|part (?:company |ways )?with|parting with|"
        # "Sevilla and their coach have parted ways": a parting of both sides says no one decided it.
        # ("leaving him out", "leave Grealish out of the squad": a player left out)
        r"(?:parted|part|parting) (?:company|ways)(?! with)|"
        # ("That leaves United looking at the rest of a shortlist": what a situation leaves someone with)
        r"(?<!that )(?<!this )(?<!which )(?:leave|leaves|leaving)(?! (?:him|her|them|[\w'-]+) out\b)|exit|"
        # "appointed X …, ending his five-year spell in charge of Manchester United Women": the exit of a move
        r"ending (?:his|her) [\w' -]{0,30}?(?:spell|tenure|reign|stint)\b|"
        r"exits|depart(?:s|ed|ure)?|"
        r"(?:will|to) leave (?:the club|his post|his role)|"
        r"(?:will|to) leave at the end|confirmed (?:his|her) departure|announced (?:his|her) departure|"
        r"(?:his|her) departure|end of (?:his|her) (?:tenure|reign|era)|farewell|(?:has|have) departed|"
        r"(?:said|says|say|saying) goodbye|"
        # "FC Utrecht trainer Ron Jans will stop at the end of the season" (Dutch copy)
        r"(?:will|to) stop (?:at the end of|after) (?:the |this )?(?:season|campaign|tournament)|"
        # "confirmed that this will be his last season at Palmeiras", "this campaign will be her last"
        r"(?:will|would|is going to) be (?:his|her) (?:last|final) (?:season|campaign|year|tournament|game|match|camp|"
        r"window|in charge)|"
        r"(?:season|campaign|tournament|year) (?:will|is going to) be (?:his|her) (?:last|final)\b|"
        # "has told BBC Sport that this was his last match in charge of Crystal Palace"
        r"(?:this|today|it) (?:was|is) (?:his|her|my) (?:last|final) (?:game|match|camp)\b",
    ),
    (
        Relation.EXTENSION,
        r"new (?:long-term |two-year |three-year |one-year |four-year |five-year |improved |rolling )?"
        r"(?:contract|deal)|(?:contract )?extension|extend(?:ed|s|ing)? (?:his|her|their) (?:contract|deal|stay)|"
        r"extend(?:ed|s|ing)? (?:his|her) (?:stay|tenure|spell)|extend(?:ed|s|ing)? (?:[\w'-]+ ){1,7}?contract|"
        r"extend(?:ed|s|ing)? (?:the )?contract of|"
        # "The Dragons renew Farioli until 2029", "announced the renewal of Farioli's contract"
        # "have renewed Pere Romeu as coach of the women's first team until June 2028"
        r"renew(?:s|ed)? (?:[\w'.-]+ ){1,3}?as (?:the |their |its )?(?:[\w'-]+ ){0,2}?(?:head coach|coach|manager|"
        r"boss|trainer)\b|"
        r"renew(?:s|ed)? (?:[\w'.-]+ ){1,3}?(?:until|to|through)"
        r"(?= (?:june |may |the end |the summer )?(?:of )?20\d\d)|"
        r"renewal of (?:his |her |the )?(?:[\w'.-]+ ){0,3}?(?:contract|deal)|"
        # "have exercised the option on head coach Rob Gale's contract", "take up option to keep X"
        r"(?:exercis|pick|picked|take|took|taken|trigger|activat)\w* (?:up )?(?:the |an |a |his |her |their )?"
        r"(?:one-year |two-year |contract )?option\b|"
        # "have renewed the contract of coach José Alberto", "renews his deal"
        r"renew(?:ed|s|ing)? (?:the |his |her )?(?:contract|deal)(?: of)?|contract renewal|"
        r"(?:contract|deal) (?:of (?:[\w'.-]+ ){1,5}?)?(?:has|have) been extended|"
        r"tie[sd]? (?:[\w'.-]+ ){1,3}?down (?:until|to|on|with|for)|"
        r"sign(?:ed|s|ing)? (?:a )?(?:new|fresh)|"
        r"tie (?:him|her) down|tied (?:him|her) down|signed (?:a )?(?:contract|deal) until",
    ),
    (
        Relation.STAYS,
        # "Almeyda will still be on the Sevilla bench next season" (asked "whether", it is pressure: cues.py)
        r"will still be (?:on the [\w'. -]{1,30}? bench|in charge|in the dugout)\b|"
        # "the board decided the continuity of Hasi", "confirmed the continuity of the coach"
        r"(?:decided|confirmed|ratified|guaranteed) (?:on (?:[a-z]+ )?)?the continuity of|"
        # "Valencia's board has ratified coach Carlos Corberán": confirmed in his post
        r"ratif(?:y|ies|ied|ying) (?:(?:the|their|its) )?(?:head coach|coach|manager|trainer|boss)\b|"
        r"(?:(?:will|would|is|am|are|'m|'s) ['\"]?not|won't|isn't|aren't) (?:be )?(?:leav(?:e|ing)|quit(?:ting)?|"
        r"resign(?:ing)?|"
        r"walk(?:ing)? away|going anywhere)|"
        # "Khalid Jamil will continue as head coach of the senior men's team"
        r"(?:will|would|is to|set to) continue (?:as (?:the )?(?:[\w'-]+ ){0,3}?(?:head coach|manager|coach|boss)|"
        r"in charge|in (?:his|her) (?:role|post|position))\b|"
        r"(?:will|to|would|set to|expected to|going to|plans to|intends to|decided to|opted to|wants to|"
        r"chose to|chooses to|choose to) (?:stay|remain)"
        # ("we have to stay on this path", "we must stay calm": the team's course or mood, not his job)
        r"(?! (?:on |in )?(?:this|that|the|our|their) (?:path|road|track|course|fight|race|hunt)\b|"
        r" on (?:track|course|top|target)\b| (?:calm|focused|positive|humble|patient|united|together|alive|up)\b)|"
        r"staying put|stay(?:s|ed)? put|"
        r"(?:is|am|are|'m) (?:very |really |so )?happy (?:at|here)\b|"
        r"(?:is |was )?staying (?:at|with|on)|(?:is|am|are|'m|'s) staying(?= ?[.,;!?'\"]|$)|"
        # ("I'm staying", "I'm not leaving": a cue begins a word, so the contraction is spelt whole; the
        # speaker's own, where "he's staying" in a manager's quote may be a player's)
        r"i'm staying(?= ?[.,;!?'\"]|$)|i'm (?:very |really |so )?happy (?:at|here)\b|"
        r"i'm ['\"]?not (?:be )?(?:leav(?:e|ing)|quit(?:ting)?|resign(?:ing)?|walk(?:ing)? away|going anywhere)|"
        r"remain(?:s|ed)? (?:at|in charge|as|with|committed|(?:the club's |their |the )(?:head coach|manager|boss))|"
        r"continue(?:s|d)? (?:as (?:head coach|manager|boss|coach|dt|trainer)|in charge)|"
        r"carr(?:y|ies|ied|ying) on (?:at|as (?:head coach|manager|boss|coach)|in charge)\b|"
        # ("we have to stay on this path", "stay on top": the team's course, not his job)
        r"stay(?:ed|s)? (?:at|with|on(?! (?:this|that|the|our|their) (?:path|road|track|course|ball)|"
        r" track\b| course\b| top\b| target\b))|"
        # "has turned down Portugal and will continue at Palmeiras", "I'm not thinking about leaving"
        r"(?:will|to|would|shall) continue (?:at|with)\b|not thinking (?:about|of) leaving|"
        r"(?:stand|stands|standing|stood) by|u-turn|"
        r"backtrack(?:s|ed)? on (?:his |her )?(?:decision|plans?) to (?:quit|leave)|"
        r"(?:is )?going nowhere|not (?:be )?leaving|not going anywhere|"
        # "remain fully behind Kovač", "intend to go into next season with him in charge": the club backs him
        r"remain(?:s|ed)? (?:fully |firmly |squarely |totally |firmly |100 per cent )?behind|"
        r"(?:go|going) into next season with (?:him|her) in charge|"
        r"remain in (?:his|her) post|"
        r"remain(?:s)? (?:[\w'-]+ ){1,3}?(?:coach|manager|boss|head coach)|"
        # ("I will see out my Benfica contract")
        r"see out (?:his|her|the|my) (?:[\w'-]+ )?contract|fulfil+ (?:his|her|the|my) (?:[\w'-]+ )?contract|"
        r"honou?r (?:his|her|the|my) (?:[\w'-]+ )?contract|"
        r"(?:want|wants|intend|intends|plan|plans) to continue|"
        r"(?:intend|intends|intended|plans?) to lead (?:[\w'.-]+ ){1,4}?(?:into|to|through|at)\b|"
        # "says Joe Montemurro will lead the Matildas to the 2027 World Cup", "he will take this team into the
        # play-offs": his employer's word that he stays
        # "will take South Africa to the World Cup", "will lead the national team in the coming qualifiers"
        r"will (?:still )?(?:lead|take) (?:the |this |his |her |their )?(?:[\w'.-]+ ){0,2}?[\w'.-]+"
        r"(?: team| side| squad)? (?:(?:in)?to|at|in|through) (?:the )?(?:next |coming |upcoming )?"
        r"(?:\d{4} )?(?:world cup|euros?|olympics|play-offs|playoffs|finals|tournament|next season|"
        r"africa cup of nations|afcon|asian cup|copa am[eé]rica|gold cup|qualifiers|qualifying campaign)\b"
        # ("will lead the Three Lions into World Cup qualifiers against Albania": the next matches)
        r"(?! (?:qualifiers |qualifying |group )?(?:against|versus|v|games|matches|fixtures|ties)\b)|"
        r"(?:fully |totally |completely |only )focused on|(?:i'm|i am) (?:fully |only )?focused on|"
        r"(?:i'm|i am) (?:thinking only|only thinking) (?:about|of)|i have a contract (?:with|at|here)|"
        r"(?:his|her) (?:only |sole )focus is on|committed to the (?:club|project)|"
        # ("committed his future" is a stay; a contract signed with it is the extension)
        r"(?:has |have )?commit(?:ted|s) (?:his|her) (?:long-term )?future|"
        r"(?:retains?|retained|enjoys?) (?:the )?(?:full |complete |unanimous |total )?"
        r"(?:backing|support|confidence) of|"
        r"will (?:still )?['\"]?be (?:here|our (?:coach|manager|head coach|trainer)) next season|"
        # "I will be here until the end of my contract", "I want to finish what I started"
        r"will (?:still )?be here until the end of (?:my|his|her|the) contract|"
        r"(?:want|wants|wanted|intend|intends) to ['\"]?finish (?:what|the job|the work) "
        r"(?:i|he|she|we) (?:started|began)|"
        # "told us that Enzo Maresca will be head coach next season": the club's word, relayed
        r"will (?:still |continue to )?be (?:the |their |its )?(?:head coach|manager|coach|boss) next season|"
        # "says he will be Benfica's coach next season", "I have a contract and I want to honour it"
        r"will (?:still )?be [\w.-]+(?: [\w.-]+){0,2}'s? (?:head coach|manager|coach|boss) (?:next|this) season|"
        r"(?:have|i've got) a contract and i (?:want|intend|am going) to (?:honour|respect|fulfil|see out) it|"
        # "Oliver is our manager", "already planning next season with him": the club's word that he stays
        r"(?:is|remains) our (?:coach|manager|head coach|trainer)\b|planning (?:for )?next season with\b|"
        # "I am Feyenoord's coach, with a contract until 2027": his own word on where he is
        r"(?:i am|i'm) [\w.-]+(?: [\w.-]+)?'s? (?:coach|manager|head coach)\b|(?:i am|i'm) the (?:coach|manager) of\b|"
        r"(?:has|have) (?:our|the club's|the board's) (?:full |complete |total |unanimous )?"
        r"(?:confidence|backing|support)|"
        # "his board had told him he keeps their full support"
        r"keeps? (?:their|its|the club's|the board's|the owners') (?:full |complete |total |unanimous )?"
        r"(?:confidence|backing|support)|"
        # "the club has 'full confidence' in Paolo Vanoli"
        # ("reiterating its full confidence in coach Maurizio Sarri")
        r"(?:has|have|had|expressed|expresses|reiterat(?:e|es|ed|ing)|reaffirm(?:s|ed|ing)?) (?:its |their )?['\"]?"
        r"(?:full|complete|total|unanimous) (?:confidence|faith|trust)['\"]? in\b|"
        # "the board ratified its support for Matías Almeyda"
        r"(?:ratif(?:y|ies|ied|ying)|reaffirm(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|renew(?:s|ed|ing)?) "
        r"(?:its|their|the club's|the board's) (?:full |complete |total |unanimous )?(?:support|backing) for\b|"
        # (not "stays calm", "stay top", "stay in the title race")
        r"(?:to stay|stays|stay)(?! (?:calm|positive|focused|optimistic|grounded|humble|confident|silent|quiet|"
        r"tight-lipped|unbeaten|top|up|alive|level|ahead|clear|fit|patient|strong|united|in the (?:race|hunt|title)|"
        r"together|(?:on |in )?(?:this|that|the|our|their) (?:path|road|track|course|fight)\b|on (?:track|course)\b))",
    ),
]
# The cues of a move to a club (rejected, appointed, agreed, offer, talks, linked) are in move_cues.py;
# they come after these, in that order.
_CUES += MOVE_CUES

# Anchored at word starts; one Aho-Corasick pass finds where a cue's first letters stand, and only the
# cues that can begin there are tried, each in its relation's group (see bot/analysis/prefilter.py).
CUE_PATTERN = BranchScan.of_groups(r"(?<![\w])(?=[a-z'])", [(rel.name, pattern) for rel, pattern in _CUES], r"\b")

# Searched in the words before a cue: guarded, not literal-scanned (see bot/analysis/prefilter.py).
# ("in no hurry to decide his future": nothing is negated)
NEGATION = guarded(
    # ("have so far been unable to agree an extension")
    r"(?:n't|\b(?:not|no(?! hurry| rush)|never|yet to|nor|without|unlikely to|rather than|instead of|"
    rf"{INABILITY}))"
    r"\W+(?:\w+\W+){0,2}$"
)
