"""Merging reports of one real-world event across articles and languages.

- ``dedup``: near-duplicate articles (MinHash over word shingles).
- ``compatible``: which PLOVER types may describe the same act.
- ``similarity``: the pairwise criteria between two reports and the link decision.
- ``clusters``: incremental, order-independent clustering in the store, and merged records.
"""
