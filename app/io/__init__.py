"""Reading and writing files: .docx through python-docx, text in the encodings Chinese PCs write."""
