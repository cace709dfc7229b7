"""Decode ESC/POS bytes back into text lines and placeholders, for tests.

Strict: an unknown command raises, so garbage in a job fails the test instead of being
skipped. Text is decoded the way the printer would print it: GB18030 while Chinese
mode (FS &) is on, otherwise the code page chosen with ESC t.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CODE_PAGES = {0: "cp437", 2: "cp850", 16: "cp1252", 17: "cp866", 19: "cp858"}


class DecodeError(ValueError):
    pass


@dataclass
class Item:
    """A text line (kind "text") or a placeholder ("qr", "barcode", "raster", "cut",
    "feed", "drawer", "status")."""

    kind: str
    text: str = ""
    bold: bool = False
    width_mult: int = 1
    height_mult: int = 1
    align: int = 0
    chinese: bool = False
    columns: int = 0  # printed columns, times width_mult
    raster: tuple[int, int, bytes] | None = None  # width bytes, rows, data


@dataclass
class Decoded:
    items: list[Item] = field(default_factory=list)

    @property
    def lines(self) -> list[Item]:
        return [i for i in self.items if i.kind == "text"]

    @property
    def text(self) -> list[str]:
        return [i.text for i in self.lines]

    def kinds(self, kind: str) -> list[Item]:
        return [i for i in self.items if i.kind == kind]

    def rendering(self) -> str:
        """Human-readable dump (written next to golden files for review)."""
        out: list[str] = []
        for i in self.items:
            if i.kind == "text":
                flags = ("B" if i.bold else "-") + f"{i.width_mult}{i.height_mult}"
                out.append(f"{flags}|{i.text}")
            else:
                out.append(f"<{i.kind}{' ' + i.text if i.text else ''}>")
        return "\n".join(out) + "\n"


def printed_columns(text: str, chinese: bool) -> int:
    """Columns the printer uses: in Chinese mode every multi-byte character takes a
    full Chinese cell (two columns); in a code page every byte takes one."""
    if chinese:
        return sum(1 if ch.isascii() else 2 for ch in text)
    return len(text)


def decode(data: bytes) -> Decoded:
    out = Decoded()
    bold = False
    wm = hm = 1
    align = 0
    chinese = False
    codec = "cp437"
    buf = bytearray()
    qr_data = ""
    i = 0
    n = len(data)

    def need(k: int) -> bytes:
        if i + k > n:
            raise DecodeError(f"truncated command at {i}")
        return data[i : i + k]

    def flush() -> None:
        text = bytes(buf).decode("gb18030" if chinese else codec)
        out.items.append(
            Item("text", text, bold, wm, hm, align, chinese, printed_columns(text, chinese) * wm)
        )
        buf.clear()

    while i < n:
        b = data[i]
        if b == 0x0A:
            flush()
            i += 1
        elif b == 0x0D:
            i += 1
        elif b >= 0x20 or (chinese and b >= 0x20):
            buf.append(b)
            i += 1
        elif b == 0x1B:  # ESC
            c = need(2)[1:2]
            if c == b"@":
                bold, wm, hm, align, chinese, codec = False, 1, 1, 0, False, "cp437"
                i += 2
            elif c in b"!EatdM-23" and c != b"":
                if c == b"2":
                    i += 2
                    continue
                arg = need(3)[2]
                if c == b"!":
                    bold = bool(arg & 0x08)
                    hm = 2 if arg & 0x10 else 1
                    wm = 2 if arg & 0x20 else 1
                elif c == b"E":
                    bold = bool(arg & 1)
                elif c == b"a":
                    align = arg % 48 if arg >= 48 else arg
                elif c == b"t":
                    if arg not in CODE_PAGES:
                        raise DecodeError(f"unknown code page {arg}")
                    codec = CODE_PAGES[arg]
                elif c == b"d":
                    out.items.append(Item("feed", str(arg)))
                i += 3
            elif c == b"p":
                need(5)
                out.items.append(Item("drawer", f"pin{2 if data[i + 2] in (0, 48) else 5}"))
                i += 5
            else:
                raise DecodeError(f"unknown ESC {c!r} at {i}")
        elif b == 0x1D:  # GS
            c = need(2)[1:2]
            if c == b"!":
                arg = need(3)[2]
                wm, hm = (arg >> 4) + 1, (arg & 0x0F) + 1
                i += 3
            elif c == b"V":
                m = need(3)[2]
                out.items.append(Item("cut", "partial" if m in (1, 49, 66) else "full"))
                i += 4 if m in (65, 66) else 3
            elif c in (b"h", b"w", b"H", b"f"):
                i += 3
            elif c == b"k":
                m = need(3)[2]
                if m <= 6:
                    end = data.index(b"\x00", i + 3)
                    payload, i = data[i + 3 : end], end + 1
                    kind = {2: "EAN13", 67: "EAN13"}.get(m, f"m{m}")
                else:
                    ln = need(4)[3]
                    payload = need(4 + ln)[4:]
                    i += 4 + ln
                    kind = {67: "EAN13", 73: "CODE128"}.get(m, f"m{m}")
                text = payload.decode("ascii")
                if kind == "CODE128":
                    text = text[2:].replace("{{", "{")  # drop the code set selector
                out.items.append(Item("barcode", f"{kind} {text}"))
            elif c == b"v":
                hdr = need(8)
                if hdr[2:3] != b"0":
                    raise DecodeError("GS v must be GS v 0")
                xb = hdr[4] | hdr[5] << 8
                rows = hdr[6] | hdr[7] << 8
                body = need(8 + xb * rows)[8:]
                out.items.append(Item("raster", f"{xb * 8}x{rows}", raster=(xb, rows, body)))
                i += 8 + xb * rows
            elif c in (b"(",):
                hdr = need(5)
                size = hdr[3] | hdr[4] << 8
                body = need(5 + size)[5:]
                fn_class = hdr[2:3]
                if fn_class == b"k" and body[:1] == b"1":
                    fn = body[1:2]
                    if fn == b"P":
                        qr_data = body[3:].decode("utf-8")
                    elif fn == b"Q":
                        out.items.append(Item("qr", qr_data))
                i += 5 + size
            else:
                raise DecodeError(f"unknown GS {c!r} at {i}")
        elif b == 0x1C:  # FS
            c = need(2)[1:2]
            if c == b"&":
                chinese = True
                i += 2
            elif c == b".":
                chinese = False
                i += 2
            elif c == b"!":
                i += 3
            else:
                raise DecodeError(f"unknown FS {c!r} at {i}")
        elif b == 0x10:  # DLE
            c = need(3)
            if c[1] != 0x04:
                raise DecodeError(f"unknown DLE command at {i}")
            out.items.append(Item("status", str(c[2])))
            i += 3
        else:
            raise DecodeError(f"unexpected control byte {b:#04x} at {i}")
    if buf:
        flush()
    return out
