"""Document model: what the linter and the importer read drafts into."""
