"""The content model: loaded and validated once, shared by the site and the materials."""
