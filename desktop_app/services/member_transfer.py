"""Member import and export (CSV).

Import: UTF-8 or GB18030, columns mapped by header (or by staff), every row checked; a dry
run reports each bad row with its line and reason and what the import would do. The real
import writes every good row in ONE transaction (a cancel, a crash or an error leaves
nothing behind), keyed by member number (rows without one by phone), so importing the same
file again changes nothing. Only the mapped columns are written: a file without an email
column does not erase emails.

Export: every member (merged ones excepted) in the import's columns, audited.
"""

from __future__ import annotations

import csv
import hashlib
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.codes import CARD_CODE_LENGTH, card_code_from_int
from desktop_app.domain.errors import DomainError
from desktop_app.domain.ids import new_id
from desktop_app.domain.member_import import (
    FIELDS,
    ImportRow,
    RowProblem,
    decode,
    export_cells,
    read_rows,
    resolve_mapping,
)
from desktop_app.domain.permissions import Actor, Permission, authorise
from desktop_app.services.base import Service
from desktop_app.store.member_bulk import (
    Existing,
    NewMember,
    add_tags,
    advance_member_counter,
    card_codes_in_use,
    export_rows,
    insert_members,
    members_by_number,
    members_by_phone,
    tag_ids,
    tags_of,
)
from desktop_app.store.members import next_member_number, save_member
from desktop_app.store.models import Member
from desktop_app.store.uow import UnitOfWork

Progress = Callable[[int, int], None]  # (rows done, rows in the file)
Cancel = Callable[[], bool]
OP_BATCH = 200  # new members per member.import.v1 op (well under the push size limit)
CHUNK = 1_000  # rows between progress reports and cancel checks
SIMPLE = ("name", "phone", "email", "birthday", "gender", "notes", "consent_sms",
          "consent_email")


class ImportCancelled(DomainError):
    code = "import_cancelled"


@dataclass(frozen=True, slots=True)
class ImportReport:
    encoding: str
    rows: int  # data rows in the file
    created: int
    updated: int
    unchanged: int
    problems: tuple[RowProblem, ...]
    dry_run: bool
    columns: dict[str, str] = field(default_factory=dict)  # field -> header used


@dataclass(slots=True)
class _Plan:
    creates: list[ImportRow] = field(default_factory=list)
    updates: list[tuple[ImportRow, Existing, dict[str, Any], set[str]]] = field(
        default_factory=list)
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def _card_code() -> str:
    """A random card code as new_card_code makes them (first digit 1-9, Luhn), from one
    random draw instead of fifteen: a hundred thousand of them in an import."""
    return card_code_from_int(secrets.randbelow(9 * 10 ** (CARD_CODE_LENGTH - 2)))


