"""Turn the content model into Markdown for the site (no MkDocs imports here)."""
