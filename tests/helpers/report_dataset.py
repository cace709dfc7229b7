"""The reports tests' fixed dataset, written through the real services; every figure is
computed by hand in the tests. The store is in Asia/Shanghai (UTC+8, no DST), the day
cut-off is 04:00, so the business day D = Monday 2026-03-02 runs from 2026-03-01 20:00Z to
2026-03-02 20:00Z.

Timeline (UTC -> Shanghai local -> business day):
  setup 2026-01-05 01:00Z: members A 张三 (sms consent), B Li Si (email consent), E, F;
        each a 365-day 年卡; B a 10次卡 for 60 days (ends 03-06 01:00Z); B +500 points.
  01-20 03:00Z  F checks in (last visit; 41 days before the end of D)
  02-01 01:00Z  A buys a 季卡 for 45 days (ends 03-18 01:00Z)
  02-10 03:00Z  E checks in (last visit; 20 days before the end of D)
  02-23 02:00Z  last week, Monday 10:00: A checks in
  02-23 03:00Z  last week: sale s0, 2 x water 350 = 700, cash
  03-01 03:00Z  previous day 11:00: B checks in
  03-01 04:00Z  previous day 12:00: sale s1, B, towel 3000, card (earns 30 points)
  03-01 17:30Z  03-02 01:30 local -> business day 03-01: sale s8, water 350, cash
  03-01 18:00Z  03-02 02:00 local -> business day 03-01: A checks in
  03-01 21:00Z  D 05:00 (UTC date still 03-01): c1 A checks in
  03-02 00:30Z  D 08:30: member C created (no entitlement)
  03-02 01:30Z  D 09:30: s2, A, 2 x towel + protein bar (x2 points) = 7200, cash 8000
  03-02 02:30Z  D 10:30: c2 B checks in
  03-02 03:00Z  D 11:00: manager refunds s1 in full (3000 back to card, 30 points reversed)
  03-02 04:00Z  D 12:00: A tops up stored value 10000 by WeChat (no bonus under ¥1000)
  03-02 04:30Z  D 12:30: s6, A, protein bar 1200 paid with stored value
  03-02 05:00Z  D 13:00: s3, towel 3000 less 10% order discount = 2700, WeChat
  03-02 06:00Z  D 14:00: c3 A checks in again (second visit the same day)
  03-02 07:00Z  D 15:00: c4 C denied (no entitlement)
  03-02 07:05Z  D 15:05: c4b C let in by the manager's override
  03-02 08:00Z  D 16:00: c6 A checks in, voided by the front desk 5 minutes later
  03-02 09:00Z  D 17:00: s7, B, towel 3000 paid 200 points (= 200 fen) + 2800 cash
  03-02 10:00Z  D 18:00: yoga class (capacity 3): A attended, B no-show
  03-02 10:30Z  manager adjusts A by -10 points
  03-02 17:30Z  03-03 01:30 local -> still D: s4, water 350, Alipay
  03-02 19:30Z  03-03 03:30 local -> still D: c5 B checks in
  03-02 20:15Z  03-03 04:15 local -> business day 03-03: s5, water 350, cash
  03-02 20:30Z  03-03 04:30 local -> business day 03-03: c7 A checks in
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.domain.permissions import Role
from desktop_app.domain.sales import Discount, SaleLine, Tender, TenderKind
from desktop_app.services.checkout import Cart
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft

D = date(2026, 3, 2)
CSV = (
    "barcode,name,price,category,points_multiplier\n"
    "690000000001,Water 矿泉水,3.50,drinks,\n"
    "690000000002,Protein bar,12,snacks,2\n"
    "690000000004,Towel 毛巾,30,goods,\n"
).encode()


def z(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@dataclass
class Dataset:
    services: object
    manager: object
    members: dict[str, str]


def _line(p, qty: int = 1) -> SaleLine:
    return SaleLine(p.name, qty, p.price, product_id=p.id, barcode=p.barcode,
                    category=p.category, points_multiplier_pct=p.points_multiplier_pct)


def build_dataset(services, admin, staff_of, clock) -> Dataset:  # noqa: PLR0915 - one timeline
    s = services
    manager, desk, cashier = (staff_of(Role.MANAGER), staff_of(Role.FRONT_DESK),
                              staff_of(Role.CASHIER))
    s.sales.catalogue.import_csv(admin, CSV)
    product = {p.barcode[-1]: p for p in s.sales.catalogue.search("69")}
    water, bar, towel = product["1"], product["2"], product["4"]

    def at(when: datetime) -> None:
        clock.set(when)

    def sale(lines, tenders, member=None, discount=None):
        cart = Cart(tuple(lines), tenders=tuple(tenders), member_id=member,
                    **({"order_discount": discount} if discount else {}))
        return s.sales.checkout.finalize_sale(cashier, cart)

    def year_pass(member: str) -> None:
        s.entitlements.sell(admin, member, EntitlementDraft(
            EntitlementKind.PERIOD, "年卡", 300000, days=365))

    def check_in(member: str, **kw):
        return s.checkin.check_in(desk, member_id=member, **kw)

    at(z(1, 5, 1))
    ids = {}
    for key, name, phone, sms, email in (("A", "张三", "13800138000", True, False),
                                         ("B", "Li Si", "13800138001", False, True),
                                         ("E", "Eve 伊芙", "13800138002", True, False),
                                         ("F", "Frank", "13800138003", False, True)):
        ids[key] = s.members.create(admin, MemberDraft(
            name=name, phone=phone, consent_sms=sms, consent_email=email)).id
        year_pass(ids[key])
    s.entitlements.sell(admin, ids["B"], EntitlementDraft(
        EntitlementKind.VISIT_PACK, "10次卡", 80000, days=60, units=10))
    s.sales.points.adjust(admin, ids["B"], 500, "welcome", date(2026, 1, 5))
    at(z(1, 20, 3))
    check_in(ids["F"])
    at(z(2, 1, 1))
    s.entitlements.sell(admin, ids["A"], EntitlementDraft(
        EntitlementKind.PERIOD, "季卡", 90000, days=45))
    at(z(2, 10, 3))
    check_in(ids["E"])

    # Last week, Monday 02-23.
    at(z(2, 23, 2))
    check_in(ids["A"])
    at(z(2, 23, 3))
    sale([_line(water, 2)], [Tender(TenderKind.CASH, 700)])

    # The previous day, 03-01.
    at(z(3, 1, 3))
    check_in(ids["B"])
    at(z(3, 1, 4))
    s1 = sale([_line(towel)], [Tender(TenderKind.CARD, 3000)], member=ids["B"])
    at(z(3, 1, 17, 30))
    sale([_line(water)], [Tender(TenderKind.CASH, 350)])
    at(z(3, 1, 18))
    check_in(ids["A"])

    # The day D, 03-02.
    at(z(3, 1, 21))
    check_in(ids["A"])
    at(z(3, 2, 0, 30))
    ids["C"] = s.members.create(admin, MemberDraft(name="王五", phone="13800138009")).id
    at(z(3, 2, 1, 30))
    s.classes.add_schedule(admin, s.classes.create_class_type(admin, "Yoga 瑜伽", 3, 60),
                           weekday=0, start=time(18, 0), valid_from=date(2026, 3, 1))
    session_id = s.classes.generate_sessions(admin, D, 1)[0]
    booking_a = s.classes.book(admin, session_id, ids["A"])
    s.classes.book(admin, session_id, ids["B"])
    sale([_line(towel, 2), _line(bar)], [Tender(TenderKind.CASH, 8000)], member=ids["A"])
    at(z(3, 2, 2, 30))
    check_in(ids["B"])
    at(z(3, 2, 3))
    s.sales.refunds.refund(manager, s1.sale_id, None, reason="changed mind")
    at(z(3, 2, 4))
    s.sales.stored_value.topup(cashier, ids["A"], 10000, TenderKind.WECHAT)
    at(z(3, 2, 4, 30))
    sale([_line(bar)], [Tender(TenderKind.STORED_VALUE, 1200)], member=ids["A"])
    at(z(3, 2, 5))
    sale([_line(towel)], [Tender(TenderKind.WECHAT, 2700)], discount=Discount(percent=10))
    at(z(3, 2, 6))
    check_in(ids["A"])
    at(z(3, 2, 7))
    assert not check_in(ids["C"]).decision.granted
    at(z(3, 2, 7, 5))
    s.checkin.check_in(manager, member_id=ids["C"], override_note="paying at the counter")
    at(z(3, 2, 8))
    voided = check_in(ids["A"])
    at(z(3, 2, 8, 5))
    s.checkin.void(desk, voided.checkin_id, "wrong member")
    at(z(3, 2, 9))
    sale([_line(towel)], [s.sales.checkout.points_tender(200), Tender(TenderKind.CASH, 2800)],
         member=ids["B"])
    at(z(3, 2, 10, 5))
    s.classes.mark_attended(admin, booking_a.id)
    at(z(3, 2, 10, 20))
    s.classes.close_checkin(admin, session_id)
    at(z(3, 2, 10, 30))
    s.sales.points.adjust(manager, ids["A"], -10, "correction", D)
    at(z(3, 2, 17, 30))
    sale([_line(water)], [Tender(TenderKind.ALIPAY, 350)])
    at(z(3, 2, 19, 30))
    check_in(ids["B"])
    at(z(3, 2, 20, 15))
    sale([_line(water)], [Tender(TenderKind.CASH, 350)])
    at(z(3, 2, 20, 30))
    check_in(ids["A"])
    at(z(3, 3, 9))  # the manager looks the next morning
    return Dataset(s, manager, ids)
