"""Fixed reference data of the demo database: stores, tiers, tags, staff, name lists and the
products members hold. Kept apart from the generator so a reader can see at a glance what a
demo store looks like."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.domain.permissions import Role


@dataclass(frozen=True, slots=True)
class DemoStore:
    code: str
    name: str
    share: float  # fraction of members whose home store this is


STORES = (
    DemoStore("SH01", "活力健身 静安店", 0.65),
    DemoStore("SH02", "活力健身 徐汇店", 0.35),
)
STORE_TIMEZONE = "Asia/Shanghai"
STORE_ADDRESS = "上海市静安区南京西路 1266 号 3 楼"


@dataclass(frozen=True, slots=True)
class DemoTier:
    code: str
    name: str
    rank: int
    points_multiplier_pct: int
    discount_pct: int
    birthday_bonus_points: int
    threshold_minor: int  # qualifying spend in a rolling 12 months, in fen
    share: float


TIERS = (
    DemoTier("STD", "普通会员", 0, 100, 0, 0, 0, 0.60),
    DemoTier("SILVER", "银卡会员", 1, 120, 5, 100, 200_000, 0.25),
    DemoTier("GOLD", "金卡会员", 2, 150, 8, 300, 800_000, 0.11),
    DemoTier("DIAMOND", "钻石会员", 3, 200, 12, 800, 2_000_000, 0.04),
)

TAGS = (
    "新会员",
    "老客户",
    "VIP",
    "学生",
    "教练推荐",
    "晨练",
    "夜跑族",
    "团课爱好者",
    "私教意向",
    "会员日常客",
    "流失风险",
    "企业客户",
    "家庭卡",
    "美团",
    "大众点评",
    "转介绍",
    "孕期",
    "康复训练",
    "瑜伽",
    "游泳",
)


@dataclass(frozen=True, slots=True)
class DemoStaff:
    code: str
    pin: str
    name: str
    role: Role


# Documented in docs/demo-data.md: anyone trying the demo signs in with these.
STAFF = (
    DemoStaff("admin", "1111", "陈店长", Role.ADMIN),
    DemoStaff("manager", "2222", "王经理", Role.MANAGER),
    DemoStaff("desk", "3333", "李前台", Role.FRONT_DESK),
    DemoStaff("cashier", "4444", "赵收银", Role.CASHIER),
)


@dataclass(frozen=True, slots=True)
class Product:
    """Something a member can hold: the entitlement's name, kind, length and price."""

    name: str
    kind: EntitlementKind
    days: int  # validity from the start; 0 means open-ended (stored value)
    units: int | None  # counted kinds only
    price_minor: int
    weight: int  # how often it is sold, relative to the others of its kind


K = EntitlementKind
PRODUCTS = (
    Product("月卡", K.PERIOD, 30, None, 39_900, 30),
    Product("季卡", K.PERIOD, 91, None, 99_900, 25),
    Product("半年卡", K.PERIOD, 182, None, 179_900, 15),
    Product("年卡", K.PERIOD, 365, None, 299_900, 30),
    Product("10次卡", K.VISIT_PACK, 180, 10, 80_000, 60),
    Product("20次卡", K.VISIT_PACK, 365, 20, 150_000, 40),
    Product("单日体验券", K.DAY_PASS, 30, 1, 6_000, 60),
    Product("10日通", K.DAY_PASS, 120, 10, 50_000, 40),
    Product("团课10节", K.CLASS_CREDITS, 120, 10, 120_000, 60),
    Product("私教课20节", K.CLASS_CREDITS, 365, 20, 560_000, 40),
    Product("储值卡 ¥1000", K.STORED_VALUE, 0, None, 100_000, 60),
    Product("储值卡 ¥3000 (两年有效)", K.STORED_VALUE, 730, None, 300_000, 40),
)

OFF_PEAK = ("06:00", "14:00")  # access hours of an off-peak card, store local time


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """ "王:wang 李:li" -> (("王", "wang"), ("李", "li")): long lists stay readable as prose."""
    return tuple((a, b) for a, b in (item.split(":") for item in text.split()))


