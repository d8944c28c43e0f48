"""The floors the app is measured against: python-docx reading and writing the same file."""
from __future__ import annotations

import sys


def docx_texts(path: str) -> list[str]:
    """python-docx loads the file and reads every paragraph's text in reading order, table cells
    included (the same paragraphs the app's reader turns into blocks)."""
    import docx
    from docx.table import Table

    document = docx.Document(path)
    texts: list[str] = []

    def read(container) -> None:  # noqa: ANN001 - a document or a cell
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        read(cell)
            else:
                texts.append(item.text)

    read(document)
    return texts


def docx_read_all(path: str) -> int:
    return sum(len(t) for t in docx_texts(path))


if __name__ == "__main__":
    # The command-line floor for `python -m app scan FILE --json`: start, load, read, exit.
    print(docx_read_all(sys.argv[1]))
