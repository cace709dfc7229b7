"""What the Settings page and the wizard call each setting, in the operator's language.

The settings themselves (type, default, one-line help) are declared once in the domain:
``StoreSettings`` for the store's rules (in the database, audited) and ``DeviceSettings``
for this machine's printer, scanner and camera (a JSON file). The help there is English
source text; it is repeated here, marked for translation, and a test checks the two stay
word for word the same, so a new setting without a row here fails the build.

``FIXED_RULES`` are the numbers DOMAIN.md and SYNC.md name that the code does not let a
store change yet: they are shown, read-only, with their value, so nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.bookings import ClassRules
from desktop_app.domain.checkin import CheckinPolicies
from desktop_app.domain.holds import HoldRules, LifecycleRules
from desktop_app.domain.points import PointsPolicy
from desktop_app.sync.protocol import MAX_PUSH_BYTES, MAX_PUSH_OPS

CONTEXT = "Setting"  # lupdate needs it spelled out in each QT_TRANSLATE_NOOP


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks ``text`` for lupdate (context spelled out in each call); translated when shown."""
    return text


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# key -> (label, help); the help is the domain's, word for word.
STORE_TEXTS: dict[str, tuple[str, str]] = {
    "store_name": (QT_TRANSLATE_NOOP("Setting", "Store name"),
                   QT_TRANSLATE_NOOP("Setting", "Shown on receipts and the window title.")),
    "store_address": (QT_TRANSLATE_NOOP("Setting", "Address"),
                      QT_TRANSLATE_NOOP("Setting", "Printed under the store name on receipts.")),
    "currency": (QT_TRANSLATE_NOOP("Setting", "Currency"),
                 QT_TRANSLATE_NOOP("Setting", "ISO code of the store's currency.")),
    "timezone": (QT_TRANSLATE_NOOP("Setting", "Time zone"),
                 QT_TRANSLATE_NOOP("Setting", "The store's time zone; business days follow it.")),
    "day_cutoff": (QT_TRANSLATE_NOOP("Setting", "Business day starts at"),
                   QT_TRANSLATE_NOOP("Setting", "A sale before this local time belongs to the "
                                              "previous day.")),
    "idle_lock_minutes": (QT_TRANSLATE_NOOP("Setting", "Lock after idle (minutes)"),
                          QT_TRANSLATE_NOOP("Setting", "The desk locks after this many idle "
                                                     "minutes.")),
    "pin_attempts": (QT_TRANSLATE_NOOP("Setting", "Wrong PINs before lock-out"),
                     QT_TRANSLATE_NOOP("Setting", "Wrong PINs in a row before a staff code is "
                                                "locked.")),
    "pin_lock_minutes": (QT_TRANSLATE_NOOP("Setting", "Lock-out (minutes)"),
                         QT_TRANSLATE_NOOP("Setting", "How long a staff code stays locked.")),
    "cashier_discount_pct": (QT_TRANSLATE_NOOP("Setting", "Cashier discount limit (%)"),
                             QT_TRANSLATE_NOOP("Setting", "Largest discount a cashier may give "
                                                        "on their own.")),
    "expiring_days": (QT_TRANSLATE_NOOP("Setting", "Expiring within (days)"),
                      QT_TRANSLATE_NOOP("Setting", "An entitlement this close to its end shows as "
                                                 "expiring.")),
    "expiring_units": (QT_TRANSLATE_NOOP("Setting", "Expiring at units left"),
                       QT_TRANSLATE_NOOP("Setting", "A pack with this few units left shows as "
                                                  "expiring.")),
    "grace_days": (QT_TRANSLATE_NOOP("Setting", "Grace period (days)"),
                   QT_TRANSLATE_NOOP("Setting", "Days after the end when entry is still allowed, "
                                              "with a warning.")),
    "reentry_minutes": (QT_TRANSLATE_NOOP("Setting", "Re-entry window (minutes)"),
                        QT_TRANSLATE_NOOP("Setting", "A second check-in within this time consumes "
                                                   "nothing.")),
    "backup_every_hours": (QT_TRANSLATE_NOOP("Setting", "Automatic backup every (hours)"),
                           QT_TRANSLATE_NOOP("Setting", "An automatic backup is taken when the "
                                                      "last is this old.")),
    "backups_kept": (QT_TRANSLATE_NOOP("Setting", "Automatic backups kept"),
                     QT_TRANSLATE_NOOP("Setting", "How many automatic backups are kept; older "
                                                "ones are removed.")),
}

