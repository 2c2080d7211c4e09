"""CS Playbook: YAML content → Markdown pages → a Japanese + English MkDocs Material site."""

__version__ = "0.1.0"
