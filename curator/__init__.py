"""curator: turn news coverage into a verified fact sheet."""
