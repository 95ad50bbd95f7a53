"""A minimal Protocol Buffers wire-format reader for the few messages current Anki files hold.

Anki 2.1.50+ stores note types, decks, deck options and the package's media map as protobuf
messages. Only a handful of fields are needed, so they are read by field number rather than by
generated classes.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

VARINT = 0
FIXED64 = 1
LENGTH = 2
FIXED32 = 5


class WireError(ValueError):
    """Bytes that are not a well-formed protobuf message."""


def read_varint(data: bytes, offset: int) -> tuple[int, int]:
    """The unsigned varint at `offset` and the offset after it."""
    result = 0
    shift = 0
    while True:
        if offset >= len(data):
            raise WireError("varint runs past the end of the message")
        byte = data[offset]
        offset += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, offset
        shift += 7
        if shift > 63:
            raise WireError("varint longer than 64 bits")


def fields(data: bytes) -> Iterator[tuple[int, int, int | bytes]]:
    """(field number, wire type, value) for each field; LENGTH values are bytes, others ints."""
    offset = 0
    while offset < len(data):
        key, offset = read_varint(data, offset)
        number, wire_type = key >> 3, key & 7
        value: int | bytes
        if wire_type == VARINT:
            value, offset = read_varint(data, offset)
        elif wire_type == FIXED64:
            value, offset = _fixed(data, offset, 8)
        elif wire_type == FIXED32:
            value, offset = _fixed(data, offset, 4)
        elif wire_type == LENGTH:
            length, offset = read_varint(data, offset)
            if offset + length > len(data):
                raise WireError("field runs past the end of the message")
            value, offset = data[offset : offset + length], offset + length
        else:
            raise WireError(f"unsupported wire type {wire_type}")
        yield number, wire_type, value


def _fixed(data: bytes, offset: int, size: int) -> tuple[int, int]:
    if offset + size > len(data):
        raise WireError("fixed-size field runs past the end of the message")
    return int.from_bytes(data[offset : offset + size], "little"), offset + size


def get(data: bytes, number: int) -> int | bytes | None:
    """The last value of a field (protobuf's rule for repeated scalars), or None if absent."""
    found: int | bytes | None = None
    for field_number, _, value in fields(data):
        if field_number == number:
            found = value
    return found


def get_int(data: bytes, number: int, default: int = 0) -> int:
    value = get(data, number)
    return value if isinstance(value, int) else default


def get_bytes(data: bytes, number: int) -> bytes:
    value = get(data, number)
    return value if isinstance(value, bytes) else b""


def get_str(data: bytes, number: int) -> str:
    return get_bytes(data, number).decode("utf-8", errors="replace")


def repeated_messages(data: bytes, number: int) -> list[bytes]:
    return [v for n, t, v in fields(data) if n == number and t == LENGTH and isinstance(v, bytes)]


def repeated_floats(data: bytes, number: int) -> list[float]:
    """A repeated float field, packed or not."""
    values: list[float] = []
    for field_number, wire_type, value in fields(data):
        if field_number != number:
            continue
        if wire_type == LENGTH and isinstance(value, bytes):
            if len(value) % 4:
                raise WireError("packed floats of a length not divisible by 4")
            values.extend(struct.unpack(f"<{len(value) // 4}f", value))
        elif wire_type == FIXED32 and isinstance(value, int):
            values.append(struct.unpack("<f", value.to_bytes(4, "little"))[0])
    return values


def encode_varint(value: int) -> bytes:
    """Unsigned varint encoding (used by tests and the writer to build messages)."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def encode_field(number: int, value: int | bytes | str) -> bytes:
    """One field: ints as varints, bytes and str as length-delimited."""
    if isinstance(value, int):
        return encode_varint(number << 3 | VARINT) + encode_varint(value)
    raw = value.encode("utf-8") if isinstance(value, str) else value
    return encode_varint(number << 3 | LENGTH) + encode_varint(len(raw)) + raw
