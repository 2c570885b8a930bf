"""Scoring selon against the gold corpus, and the quality gate with pinned floors."""