PRINTER_TEXTS: dict[str, tuple[str, str]] = {
    "transport": (QT_TRANSLATE_NOOP("Setting", "Connection"),
                  QT_TRANSLATE_NOOP("Setting", "How the receipt printer is attached; none turns "
                                             "printing off.")),
    "host": (QT_TRANSLATE_NOOP("Setting", "Address"),
             QT_TRANSLATE_NOOP("Setting", "Network printers: IP address or host name.")),
    "port": (QT_TRANSLATE_NOOP("Setting", "Port"),
             QT_TRANSLATE_NOOP("Setting", "Network printers: raw TCP port (9100 on almost every "
                                        "model).")),
    "usb_device": (QT_TRANSLATE_NOOP("Setting", "USB device"),
                   QT_TRANSLATE_NOOP("Setting", "USB printers: vendor:product id in hex, e.g. "
                                              "04b8:0202.")),
    "serial_device": (QT_TRANSLATE_NOOP("Setting", "Serial port"),
                      QT_TRANSLATE_NOOP("Setting", "Serial printers: the port, e.g. /dev/ttyUSB0 "
                                                 "or COM3.")),
    "serial_baudrate": (QT_TRANSLATE_NOOP("Setting", "Baud rate"),
                        QT_TRANSLATE_NOOP("Setting", "Serial printers: line speed in baud.")),
    "printer_name": (QT_TRANSLATE_NOOP("Setting", "Printer queue"),
                     QT_TRANSLATE_NOOP("Setting", "CUPS or Windows printers: the queue name of a "
                                                "raw printer.")),
    "file_path": (QT_TRANSLATE_NOOP("Setting", "Device file"),
                  QT_TRANSLATE_NOOP("Setting", "File transport: the device or file the bytes are "
                                             "written to.")),
    "profile": (QT_TRANSLATE_NOOP("Setting", "Printer profile"),
                QT_TRANSLATE_NOOP("Setting", "Text mode: gb18030 (Chinese fonts), single_byte or "
                                           "raster.")),
    "code_page": (QT_TRANSLATE_NOOP("Setting", "Code page"),
                  QT_TRANSLATE_NOOP("Setting", "single_byte profile: the printer's code page.")),
    "paper_width_mm": (QT_TRANSLATE_NOOP("Setting", "Paper width (mm)"),
                       QT_TRANSLATE_NOOP("Setting", "Paper roll width: 58 mm (32 columns) or 80 mm "
                                                  "(48).")),
    "chunk_size": (QT_TRANSLATE_NOOP("Setting", "Write size (bytes)"),
                   QT_TRANSLATE_NOOP("Setting", "Bytes per write; lower it for printers with a "
                                              "small buffer.")),
    "connect_timeout_s": (QT_TRANSLATE_NOOP("Setting", "Connect timeout (s)"),
                          QT_TRANSLATE_NOOP("Setting", "Seconds to wait for a network printer to "
                                                     "answer.")),
    "write_timeout_s": (QT_TRANSLATE_NOOP("Setting", "Stall timeout (s)"),
                        QT_TRANSLATE_NOOP("Setting", "Seconds a printer may take no data before it "
                                                   "counts as stalled.")),
    "status_timeout_s": (QT_TRANSLATE_NOOP("Setting", "Status timeout (s)"),
                         QT_TRANSLATE_NOOP("Setting", "Seconds to wait for a status answer (then: "
                                                    "unknown).")),
    "usb_timeout_ms": (QT_TRANSLATE_NOOP("Setting", "USB timeout (ms)"),
                       QT_TRANSLATE_NOOP("Setting", "USB printers: write timeout in "
                                                  "milliseconds.")),
    "drawer_pin": (QT_TRANSLATE_NOOP("Setting", "Cash drawer pin"),
                   QT_TRANSLATE_NOOP("Setting", "Cash drawer connector pin the drawer is wired to "
                                              "(2 or 5).")),
}

SCANNER_TEXTS: dict[str, tuple[str, str]] = {
    "wedge_max_gap_ms": (QT_TRANSLATE_NOOP("Setting", "Gap between characters (ms)"),
                         QT_TRANSLATE_NOOP("Setting", "Most milliseconds between two characters "
                                                    "of one scan.")),
    "wedge_min_length": (QT_TRANSLATE_NOOP("Setting", "Shortest code"),
                         QT_TRANSLATE_NOOP("Setting", "Fewest characters a scan can have.")),
    "wedge_prefix": (QT_TRANSLATE_NOOP("Setting", "Prefix"),
                     QT_TRANSLATE_NOOP("Setting", "Characters the scanner sends before each code "
                                                "(stripped).")),
    "wedge_suffix": (QT_TRANSLATE_NOOP("Setting", "Suffix"),
                     QT_TRANSLATE_NOOP("Setting", "Characters the scanner sends after each code "
                                                "(stripped).")),
    "wedge_terminator": (QT_TRANSLATE_NOOP("Setting", "Ends with"),
                         QT_TRANSLATE_NOOP("Setting", "Key that ends a scan: Enter, Tab, or "
                                                    "either.")),
}

