"""Chinese organisations and people that no lexicon lists, found by their cues.

Organisations by their suffix (公司, 集团, 银行, 大学, 研究院, 部, 局, 委员会,
政府, …), bounded on the left at punctuation, function characters and verbs
(a conjunction such as 和 or 为 only when what follows alone is no name:
北京协和医院, 华为技术有限公司), refused when only a generic descriptor stands
before a generic suffix (上市公司) or the suffix is part of a common word
(全部, 结局); people after a role word (所长, 总裁, 记者, …, and the names
listed after it with 、) or before a speech verb (表示, 说, 指出, 称), starting
with a common surname (the usual reading of 百家姓), and transliterated names
joined by ``·``. Staff (记者, 编辑, 责任编辑, 通讯员, …) and the outlet of a
source line (来源：人民日报) are found with rule ``byline``: they tell who
wrote the story, not who is in it. Every look-back is a fixed window: linear.
"""

from __future__ import annotations

import re
from dataclasses import replace

from curator.extract.name_shapes import Found, dedupe
from curator.extract.zh_words import Word, inside_name, is_boundary, is_name_part, word_at, words

_ZH_ORG_SUFFIX = re.compile(
    r"股份(?![有公制回转比数总])|股份有限公司|有限责任公司|有限公司|公司|集团|银行|大学|学院|研究院|研究所|研究中心|协会|学会|基金会|联合会|委员会|"
    r"医院|政府|航空|法院|检察院|国务院|议院|出版社|电视台|天文台|气象台|电台|日报(?![道告])|晚报(?![道告])|时报(?![道告])|通讯社|交易所|事务所|实验室|中心|组织|联盟|"
    r"部(?![长分门署队位件落])|局(?![长面势部限地])|署(?![长名])|厅(?![长])|党(?![员派内外委工组])"
)
_ZH_BAD_BEFORE = {
    "部": set("全内外局东西南北中总干大细头腹背胸底顶面上下前后基俱本分各该此眼腰颈脸足手肺胃脚臀肩臂"),
    "局": set("结布格当大开终时政全棋饭僵赌出胜平败困盘骗迷危乱残定战新变"),
    "署": set("签部布公"),
    "党": set("政入退建"),
    "中心": set("市为以其心重核"),
}
_ZH_ITEM = r"[^\s，,。；;：:、！？“”\"（）()《》]{2,12}?"
_ZH_LISTED = re.compile(
    rf"(?P<items>{_ZH_ITEM}(?:(?:、|和|与|及|以及){_ZH_ITEM})+)等(?:\d+家|多家|几家|[一二三四五六七八九十]+家)?"
    r"(?P<kind>公司|企业|机构|银行|集团|高校|大学|媒体|平台|厂商|车企|药企|券商|基金|人(?!民|工|类|口|才|员|士|群))"
)
_ZH_STOCK_CODE = re.compile(r"[（(]\s*(?:S[HZ]\s*)?\d{6}(?:\.S[HZ])?\s*[)）]")
_ZH_SHARE_CLASS = re.compile(r"(?<=[\u4e00-\u9fff])[AB](?=[（(]|\s+\d)")
_ZH_ITEM_START = re.compile(r"(?:^|[^\u4e00-\u9fffA-Za-z0-9*])(?=[\u4e00-\u9fffA-Za-z0-9*]{2,10}$)")
"""Where a list item of a stock's short name starts: the name is the item after its leading words (零七股份, 中葡股份,
昨日已有雪莱特)."""
_ZH_RISK = re.compile(r"(?<![A-Za-z])\*?S?ST(?=[\u4e00-\u9fff])")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
_ZH_LAST_GAP = re.compile(r"以及|和|与|及")
"""Names listed before 等 and a noun that says what they are: organisations (等公司, 等企业) or people (等人)."""
_ZH_TITLE_AFTER = re.compile(r"秘书长|教授|研究员|院士|博士|先生|女士|主任|会长|董事长|总经理|总裁")
"""Titles written after a name (陈伊芬秘书长, 袁强先生): the name before one is a person where a name may start."""
_ZH_ORG_END = re.compile(rf"(?:{_ZH_ORG_SUFFIX.pattern})$")
_ZH_GOOD_BEFORE = {"厅": set("务育安政公生通源化业利法境技输设划监计")}
"""A 厅 is a government department only after its field (商务厅, 教育厅, 办公厅); else a hall (报告厅, 金桂厅, 餐厅)."""
_ZH_SOFT_STOP = re.compile(r"[和与及为同共]")
"""Conjunctions that may end a name on its left; one only where two characters or more stand before it (南共体市场)."""
_ZH_FIELDS = (
    r"国土资源|自然资源|人力资源|资源|房地产|经济|科技|科学|技术|信息化|信息|工业|住房|城乡建设|城乡|建设|发展|改革|文化|旅游|"
    r"社会保障|社会|卫生|健康|教育|体育|交通|运输|农业|农村|商务|贸易|环境|生态|规划|安全|地理|水利|林业|民政|财政|金融|"
    r"外事|侨务|广播|电视|新闻|出版|人口|计划生育|市场|监督|管理"
)
_ZH_FIELD_END = re.compile(rf"(?:{_ZH_FIELDS})$")
_ZH_FIELD_START = re.compile(_ZH_FIELDS)
_ZH_GENERIC = re.compile(
    r"(?:[一二两三四五六七八九十百千万几数多余]+家|中小型?|[ABH]股|港股|美股|境内|境外|地方|电力|石油|化工|钢铁|煤炭|航运|证券|期货|交易日|基金|信托|租赁|担保|快递|上市|控股|科技|投资|互联网|人工智能|保险|房地产|地产|能源|汽车|电信|物业|管理|咨询|贸易|金融|制药|医药|生物|"
    r"建筑|建设|技术|信息|网络|电子|软件|游戏|媒体|传媒|外国|外资|国有|国营|私营|民营|跨国|大型|小型|中型|初创|创业|"
    r"[\u4e00-\u9fff]{1,3}类|空壳|重要|工商业|交通|物流|商业|经济|许多|很多|不少|众多|少数|多数|大量|主要|西方|海外|国外|知名|顶尖|一流|名牌|重点|各地|母|子|分|总|新|老|本|该|其|贵|我|你|他|国内|国际|全球|当地|本地|相关|其他|同类|一些|有关|这些|那些|各|多|同一)+"
)
_ZH_NEEDS_NAME = frozenset({
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "银行", "大学", "学院", "医院", "政府", "党", "中心", "联盟",
    "组织", "实验室", "协会", "基金会", "联合会", "研究院", "研究所", "交易所", "事务所", "航空", "股份",
})
"""Suffixes any descriptor may stand before (出租车公司, 地方政府): the words before one must hold a name part."""
_ZH_PLACE_NAMED = frozenset({"政府", "党"})
_ZH_GENERIC_SUFFIX = {"政府", "公司", "集团", "有限公司", "组织", "中心", "联盟", "部", "局", "署", "厅", "党", "实验室", "银行", "医院", "大学", "学院"}
_ZH_STOP_WORD = re.compile(
    r"(?:[^\u4e00-\u9fffA-Za-z0-9*]|我院|本院|我校|本校|我司|现任|中标|签约|[一二两三四五六七八九十几多数每这那该各首]家|"
    r"[的在是了由向对从据被将把给等其以于称说也都又并而但或已曾让使到至自跟就还再才即令请受]|"
    r"表示|指出|认为|宣布|收购|成立|加入|旗下|成为|通过|来自|包括|其中|今年|去年|明年|目前|此前|日前|近日|近期|"
    r"董事长|总裁|行长|部长|主席|所长|院长|局长|发言人|记者|报道|消息|官员|带领|展望|违反|投资|起诉|批评|要求|发布|"
    r"召开|联合|合作|携手|参股|支持|进入|离开|担任|出任|任职|就职|创办|创立|建立|领导|访问|会见|拜访|发现|取消|禁止|"
    r"限制|考虑|派发|会上|承办|主办|协办|单位|多次|再次|首次|曾经|\d+[日月年号]|经(?![济贸营管销])|[前因像归拟有去过获哪着]|"
    # a count of bodies (26家, 2800余家A股, 近500家) and the verbs, adverbs and days that stand before a body's name
    r"[\d０-９]+[余多]?(?:家|个|只|亿元|万元|元)|第[一二三四五六七八九十\d]+[个家]|显示|作为|占|回购|维护|增强|推动|提升|提高|相信|区分|考验|执行|避免|"
    r"暂停|导致|虚构|粉饰|伪造|满足|响应|出台|鼓励|引导|允许|帮助|推出|设立|发起|介入|涉及|针对|根据|按照|依据|关于|对于|"
    r"经过|随着|由于|严格|深入|贯彻|落实|加强|完善|规范|要做|不得|不按|不会|不能|今日|当日|昨日|今天|昨天|当天|本周|上周|"
    r"现任|决定|此外|另外|出席|总结|蜂拥|增加|适合|办好|尚无|创下|上述|一位|一些|更多|越来越多|超百|今后)"
)
"""A word that ends a name on its left: punctuation, function characters, verbs, roles, times."""
_ZH_STOP = re.compile(rf".*{_ZH_STOP_WORD.pattern}")
_ZH_ROLE = re.compile(
    r"所长|总裁|行长|部长|秘书长|记者|主席|发言人|董事长|总经理|首席执行官|执行官|CEO|教授|院长|局长|市长|总统|总理|省长|"
    r"书记|主任|经理|创始人|研究员|特首|行政长官|司长|署长|处长|议员|参选人|校长|会长|理事长|大使|法官|律师|分析师|"
    r"经济学家|主编|编辑|编译|作者|通讯员|实习生|摄影|校对|组长|队长|科长|班长|社长|厂长|村长|总监|董事|副总裁|总编辑|领事|首相|大臣|州长|议长|委员|代表|党员"
)
_ZH_STAFF = frozenset({"记者", "编辑", "编译", "作者", "通讯员", "实习生", "摄影", "校对"})
"""Role words of the people who make the story (责任编辑 ends in 编辑): a name after one is a byline, not a claim."""
_ZH_CREDIT = re.compile(r"(?:来源|稿源|出处|转自|图片来源|图源)\s*[:：]\s*$")
"""A source credit right before a name: the outlet the story or picture comes from."""
_ZH_DISPATCH = re.compile(r"讯\s*[，,:：]")
"""An outlet's dispatch mark right after its name (证券时报e公司讯，): provenance, like a dateline."""
_ZH_CHANNEL = re.compile(r"\s*(?:APP|App|app|客户端|门户网站|网站|官网|官方网站|微博|微信|公众号)\s*(?:https?://\S*)?\s*")
"""A line that is only an outlet and its channel (证券时报APP, XX门户网站 http://…): the page's furniture."""
_ZH_RIGHTS = re.compile(r"版权|权益归|独家所有|未经授权|不得转载|转载请注明|禁止转载|免责|声明\s*[:：]")
"""A rights notice or disclaimer: the names in it own the page, they are not in the story."""
_ZH_WINDOW = 16
"""Characters looked back from an organisation suffix; a name that fills them all has no known start and is left out."""
_ZH_BEFORE_NAME = set("但而据和与对向让被由及并且也则即就")
"""Function characters that may stand right before a name that a speech verb follows (据李明说, 但王芳表示)."""
_ZH_SPEECH = re.compile(r"表示|指出|说|称|认为|强调|透露|介绍|坦言|回应|告诉|宣布|现任|担任|出任|曾任|兼任|出席")
"""Verbs a person is the subject of, right after the name: speech (李明表示) and holding an office (刘益谦现任)."""
_ZH_AFTER_NAME = re.compile(
    r"(?:表示|指出|说|称|认为|强调|透露|介绍|坦言|回应|告诉|宣布|承认|批评|报道|先生|女士|教授|研究员|院士|博士|在|的|和|与|也|曾|于|对|向|提|出席|"
    r"等|则|就|已|将|还|今|昨|此|同|及|从|被|作|是|为|于|）|\)|[^\u4e00-\u9fff]|$)"
)
_SURNAMES = set(
    "习栗阎冼粟帅揭王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
    "石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
    "鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝封钟"
)
_ZH_NOT_A_NAME = re.compile(r"周[一二三四五六日末]|星期[一二三四五六日天]|公开|多次|经常|一度|先后|明确|同时|再次|首次|曾经")
"""Words that look like a surname and a given name: weekdays, and adverbs after 曾 (had)."""
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "司徒", "长孙")
_ZH_NAME_END = re.compile(
    r"表示|指出|说|称|认为|强调|透露|介绍|坦言|回应|告诉|宣布|[的在与和及是了由向对从据被将为把给等也都又并而但或已曾让使到至自同就还]"
)
# The characters foreign names are written in (the usual transliteration tables of Xinhua's 译名手册, with
# the common ones of Uyghur and other minority names): a name joined by · is a run of them, so "宇航员巴兹·奥尔德林"
# is 巴兹·奥尔德林 and "重庆·西南大学" is no name.
_SOUNDS = (
    "阿埃艾爱安昂奥澳巴拔拜班邦包保鲍贝倍本比彼毕宾滨冰波玻伯勃博布步查察柴昌彻陈成楚川茨慈达黛戴丹道德登邓迪狄蒂帝"
    "丁东都杜敦顿多朵厄俄恩尔二法凡范方菲费芬丰冯佛夫弗伏福富该盖甘冈高戈哥格葛根古谷瓜关圭贵果哈海罕汉杭豪好郝"
    "赫黑亨洪侯胡华怀环黄惠霍基吉纪季加佳嘉贾简杰捷金津京久居菊卡凯坎康考柯科可克肯孔库夸宽奎坤昆拉腊莱赖兰蓝朗"
    "劳勒雷蕾冷黎李里理立丽利莉粒连莲廉良列林琳玲凌刘留柳龙隆娄楼卢鲁陆路伦罗洛吕玛马迈麦曼芒毛茂梅美门蒙孟米蜜"
    "密绵缅苗敏明莫墨默姆木穆拿娜纳奈南楠瑙内尼妮倪宁纽努诺欧鸥帕派潘庞佩彭皮珀普奇齐恰千乔切钦琴青琼丘秋屈让热"
    "日荣如瑞若萨塞赛桑瑟森沙莎山珊尚绍舍申什施史士舒斯松宋苏索塔泰坦汤唐陶特滕提天廷通图土托瓦万汪旺威韦维温文"
    "翁沃乌吾伍武西希锡席喜夏仙贤香祥肖谢辛欣休秀许旭雅亚娅燕扬杨耀耶叶伊依怡英尤于雨玉约云泽扎詹章兹宗佐祖买提"
    "力热合曼不吐逊努尔江汗古孜"
)
_SOUNDS_HEAD = re.compile(f"[{_SOUNDS}]*")
_SOUNDS_TAIL = re.compile(f"[{_SOUNDS}]*$")
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8}){1,3}")


