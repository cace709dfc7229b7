"""Member photos: check that bytes are an image, shrink them, keep them as files.

A photo is kept as a JPEG under the desk's data folder (beside the database), in
`photos/`. The member row holds the path relative to that folder (`photos/<file>.jpg`),
so the value synced to the server names no machine's directories. Each new photo gets a
new file name: a profile showing the old photo never reads a half-replaced file, and the
file is written under a temporary name and moved into place (os.replace) before the row
points at it.
"""

from __future__ import annotations

import io
import os
import secrets
import tempfile
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from desktop_app.domain.errors import DomainError

MAX_SIDE = 480  # px: the longer side of a stored photo
MAX_INPUT_BYTES = 25 * 1024 * 1024  # a camera's or phone's photo fits; a video does not
MAX_INPUT_PIXELS = 50_000_000  # refuse decompression bombs before decoding them
JPEG_QUALITY = 85
PHOTO_DIR = "photos"


class NotAnImage(DomainError):
    """The bytes given as a photo are not an image the desk can read."""

    code = "not_an_image"


def shrink_photo(data: bytes, max_side: int = MAX_SIDE) -> bytes:
    """The photo as JPEG bytes, upright (EXIF orientation applied), at most `max_side` px
    on its longer side. Raises NotAnImage for anything that is not a readable image."""
    if not data:
        raise NotAnImage("the file is empty")
    if len(data) > MAX_INPUT_BYTES:
        raise NotAnImage("the file is too large for a photo", size=len(data))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.width * probe.height > MAX_INPUT_PIXELS:
                    raise NotAnImage("the image is too large", pixels=probe.width * probe.height)
                probe.verify()  # reads the whole file: a truncated or fake image fails here
            with Image.open(io.BytesIO(data)) as opened:
                opened.load()
                image = ImageOps.exif_transpose(opened) or opened
                image = image.convert("RGB")
    except NotAnImage:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
            Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise NotAnImage("the file is not an image the desk can read") from exc
    if image.width == 0 or image.height == 0:
        raise NotAnImage("the image is empty")
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


class PhotoStore:
    """Photo files under `root` (the data folder); rows keep paths relative to it."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def folder(self) -> Path:
        return self.root / PHOTO_DIR

    def write(self, member_id: str, jpeg: bytes) -> str:
        """Write the photo atomically under a new name; returns the relative path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{member_id}-{secrets.token_hex(6)}.jpg"
        fd, tmp = tempfile.mkstemp(prefix=".photo-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(jpeg)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return f"{PHOTO_DIR}/{name}"

    def path_of(self, photo_path: str | None) -> Path | None:
        """The file of a stored relative path, or None (absolute or escaping paths too)."""
        if not photo_path:
            return None
        relative = Path(photo_path)
        if relative.is_absolute() or ".." in relative.parts:
            return None
        return self.root / relative

    def remove(self, photo_path: str | None) -> None:
        """Best effort: an old photo no row points at any more."""
        path = self.path_of(photo_path)
        if path is not None and path.parent == self.folder:
            path.unlink(missing_ok=True)

    def read(self, photo_path: str | None) -> bytes | None:
        path = self.path_of(photo_path)
        if path is None or not path.is_file():
            return None
        return path.read_bytes()
