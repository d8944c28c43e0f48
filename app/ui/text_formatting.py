"""Bold, italic, underline, font, size, alignment and first-line indent: the Format toolbar and
menu acting on the editor, and showing what the text at the cursor has."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextFormat

from app.ui.actions import WindowActions
from app.ui.editor import Editor
from app.ui.fonts import DEFAULT_FAMILIES, DEFAULT_SIZE_PT, FONT_NAMED, default_families


class TextFormatting(QObject):
    """Applies the format actions to the editor's selection and follows the cursor's format."""

    def __init__(self, editor: Editor, actions: WindowActions) -> None:
        super().__init__(editor)
        self.editor = editor
        self.actions = actions

    def _merge(self, fmt: QTextCharFormat) -> None:
        self.editor.mergeCurrentCharFormat(fmt)
        self.editor.setFocus()

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.actions.act_bold.isChecked() else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.actions.act_italic.isChecked())
        self._merge(fmt)

    def toggle_underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(self.actions.act_underline.isChecked())
        self._merge(fmt)

    def set_family(self, family: str) -> None:
        fmt = QTextCharFormat()
        fmt.setFontFamilies([family] + [f for f in default_families()[1:] if f != family])
        fmt.setProperty(FONT_NAMED, family)
        self._merge(fmt)

    def set_size(self, points: float) -> None:
        if points > 0:
            fmt = QTextCharFormat()
            fmt.setFontPointSize(points)
            self._merge(fmt)

    def set_alignment(self, flag: Qt.AlignmentFlag) -> None:
        self.editor.setAlignment(flag)
        self.editor.setFocus()

    def toggle_indent(self) -> None:
        cursor = self.editor.textCursor()
        size = cursor.charFormat().fontPointSize() or DEFAULT_SIZE_PT
        fmt = QTextBlockFormat()
        fmt.setTextIndent(2 * size * 96 / 72 if self.actions.act_indent.isChecked() else 0)
        cursor.mergeBlockFormat(fmt)
        self.editor.setFocus()

    def show_paragraph_format(self) -> None:
        """The alignment and indent buttons say what the cursor's paragraph has."""
        fmt = self.editor.textCursor().blockFormat()
        align = fmt.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
        for flag, action in self.actions.align_actions.items():
            action.setChecked(bool(fmt.hasProperty(QTextFormat.Property.BlockAlignment)) and align == flag)
        self.actions.act_indent.setChecked(fmt.textIndent() > 0)

    def show_char_format(self, fmt: QTextCharFormat) -> None:
        a = self.actions
        a.act_bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold)
        a.act_italic.setChecked(fmt.fontItalic())
        a.act_underline.setChecked(fmt.fontUnderline())
        families = fmt.fontFamilies() if fmt.hasProperty(QTextFormat.Property.FontFamilies) else None
        named = fmt.property(FONT_NAMED)  # a run read from the file, or a font chosen here
        family = named if isinstance(named, str) and named else (families[0] if families else DEFAULT_FAMILIES[0])
        self.show_font(str(family), fmt.fontPointSize() or DEFAULT_SIZE_PT)

    def show_font(self, family: str, points: float) -> None:
        self.actions.family_box.setCurrentText(family)
        index = self.actions.size_box.findData(float(points))
        if index >= 0:
            self.actions.size_box.setCurrentIndex(index)
