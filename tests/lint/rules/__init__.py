"""Per-rule tests: each ``test_<rule>.py`` is a table of short drafts and the lines expected to fail."""
