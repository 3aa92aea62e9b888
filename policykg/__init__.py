"""policykg: an offline knowledge graph and retrieval assistant over Chinese policy texts.

The import package is one name; its subpackages are the folders of the design card
(ingest/, kg/, retrieval/, ui/ at the repository root, linked here), and library.py
is the composition root above kg and retrieval. See docs/architecture.md.
"""