def chinese(text: str, known_people: dict[str, str]) -> list[Found]:
    """Organisations and people of one sentence with Chinese in it; ``known_people`` as in ``english``."""
    found: list[Found] = []
    ws = words(text)
    for match in _ZH_ORG_SUFFIX.finditer(text):
        suffix = match.group()
        base = _zh_window(text, ws, match.start())
        prefix = None if base is None else _zh_org_prefix(base, suffix)
        if prefix is not None and suffix in _ZH_NEEDS_NAME and not _zh_named(ws, match.start() - len(prefix), match.start(), suffix):
            prefix = None  # "上限为公司", "出租车公司": a descriptor, no name
        if prefix is None and suffix == "国务院":
            prefix = ""  # the State Council needs no place before it
        if prefix is None:
            continue
        start = match.start() - len(prefix)
        credit = (_ZH_CREDIT.search(text, max(0, start - 8), start) or _ZH_DISPATCH.match(text, match.end())
                  or (not text[:start].strip() and _ZH_CHANNEL.fullmatch(text, match.end())))
        rule = "byline" if credit else "zh-suffix"
        found.append(Found(start, match.end(), prefix + suffix, "organisation", rule))
    found += _zh_stocks(text, ws)
    for match in _ZH_LISTED.finditer(text):  # "阿里巴巴、腾讯和百度等公司", "张三、李四等人"
        kind = "person" if match.group("kind").startswith("人") else "organisation"
        at = match.start("items")
        for item in _zh_items(match.group("items")):
            start = text.index(item, at)
            cut = _ZH_STOP.match(item) or _ZH_LAST_GAP.match(item) if start == match.start("items") else None
            name, start = (item[cut.end() :], start + cut.end()) if cut else (item, start)
            at = start + len(name)
            if len(name) >= 2 and (kind == "organisation" or _zh_looks_like_name(name)):
                found.append(Found(start, at, name, kind, "zh-list"))
    for match in _ZH_TITLE_AFTER.finditer(text):  # "党委书记李旭锋教授" is found after 书记; "联合会陈伊芬秘书长" here
        for length in (3, 2):
            start = match.start() - length
            name, before = text[max(start, 0) : match.start()], text[start - 1 : start] if start > 0 else ""
            after_org = start > 0 and _ZH_ORG_END.search(text, max(0, start - 6), start) is not None
            if start >= 0 and _zh_looks_like_name(name) and (
                not ("\u4e00" <= before <= "\u9fff") or before in _ZH_BEFORE_NAME or after_org
            ):
                found.append(Found(start, match.start(), name, "person", "zh-role"))
                break
    for match in _ZH_ROLE.finditer(text):
        at = match.end()
        name = _zh_name(text, ws, at)
        rule = "byline" if match.group() in _ZH_STAFF else "zh-role"
        while name:  # "议员黄毓民、陈伟业": a list after one role word
            found.append(Found(at, at + len(name), name, "person", rule))
            at += len(name) + 1
            name = _zh_name(text, ws, at) if text[at - 1 : at] == "、" else None
    for match in _ZH_SPEECH.finditer(text):
        for length in (3, 2, 4):
            start = match.start() - length
            if start < 0:
                continue
            name = text[start : match.start()]
            before = text[start - 1] if start > 0 else ""
            if _zh_looks_like_name(name) and _zh_person_words(ws, start, match.start(), cued=True) and (
                not ("\u4e00" <= before <= "\u9fff") or before in _ZH_BEFORE_NAME
            ):
                found.append(Found(start, match.start(), name, "person", "zh-speech"))
                break
    for match in _TRANSLITERATED.finditer(text):
        name = match.group()
        end = _ZH_NAME_END.search(name, name.rfind(re.split("[·•]", name)[-1]))
        if end:
            name = name[: end.start()]
        tail = _SOUNDS_HEAD.match(re.split("[·•]", name)[-1]).group()
        name = name[: len(name) - len(re.split("[·•]", name)[-1]) + len(tail)]  # "阿姆斯特朗走出": the name ends where its sounds do
        head = re.split("[·•]", name)[0]
        cut = _ZH_STOP.match(head)
        roles = list(_ZH_ROLE.finditer(head))
        drop = max(cut.end() if cut else 0, roles[-1].end() if roles else 0, len(head) - 6,
                   len(head) - len(_SOUNDS_TAIL.search(head).group()))  # "宇航员巴兹", "和尼尔": the name starts with its sounds
        if len(head) - drop >= 2 and len(tail) >= 2:
            found.append(Found(match.start() + drop, match.start() + len(name), name[drop:], "person", "zh-transliterated"))
    if _ZH_RIGHTS.search(text):
        found = [replace(f, rule="byline") for f in found]
    for f in found:
        if f.type == "person" and f.rule != "byline":
            known_people.setdefault(f.name, f.name)
    return dedupe(found)


