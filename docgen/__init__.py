"""docgen: drafts and checks Vietnamese administrative documents on "Cộng đồng học tập"."""

__version__ = "0.1.0"
