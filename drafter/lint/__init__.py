"""The linter: document model + outline → rules → findings."""
