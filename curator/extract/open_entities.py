"""Organisations and people that no lexicon lists, found by the cues news writing gives them.

English (the cues a reader uses, as in rule-based NER since MUC-6):

- organisations: a word with inner capitals (``AirAsia``, ``DeepMind``), a
  name in a place only an organisation fills (``a spokesman for Amazon``,
  ``Yahoo's board``), a run of capitalised words ending in an organisation word
  (``Acme Holdings Inc``, ``Malaysian Airlines``, ``Hong Kong Monetary
  Authority``), the ``X of Y`` form (``the Bank of Japan``, ``University of
  Hong Kong``), a few bodies that stand alone (``Congress``), and the
  outlet of a dateline (``JAKARTA (Reuters) -``);
- people: a name after a title (``Mr``, ``President``, ``airline boss``),
  next to a speech verb (``said Lin Mei-hua``, ``Tony Fernandes tweeted``),
  in an apposition (``X, the chief executive of Y``; ``the mayor of
  Surabaya, Tri Rismaharini``), in a byline (``By X and Y``, ``Reporting by
  X, Y and Z``); a surname alone is the person named in full before it.

Chinese: organisations by their suffix (公司, 集团, 银行, 大学, 研究院, 部, 局,
委员会, 政府, …), bounded on the left at punctuation and function characters
and refused when only a generic descriptor stands before a generic suffix
(上市公司); people after a role word (所长, 总裁, 记者, …) or before a speech
verb (表示, 说, 指出, 称), starting with a common surname, and transliterated
names joined by ``·``.

Every pattern is a bounded run or a fixed look-back, so the work is linear
in the length of the sentence. Junk is kept out by requiring a cue: a lone
capitalised word, a month, a weekday or a headline never becomes an entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from curator.extract.lexicon import alternation

# -- English ------------------------------------------------------------------

_NAME_WORD = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Za-z][a-z]+)*"
_PARTICLE = r"(?:de|del|da|di|van|von|der|den|bin|binti|al|el|la|le|du|dos|ter)"
_PERSON = rf"(?:{_NAME_WORD}|[A-Z]\.)(?:\s(?:{_PARTICLE}\s)?(?:{_NAME_WORD}|[A-Z]\.)){{0,3}}"
_ORG_WORD = r"(?:[A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,6}|[A-Z]\.[A-Z]\.|&)(?:[-'’][A-Za-z]+)?"
_ORG_RUN = re.compile(rf"(?<![\w'’-]){_ORG_WORD}(?:\s{_ORG_WORD}){{0,6}}(?![\w-])")
_OF_FORM = re.compile(
    rf"(?<![\w'’-])(?P<head>{_ORG_WORD}(?:\s{_ORG_WORD}){{0,3}})\sof\s(?:the\s)?(?P<tail>{_ORG_WORD}(?:\s{_ORG_WORD}){{0,3}})(?![\w-])"
)
# Inner capitals mark a brand or company name (AirAsia, DeepMind, YouTube, SpaceX), not a surname (McLaughlin).
_CAMEL = re.compile(r"(?<![A-Za-z0-9-])(?!Mc|Mac)[A-Z][a-z]{2,8}(?:[A-Z][a-z]+)*(?:[A-Z][a-z]+|[A-Z]{1,3})(?![A-Za-z0-9-])")
_DATELINE = re.compile(r"\((?P<name>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)\)\s*(?:-|–|—|--)")

ORG_CUES = frozenset(
    "Inc Corp Corporation Co Ltd Limited LLC PLC Plc AG SA GmbH Bank Group Holdings Agency Ministry Department "
    "University College Institute Institution Congress Council Commission Committee Authority Airlines Airways "
    "Association Foundation Organization Organisation Federation Union Party Court Board Bureau Office "
    "Administration Police Army Navy Force Hospital Centre Center Laboratory Laboratories Labs Technologies "
    "Systems Networks Motors Electric Industries Partners Capital Securities Insurance Pharmaceuticals Studios "
    "Media News Times Post Journal Press Telegraph Tribune Herald Parliament Senate Assembly Cabinet "
    "Service Services Trust Fund Exchange Reserve Academy School Society Club League Company International "
    "Airport Railway Railways Energy Petroleum Oil Telecom Communications Broadcasting Foods Research Markets Brands "
    "Stores Solutions Consulting Ventures Entertainment Pictures Software Robotics Therapeutics Financial Investments "
    "Properties Logistics Shipping Steel Chemicals Semiconductor Electronics Corp.".split()
)
_OF_HEADS = ORG_CUES | frozenset("Republic Kingdom State States Bank University Ministry".split())
_AFTER_ORGANISATION = frozenset(
    "President Chairman Chairwoman Chief CEO CFO CTO Minister Secretary Governor Director Commissioner Spokesman "
    "Spokeswoman Head Founder Vice Deputy Senior Managing Flight".split()
)
_ATTRIBUTIVE = ("-based", "-owned", "-listed", "-backed", "-led", "-run", "-born")
_STANDALONE = frozenset("Congress Parliament Senate Pentagon Kremlin NATO".split())
_FILLER = frozenset(
    "The A An This That These Those In On At For But And Or If As By From With When While After Before Its His Her "
    "Their Our Your My We He She It They I You Yet So Then Now Also Under Over Into Onto Via Per Since Until Despite "
    "Why How What Where Who Which Whose Today Yesterday Tomorrow Former Dear Read More Related Photo Get Inside "
    "Discover Trending About Credit Source Image Video Watch Opinion Analysis Editorial Breaking Update Updated "
    "Published Follow Share Subscribe Subscriber Sign Log".split()
)
_CALENDAR = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri "
    "Sat Sun".split()
)
_NOT_NAMES = _FILLER | _CALENDAR | frozenset(
    "Mr Mrs Ms Dr Prof Sir President Minister Chairman Chief Executive Officer Director Secretary General Governor "
    "Mayor Senator Judge Justice King Queen Prince Princess Pope Premier Chancellor Ambassador Captain Lieutenant "
    "Colonel Professor Doctor Officials Police Government State National Federal Republic Democratic Democrats Dept "
    "Republicans Christmas Easter God Internet Street Road Avenue".split()
)
_TITLES = (
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Sen|Rep|Gov|Gen|Capt|Lt|Col|President|Vice\sPresident|Prime\sMinister|"
    r"(?:[A-Z][a-z]+\s)?Minister|Premier|Chancellor|Senator|Governor|Mayor|Judge|Ambassador|Secretary|"
    r"Chairman|Chairwoman|Chief\sExecutive|CEO|CFO|CTO|Director|Professor|King|Queen|Prince|Princess|Pope|"
    r"Speaker|Commissioner|Inspector|Detective|Sergeant|Officer|Coach|"
    r"(?:spokes(?:man|woman|person)|boss|chief|founder|co-founder|chairman|chairwoman|president|director|"
    r"analyst|economist|professor|lawyer|attorney|reporter|correspondent|editor|columnist|author|researcher|"
    r"scientist|executive|manager|minister|secretary|governor|mayor|senator|leader|head|owner|investor|"
    r"prosecutor|judge|pilot|captain|official|adviser|advisor|consultant|photographer|colleague)"
)
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|President|Senator|Sen|Rep|Gov|Governor|Mayor|Judge)\b")
_TITLE_NAME = re.compile(rf"(?<![\w-])(?:{_TITLES})\.?\s(?P<name>{_PERSON})")
_SPEECH = r"said|says|told|added|noted|wrote|tweeted|explained|argued|warned|stated|asked|replied|recalled|insisted|announced"
_SAID_NAME = re.compile(rf"(?<![\w-])(?:{_SPEECH}|according\sto)\s(?P<name>{_PERSON})(?=\s*[,.;:)]|\s(?:who|in|at|of)\b|$)")
_NAME_SAID = re.compile(rf"(?P<name>{_PERSON}),?\s(?:{_SPEECH}|has\ssaid|had\ssaid|said\son)\b")
_ROLE_WORDS = (
    r"chief\sexecutive(?:\sofficer)?|CEO|president|chairman|chairwoman|founder|co-founder|spokes(?:man|woman|person)|"
    r"director|head|chief|minister|secretary|governor|mayor|editor|professor|leader|managing\sdirector|"
    r"chief\s(?:financial|operating|technology)\sofficer|general\smanager|partner|economist|analyst"
)
_APPOSITION = re.compile(
    rf"(?P<name>{_PERSON}),\s(?:the|a|an)\s(?P<role>(?:[a-z]+\s)?(?:{_ROLE_WORDS}))\s(?P<prep>of|at)\s(?:the\s)?"
    rf"(?P<org>{_ORG_WORD}(?:\s(?:of\s)?{_ORG_WORD}){{0,5}})"
)
_ROLE_FIRST = re.compile(
    rf"(?<![\w-])(?:{_ROLE_WORDS})\s(?:of|at)\s[^,.;]{{1,60}},\s(?P<name>{_PERSON})(?=,|\.|\s(?:{_SPEECH})\b)"
)
_BYLINE = re.compile(rf"^(?:By|BY)\s(?P<names>{_PERSON}(?:(?:,\s|\sand\s){_PERSON}){{0,5}})\s*$")
_CREDIT = re.compile(
    rf"(?i:reporting|writing|editing|compiled|additional\sreporting|photos?|photographs?|interview)\sby\s"
    rf"(?P<names>{_PERSON}(?:(?:,\s|\sand\s|;\s)(?!(?i:writing|editing)){_PERSON}(?:\sin\s[A-Z][A-Z/ ]+)?){{0,20}})"
)
_LIST_SPLIT = re.compile(r",\s|\sand\s|;\s")
_ORG_NAME = rf"(?P<org>{_ORG_WORD}(?:\s{_ORG_WORD}){{0,3}})"
# Who works somewhere, and what only an organisation has: "a spokesman for Amazon", "Yahoo's board".
_WORKS_AT = re.compile(
    rf"(?<![\w-])(?:{_ROLE_WORDS}|engineer|researcher|official|employee|worker|executive|manager|lawyer|spokes\w+)\s(?:at|for)\s(?:the\s)?{_ORG_NAME}"
    rf"(?![\w-])"
)
_ORG_POSSESSIVE = re.compile(
    rf"(?<![\w'’-]){_ORG_NAME}['’]s?\s(?:shares|stock(?!\s(?:market|exchange|index))|board|chief\sexecutive|CEO|chairman|chairwoman|co-founder|founder|"
    rf"headquarters|subsidiary|spokes(?:man|woman|person)|shareholders|acquisition|takeover|market\svalue)\b"
)


@dataclass(frozen=True)
class Found:
    """An entity found by a cue: offsets within the sentence, canonical name, type, the rule that found it.

    ``role`` (with its preposition) and ``of`` are set by an apposition (``X, the chief executive of Y``).
    """

    start: int
    end: int
    name: str
    type: str
    rule: str
    role: str | None = None
    of: str | None = None


@dataclass(frozen=True)
class ArticleNames:
    """The names an article gives by their cues, found before any sentence is extracted, so that every later
    (or earlier) bare mention of one is found too: ``Amazon`` after ``a spokesman for Amazon``, ``Forte`` after
    ``Tom Forte``. ``by_sentence`` maps a sentence's start to what its cues gave; ``written`` maps each name as
    written (and a person's surname) to its canonical name and type."""

    by_sentence: dict[int, list[Found]]
    written: dict[str, tuple[str, str]]
    pattern: re.Pattern[str] | None

    def in_sentence(self, start: int, text: str) -> list[Found]:
        """The cue-found names of the sentence at ``start`` and the bare mentions of the article's names in it."""
        found = self.by_sentence.get(start, [])
        if self.pattern is None:
            return found
        more = [Found(m.start(), m.end(), *self.written[m.group()], "repeat") for m in self.pattern.finditer(text)]
        return _dedupe(found + more) if more else found


def article_names(sentences: list[tuple[int, str]]) -> ArticleNames:
    """Run the cue rules over every sentence of an article (``(start, text)`` pairs) in order."""
    known_people: dict[str, str] = {}
    by_sentence: dict[int, list[Found]] = {}
    written: dict[str, tuple[str, str]] = {}
    for start, text in sentences:
        found = english(text, known_people)
        if _HAN.search(text):
            found += chinese(text, known_people)
        by_sentence[start] = found
        for f in found:
            written.setdefault(text[f.start : f.end], (f.name, f.type))
    for surname, full in known_people.items():
        if surname.isascii() and len(surname) >= 3 and surname != full:
            written.setdefault(surname, (full, "person"))
    pattern = re.compile(alternation(list(written), latin_bounds=True)) if written else None
    return ArticleNames(by_sentence, written, pattern)


def english(text: str, known_people: dict[str, str]) -> list[Found]:
    """Organisations and people of one English sentence; ``known_people`` maps surnames seen so far to full names."""
    found: list[Found] = []
    if _furniture(text):
        return found
    for match in _DATELINE.finditer(text):
        found.append(Found(match.start("name"), match.end("name"), match.group("name"), "organisation", "dateline"))
    for match in _CAMEL.finditer(text):
        found.append(Found(match.start(), match.end(), match.group(), "organisation", "camel-case"))
    if not _headline(text):
        for match in _OF_FORM.finditer(text):
            words = match.group("head").split(" ")
            first, last = _trim(words)
            if first < last and words[last - 1] in _OF_HEADS and match.group("tail").split(" ")[0] not in _CALENDAR:
                start = match.start("head") + sum(len(w) + 1 for w in words[:first])
                found.append(Found(start, match.end(), text[start : match.end()], "organisation", "of-form"))
        for pattern in (_WORKS_AT, _ORG_POSSESSIVE):
            for match in pattern.finditer(text):
                words = match.group("org").split(" ")
                first, last = _trim(words)
                if first < last and not any(w in _NOT_NAMES for w in words[first:last]):
                    start = match.start("org") + sum(len(w) + 1 for w in words[:first])
                    name = " ".join(words[first:last])
                    found.append(Found(start, start + len(name), name, "organisation", "org-context"))
        for match in _ORG_RUN.finditer(text):
            words = match.group().split(" ")
            first, last = _trim(words)
            cues = [i for i in range(first + 1, last) if words[i] in ORG_CUES]
            if cues and words[last - 1] not in ORG_CUES and words[cues[-1] + 1] in _AFTER_ORGANISATION:
                last = cues[-1] + 1  # "European Commission President Jean-Claude Juncker", "Malaysian Airlines Flight"
            kept = words[first:last]
            if not kept or kept[-1] not in ORG_CUES | _STANDALONE or (len(kept) < 2 and kept[0] not in _STANDALONE):
                continue
            if (len(kept) > 1 and all(w in ORG_CUES for w in kept)) or match.group() == text.strip(" .:|»›>"):
                continue  # "Central Bank": descriptors with no name; a line that is only a name: a menu item
            start = match.start() + sum(len(w) + 1 for w in words[:first])
            name = " ".join(kept)
            found.append(Found(start, start + len(name), name, "organisation", "org-cue"))
    cues = () if _headline(text) else ((_TITLE_NAME, "title"), (_SAID_NAME, "speech"), (_NAME_SAID, "speech"), (_ROLE_FIRST, "apposition"))
    for pattern, rule in cues:
        for match in pattern.finditer(text):
            honorific = rule == "title" and _HONORIFIC.match(match.group()) is not None
            _person(found, text, match.start("name"), match.group("name"), rule, known_people, single=honorific)
    for match in _APPOSITION.finditer(text):
        org = match.group("org")
        role = f"{match.group('role')} {match.group('prep')}"
        _person(found, text, match.start("name"), match.group("name"), "apposition", known_people, role=role, of=org)
    for pattern in (_BYLINE, _CREDIT):
        for match in pattern.finditer(text):
            at = match.start("names")
            for part in _LIST_SPLIT.split(match.group("names")):
                part = re.sub(r"\sin\s[A-Z][A-Z/ ]+$", "", part)
                _person(found, text, text.index(part, at), part, "byline", known_people)
                at = text.index(part, at) + len(part)
    return _dedupe(found)


def _furniture(text: str) -> bool:
    """All-caps lines (section heads, menus) carry no names worth a candidate."""
    letters = [ch for ch in text[:400] if ch.isalpha() and ch.isascii()]
    return len(letters) >= 4 and not any(ch.islower() for ch in letters)


def _headline(text: str) -> bool:
    """Headline case: four or more words of four letters or more, every one capitalised."""
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text[:400])]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _trim(words: list[str]) -> tuple[int, int]:
    """The bounds of a capitalised run without sentence-initial filler and calendar words at either end."""
    start, end = 0, len(words)
    for index, word in enumerate(words[:-1]):
        if word in _FILLER or word.endswith(_ATTRIBUTIVE):
            start = index + 1  # "Trending On Reuters", "Seattle-based X Commission": the name is what follows
    while start < end and (words[start] in _CALENDAR or words[start] == "&"):
        start += 1
    while end > start and (words[end - 1] in _CALENDAR or words[end - 1] == "&"):
        end -= 1
    return start, end