def joined_to_name(text: str, start: int) -> bool:
    """Whether a Chinese name at ``start`` of ``text`` is the tail of a longer one: it starts inside a word
    (一汽大众) or right after an abbreviation or brand (广汽|丰田, 上汽|通用): a joint venture, not the partner."""
    ws = words(text)
    before = word_at(ws, start - 1)
    return start > 0 and (not is_boundary(ws, start) or (ws[before].end == start and ws[before].tag in {"j", "nz"}))


def _zh_stocks(text: str, ws: tuple[Word, ...]) -> list[Found]:
    """Listed companies by their stock short names, as the exchanges print them: the name before a six-digit code
    in brackets (万达信息(300168)), a name of two to four characters with its share class before a bracket or a
    figure (南玻A（11.85亿元）, 万科A 12.5), and a name marked for risk (ST狮头, *ST生化)."""
    found: list[Found] = []
    for match in list(_ZH_STOCK_CODE.finditer(text)) + list(_ZH_SHARE_CLASS.finditer(text)):
        item = _ZH_ITEM_START.search(text, max(0, match.start() - 11), match.start())
        lead = _zh_lead_cut(ws, item.end(), match.start()) if item else match.start()
        window = None if match.start() - lead <= 6 else _zh_window(text, ws, match.start())
        base = window and _ZH_SOFT_STOP.split(window)[-1] if window is not None else text[lead : match.start()]
        if base and 2 <= len(base) <= 8 and not _ZH_GENERIC.fullmatch(base):
            end = match.start() + (1 if match.re is _ZH_SHARE_CLASS else 0)
            named = _zh_named(ws, match.start() - len(base), match.start(), "股份")
            if match.re is not _ZH_SHARE_CLASS or (len(base) <= 4 and named):  # 维生素A is no stock
                found.append(Found(match.start() - len(base), end, text[match.start() - len(base) : end], "organisation", "zh-stock"))
    for match in _ZH_RISK.finditer(text):
        index, end = word_at(ws, match.end()), match.end()
        while index < len(ws) and ws[index].start == end and _HAN_WORD.fullmatch(ws[index].text) and inside_name(ws[index]):
            if end - match.end() + len(ws[index].text) > 4:
                break
            end, index = ws[index].end, index + 1
        if end - match.end() >= 2:
            found.append(Found(match.start(), end, text[match.start() : end], "organisation", "zh-stock"))
    return found