# Common surnames with their pinyin (kept here so generation needs no pinyin library), roughly
# by frequency: the weights make 王/李/张 dominate as they do in real member lists.
SURNAMES = _pairs(
    """
    王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu
    孙:sun 马:ma 朱:zhu 胡:hu 郭:guo 何:he 高:gao 林:lin 罗:luo 郑:zheng 梁:liang 谢:xie
    宋:song 唐:tang 许:xu 韩:han 冯:feng 邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 田:tian
    董:dong 袁:yuan 潘:pan 蒋:jiang 蔡:cai 余:yu 杜:du 叶:ye 程:cheng 苏:su 魏:wei 吕:lv
    丁:ding 沈:shen 姚:yao 陆:lu 欧阳:ouyang 司马:sima 上官:shangguan
    """
)
SURNAME_WEIGHTS = tuple(max(60 - 3 * i, 4) if i < 50 else 1 for i in range(len(SURNAMES)))

GIVEN = _pairs(
    """
    伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan
    杰:jie 娟:juan 涛:tao 明:ming 超:chao 秀:xiu 霞:xia 平:ping 刚:gang 英:ying 华:hua
    玉:yu 红:hong 文:wen 辉:hui 建:jian 国:guo 晨:chen 子:zi 涵:han 浩:hao 宇:yu 轩:xuan
    欣:xin 怡:yi 梓:zi 萱:xuan 诗:shi 雨:yu 博:bo 思:si 嘉:jia 俊:jun 婷:ting 雪:xue
    琳:lin 鹏:peng 飞:fei 斌:bin 波:bo 宁:ning 蕾:lei 瑶:yao 佳:jia 一:yi 然:ran 梦:meng
    琪:qi 凯:kai 昊:hao 三:san 四:si 五:wu
    """
)

LATIN_FIRST = _words(
    """
    Emma Olivia Sophia Mia Amelia Charlotte Chloé Léa Sofía Anna Hannah Yuki Sakura Priya
    Ananya Fatima Olga Ingrid Liam Noah Oliver James Lucas Ethan Mateo José Jürgen Björn
    Hiroshi Kenji Arjun Mohammed Dmitri Luca Pierre Tom David Michael Kevin Jenny Tony Vivian
    Eric Grace Jason
    """
)
LATIN_LAST = _words(
    """
    Smith Johnson Williams Brown Jones Miller Davis García Rodríguez Martínez Müller Schmidt
    Dubois Lefèvre Rossi Bianchi Tanaka Suzuki Sato Kim Park Nguyen Patel Sharma Ivanov
    O'Brien MacDonald Andersson Nielsen Kowalski Wang Chen Lee Wong Chan Lim
    """
)

# Names that test a screen's edges: emoji, joiners, a middle dot, and very long names.
UNUSUAL_NAMES = (
    "小美🌸",
    "阿杰💪",
    "Jenny 🏋️\u200d♀️ Wu",
    "👨\u200d👩\u200d👧 王家",
    "迪丽热巴·迪力木拉提",
    "阿卜杜热合曼·买买提依明",
    "扎西顿珠",
    "Maximilian Alexander Friedrich von Hohenberg-Schwarzenfeld zu Wittelsbach",
    "María de los Ángeles Fernández de la Torre y Sánchez-Villalobos",
    "欧阳娜娜（会员卡由母亲代管，请核对身份证后再办理任何业务）",
)

# Real mainland mobile prefixes (China Mobile, Unicom, Telecom).
MAINLAND_PREFIXES = _words(
    """
    134 135 136 137 138 139 147 150 151 152 157 158 159 178 182 183 187 188 198 130 131 132
    155 156 166 175 176 185 186 133 153 173 177 180 181 189 191 199
    """
)
EMAIL_DOMAINS = _words(
    "qq.com 163.com 126.com foxmail.com sina.com gmail.com outlook.com icloud.com hotmail.com"
)
NOTES = (
    "膝盖旧伤，避免深蹲类动作",
    "偏好早上 7 点前训练",
    "已办理储物柜 A-12",
    "对乳胶过敏",
    "Prefers English-speaking coaches",
    "公司团购会员，发票抬头见合同",
)
FLAGGED_NOTES = (
    "上次续费的款项未到账，入场时请提醒",
    "曾与其他会员发生争执，请经理留意",
)
HOLD_REASONS = ("出差", "怀孕", "受伤康复", "回老家过年", "Travelling abroad", "手术后休养")