def _person(found: list[Found], text: str, start: int, name: str, rule: str, known_people: dict[str, str],
            single: bool = False, role: str | None = None, of: str | None = None) -> None:
    words = name.split(" ")
    while words and words[0] in _NOT_NAMES:
        start += len(words[0]) + 1
        words = words[1:]
    while words and words[-1] in _NOT_NAMES:
        words = words[:-1]
    if not words or any(w in _CALENDAR or w in ORG_CUES for w in words):
        return  # "Whole Foods said", "Justice Department": an organisation, not a person
    name = " ".join(words)
    if len(words) == 1:
        full = known_people.get(name)
        if full is None and not single:
            return
        canonical = full or name
    else:
        canonical = name
        known_people.setdefault(words[-1], name)
    found.append(Found(start, start + len(name), canonical, "person", rule, role, of))


def _dedupe(found: list[Found]) -> list[Found]:
    """One entity per span: the longest wins where spans overlap; persons from a cue beat organisations by shape."""
    ordered = sorted(found, key=lambda f: (f.start, -(f.end - f.start), f.type != "person"))
    kept: list[Found] = []
    for f in ordered:
        clash = kept[-1] if kept and f.start < kept[-1].end else None  # sorted and disjoint: only the last can overlap
        if clash is None:
            kept.append(f)
        elif f.role and clash.type == "person" and clash.start == f.start and not clash.role:
            kept[-1] = f
    return kept


