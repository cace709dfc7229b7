"""The Front desk page (F1): scan or look up a member, see the verdict, hear it.

Keyboard only: a scan (wedge or camera) or Enter in the search box checks in; Down moves into
the search results and Enter checks that member in; Ctrl+O overrides a deny (with a note);
Ctrl+D voids the selected check-in of today's list; Esc clears. Every database call goes
through the task runner; the page only shows what the check-in service decided.

When more than one entitlement would let the member in, the attempt waits a few seconds
before it is recorded (DOMAIN.md: "the screen shows which one will be used; staff can switch
before confirming"): the panel lists them, Ctrl+1..Ctrl+9 picks one and Ctrl+E cycles, Enter
(or Esc, the next scan, leaving the page, or the timer) confirms. Nothing is consumed before
the confirmation; an attempt is never dropped. F1-F6 stay the page keys.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checkin import Reason, Verdict
from desktop_app.domain.permissions import Actor
from desktop_app.qt.pages.base import DeskContext, Page
from desktop_app.qt.widgets.verdict_panel import DoorSound, VerdictPanel
from desktop_app.services.checkin import CheckinLine, CheckinResult

# A typed entry that looks like a scanned code (card codes, member numbers) is checked in
# directly; anything else is a search.
MIN_CODE_LEN = 8
# How long a check-in with a choice of entitlement waits for staff before it is recorded.
CHOICE_MS = 4000


class FrontDeskPage(Page):
    member_checked_in = Signal(object)
    """A check-in attempt was recorded (the CheckinResult), whatever the verdict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sound = DoorSound(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        layout.addWidget(self.heading)
        self.search = QLineEdit(self)
        self.search.setObjectName("frontDeskSearch")
        self.search.returnPressed.connect(self._entered)
        self.search.textEdited.connect(self._typed)
        layout.addWidget(self.search)
        self.hits = QListWidget(self)
        self.hits.setMaximumHeight(120)
        self.hits.hide()
        self.hits.itemActivated.connect(self._hit_chosen)
        layout.addWidget(self.hits)
        self.panel = VerdictPanel(self)
        layout.addWidget(self.panel)
        self.hint = QLabel(self)
        self.hint.setObjectName("frontDeskHint")
        self.hint.setWordWrap(True)  # one line of every key would set the window's width
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        self.today_label = QLabel(self)
        row.addWidget(self.today_label)
        row.addStretch(1)
        layout.addLayout(row)
        self.today = QTableWidget(0, 4, self)
        self.today.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.today.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.today.verticalHeader().hide()
        self.today.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.today, 1)
        self._lines: list[CheckinLine] = []
        self._tz: ZoneInfo | None = None  # the store's, once the settings are read
        for col, width in enumerate((80, 220, 170)):
            self.today.setColumnWidth(col, width)
        QShortcut(QKeySequence("Ctrl+O"), self, self.override_last)
        QShortcut(QKeySequence("Ctrl+D"), self, self.void_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._clear)
        QShortcut(QKeySequence("Ctrl+E"), self, self.switch_next)
        for n in range(1, 10):
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, lambda n=n: self.choose(n))
        # A check-in waiting for the choice of entitlement (not recorded yet).
        self._pending: CheckinResult | None = None
        self._pending_code: str | None = None
        self._chosen: str | None = None
        self._attempt = 0  # bumps on every new attempt; stale previews are dropped
        self.choice_timer = QTimer(self)
        self.choice_timer.setSingleShot(True)
        self.choice_timer.setInterval(CHOICE_MS)
        self.choice_timer.timeout.connect(self.confirm_pending)
        self.search.installEventFilter(self)
        self.retranslate()

    # -- Page ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Front desk")

    def attach(self, context: DeskContext) -> None:
        super().attach(context)
        if getattr(context.services, "checkin", None) is None:
            # A services bundle without this feature (the shell's widget-test fakes): the
            # page stays empty rather than failing the whole desk.
            return
        context.runner.submit(context.services.settings.current, on_result=self._got_settings)
        self.refresh_today()

    def _got_settings(self, settings: object) -> None:
        self._tz = ZoneInfo(getattr(settings, "timezone", "Asia/Shanghai"))
        self._fill_today()

    def handle_scan(self, code: str) -> bool:
        self.check_in(code=code)
        return True

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.search.setPlaceholderText(
            self.tr("Scan a card, or type a member number, phone, or name, then Enter"))
        self.hint.setText(self.tr("Enter: check in · Ctrl+O: override a deny · "
                                  "Ctrl+D: void the selected check-in · "
                                  "Ctrl+E: switch entitlement · Esc: clear"))
        self.today_label.setText(self.tr("Today's check-ins"))
        self.today.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Member"), self.tr("Verdict"), self.tr("Reasons")])
        if self.panel.result is not None:
            self.panel.show_result(self.panel.result, self.reason_texts())
        else:
            self.panel.clear()
        self._fill_today()

    def reason_texts(self) -> dict[Reason, str]:
        return {
            Reason.UNKNOWN_CODE: self.tr("Unknown code"),
            Reason.REVOKED_CARD: self.tr("This card was revoked"),
            Reason.ARCHIVED_MEMBER: self.tr("Member is archived"),
            Reason.NO_ENTITLEMENT: self.tr("No valid membership or pass"),
            Reason.EXPIRED: self.tr("Expired"),
            Reason.GRACE: self.tr("Expired recently (grace period)"),
            Reason.ON_HOLD: self.tr("On hold"),
            Reason.BLOCKED: self.tr("Blocked (unpaid or by a manager)"),
            Reason.NO_UNITS_LEFT: self.tr("No visits left"),
            Reason.OUTSIDE_ACCESS_HOURS: self.tr("Outside this card's access hours"),
            Reason.RECENT_CHECKIN: self.tr("Already checked in recently (nothing used)"),
            Reason.PHOTO_MISSING: self.tr("No photo on file"),
            Reason.EXPIRING_SOON: self.tr("Expiring soon"),
            Reason.BIRTHDAY: self.tr("Birthday today!"),
            Reason.NOTE_FLAGGED: self.tr("See the member's note"),
        }

    # -- actions -------------------------------------------------------------------------
    def check_in(self, *, code: str | None = None, member_id: str | None = None,
                 override_note: str | None = None) -> None:
        """A new attempt: recorded at once, or held while staff may switch entitlement."""
        self.confirm_pending()
        self._pending_code = code
        self._submit(code, member_id, override_note=override_note, chosen=None,
                     hold=override_note is None, quiet=False)

    def _submit(self, code: str | None, member_id: str | None, *, override_note: str | None,
                chosen: str | None, hold: bool, quiet: bool) -> None:
        ctx, actor = self.context, self._actor()
        if ctx is None or actor is None:
            return
        self._attempt += 1
        attempt = self._attempt

        def check_in() -> tuple[CheckinResult, QImage | None]:
            result = ctx.services.checkin.check_in(
                actor, code=code, member_id=member_id, desk_id="desk",
                override_note=override_note, chosen_entitlement_id=chosen,
                hold_for_choice=hold)
            if quiet:  # a switch or confirm for the member on screen: their photo is shown
                return result, None
            # The photo is read here too: a file read never runs on the GUI thread.
            photo = ctx.services.members.photos.read(result.photo_path)
            return result, (QImage.fromData(photo) if photo else None)

        ctx.runner.submit(check_in, on_result=lambda shown: self._show(
            *shown, quiet=quiet, attempt=attempt))

    # -- the choice of entitlement ---------------------------------------------------------
    @property
    def pending(self) -> CheckinResult | None:
        """The check-in waiting for confirmation, if any."""
        return self._pending

    def choose(self, number: int) -> None:
        """Switch the waiting check-in to its `number`-th usable entitlement (1-based)."""
        p = self._pending
        if p is None:
            return
        options = p.usable_options()
        if not 1 <= number <= len(options):
            return
        self._chosen = options[number - 1].entitlement_id
        self.choice_timer.stop()
        self._submit(self._pending_code, None if self._pending_code else p.decision.member_id,
                     override_note=None, chosen=self._chosen, hold=True, quiet=True)

    def switch_next(self) -> None:
        p = self._pending
        if p is None:
            return
        ids = [o.entitlement_id for o in p.usable_options()]
        current = ids.index(self._chosen) if self._chosen in ids else -1
        self.choose((current + 1) % len(ids) + 1)

    def confirm_pending(self) -> None:
        """Record the waiting check-in on the entitlement shown (or last chosen)."""
        p = self._pending
        if p is None:
            return
        self._pending = None
        self.choice_timer.stop()
        code = self._pending_code
        self._submit(code, None if code else p.decision.member_id, override_note=None,
                     chosen=self._chosen or p.decision.entitlement_id, hold=False, quiet=True)

    def override_last(self) -> None:
        result = self.panel.result
        if result is None or result.decision.verdict is not Verdict.DENY or \
                result.decision.member_id is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Override"),
                                        self.tr("Why is this member let in?"))
        if ok and note.strip():
            self.check_in(member_id=result.decision.member_id, override_note=note.strip())

    def void_selected(self) -> None:
        row = self.today.currentRow()
        ctx, actor = self.context, self._actor()
        if ctx is None or actor is None or not 0 <= row < len(self._lines):
            return
        line = self._lines[row]
        if line.voided:
            return
        ctx.runner.submit(lambda: ctx.services.checkin.void(actor, line.checkin_id,
                                                            "voided at the desk"),
                          on_result=lambda _: self.refresh_today())

    def refresh_today(self) -> None:
        ctx = self.context
        if ctx is not None:
            ctx.runner.submit(ctx.services.checkin.today, on_result=self._got_today)

    # -- slots ---------------------------------------------------------------------------
    def _entered(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.confirm_pending()
            return
        if self.hits.isVisible() and self.hits.count():
            self._hit_chosen(self.hits.item(0))
        elif len(text) >= MIN_CODE_LEN and " " not in text:
            self.search.clear()
            self.check_in(code=text)

    def _typed(self, text: str) -> None:
        ctx, actor = self.context, self._actor()
        text = text.strip()
        if ctx is None or actor is None or len(text) < 2:
            self.hits.hide()
            return
        ctx.runner.submit(lambda: ctx.services.lookup.search(actor, text, 8),
                          on_result=self._got_hits, latest_key="front-desk-search")

    def _got_hits(self, hits: list) -> None:
        self.hits.clear()
        for h in hits:
            item = QListWidgetItem(f"{h.name}  ·  {h.number}  ·  {h.phone or ''}")
            item.setData(Qt.ItemDataRole.UserRole, h.member_id)
            self.hits.addItem(item)
        self.hits.setVisible(bool(hits))
        if hits:
            self.hits.setCurrentRow(0)

    def _hit_chosen(self, item: QListWidgetItem) -> None:
        member_id = item.data(Qt.ItemDataRole.UserRole)
        self.search.clear()
        self.hits.hide()
        self.check_in(member_id=member_id)

    def _show(self, result: CheckinResult, photo: QImage | None, *, quiet: bool = False,
              attempt: int = 0) -> None:
        if result.pending:
            if attempt != self._attempt:
                return  # overtaken: confirmed meanwhile, or a newer attempt was made
            self._pending = result
            self._chosen = result.decision.entitlement_id
            self.choice_timer.start()
        if not quiet:
            self.panel.set_photo(photo)
        self.panel.show_result(result, self.reason_texts())
        if not quiet:
            self.sound.play(result.decision.sound, result.decision.verdict.label)
        if not result.pending:
            self.member_checked_in.emit(result)
            self.refresh_today()

    def _got_today(self, lines: list[CheckinLine]) -> None:
        self._lines = lines
        self._fill_today()

    def _fill_today(self) -> None:
        names = {"allow": self.tr("Allowed"), "warn": self.tr("Warning"),
                 "deny": self.tr("Denied")}
        texts = self.reason_texts()
        self.today.setRowCount(len(self._lines))
        for i, line in enumerate(self._lines):
            verdict = names.get(line.verdict, line.verdict)
            if line.overridden:
                verdict = self.tr("Override")
            if line.voided:
                verdict += " · " + self.tr("voided")
            reasons = ", ".join(texts.get(Reason(r), r) for r in line.reasons)
            cells = (line.at.astimezone(self._tz).strftime("%H:%M"),
                     line.member_name or self.tr("(unknown)"), verdict, reasons)
            for col, text in enumerate(cells):
                self.today.setItem(i, col, QTableWidgetItem(text))

    def _clear(self) -> None:
        if self._pending is not None:
            self.confirm_pending()  # Esc never drops an attempt: it confirms it now
            return
        self.search.clear()
        self.hits.hide()
        self.panel.clear()

    def hideEvent(self, event: object) -> None:  # noqa: N802
        self.confirm_pending()
        super().hideEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, obj: object, event: object) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        if obj is self.search and isinstance(event, QKeyEvent) and \
                event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down \
                and self.hits.isVisible():
            self.hits.setFocus()
            return True
        return super().eventFilter(obj, event)  # type: ignore[arg-type]

    def _actor(self) -> Actor | None:
        return self.context.current_actor() if self.context else None
