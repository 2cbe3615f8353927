"""Qari: an annotated right-to-left reader for Arabic news."""