def _zh_lead_cut(ws: tuple[Word, ...], start: int, end: int) -> int:
    """Where a list item's name starts: after the verbs, adverbs and function words that lead it (已有雪莱特 is
    雪莱特), never a single character (jieba's guess inside an unknown name: 通|葡|股份) nor leaving less than three
    characters (永新股份); a numeral stays (零七股份)."""
    index = word_at(ws, start)
    while (index < len(ws) and ws[index].start >= start and end - ws[index].end >= 3 and len(ws[index].text) >= 2
           and ws[index].tag[:1] in "vdpcrtu"):
        start, index = ws[index].end, index + 1
    return start


def _zh_items(items: str) -> list[str]:
    """The names of a list: split at 、, and the last at 和/与/及 unless it is an organisation's name (北京协和医院)."""
    parts = items.split("、")
    if not _ZH_ORG_SUFFIX.search(parts[-1]):
        parts[-1:] = [p for p in _ZH_LAST_GAP.split(parts[-1]) if p]
    return parts


def _zh_window(text: str, ws: tuple[Word, ...], at: int) -> str | None:
    """The words that may name what the suffix at ``at`` ends: back from it while each word may stand inside a
    name (no verb, adverb, number, pronoun, time, punctuation: "直接提升TCL集团" is TCL集团) and after the last stop
    word that is a whole word (the 自 of "上海自动化仪表" is none). A conjunction right before the suffix ends
    it ("上限为公司"); further back it is left to ``_zh_org_prefix``. None when the run fills the look-back window,
    so the name has no known start."""
    floor = max(0, at - _ZH_WINDOW)
    index = word_at(ws, at - 1)
    start = at
    if index >= 0 and ws[index].end > at:  # a word holding the suffix's start (上市公司, 中医药大学, 星期日|报; not 其党)
        if not inside_name(ws[index]) and ws[index].tag != "t":
            return ""
        start, index = ws[index].start, index - 1
    def inside(i: int) -> bool:  # a lone verb is jieba's split of a name: 住|建局, 河南省|立|眼科医院, 地理学|会
        word, after, before = ws[i], ws[i + 1], ws[i - 1] if i > 0 else None
        if len(word.text) == 1 and word.tag.startswith("v"):
            return (after.end >= at and not after.text.isascii()) or (before is not None and before.tag.startswith(("n", "j")))
        return inside_name(word, after)

    def joins(i: int) -> bool:  # a conjunction inside a name, not between two (金兰化工有限公司与巴西…公司)
        return start < at and _ZH_SOFT_STOP.fullmatch(ws[i].text) is not None and not (i > 0 and _ZH_ORG_END.search(ws[i - 1].text))

    while index >= 0 and ws[index].start >= floor and (inside(index) or joins(index)):
        start, index = ws[index].start, index - 1
    known = index < 0 or ws[index].start >= floor or not inside(index)
    first = word_at(ws, start)
    if start < at and _ZH_SOFT_STOP.fullmatch(ws[first].text):
        start = ws[first].end  # "与巴西华人协会": a conjunction joins the name to what is before it
    cuts = [m.end() for m in _ZH_STOP_WORD.finditer(text, floor, at) if is_boundary(ws, m.start()) and is_boundary(ws, m.end())]
    if cuts and cuts[-1] > start:
        start, known = cuts[-1], True
    return text[start:at] if known else None


