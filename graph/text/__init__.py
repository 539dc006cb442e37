"""Text stages: read a file (encoding, size, provenance), clean it (PDF line
breaks, spaced digits, an offset map back to the raw text) and segment it into
sentences and words. Imports no RDF library."""
