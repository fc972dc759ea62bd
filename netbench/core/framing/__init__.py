"""Cut a received byte stream into messages ("frames").

TCP delivers a byte stream, not messages: one read may hold several messages the peer sent
separately, or only part of one (the "sticky packet" / 粘包 effect). A framer turns the chunks
as they arrived back into messages, and records which chunk each frame started and ended in,
so the workbench can show the user exactly how the network merged or split what was sent.

Framers run on the receive hot path (floods of millions of short lines per second), so they
scan with ``find`` from a start offset, slice whole frames out in one go, and only copy a
partial frame into their buffer when a chunk ends inside it.

Peer data never makes a framer raise or buffer without limit: anything malformed or larger
than ``FramingSpec.max_frame`` is reported as a ``FramingError`` and framing carries on.

- :mod:`.spec`: the kinds of framing and the settings (:class:`~.spec.FramingSpec`);
- :mod:`.frames`: frames, framing errors, the framer interface and the raw framer;
- :mod:`.delimiter`, :mod:`.fixed_length`, :mod:`.length_prefix`: the other framers;
- :mod:`.wire`: a spec's framer for what arrives, and its encoding of what is sent.
"""