CAMERA_TEXTS: dict[str, tuple[str, str]] = {
    "camera_index": (QT_TRANSLATE_NOOP("Setting", "Camera"),
                     QT_TRANSLATE_NOOP("Setting", "Which camera to use (0 is the first one).")),
    "resolution_width": (QT_TRANSLATE_NOOP("Setting", "Width (pixels)"),
                         QT_TRANSLATE_NOOP("Setting", "Capture width in pixels.")),
    "resolution_height": (QT_TRANSLATE_NOOP("Setting", "Height (pixels)"),
                          QT_TRANSLATE_NOOP("Setting", "Capture height in pixels.")),
    "decode_rate_hz": (QT_TRANSLATE_NOOP("Setting", "Decoding rate (per second)"),
                       QT_TRANSLATE_NOOP("Setting", "Frames decoded per second (10-15; more costs "
                                                  "CPU).")),
    "guide_box_width": (QT_TRANSLATE_NOOP("Setting", "Guide box width"),
                        QT_TRANSLATE_NOOP("Setting", "Guide box width as a fraction of the "
                                                   "picture.")),
    "guide_box_height": (QT_TRANSLATE_NOOP("Setting", "Guide box height"),
                         QT_TRANSLATE_NOOP("Setting", "Guide box height as a fraction of the "
                                                    "picture.")),
    "formats": (QT_TRANSLATE_NOOP("Setting", "Barcode formats"),
                QT_TRANSLATE_NOOP("Setting", "Barcode formats to read; fewer is faster.")),
}

GROUP_TITLES: dict[str, str] = {
    "store": QT_TRANSLATE_NOOP("Setting", "Store"),
    "checkin": QT_TRANSLATE_NOOP("Setting", "Check-in and entitlements"),
    "checkout": QT_TRANSLATE_NOOP("Setting", "Checkout and points"),
    "staff": QT_TRANSLATE_NOOP("Setting", "Staff and security"),
    "printer": QT_TRANSLATE_NOOP("Setting", "Devices: receipt printer"),
    "scanner": QT_TRANSLATE_NOOP("Setting", "Devices: keyboard-wedge scanner"),
    "camera": QT_TRANSLATE_NOOP("Setting", "Devices: camera"),
    "sync": QT_TRANSLATE_NOOP("Setting", "Sync"),
    "backups": QT_TRANSLATE_NOOP("Setting", "Backups"),
}

# Which store settings each group of the Settings page edits (every field, exactly once).
GROUP_KEYS: dict[str, tuple[str, ...]] = {
    "store": ("store_name", "store_address", "currency", "timezone", "day_cutoff"),
    "checkin": ("expiring_days", "expiring_units", "grace_days", "reentry_minutes"),
    "checkout": ("cashier_discount_pct",),
    "staff": ("idle_lock_minutes", "pin_attempts", "pin_lock_minutes"),
    "backups": ("backup_every_hours", "backups_kept"),
}

CHOICE_CAPTIONS: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("Setting", "None (no printer)"),
    "network": QT_TRANSLATE_NOOP("Setting", "Network (TCP 9100)"),
    "usb": QT_TRANSLATE_NOOP("Setting", "USB"),
    "serial": QT_TRANSLATE_NOOP("Setting", "Serial port"),
    "cups": QT_TRANSLATE_NOOP("Setting", "CUPS queue"),
    "file": QT_TRANSLATE_NOOP("Setting", "Device file"),
    "win32raw": QT_TRANSLATE_NOOP("Setting", "Windows printer"),
    "gb18030": QT_TRANSLATE_NOOP("Setting", "Chinese text (GB18030)"),
    "single_byte": QT_TRANSLATE_NOOP("Setting", "Western text (code page)"),
    "raster": QT_TRANSLATE_NOOP("Setting", "Image (any printer)"),
    "enter_or_tab": QT_TRANSLATE_NOOP("Setting", "Enter or Tab"),
    "enter": QT_TRANSLATE_NOOP("Setting", "Enter"),
    "tab": QT_TRANSLATE_NOOP("Setting", "Tab"),
}


def captions() -> dict[object, str]:
    return {key: translated(text) for key, text in CHOICE_CAPTIONS.items()}