def _zh_named(ws: tuple[Word, ...], start: int, at: int, suffix: str) -> bool:
    """Whether a word of the name before the suffix at ``at`` names something (a place, a proper noun, an
    abbreviation, Latin letters, an unlisted word): 中投公司 and 上海自动化仪表股份有限公司, not 出租车公司. A
    lone two-character noun is taken for an abbreviation the dictionary tags as a noun (世卫组织) unless it is a
    trade or a descriptor (保险公司). A party or a government is named by a place or is a word of the dictionary
    (中国政府, 民主党, 市政府), never by what stands before it in a sentence (贯彻党, 区分政府)."""
    inside = [w for w in ws if w.end > start and w.start < at]
    held = inside[-1] if inside and inside[-1].end > at else None  # the word holding the suffix's start: 上市公司
    if suffix in _ZH_PLACE_NAMED:
        return held is not None or (bool(inside) and inside[-1].tag in {"ns", "nt"})
    if held is not None and _ZH_GENERIC.fullmatch(held.text[: at - held.start]):
        inside.pop()  # "占上市公司", "超百家公司": a descriptor the dictionary lists whole
    if any(is_name_part(w) for w in inside):
        return True
    lone = len(inside) == 1 and inside[0].start == start and inside[0].end == at and len(inside[0].text) == 2
    return lone and inside[0].tag == "n" and not (_ZH_GENERIC.fullmatch(inside[0].text) or _ZH_ORG_END.search(inside[0].text))