def _wire(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


class MemberTransferService(Service):
    def import_members(
        self,
        actor: Actor,
        source: bytes | Path,
        *,
        mapping: Mapping[str, str] | None = None,
        encoding: str | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> ImportReport:
        """Import (or with `dry_run`, only check) a member CSV. Needs member.create and
        member.edit. Raises ImportCancelled, with nothing written, when `cancel` says so."""
        authorise(actor, Permission.MEMBER_EDIT)
        data = source.read_bytes() if isinstance(source, Path) else source
        text, used = decode(data, encoding)
        headers, checked = read_rows(text, mapping)
        columns = resolve_mapping(headers, mapping)
        present = frozenset(columns)
        rows: list[ImportRow] = []
        problems: list[RowProblem] = []
        for item in checked:
            (rows if isinstance(item, ImportRow) else problems).append(item)  # type: ignore[arg-type]
        total = len(rows) + len(problems)
        named = {f: headers[i] for f, i in columns.items()}
        if dry_run:
            with self._db.read() as session:
                plan = self._plan(session, rows, present)
            return self._report(used, total, plan, problems, True, named)
        with self._authorised(actor, Permission.MEMBER_CREATE) as uow:
            plan = self._plan(uow.session, rows, present)
            self._apply(uow, plan, present, total, progress, cancel)
            report = self._report(used, total, plan, problems, False, named)
            uow.audit("member.import", entity="member", details={
                "sha256": hashlib.sha256(data).hexdigest(), "encoding": used, "rows": total,
                "created": report.created, "updated": report.updated,
                "unchanged": report.unchanged, "bad_rows": len(report.problems)})
            return report

    @staticmethod
    def _report(encoding: str, total: int, plan: _Plan, problems: list[RowProblem],
                dry_run: bool, columns: dict[str, str]) -> ImportReport:
        every = sorted(problems + plan.problems, key=lambda p: p.line)
        return ImportReport(encoding, total, len(plan.creates), len(plan.updates),
                            plan.unchanged, tuple(every), dry_run, columns)

    def _plan(self, session: Any, rows: Sequence[ImportRow], present: frozenset[str]) -> _Plan:
        """Which rows create, update or leave a member as it is; the rows the database
        refuses (a card code in use, a merged member's number) become problems."""
        plan = _Plan()
        by_number = members_by_number(session, [r.number for r in rows if r.number])
        by_phone = members_by_phone(session, [r.phone for r in rows
                                              if not r.number and r.phone])
        known = {id(r): by_number.get(r.number) if r.number else by_phone.get(r.phone or "")
                 for r in rows}
        matched = [m for m in known.values() if m is not None]
        tags = tags_of(session, [m.id for m in matched]) if "tags" in present else {}
        new_cards = [r.card_code for r in rows if r.card_code and known[id(r)] is None]
        in_use = card_codes_in_use(session, new_cards)
        first_card: dict[str, int] = {}
        for row in rows:
            member = known[id(row)]
            if member is None:
                if row.card_code and row.card_code in in_use:
                    plan.problems.append(RowProblem(row.line, "card_in_use", "card_code"))
                elif row.card_code and row.card_code in first_card:
                    plan.problems.append(RowProblem(row.line, "duplicate_card", "card_code",
                                                    f"same as line {first_card[row.card_code]}"))
                else:
                    if row.card_code:
                        first_card[row.card_code] = row.line
                    plan.creates.append(row)
                continue
            if member.merged_into_id is not None:
                plan.problems.append(RowProblem(row.line, "merged_member", "number",
                                                "this member was merged into another"))
                continue
            changes = {f: getattr(row, f) for f in SIMPLE
                       if f in present and getattr(row, f) != getattr(member, f)}
            missing = set(row.tags) - tags.get(member.id, set())
            if changes or missing:
                plan.updates.append((row, member, changes, missing))
            else:
                plan.unchanged += 1
        return plan

    def _apply(self, uow: UnitOfWork, plan: _Plan, present: frozenset[str], total: int,
               progress: Progress | None, cancel: Cancel | None) -> None:
        done = plan.unchanged

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if cancel is not None and cancel():
                raise ImportCancelled("import cancelled; nothing was written")
            if progress is not None:
                progress(min(done, total), total)

        tick(0)
        for i in range(0, len(plan.updates), CHUNK):
            for _row, member, changes, missing in plan.updates[i : i + CHUNK]:
                self._update(uow, member, changes, missing)
            tick(len(plan.updates[i : i + CHUNK]))
        advance_member_counter(uow.session, (r.number for r in plan.creates if r.number))
        for i in range(0, len(plan.creates), CHUNK):
            batch = [NewMember(
                id=new_id(), number=r.number or next_member_number(uow.session), name=r.name,
                phone=r.phone, email=r.email, birthday=r.birthday, gender=r.gender,
                notes=r.notes, consent_sms=r.consent_sms, consent_email=r.consent_email,
                card_id=new_id(), card_code=r.card_code or _card_code(), tags=r.tags)
                for r in plan.creates[i : i + CHUNK]]
            insert_members(uow.session, batch, uow.now)
            for j in range(0, len(batch), OP_BATCH):
                uow.op("member.import.v1", {"members": [
                    {"id": m.id, "number": m.number, "card_id": m.card_id,
                     "card_code": m.card_code, "name": m.name, "phone": m.phone,
                     "email": m.email, "birthday": _wire(m.birthday), "gender": m.gender,
                     "notes": m.notes, "consent_sms": m.consent_sms,
                     "consent_email": m.consent_email, "tags": list(m.tags)}
                    for m in batch[j : j + OP_BATCH]]})
            tick(len(batch))

    @staticmethod
    def _update(uow: UnitOfWork, existing: Existing, changes: dict[str, Any],
                missing: set[str]) -> None:
        member = uow.session.get(Member, existing.id)
        assert member is not None  # read in this same transaction
        for key, value in changes.items():
            setattr(member, key, value)
            if key in ("consent_sms", "consent_email"):
                setattr(member, f"{key}_at", uow.now if value else None)
        if changes:
            uow.stamp_changed(member)
            save_member(uow.session, member)
        if missing:
            ids = tag_ids(uow.session, missing, uow.now)
            add_tags(uow.session, ((member.id, ids[t]) for t in missing))
        fields = {k: _wire(v) for k, v in changes.items()}
        if missing:
            fields["tags_added"] = sorted(missing)
        uow.op("member.patch.v1", {"id": member.id, "fields": fields})

    def export_members(self, actor: Actor, path: Path, encoding: str = "utf-8-sig") -> int:
        """Write every member to `path` as CSV (UTF-8 with a byte-order mark by default, so
        spreadsheets read Chinese correctly; "gb18030" for old ones). Audited; returns the
        number of members written. Written to a side file, renamed when complete."""
        authority = authorise(actor, Permission.MEMBER_EXPORT)
        partial = path.with_name(path.name + ".partial")
        count = 0
        try:
            # Read in a snapshot, not under the write lock: a big export must not hold up
            # check-ins; the audit entry is written once the file is complete.
            with self._db.read() as session, partial.open(
                "w", encoding=encoding, newline=""
            ) as out:
                writer = csv.writer(out)
                writer.writerow(FIELDS)
                for row in export_rows(session):
                    writer.writerow(export_cells(row))
                    count += 1
            with self._unit(authority) as uow:
                uow.audit("member.export", entity="member",
                          details={"members": count, "file": path.name, "encoding": encoding})
                partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
        return count
