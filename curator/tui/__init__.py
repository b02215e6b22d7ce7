"""The review screen (Textual); the only package that imports textual."""
