"""The cue words of a move to a club: rejected, appointed, agreed, offer, talks, linked.

They follow the cues of a manager's own job (relations.py) in one alternation, in this order: where two
cues start at the same place, the first alternative wins. Every pattern runs over folded text (lower
case, accents stripped, straight quotes).
"""

from __future__ import annotations

from bot.analysis.members import Relation

MOVE_CUES: list[tuple[Relation, str]] = [
    (
        Relation.REJECTED,
        r"turn(?:ed|s|ing)? (?:[\w'-]+ ){0,3}?down|turn(?:ed|s|ing)? (?:his|her|their) backs? on|(?:ending|ended|"
        r"ends) [\w' ]{0,40}hopes(?! of (?:reaching|winning|qualif\w+|making|staying|avoiding|surviv\w+|survival|"
        # ("the defeat that ended Ireland's hopes of reaching the World Cup": a result, not a refusal)
        r"promotion|lifting|finishing|progress\w*|advanc\w+|a place|the title|silverware|europe))|"
        r"rebuff(?:ed|s)?|snub(?:bed|s)?|reject(?:ed|s|ing)?|"
        # "has pulled out of his agreement to succeed Jaissle", "backed out of the deal": a yes taken back
        r"pull(?:s|ed|ing)? out of (?:his |her |the |a |an |their )?(?:[\w'-]+ ){0,2}?"
        r"(?:agreement|deal|move|talks|negotiations|switch|race)\b|(?:backs?|backed|backing) out of|"
        r"reneg(?:e|es|ed|ing) on|"
        r"(?:rules?|ruled|ruling) (?:himself|herself) out|"
        # "has withdrawn from the race to become Belgium's next head coach", "withdrew from the running"
        r"withdr(?:aw|aws|awn|awing|ew) (?:himself |herself |his name |her name )?from (?:the )?"
        r"(?:race|running|contention|process|shortlist|selection process)\b|"
        r"refus(?:ed|es|ing)(?! to (?:be drawn|comment|discuss|answer|speak|talk|say|reveal|elaborate|address|rule|"
        r"commit))|"
        # ("say no talks have taken place": a denial, not a refusal)
        r"(?:said|says|say|saying) no(?! (?:talks|approach|approaches|offer|offers|contact|bid|agreement|deal|"
        r"decision|move|plans?|further|comment|one|more|change|discussions?|negotiations?|interest|meeting)\b)|"
        r"declin(?:ed|es|ing)(?! to (?:discuss|comment|answer|speak|talk|say|reveal|"
        r"elaborate|go into|address|confirm|deny|be drawn))|knock(?:ed|s)? back|"
        r"decision for [a-z .'-]{2,40}, not against",
    ),
    (
        Relation.APPOINTED,
        # (not "is named as a possible successor", "was named on the shortlist": a candidacy)
        r"(?:has been|have been|was|been|is|officially|formally) (?:appointed|unveiled|named(?! as (?:a |an |the "
        r"|one of the )?(?:possible |potential |likely |leading |top |prime |early |surprise )?(?:successor|"
        r"candidate|contender|target|option|replacement|favourite|front-?runner)| (?:on|in|among) (?:the|a|his|"
        r"their) (?:shortlist|list|candidates|running)))"
        r"(?![\w' ]{0,50}\bof the (?:month|year|season|week|match|round))|"
        # "are expected to announce Tite this week": the name the club will announce
        r"(?:to|will) announce (?!(?:the|a|an|its|his|her|their|that|on|whether|when|what|who|it|him|her)\b)|"
        r"(?:re)?appoint(?:ed|s|"
        r")?|hires|rehire[sd]?|unveils|named (?:as )?(?:the )?(?:new |interim |caretaker )?(?:[\w'-]+ ){0,3}?"
        r"(?:manager|head coach|coach|boss)(?![\w' ]{0,20}\bof the (?:month|year|season|week|match|round))|"
        r"unveil(?:ed|s)?|"
        # (not "took charge of his 400th game": a milestone of a man already in the job)
        r"(?:take|takes|took|taken|taking) (?:over|(?:temporary |interim |caretaker |permanent |full )?charge"
        r"(?! (?:of|for) (?:his|her|the) (?:\d{2,}(?:st|nd|rd|th)|hundredth|[\w-]+ hundredth) (?:[\w-]+ )?"
        r"(?:game|match|time)))|"
        r"take the (?:job|reins|helm)|takes the (?:job|reins|helm)|took the (?:job|reins|helm)|"
        # "will lead the professionals until the end of the season": the team in his charge for a while
        r"(?:lead|leads|led) the (?:team|side|professionals|first team|squad)(?= until| for the (?:rest|remain))|"
        # "will return to PSV as head coach next season": back in the job
        r"return(?:s|ed|ing)? (?:to [\w'.&-]+(?: [\w'.&-]+){0,3} )?as (?:its |their |the )?(?:new )?"
        r"(?:head coach|manager|coach|boss)\b|"
        # "confirmed the appointment of Dean Whitlow, the former Grimsby assistant, as head coach", "Crewe's
        # appointment of X as head coach" (the club's, an event told as done)
        r"(?:(?:confirm|announc)(?:e|ed|es|s)? the appointment|(?<='s )appointment) of (?:[\w'.-]+ ){0,3}?[\w'.-]+"
        r"(?:, [^,.;:()]{3,60},)? as (?:the |their |its )?(?:new |permanent |interim )?(?:[\w'-]+ ){0,3}?"
        r"(?:manager|head coach|coach|boss)|"
        r"confirm(?:ed|s)? (?:(?!(?:that|whether|will|would|not|is|has|have|had|the|his|her|their)\b)[\w'.-]+ ){1,4}?"
        r"as (?:the |their |its )?(?:new |permanent |interim )?(?:[\w'-]+ ){0,3}?"
        r"(?:manager|head coach|coach|boss)|"
        r"(?:be|being) (?:named|unveiled|confirmed|installed|announced)(?! as (?:the )?(?:[\w'-]+ )?"
        r"(?:player|captain|director|ambassador))|"
        r"become (?:the )?(?:new )?(?:[\w'-]+ ){0,3}?(?:manager|head coach|coach|boss)|"
        # "Lucía Barrenechea is the new head coach of Granada's women's team"
        r"(?:is|are|was) (?:the |their |its )new (?:permanent |interim )?(?:head coach|manager|coach|boss)\b|"
        r"named (?:(?!(?:that|whether|will|would|not|is|has|have|had|the|his|her|their)\b)[\w'.-]+ ){1,4}?"
        r"as (?:the |their |its )?(?:new |permanent |interim )?(?:[\w'-]+ ){0,3}?"
        r"(?:manager|head coach|coach|boss)|"
        # "is expected to name Hearts' Derek McInnes as his successor": the appointment, however held
        r"(?:name|names|naming|named) (?:(?!(?:that|whether|will|would|not|is|has|have|had|the|his|her|their)\b)"
        r"[\w'.-]+ ){1,4}?as (?:his|her|their|its) (?:permanent )?(?:successor|replacement)\b|"
        r"(?:interim|caretaker) (?:manager|head coach|coach|boss|charge)(?! (?:job|role|post|position))|"
        r"(?:interim|caretaker|temporary) (?:basis|capacity)|"
        r"(?:return(?:s|ed)?|came back|comes back|step(?:s|ped)? in) as (?:the )?(?:interim|caretaker)|"
        r"in (?:temporary|interim|caretaker) charge|placed in (?:temporary )?charge|put in (?:temporary )?charge|"
        r"installed as(?![\w' ]{0,30}favourite)|hired|"
        # "was presented at Castel Volturno on Monday": a new coach shown to the press
        r"(?:was|were|has been|have been) (?:officially )?presented"
        r"(?= at | to (?:the )?(?:media|press|fans|supporters)\b|"
        r" as (?:the |their )?(?:new )?(?:head coach|manager|coach|boss)\b)|"
        # "will join Ajax", "has joined Ajax as head coach" (not "join the race", "join him at", "join in")
        r"join(?:s|ed|ing)? (?!forces|in\b|up\b|by\b|the (?:race|chase|hunt|queue|list|scramble|celebrations)|"
        r"(?:him|her|them|us|his|their|a|an) |[\w' .-]{0,40}?\b(?:staff|backroom|coaching team|set-up|squad)\b)|"
        r"(?:confirmed|unveiled|installed|named) as (?:the )?(?:new )?(?:[\w'-]+ ){0,3}?"
        r"(?:manager|head coach|coach|boss)|"
        r"remov(?:e|es|ed|ing) the (?:interim|caretaker) tag|(?:given|handed) the (?:job|role|reins|post)\b|"
        r"made (?:[\w'.-]+ ){1,4}?(?:their|its|the club's) (?:new |permanent |first )?(?:[\w'-]+ ){0,2}?"
        r"(?:manager|head coach|coach|boss)|"
        r"(?:snapped up|secured|landed|recruited|brought in|drafted in|hired|poached|prised) (?:[\w'.-]+ ){1,4}?"
        r"as (?:the |their |its )?(?:new |permanent |interim )?(?:[\w'-]+ ){0,3}?(?:manager|head coach|coach|boss)",
    ),
    (
        Relation.AGREED,
        r"verbal agreement|agreement in principle|(?:reached|reach|struck|have|has|an|full) agreement|"
        # "Igor Tudor agrees deal to become new VfL Wolfsburg head coach": a headline's present tense
        r"agrees (?:a )?(?:deal|terms)\b|"
        r"agreed (?:terms|a deal|to (?:join|become|take|replace|succeed|return)|personal terms|compensation|"
        r"a contract)|"
        r"agreed (?:a |an )(?!new |improved |fresh )(?:[\w-]+ ){1,2}?(?:contract|deal)|"
        r"terms (?:have been |are |were )?agreed|compensation (?:has been |was |is )?agreed|here we go|"
        r"said yes|says yes|accepted (?:the|an|their) (?:offer|job|role|post|approach)|"
        # "has given his agreement to succeed Deschamps"
        r"(?:given|gave|gives|giving) (?:his|her) (?:agreement|consent|word|yes) to (?:join|become|take|replace|"
        r"succeed|return|coach|manage)|"
        r"deal (?:is )?(?:done|agreed|in place|sealed)|(?:close|closing) in on (?:an? )?(?:agreement|deal)|"
        r"(?:all|everything) (?:agreed|set)",
    ),
    (
        Relation.OFFER,
        r"offer(?:ed|ing)? (?:him |her )?(?:the |a |their |its )?(?:[\w'-]+ ){0,3}?"
        r"(?:job|role|post|position|chance|contract|deal)|"
        # "have offered Pascal Jansen a three-year contract": the man between the verb and what he is offered
        # (or a man and his title: "have offered Southampton head coach Will Still a three-year contract")
        r"offer(?:ed|ing)? (?:[\w'.-]+ ){1,6}?(?:the|a|an) (?:[\w-]+ ){0,3}?(?:job|role|post|position|contract|deal)|"
        r"(?:made|make|makes|submitted|tabled|lodged|launched) (?:an |a |their )?(?:formal |official |"
        r"concrete |first |improved |contract )?(?:offer|bid|proposal)|contract offer|"
        r"compensation (?:bid|offer|package)|"
        r"(?:formal|official|concrete|firm) offer|offer on the table|job offer|has an offer|received an offer|"
        # "have withdrawn their offer to Xavi": an offer, taken back (the factuality says so)
        r"(?:withdr[ae]wn?|withdraws|withdrawing|rescinded|retracted) (?:their|its|the|an|his|her) offer|"
        r"(?:trigger(?:s|ed|ing)?|activat(?:e|es|ed|ing)|meet(?:s|ing)?|met|pa(?:y|ys|id|ying)) "
        r"(?:the |his |her |a )?(?:[\w€$£.,-]+ ){0,3}?(?:release|buyout|exit) "
        r"clause",
    ),
    (
        Relation.TALKS,
        r"talks (?:expected|planned|scheduled|set|due)|"
        r"(?:held|hold|had|have|has|holding|having) (?:a |an )?(?:first |initial |further |positive |preliminary |"
        r"second )?(?:conversations?|discussions?|meetings?) with|(?:spoken|spoke|speaking|talked|talking) (?:to|with)|"
        # "Terzić confirmed a conversation with Wolfsburg"
        r"(?:confirmed|confirms|admitted|admits|revealed|reveals) (?:a |an |the )?(?:conversation|contact|meeting)s? "
        r"with|"
        r"(?:held|hold|holding|open(?:ed)?|opening|in|advanced|initial|further|positive|formal|preliminary|"
        r"exploratory|fresh|concrete|direct|face-to-face|secret) talks|"
        # (not "he talks about the England episode": the verb, his words)
        r"(?<!\bhe )(?<!\bshe )(?<!\bwho )(?<!\bhe also )(?<!\bhe often )(?<!\bhe still )"
        r"talks (?:with|over|about|are|have|could|to|progress|continue|between)|negotiat(?:e|es|ed|ing|ions)|"
        # (not "makes an approach complicated": an approach talked of, not made)
        r"(?:made|make|makes|making) (?:an |a |their )?(?:approach|contact|enquiry|inquiry)"
        r"(?! (?:more |less |very |far |much )?(?:complicated|difficult|unlikely|impossible|tricky|hard|harder|"
        r"easier|easy|expensive|problematic))|approach(?:ed|es)? "
        r"(?:for|over|about|to)|approached|"
        r"(?:asked|requested|seek|seeking|sought) (?:[\w'-]+ ){0,3}?(?:for )?permission|"
        # "have asked Al-Shabab about the situation of X": an approach through his club
        r"(?:asked|enquired|inquired) (?:[\w'.-]+ ){0,3}?about the (?:situation|availability) of|"
        # "have asked Friedhelm Funkel whether he would be willing to take over", "have contacted X about a
        # return" (not "declined to comment when contacted")
        r"asked (?:[\w'.,-]+ ){1,5}?(?:whether|if) (?:he|she) (?:would|could|might) (?:be )?(?:willing|prepared|"
        r"open|interested|available|consider|like|want)|(?<!when )(?<!if )(?<!been )(?<!was )contacted|"
        r"(?:closing|closes|close) in on|nearing (?:a |an )?(?:deal|agreement)|in discussions|"
        r"discussions (?:with|over|about)|met with|meeting with|"
        # (not "in regular contact with the LAFC staff" about a player: the club's medical or coaching staff)
        r"(?:in )?contact with(?! (?:the |his |their )?(?:[\w'.-]+ ){0,2}?(?:staff|medical team|physios?|doctors?)\b)|"
        # "met Palace's recruitment team", "met the Wolves hierarchy"
        r"met (?:[\w'.-]+ ){0,2}?(?:recruitment team|representatives|hierarchy|owners?|board|officials|president|"
        r"chairman|sporting director|technical director|director of football)\b|"
        r"(?:sounded|sounding|sound) (?:him |her )?out|interviewed|interview(?:s|ing)? (?:for|with)|"
        r"in pole position|(?:closer|close|nearer) to (?:a |an |becoming|being|taking|appointing|landing|hiring|"
        r"naming|securing|joining)|on the (?:verge|brink|cusp) of (?:appointing|becoming|being|hiring|naming|joining|"
        r"taking)",
    ),
    (
        Relation.LINKED,
        r"linked|linking|links? (?:with|to)|admir(?:ers|er|e|es|ed|ation)|interest(?:ed)? in|keen on|"
        # ("5/1 to be the next permanent West Ham manager"; "the next Premier League manager out" is pressure)
        r"next (?:permanent )?(?:manager|boss|head coach|coach)|"
        r"(?<=the )next (?:permanent )?(?:[\w.'-]+ ){1,3}?(?:manager|boss|head coach|coach)\b(?! (?:out|to go|to be))|"
        r"turn(?:s|ed|ing)? to(?= [a-z])|"
        # "Dundee want Ayr United boss Scott Brown as their new manager"
        r"want(?:s|ed)? (?:[\w.'-]+ ){1,6}?as (?:their|its|the club's) (?:new |next )?(?:permanent )?"
        r"(?:manager|head coach|coach|boss)\b|"
        r"keen to (?:appoint|hire|bring|land|secure|lure|make|speak|talk|open|appoint)|"
        r"turn(?:ed|s|ing)? (?:their|its) attention to|"
        r"(?:switch|shift)(?:ed|s|ing)? (?:their|its) (?:attention|focus) to|"
        # (not "shortlisted for the AFC Coach of the Year award": a prize)
        r"monitor(?:ing|s|ed)?|"
        r"shortlist(?:ed)?(?![\w' -]{0,60}\b(?:of the (?:year|month|season|decade)|award|prize)\b)|"
        r"top of (?:the|their|his|her|milan.s|the club.s) (?:list|shortlist|wishlist)|"
        r"on (?:the |their |its |[\w.-]+(?: [\w.-]+)?'s? )(?:club's )?(?:short)?list|"
        # "also on it", "is said to be on it": on the list just told of
        r"(?:(?<=also )|(?<=said to be )|(?<=believed to be )|(?<=understood to be )|(?<=thought to be ))"
        r"on (?:it|that list)\b|"
        # "a shortlist …, with Bournemouth's Andoni Iraola, Ipswich's Kieran McKenna and Fulham's Marco Silva on it"
        r"with (?=[^.;:]{4,120}? (?:all |both )?on it\b)|"
        r"candidates?|frontrunners?|front-runners?|favourites?|favorites?|"
        # (not "never seriously considered anyone else": no one named is the one considered)
        r"(?:being |is being |are )?consider(?:ed|ing)(?! (?:anyone|anybody|any other|another|other|no one|nobody)\b)"
        # (not "are considering Thomas Frank's future": his job in doubt, not a candidacy)
        r"(?! (?:[\w'.-]+ ){0,3}?(?:[\w.-]+'s|his|her|their) (?:future|position)\b)|"
        r"one of (?:the |a |several |three |four |five |"
        r"a number of |many )?(?:names|options|targets|contenders|men)|odds (?:slashed|cut|tumbl)|"
        r"target(?:s|ed|ing)?|eye(?:s|ing|d)|tipped (?:to|for)|wanted by|want(?:s|ed)? (?:him|to appoint|"
        r"to hire)|(?:big|huge) fan of|in (?:the )?frame|in (?:the )?running|on (?:the|their) radar|"
        r"(?:replace|succeed|successors?|succession)|contenders?|of interest|dream (?:appointment|choice)|top choice|"
        r"leading the race|race to (?:replace|succeed|become)|"
        # "have made X their first choice to replace him": a preference, as a favourite is
        r"first choice to (?:replace|succeed|take)|"
        # ("could be the next coaches to lose their jobs" is pressure)
        r"could (?:be|become) (?:the )?next(?! (?:[\w'-]+ ){0,3}?(?:managers?|bosses|boss|coach(?:es)?) "
        r"(?:to (?:leave|go|be|lose)|out))|"
        # ("bookmakers make him 1/3 to be gone": the odds on his exit, not a link)
        r"bookmakers(?![\w'’/ ]{0,40}?\bto (?:be (?:gone|sacked|axed|dismissed)|lose (?:his|her) job))|"
        r"(?:leads?|led|in|joins?|joined) the race for|open to (?:a )?(?:move|switch|joining|taking)|"
        r"would (?:be )?(?:open|interested)|approach for|pursuit of|chase for|hunt for|search for a (?:new )?"
        r"(?:manager|head coach|boss|coach)|manager(?:ial)? search|"
        r"under consideration|been discussed|discussed internally|names? (?:most )?discussed|"
        # "Gregg Berhalter's name has come up as well", "was mentioned in some US outlets"
        r"name (?:has |had )?(?:come|came) up|"
        r"(?:(?<=was )|(?<=were )|(?<=been )|(?<=is )|(?<=are ))mentioned (?:in|by) (?:[\w'.-]+ ){0,3}?"
        r"(?:outlets|media|reports|press|papers|newspapers)\b|"
        r"(?:would|could|will|might) consider (?:bringing|appointing|hiring|approaching|a move for|a return for)|"
        r"among the (?:\d+ |many )?applicants|applied for (?:the )?(?:[\w-]+ )?(?:job|post|role|vacancy|position)|"
        r"(?:leading|main|preferred|obvious|first) alternative|return to|reunion|reunited|"
        # "Two LaLiga coaches complete the list: X and Y"
        r"(?:complete|completes|completing|round off|rounds off|make up|makes up) "
        r"(?:the|their|its|[\w.-]+'s) (?:short)?list|"
        # "Keith Andrews is an outside option"
        r"(?:is|are|was|were|remains?|as) (?:an? |the )(?:[\w-]+ )?option\b|"
        # "A left-field option would be Franck Haise", "The domestic option is Pat Noonan"
        r"(?:left-field|leftfield|domestic|obvious|outside|in-house|internal|cheaper|bold|romantic|safe|sensible|"
        r"radical|other|alternative|best|logical|natural|foreign|realistic|local|homegrown|home-grown) option "
        r"(?:is|would be|could be|might be|remains)\b|"
        r"among (?:the )?(?:[\w-]+ )?(?:profiles|names|candidates|options|targets|contenders|coaches)|"
        r"(?:seen|viewed|regarded|identified) as (?:the |an |a )?(?:[\w-]+ )?(?:alternative|option|successor|"
        r"replacement|candidate)|"
        r"(?:identified|names|named|lists|listed) (?:[\w'.-]+ ){1,6}?as (?:a |an |the |their )?"
        r"(?:[\w-]+ )?(?:replacement|successor|target|candidate|option|choice|alternative)s?\b|"
        r"(?:potential|possible|likely|ideal|leading|prime) (?:replacement|successor)|"
        r"(?:plot\w*|plan\w*|mull\w*|weigh\w*(?: up)?|prepar\w*|line\w* up|ready|readying|launch\w*|"
        r"consider\w*|eye\w*) (?:a |an )?(?:[\w-]+ ){0,2}?(?:move|bid|swoop|raid) for",
    ),
]
