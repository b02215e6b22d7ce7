"""Quantities of anything (issue 13, item 3): every example with its right value and unit, in English and Chinese."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from extract_helpers import facts, found

from curator.inflection import is_plural, plural, singular


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plane was carrying 212 people.", [("212 people", 212.0, "people", None)]),
        ("Some 40 vessels and 12 helicopters joined.",
         [("40 vessels", 40.0, "ships", "approximately"), ("12 helicopters", 12.0, "helicopters", None)]),
        ("Searchers combed 2,500 square kilometres.", [("2,500 square kilometres", 2500.0, "square kilometres", None)]),
        ("Unemployment rose 4.6 percentage points.", [("4.6 percentage points", 4.6, "percentage points", None)]),
        ("Two-thirds of voters agreed.", [("Two-thirds", 0.6667, "share", None)]),
        ("A quarter of the staff left.", [("A quarter", 0.25, "share", None)]),
        ("Output grew 2.5-fold.", [("2.5-fold", 2.5, "fold", None)]),
        ("It is six times larger.", [("six times", 6.0, "fold", None)]),
        ("Officials found 40 lifeboats.", [("40 lifeboats", 40.0, "lifeboat", None)]),
        ("Three airline officials spoke.", [("Three airline officials", 3.0, "official", None)]),
        ("It carried 155 passengers, two pilots and five cabin crew members.",
         [("155 passengers", 155.0, "passengers", None), ("two pilots", 2.0, "pilots", None),
          ("five cabin crew members", 5.0, "crew", None)]),
        ("The fish can weigh 500 pounds.", [("500 pounds", 500.0, "pounds", None)]),
        ("At least 20 minutes passed.", [("20 minutes", 20.0, "minutes", "at least")]),
        ("Flight 8501 left at 7:24 a.m. in 2019 weeks later.", []),
        ("Posted 21 hours ago.", []),
        ("Covid-19 cases rose as the Boeing 737 jets were grounded.", []),
        ("Plan With Domestic AI Model And 10M Robots", [("10M Robots", 1e7, "robots", None)]),
        ("SpiceJet to Buy 100 New Boeing Planes", [("100 New Boeing Planes", 100.0, "aircraft", None)]),
    ],
)
def test_english_quantities(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一架搭载230名乘客的客机失联。", [("230名乘客", 230.0, "passengers", None)]),
        ("算力相当于8块显卡。", [("8块显卡", 8.0, "graphics cards", None)]),
        ("屏幕为5.8英寸。", [("5.8英寸", 5.8, "inches", None)]),
        ("视频播放9.6万次。", [("9.6万次", 9.6e4, "times", None)]),
        ("销量增长2.5倍。", [("2.5倍", 2.5, "fold", None)]),
        ("毛利率下降4.6个百分点。", [("4.6个百分点", 4.6, "percentage points", None)]),
        ("工程历时一年半。", [("一年半", 1.5, "years", None)]),
        ("三分之二的受访者同意。", [("三分之二", 0.6667, "share", None)]),
        ("近一半的员工离职。", [("一半", 0.5, "share", "approximately")]),
        ("事故造成162人死亡，300多人受伤。", [("162人死亡", 162.0, "deaths", None), ("300多人受伤", 300.0, "injured", "over")]),
        ("搜救人员找到40具遗体。", [("40具遗体", 40.0, "bodies", None)]),
        ("出动30艘船只和21架飞机。", [("30艘船只", 30.0, "ships", None), ("21架飞机", 21.0, "aircraft", None)]),
        ("共有5个城市参与。", [("5个城市", 5.0, "cities", None)]),
        ("第三次会议召开，龙湖即将迎来上市10周年，出现二次整改。", []),
        ("21小时前", []),
    ],
)
def test_chinese_quantities(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


def test_one_thing_counted_in_english_and_chinese_gets_one_unit() -> None:
    english = found("The jet carried 155 passengers and 40 vessels searched.", "quantity")
    chinese = found("客机搭载155名乘客，40艘船只参与搜寻。", "quantity")
    assert [(v, u) for _, v, u, _ in english] == [(v, u) for _, v, u, _ in chinese] == [(155.0, "passengers"), (40.0, "ships")]


def test_percentage_points_are_not_percent() -> None:
    assert found("Rates rose 4.6 percentage points.", "percent") == []
    assert found("利率上升4.6个百分点。", "percent") == []


@pytest.mark.parametrize(
    ("plural", "single"),
    [("vessels", "vessel"), ("cities", "city"), ("boxes", "box"), ("people", "people"), ("feet", "foot"),
     ("glass", "glass"), ("status", "status"), ("search-dogs", "search-dog"), ("knots", "knot")],
)
def test_singular(plural: str, single: str) -> None:
    assert singular(plural) == single


@pytest.mark.parametrize(
    ("single", "many"),
    [("gunman", "gunmen"), ("policeman", "policemen"), ("fisherman", "fishermen"), ("woman", "women"),
     ("human", "humans"), ("German", "Germans"), ("vessel", "vessels"), ("city", "cities")],
)
def test_plural_of_a_counted_noun(single: str, many: str) -> None:
    assert plural(single) == many
    assert singular(many) == single.lower()


def test_plural_shapes() -> None:
    assert is_plural("helicopters") and is_plural("feet") and is_plural("people")
    assert not is_plural("glass") and not is_plural("status") and not is_plural("aluminium")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure after an adjective is part of a name (a store format, a model), not a count
        ("Whole Foods is not opening any new 365 stores.", []),
        ("It opened 365 new stores.", [("365 new stores", 365.0, "store", None)]),
        # nouns of discourse order what is said, they count nothing in the world
        ("The sale is being done in two steps.", []),
        ("Five things we learned from the interview", []),
        ("Two gunmen died, and three others may have escaped.", [("Two gunmen", 2.0, "gunman", None)]),
        # a count that refers back states nothing new; the figure itself, or a listed noun, may state it
        ("Tensions between the two sides ran hot, and the two businesses may merge.", []),
        ("These 2 issues matter.", []),
        ("The 155 passengers and the four conglomerates agreed.",
         [("155 passengers", 155.0, "passengers", None), ("four conglomerates", 4.0, "companies", None)]),
        # an age is years of age, as 岁 is in Chinese
        ("The 93 year-old and 52-year-old Grace left.",
         [("93 year-old", 93.0, "years of age", None), ("52-year-old", 52.0, "years of age", None)]),
        ("Police questioned 12 fishermen.", [("12 fishermen", 12.0, "fisherman", None)]),
    ],
)
def test_english_counts_that_state_nothing_or_name_something(
        text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun phrase after a measure word ends in its head
        ("全国已有6种新冠疫苗。", [("6种新冠疫苗", 6.0, "疫苗", None)]),
        ("4幢住宅楼的外墙脱落。", [("4幢住宅楼", 4.0, "住宅楼", None)]),
        ("5个重点城市参与。", [("5个重点城市", 5.0, "cities", None)]),
        ("5个项目开工。", [("5个项目", 5.0, "项目", None)]),
        ("全年共拿下43幅土地。", [("43幅土地", 43.0, "土地", None)]),
        ("他发表了3篇论文。", [("3篇论文", 3.0, "论文", None)]),
        ("距离仅约50公分。", [("50公分", 50.0, "centimetres", "approximately")]),
        # a demonstrative refers back; 年代 is a decade
        ("这两种物质能帮助陈酿。这13863名患者中有人发烧。", []),
        ("早在上世纪八十年代就澄清了。", []),
        # a qualifier may be joined to the number by 有/为
        ("至少有两名宇航员喝了酒。", [("两名", 2.0, "people", "at least")]),
    ],
)
def test_chinese_heads_references_and_decades(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


def test_chinese_qualifier_joined_by_a_verb() -> None:
    assert found("增幅仅约为29.2%。", "percent") == [("29.2%", 29.2, "%", "approximately")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a singular listed noun that modifies the next word is not the counted thing
        ("Of the 400 city laborers, many left.", [("400 city laborers", 400.0, "laborer", None)]),
        ("It builds on a 14-year growth strategy.", [("14-year", 14.0, "years", None)]),
        ("It spread onto one city after another.", []),
        # "over" before a period an amount is spread over is no "more than"
        ("It would cut revenue by $631 billion over 10 years.", [("10 years", 10.0, "years", None)]),
        ("It gets $1.4 billion over the next five years.", [("five years", 5.0, "years", None)]),
        ("The war lasted over 10 years.", [("10 years", 10.0, "years", "over")]),
        # Chinese: a verb after the measure word or inside the phrase ends the counted noun
        ("全巴黎16条地铁线路有10条停运。", [("16条地铁线路", 16.0, "线路", None)]),
        ("将42种退休制度合并成一个方案。", [("42种退休制度", 42.0, "制度", None)]),
        ("对自己的另一半负责。", []),
    ],
)
def test_modifiers_sequences_periods_and_chinese_verbs(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("两家医院都没检查出问题。", [("两家医院", 2.0, "医院", None)]),
        ("近200家中资企业在此。", [("200家", 200.0, "companies", "approximately")]),
        ("左眼被塞了几十块纸片。", [("几十块纸片", 10.0, "纸片", "over")]),
        ("能塞几十张纸片吗？", [("几十张纸片", 10.0, "纸片", "over")]),
        ("七八岁小孩没有恶意。", [("七八岁", 7.0, "years of age", "approximately")]),
    ],
)
def test_chinese_establishments_several_and_neighbouring_numerals(
        text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number that names one of a series is no count
        ("See page 12 and pages 14-16 of the report.", []),
        ("Room 101 holds 30 people.", [("30 people", 30.0, "people", None)]),
        ("He boarded flight 370 with 239 passengers.", [("239 passengers", 239.0, "passengers", None)]),
        # a range is stated with both ends; "from 5 to 10" is a change
        ("Some 10-15 people left.", [("10-15 people", 10.0, "people", "approximately")]),
        ("There are between 400 and 600 breaks a year.", [("400 and 600 breaks", 400.0, "break", None)]),
        ("Stores rose from 5 to 10 stores.", [("10 stores", 10.0, "store", None)]),
        ("Temperatures fell to -5 degrees.", [("-5 degrees", -5.0, "degree", None)]),
        ("In 2000 years the site changed.", [("2000 years", 2000.0, "years", None)]),
        # Chinese: a count of things takes a measure word, a bare figure before a noun names a model
        ("一架波音737客机失事。", []),
        ("公司有3万员工，历时3个月，等了5个小时。",
         [("3万员工", 3e4, "employees", None), ("3个月", 3.0, "months", None), ("5个小时", 5.0, "hours", None)]),
        # full-width digits are digits
        ("全国有２０１９年以来的１２个城市参与。", [("１２个城市", 12.0, "cities", None)]),
    ],
)
def test_labels_ranges_models_and_full_width_digits(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


def test_a_range_of_a_count_keeps_both_ends() -> None:
    from extract_helpers import facts

    [count] = [c for c in facts("Some 10-15 people left.") if c.kind == "quantity"]
    assert count.attrs["range"] == [10.0, 15.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eloise Parry, 21, was taken to hospital.", [("21", 21.0, "years of age", None)]),
        ("In Paris, 12, and London.", []),
        ("各地降温6～12℃，局地降幅10℃以上。",
         [("6～12℃", 6.0, "degrees Celsius", None), ("10℃", 10.0, "degrees Celsius", "over")]),
        ("气温为-5℃，夜间零下3℃。", [("-5℃", -5.0, "degrees Celsius", None), ("3℃", -3.0, "degrees Celsius", None)]),
        ("距地球数千公里。", [("数千公里", 1e3, "kilometres", "over")]),
        ("工程历时3至5年。", [("3至5年", 3.0, "years", None)]),
    ],
)
def test_ages_in_apposition_temperatures_several_and_chinese_ranges(
        text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Data stopped 6 ½ minutes after launch and 2¾ hours later.",
         [("6 ½ minutes", 6.5, "minutes", None), ("2¾ hours", 2.75, "hours", None)]),
        ("身高已有1米4，桥宽2米。", [("1米4", 1.4, "metres", None), ("2米", 2.0, "metres", None)]),
    ],
)
def test_vulgar_fractions_and_metres_with_tenths(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twenty-five people died and two hundred people fled.",
         [("Twenty-five people", 25.0, "people", None), ("two hundred people", 200.0, "people", None)]),
        ("They sold two dozen eggs.", [("two dozen eggs", 24.0, "egg", None)]),
        ("It was -5°C in Moscow and about 40 °F in Ohio, 6-8°C in Rome.",
         [("-5°C", -5.0, "degrees Celsius", None), ("40 °F", 40.0, "degrees Fahrenheit", "approximately"),
          ("6-8°C", 6.0, "degrees Celsius", None)]),
        ("Highs reached 104 degrees Fahrenheit.", [("104 degrees Fahrenheit", 104.0, "degrees Fahrenheit", None)]),
    ],
)
def test_compound_number_words_and_temperatures(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found(text, "quantity") == expected


@given(st.from_regex(r"[a-z]{3,10}[bdfgklmnprty]", fullmatch=True))
def test_the_plural_of_a_word_reads_back_to_its_singular(word: str) -> None:
    """``plural`` undoes ``singular`` for every regular noun: the display of '5 level' is '5 levels', which the
    extractor would read back as the unit 'level'."""
    if is_plural(word):
        return
    assert singular(plural(word)) == singular(word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Chinese digit right after an Arabic one starts another number: never 3300 from "3000三"
        ("指数一路击穿3200、3100、3000三个关口。", []),
        ("共有1万两千人参加。", [("1万两千人", 12000.0, "people", None)]),
        # "0.09 last year" is a figure and when it was, not 0.09 years
        ("The death rate hit a low of 0.09 last year.", []),
    ],
)
def test_numbers_next_to_numbers_or_time_words_are_not_joined(text: str, expected: list) -> None:
    assert found(text, "quantity") == expected


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9999), st.sampled_from("一二两三四五六七八九"))
def test_an_arabic_number_never_swallows_the_chinese_numeral_after_it(number: int, digit: str) -> None:
    values = [c.value for c in facts(f"共击穿{number}{digit}个关口。") if c.kind == "quantity"]
    assert all(v <= 9 for v in values)  # the count of barriers, never a number made of both
