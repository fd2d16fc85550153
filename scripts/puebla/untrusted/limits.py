"""The bounds every untrusted file is held to, in one place so a reviewer sees them at once.

They are far above what a real partner file, logo or content file needs and far below what
would hurt a shared build machine. Raising one is a code change that a reviewer sees.
"""

from __future__ import annotations

# YAML -----------------------------------------------------------------------------------
MAX_YAML_BYTES = 256 * 1024  # read from the file's size (stat) before a byte is parsed
MAX_PARTNER_YAML_BYTES = 64 * 1024
MAX_YAML_ALIASES = (
    20  # "*name" references, counted while parsing: at most ~1,600 items when expanded
)
MAX_YAML_DEPTH = 40  # nesting of lists and mappings (deep nesting exhausts the parser's stack)
MAX_YAML_NODES = 50_000  # every scalar, list and mapping

# Images ---------------------------------------------------------------------------------
# The project's own pixel limit, well below Pillow's decompression-bomb guard (~89 Mpx warns,
# ~179 Mpx refuses): checked from the header, before a single pixel is decoded.
MAX_IMAGE_PIXELS = 25_000_000
MAX_IMAGE_BYTES = 5 * 1024 * 1024

# SVG ------------------------------------------------------------------------------------
MAX_SVG_BYTES = 1024 * 1024
MAX_SVG_ELEMENTS = 20_000
MAX_SVG_DEPTH = 60
MAX_SVG_EXPANSION = 100_000  # elements drawn once every <use> is expanded ("use bomb")

# Sandbox --------------------------------------------------------------------------------
SANDBOX_MEMORY_BYTES = 1024**3  # RLIMIT_AS of the child that parses hostile files
SANDBOX_CPU_SECONDS = 60
SANDBOX_TIMEOUT_SECONDS = 90  # wall clock, for a child stuck waiting on nothing
