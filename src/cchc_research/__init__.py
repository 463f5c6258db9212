"""cchc-research: provincial public administration reform (CCHC) data, validation and comparative studies."""

__version__ = "0.1.0"
