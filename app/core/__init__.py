"""The report engine: document model, outline, placeholders, junk. Knows nothing of Qt or files."""
