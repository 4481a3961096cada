"""The terminal chat client and its renderer."""
