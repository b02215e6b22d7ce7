"""The one exception type users see: its message is a complete sentence."""


class CuratorError(Exception):
    """A problem with the user's input or environment, reported without a traceback."""
