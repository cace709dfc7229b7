"""Shifts: open with a float (`sale.create`), X report at any time, close with the counted
money per tender (`shift.close`) producing the Z report. Reports are receipt documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from desktop_app.devices.receipts.templates import data as receipt
from desktop_app.domain.errors import Conflict, NotFound
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.domain.sales import TenderKind
from desktop_app.domain.shifts import ShiftSummary, summarise, validate_float
from desktop_app.services.base import Service
from desktop_app.services.checkout_receipts import shift_report_data
from desktop_app.store.checkout_models import Shift
from desktop_app.store.sales import next_number, open_shift, shift_facts
from desktop_app.store.state import device_id


@dataclass(frozen=True, slots=True)
class ShiftInfo:
    id: str
    number: str
    opening_float: int
    open: bool


@dataclass(frozen=True, slots=True)
class ShiftReportResult:
    summary: ShiftSummary
    receipt: receipt.ShiftReport


class ShiftService(Service):
    def current(self) -> ShiftInfo | None:
        with self._db.read() as session:
            shift = open_shift(session)
            return ShiftInfo(shift.id, shift.number, shift.opening_float, True) if shift else None

    def open(self, actor: Actor, opening_float: int) -> ShiftInfo:
        validate_float(opening_float)
        with self._authorised(actor, Permission.SALE_CREATE) as uow:
            if open_shift(uow.session) is not None:
                raise Conflict("a shift is already open on this desk")
            shift = Shift(
                number=next_number(uow.session, "Z"),
                device_id=device_id(uow.session),
                opened_by_id=actor.staff_id,
                opened_by_name=actor.name,
                opened_at=uow.now,
                opening_float=opening_float,
            )
            uow.stamp_new(shift, new_id())
            uow.session.add(shift)
            uow.op(
                "shift.open.v1",
                {"id": shift.id, "number": shift.number, "opening_float": opening_float},
            )
            return ShiftInfo(shift.id, shift.number, opening_float, True)

    def x_report(self, actor: Actor) -> ShiftReportResult:
        with self._authorised(actor, Permission.SALE_CREATE) as uow:
            shift = open_shift(uow.session)
            if shift is None:
                raise NotFound("no open shift")
            summary = summarise(shift.opening_float, *shift_facts(uow.session, shift.id))
            return ShiftReportResult(summary, shift_report_data(shift, summary, uow.now, False))

    def close(
        self, actor: Actor, counted: Mapping[TenderKind, int], approver: Actor | None = None
    ) -> ShiftReportResult:
        with self._authorised(actor, Permission.SHIFT_CLOSE, approver) as uow:
            shift = open_shift(uow.session)
            if shift is None:
                raise NotFound("no open shift")
            summary = summarise(
                shift.opening_float, *shift_facts(uow.session, shift.id), counted=counted
            )
            shift.closed_at, shift.closed_by_id = uow.now, actor.staff_id
            shift.counted = {k.value: v for k, v in counted.items()}
            shift.summary = _wire(summary)
            uow.stamp_changed(shift)
            op = uow.op(
                "shift.close.v1",
                {
                    "id": shift.id,
                    "number": shift.number,
                    "counted": shift.counted,
                    "summary": shift.summary,
                },
            )
            uow.audit(
                "shift.close",
                entity="shift",
                entity_id=shift.id,
                details={"number": shift.number, "over_short": summary.over_short},
                op=op,
            )
            return ShiftReportResult(summary, shift_report_data(shift, summary, uow.now, True))


def _wire(summary: ShiftSummary) -> dict[str, object]:
    data = asdict(summary)
    data["tenders"] = [{**t, "kind": str(t["kind"])} for t in data["tenders"]]
    return data