# -- Chinese ------------------------------------------------------------------

_HAN = re.compile(r"[\u4e00-\u9fff]")
_ZH_ORG_SUFFIX = re.compile(
    r"股份有限公司|有限责任公司|有限公司|公司|集团|银行|大学|学院|研究院|研究所|研究中心|协会|学会|基金会|联合会|委员会|"
    r"医院|政府|航空|法院|检察院|出版社|电视台|天文台|气象台|电台|日报|晚报|时报|通讯社|交易所|事务所|实验室|中心|组织|联盟|"
    r"部(?![长分门署队位件落])|局(?![长面势部限])|署(?![长名])|厅(?![长])|党(?![员派内外委])"
)
_ZH_BAD_BEFORE = {
    "部": set("全内外局东西南北中总干大细头腹背胸底顶面上下前后基俱本分各该此"),
    "局": set("结布格当大开终时政全棋饭僵赌出胜平败困盘骗迷危乱残定战新变"),
    "署": set("签部布公"),
    "厅": set("餐客大门展"),
    "党": set("政入退建"),
    "中心": set("市为以其心重核"),
}
_ZH_SOFT_STOP = re.compile(r"[和与及为同共]")
_ZH_GENERIC = re.compile(
    r"(?:上市|控股|科技|投资|互联网|人工智能|保险|房地产|地产|能源|汽车|电信|物业|管理|咨询|贸易|金融|制药|医药|生物|"
    r"建筑|建设|技术|信息|网络|电子|软件|游戏|媒体|传媒|外国|外资|国有|国营|私营|民营|跨国|大型|小型|中型|初创|创业|"
    r"空壳|许多|很多|不少|众多|少数|多数|大量|主要|西方|海外|国外|知名|顶尖|一流|名牌|重点|各地|母|子|分|总|新|老|本|该|其|贵|我|你|他|国内|国际|全球|当地|本地|相关|其他|同类|一些|有关|这些|那些|各|多|同一)+"
)
_ZH_GENERIC_SUFFIX = {"公司", "集团", "有限公司", "组织", "中心", "联盟", "部", "局", "署", "厅", "党", "实验室", "银行", "医院", "大学", "学院"}
_ZH_STOP = re.compile(
    r".*(?:[^\u4e00-\u9fffA-Za-z0-9]|[一二两三四五六七八九十几多数每这那该各首]家|"
    r"[的在是了由向对从据被将把给等其以于称说也都又并而但或已曾让使到至自跟就还再才即令请受]|"
    r"表示|指出|认为|宣布|收购|成立|加入|旗下|成为|通过|来自|包括|其中|今年|去年|明年|目前|此前|日前|近日|近期|"
    r"董事长|总裁|行长|部长|主席|所长|院长|局长|发言人|记者|报道|消息|官员|带领|展望|违反|投资|起诉|批评|要求|发布|"
    r"召开|联合|合作|携手|参股|支持|进入|离开|担任|出任|任职|就职|创办|创立|建立|领导|访问|会见|拜访|发现|取消|禁止|"
    r"限制|考虑|派发|会上|[前因像归拟])"
)
_ZH_ROLE = re.compile(
    r"所长|总裁|行长|部长|记者|主席|发言人|董事长|总经理|首席执行官|执行官|CEO|教授|院长|局长|市长|总统|总理|省长|"
    r"书记|主任|经理|创始人|研究员|特首|行政长官|司长|署长|处长|议员|参选人|校长|会长|理事长|大使|法官|律师|分析师|"
    r"经济学家|主编|编辑|编译|作者|总监|董事|副总裁|总编辑|领事|首相|大臣|州长|议长|委员|代表|党员"
)
_ZH_SPEECH = re.compile(r"表示|指出|说|称|认为|强调|透露|介绍|坦言|回应|告诉|宣布")
_ZH_AFTER_NAME = re.compile(
    r"(?:表示|指出|说|称|认为|强调|透露|介绍|坦言|回应|告诉|宣布|承认|批评|报道|先生|女士|在|的|和|与|也|曾|于|对|向|"
    r"等|则|就|已|将|还|今|昨|此|同|及|从|被|作|是|为|于|）|\)|[^\u4e00-\u9fff]|$)"
)
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
    "石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
    "鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝封钟"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "司徒", "长孙")
