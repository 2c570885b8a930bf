"""The limits selon enforces on its inputs, in one place (the README's "Limits" lists them)."""

from __future__ import annotations

#: Largest input file or HTTP body read, in bytes (an HTML page or a JSON Lines file).
MAX_INPUT_BYTES = 20 * 1024 * 1024
#: Largest article text processed, in characters (about 30 000 words).
MAX_ARTICLE_CHARS = 200_000
#: Fewest letters an article must have to be processed.
MIN_ARTICLE_LETTERS = 20
#: Seconds before an HTTP fetch gives up (connect, read, write and pool each).
FETCH_TIMEOUT = 20.0
#: Largest HTTP response body read, in bytes.
MAX_FETCH_BYTES = 5 * 1024 * 1024
#: Most redirects followed, each one checked against the address policy.
MAX_REDIRECTS = 5
#: Articles per nlp.pipe batch.
BATCH_SIZE = 64
