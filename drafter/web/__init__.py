"""``drafter serve``: the whole workflow in the browser (form, live checks, preview, drafts)."""