_ZH_NAME_END = re.compile(
    r"表示|指出|说|称|认为|强调|透露|介绍|坦言|回应|告诉|宣布|[的在与和及是了由向对从据被将为把给等也都又并而但或已曾让使到至自同就还]"
)
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8}){1,3}")


def chinese(text: str, known_people: dict[str, str]) -> list[Found]:
    """Organisations and people of one sentence with Chinese in it; ``known_people`` as in ``english``."""
    found: list[Found] = []
    for match in _ZH_ORG_SUFFIX.finditer(text):
        suffix = match.group()
        prefix = _zh_org_prefix(text[max(0, match.start() - 10) : match.start()], suffix)
        if prefix is None:
            continue
        start = match.start() - len(prefix)
        found.append(Found(start, match.end(), prefix + suffix, "organisation", "zh-suffix"))
    for match in _ZH_ROLE.finditer(text):
        at = match.end()
        name = _zh_name(text, at)
        while name:  # "议员黄毓民、陈伟业": a list after one role word
            found.append(Found(at, at + len(name), name, "person", "zh-role"))
            at += len(name) + 1
            name = _zh_name(text, at) if text[at - 1 : at] == "、" else None
    for match in _ZH_SPEECH.finditer(text):
        for length in (3, 2, 4):
            start = match.start() - length
            if start < 0:
                continue
            name = text[start : match.start()]
            before = text[start - 1] if start > 0 else ""
            if _zh_looks_like_name(name) and not ("\u4e00" <= before <= "\u9fff"):
                found.append(Found(start, match.start(), name, "person", "zh-speech"))
                break
    for match in _TRANSLITERATED.finditer(text):
        name = match.group()
        end = _ZH_NAME_END.search(name, name.rfind(re.split("[·•]", name)[-1]))
        if end:
            name = name[: end.start()]
        head = re.split("[·•]", name)[0]
        cut = _ZH_STOP.match(head)
        roles = list(_ZH_ROLE.finditer(head))
        drop = max(cut.end() if cut else 0, roles[-1].end() if roles else 0, len(head) - 4)
        if len(head) - drop >= 2 and len(re.split("[·•]", name)[-1]) >= 2:
            found.append(Found(match.start() + drop, match.start() + len(name), name[drop:], "person", "zh-transliterated"))
    for f in found:
        if f.type == "person":
            known_people.setdefault(f.name, f.name)
    return _dedupe(found)


