"""The thin MkDocs adapter: the only module that imports MkDocs."""