def _zh_org_prefix(base: str, suffix: str) -> str | None:
    """The name in ``base`` (the words before an organisation suffix, from ``_zh_window``): a conjunction
    (和, 与, 为, …) ends it unless what follows alone is no name (北京协和医院, 华为技术有限公司) or it joins two
    fields of a unit named after its parent (重庆师范大学地理与旅游学院)."""
    cuts = [m.end() for m in _ZH_SOFT_STOP.finditer(base) if m.start() >= 2 and not _zh_fields_joined(base, m)][::-1] + [0]
    if cuts[0] == len(base) and base.endswith("为"):
        return None  # "资金来源为公司": "is the company", no name (华为公司 has one character before 为, no cut)
    for at in cuts:
        prefix = base[at:]
        good = _ZH_GOOD_BEFORE.get(suffix)
        if len(prefix) < 2 or prefix[-1] in _ZH_BAD_BEFORE.get(suffix, ()) or prefix[-1].isdigit() or (good and prefix[-1] not in good):
            continue
        if at != cuts[0] and _ZH_ORG_SUFFIX.search(prefix):
            continue  # "上市公司和科技公司": a list of organisations, not one name
        if suffix in _ZH_GENERIC_SUFFIX and _ZH_GENERIC.fullmatch(_ZH_SOFT_STOP.sub("", prefix)):
            continue
        parent = _ZH_ORG_SUFFIX.search(base[: max(at - 1, 0)]) if at else None
        if parent and parent.end() < at - 1:
            return base  # "重庆师范大学地理与旅游学院", "中国科学院地理科学与资源研究所"
        return prefix
    return None