@dataclass(frozen=True, slots=True)
class FixedRule:
    """A rule the docs name whose number is fixed in code for now (shown, not edited)."""

    label: str
    help: str
    value: Callable[[], object]


_checkin, _holds, _life = CheckinPolicies(), HoldRules(), LifecycleRules()
_classes, _points = ClassRules(), PointsPolicy()

FIXED_RULES: dict[str, list[FixedRule]] = {
    "checkin": [
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Void window for staff (minutes)"),
                  QT_TRANSLATE_NOOP("Setting", "Staff may void a check-in this long; later only "
                                             "a manager."), lambda: _checkin.staff_void_minutes),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Attend a booking from (minutes before)"),
                  QT_TRANSLATE_NOOP("Setting", "A check-in this long before a booked class marks "
                                             "it attended."),
                  lambda: _checkin.attend_before_minutes),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Attend a booking until (minutes after)"),
                  QT_TRANSLATE_NOOP("Setting", "A check-in this long after the start still marks "
                                             "it attended."),
                  lambda: _checkin.attend_after_minutes),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Hold length (days)"),
                  QT_TRANSLATE_NOOP("Setting", "Shortest and longest hold (freeze)."),
                  lambda: f"{_holds.min_days}–{_holds.max_days}"),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Holds per year"),
                  QT_TRANSLATE_NOOP("Setting", "Most holds one entitlement may have in a year."),
                  lambda: _holds.per_year),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Cooling-off (days)"),
                  QT_TRANSLATE_NOOP("Setting", "An unused purchase can be refunded in full this "
                                             "long."), lambda: _life.cooling_off_days),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Booking opens (days before)"),
                  QT_TRANSLATE_NOOP("Setting", "How far ahead a class can be booked."),
                  lambda: _classes.booking_opens_days),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Late cancel (hours before)"),
                  QT_TRANSLATE_NOOP("Setting", "A cancel inside this window forfeits the credit."),
                  lambda: _classes.late_cancel_hours),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Class check-in closes (minutes after)"),
                  QT_TRANSLATE_NOOP("Setting", "Not checked in by then counts as a no-show."),
                  lambda: _classes.checkin_closes_minutes),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Upcoming bookings per member"),
                  QT_TRANSLATE_NOOP("Setting", "Most bookings a member may hold at once."),
                  lambda: _classes.max_upcoming),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "No-show strikes"),
                  QT_TRANSLATE_NOOP("Setting", "Strikes within the window that bar new bookings, "
                                             "and for how long."),
                  lambda: QCoreApplication.translate(
                      "Setting", "%1 in %2 days, then barred for %3 days")
                  .replace("%1", str(_classes.strikes_to_bar))
                  .replace("%2", str(_classes.strike_window_days))
                  .replace("%3", str(_classes.bar_days))),
    ],
    "checkout": [
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Points earned per ¥1"),
                  QT_TRANSLATE_NOOP("Setting", "Base earning rate, before tier and promotion "
                                             "multipliers."),
                  lambda: _points.earn_points_per_yuan),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Points per ¥1 redeemed"),
                  QT_TRANSLATE_NOOP("Setting", "Points needed to pay ¥1."),
                  lambda: _points.redeem_points_per_yuan),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Smallest redemption (points)"),
                  QT_TRANSLATE_NOOP("Setting", "Fewest points taken as a tender."),
                  lambda: _points.redeem_minimum),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Largest share paid in points (%)"),
                  QT_TRANSLATE_NOOP("Setting", "Points pay at most this part of a sale."),
                  lambda: _points.redeem_max_pct),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Points expire after (months)"),
                  QT_TRANSLATE_NOOP("Setting", "Each lot expires at the end of the month this "
                                             "long after it was earned."),
                  lambda: _points.expiry_months),
    ],
    "sync": [
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Largest push"),
                  QT_TRANSLATE_NOOP("Setting", "Most operations and bytes sent in one batch."),
                  lambda: f"{MAX_PUSH_OPS} / {MAX_PUSH_BYTES // 1_000_000} MB"),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Clock ahead limit (minutes)"),
                  QT_TRANSLATE_NOOP("Setting", "The server clamps desk clocks further ahead than "
                                             "this."), lambda: 5),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Deleted rows kept (days)"),
                  QT_TRANSLATE_NOOP("Setting", "A desk offline longer than this loads everything "
                                             "again."), lambda: 90),
        FixedRule(QT_TRANSLATE_NOOP("Setting", "Sent operations kept (days)"),
                  QT_TRANSLATE_NOOP("Setting", "Kept to re-send after a server restore."),
                  lambda: 30),
    ],
}
