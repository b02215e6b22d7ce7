"""Widgets of the review screen: views that take attributes and post messages."""
