"""Find and replace (with 全部替换 as one undoable step)."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)


def find_next(editor: QTextEdit, text: str, backwards: bool = False, case: bool = False) -> bool:
    """Select the next match after the cursor, wrapping around; False when there is none."""
    if not text:
        return False
    flags = QTextDocument.FindFlag(0)
    if backwards:
        flags |= QTextDocument.FindFlag.FindBackward
    if case:
        flags |= QTextDocument.FindFlag.FindCaseSensitively
    document = editor.document()
    found = document.find(text, editor.textCursor(), flags)
    if found.isNull():
        start = QTextCursor(document)
        if backwards:
            start.movePosition(QTextCursor.MoveOperation.End)
        found = document.find(text, start, flags)
    if found.isNull():
        return False
    editor.setTextCursor(found)
    return True


def replace_all(editor: QTextEdit, text: str, replacement: str, case: bool = False) -> int:
    """Replace every match in one undo step; returns how many."""
    if not text:
        return 0
    flags = QTextDocument.FindFlag.FindCaseSensitively if case else QTextDocument.FindFlag(0)
    document = editor.document()
    edit = QTextCursor(document)
    edit.beginEditBlock()
    count = 0
    cursor = QTextCursor(document)
    while True:
        cursor = document.find(text, cursor, flags)
        if cursor.isNull():
            break
        cursor.insertText(replacement)
        count += 1
    edit.endEditBlock()
    return count


class FindReplaceDialog(QDialog):
    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("findReplaceDialog")
        self.setWindowTitle(self.tr("Find and Replace"))
        layout = QGridLayout(self)
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        find_label = QLabel(self.tr("Find:"), self)
        find_label.setBuddy(self.find_edit)
        replace_label = QLabel(self.tr("Replace with:"), self)
        replace_label.setBuddy(self.replace_edit)
        self.case = QCheckBox(self.tr("Match case"), self)
        self.status = QLabel(self)
        layout.addWidget(find_label, 0, 0)
        layout.addWidget(self.find_edit, 0, 1)
        layout.addWidget(replace_label, 1, 0)
        layout.addWidget(self.replace_edit, 1, 1)
        layout.addWidget(self.case, 2, 1)
        layout.addWidget(self.status, 3, 0, 1, 2)
        buttons = QDialogButtonBox(self)
        self.find_button = QPushButton(self.tr("Find Next"), self)
        self.find_button.setDefault(True)
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace All"), self)
        self.replace_all_button.setObjectName("replaceAll")
        for button in (self.find_button, self.replace_button, self.replace_all_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons, 4, 0, 1, 2)
        self.find_button.clicked.connect(self.find)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_everything)

    def show_for(self, replace: bool) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.replace_edit.setVisible(replace)
        self.layout().itemAtPosition(1, 0).widget().setVisible(replace)
        self.replace_button.setVisible(replace)
        self.replace_all_button.setVisible(replace)
        self.setWindowTitle(self.tr("Find and Replace") if replace else self.tr("Find"))
        self.status.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find(self) -> bool:
        ok = find_next(self.editor, self.find_edit.text(), case=self.case.isChecked())
        self.status.setText("" if ok else self.tr("Not found"))
        return ok

    def replace_one(self) -> None:
        cursor = self.editor.textCursor()
        text = self.find_edit.text()
        same = cursor.selectedText() == text if self.case.isChecked() else \
            cursor.selectedText().lower() == text.lower()
        if cursor.hasSelection() and text and same:
            cursor.insertText(self.replace_edit.text())
        self.find()

    def replace_everything(self) -> int:
        n = replace_all(self.editor, self.find_edit.text(), self.replace_edit.text(), self.case.isChecked())
        self.status.setText(self.tr("Replaced %1 occurrences", "", n).replace("%1", str(n)))
        return n