def _zh_org_prefix(window: str, suffix: str) -> str | None:
    """The name before an organisation suffix: after the last hard stop (punctuation, 的, 表示, …); a
    conjunction (和, 与, 为, …) ends it too unless what follows alone is no name (北京协和医院, 华为技术有限公司)."""
    cut = _ZH_STOP.match(window)
    base = window[cut.end() :] if cut else window
    base = base[-8:]
    cuts = [m.end() for m in _ZH_SOFT_STOP.finditer(base)][::-1] + [0]
    for at in cuts:
        prefix = base[at:]
        if len(prefix) < 2 or prefix[-1] in _ZH_BAD_BEFORE.get(suffix, ()) or prefix[-1].isdigit():
            continue
        if at != cuts[0] and _ZH_ORG_SUFFIX.search(prefix):
            continue  # "上市公司和科技公司": a list of organisations, not one name
        if suffix in _ZH_GENERIC_SUFFIX and _ZH_GENERIC.fullmatch(prefix):
            continue
        return prefix
    return None


def _zh_looks_like_name(name: str) -> bool:
    if not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    if name.startswith(_COMPOUND_SURNAMES):
        return 3 <= len(name) <= 4
    return (name[0] in _SURNAMES and 2 <= len(name) <= 3 and not _ZH_SPEECH.search(name[1:])
            and name[-1] not in "部局署厅院所司处委会党国省市县区镇村方面")


def _zh_name(text: str, at: int) -> str | None:
    """A Chinese name of two to four characters right after a role word, ending where the name must end."""
    for length in (3, 2, 4):
        name = text[at : at + length]
        if len(name) == length and _zh_looks_like_name(name) and _ZH_AFTER_NAME.match(text, at + length):
            return name
    return None