def _zh_fields_joined(base: str, conjunction: re.Match[str]) -> bool:
    """Whether ``和``/``与`` joins two fields inside one name (住房和城乡建设部, 国土资源和房地产学会,
    经济和科技促进局) rather than two names: a field word ends what is before it and starts what follows."""
    return (conjunction.group() in "和与" and _ZH_FIELD_END.search(base, 0, conjunction.start()) is not None
            and _ZH_FIELD_START.match(base, conjunction.end()) is not None)


def _zh_looks_like_name(name: str) -> bool:
    if not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    if name.startswith(_COMPOUND_SURNAMES):
        return 3 <= len(name) <= 4
    if _ZH_NOT_A_NAME.fullmatch(name) or _ZH_NOT_A_NAME.fullmatch(name[1:]):
        return False  # 周五 (Friday), 曾公开 (had publicly): a surname's character before a common word
    return (name[0] in _SURNAMES and 2 <= len(name) <= 3 and not _ZH_SPEECH.search(name[1:])
            and not _ZH_ROLE.search(name[1:]) and name[-1] not in "部局署厅院所司处委会党国省市县区镇村方面还也都又就才再曾将已便却仍")


def _zh_person_words(ws: tuple[Word, ...], start: int, end: int, cued: bool = False) -> bool:
    """Whether ``start``–``end`` may be a person's name by its words: it starts between words, holds no adverb,
    time, pronoun, numeral or verb, and cuts no verb at its end (曾多次, 周五 and the 尚福林提 of 尚福林提及 are
    none; 徐成光 may end inside jieba's 光在, a guess at an unknown name). ``cued``: a speech verb starts at
    ``end``, so a word across it (李/明说) is jieba's, not the text's."""
    last = word_at(ws, end - 1)
    within = ws[word_at(ws, start) : last + (1 if ws[last].end == end else 0)]
    return is_boundary(ws, start) and all(inside_name(w) for w in within) and (
        ws[last].end == end or cued or not ws[last].tag.startswith("v")
    )


def _zh_name(text: str, ws: tuple[Word, ...], at: int) -> str | None:
    """A name right after a role word, ending where a name must end: a Chinese one of two to four characters
    from a common surname, or a foreign one written in transliteration characters (总统特朗普说)."""
    for length in (3, 2, 4):
        name = text[at : at + length]
        if len(name) == length and _zh_looks_like_name(name) and _zh_person_words(ws, at, at + length) and (
            _ZH_AFTER_NAME.match(text, at + length) or (ws[word_at(ws, at)].tag == "nr" and is_boundary(ws, at + length))
        ):
            return name
    sounds = _SOUNDS_HEAD.match(text, at).group()[:5]
    for length in range(len(sounds), 1, -1):
        if _ZH_AFTER_NAME.match(text, at + length) and not _ZH_SPEECH.search(sounds[1:length]):
            return sounds[:length]
    return None
