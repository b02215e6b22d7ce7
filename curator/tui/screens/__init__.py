"""Screens pushed over the main review screen, and the main screen itself."""
