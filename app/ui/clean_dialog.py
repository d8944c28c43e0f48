"""编辑 → 清理模板广告…: what a template site added, listed for review before anything goes.

Each item shows what would be removed inside its context, with a checkbox; the user can tick
all or none. Nothing is removed here: the caller turns the ticked items into one Change.
"""
from __future__ import annotations

import html
from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.clean import CleanItem

ITEM_ROLE = Qt.ItemDataRole.UserRole + 11

# What each junk rule is, in the words a clerk uses.
RULE_LABELS = {
    "study-only": "仅供学习",
    "no-spread": "禁止外传",
    "delete-after": "用后删除",
    "members": "会员推广",
    "qq": "QQ号",
    "wechat": "微信号",
    "group": "群推广",
    "official-account": "公众号",
    "url": "网址",
    "omitted": "省略字数",
    "word-count": "全文字数",
    "to-be-continued": "未完待续",
    "dash-run": "分隔线",
    "resale": "倒卖声明",
    "download": "下载地址",
    "more": "更多范文",
    "compiled-by": "整理者署名",
    "site-name": "网站名",
    "promotion": "推广",
}


def rule_label(rule: str) -> str:
    return RULE_LABELS.get(rule, "广告")


class CleanDialog(QDialog):
    """The review list; ``chosen()`` is what the user kept ticked."""

    def __init__(self, items: Sequence[CleanItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cleanDialog")
        self.setWindowTitle("清理模板广告")
        self.items = list(items)
        layout = QVBoxLayout(self)
        whole = sum(1 for i in self.items if i.whole_block)
        intro = QLabel(
            f"发现 {len(self.items)} 处模板网站添加的内容（整行 {whole} 处，句中片段 {len(self.items) - whole} 处）。"
            "勾选的内容将被删除，占位符不会被删除；删除后可用“撤销”（Ctrl+Z）一次恢复。", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.list = QListWidget(self)
        self.list.setObjectName("cleanList")
        self.list.setAccessibleName("要清理的内容")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for item in self.items:
            row = QListWidgetItem(self._label(item))
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            row.setCheckState(Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked)
            row.setToolTip(self._tooltip(item))
            row.setData(ITEM_ROLE, item)
            self.list.addItem(row)
        layout.addWidget(self.list, 1)

        row = QHBoxLayout()
        self.all_button = QPushButton("全选", self)
        self.none_button = QPushButton("全不选", self)
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        self.count = QLabel(self)
        row.addWidget(self.count)
        layout.addLayout(row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("删除勾选的内容")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(self._update_count)
        self._update_count()
        self.resize(640, 440)

    @staticmethod
    def _label(item: CleanItem) -> str:
        if item.whole_block:
            return f"［{rule_label(item.rule)} · 整行］ {item.context}"
        return f"［{rule_label(item.rule)} · 片段］ “{item.text.strip()}”　所在句：{item.context}"

    @staticmethod
    def _tooltip(item: CleanItem) -> str:
        context = html.escape(item.context)
        token = html.escape(item.text.strip())
        if token and token in context:
            context = context.replace(token, f"<b>{token}</b>", 1)
        return f"第 {item.block + 1} 段：{context}"

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def chosen(self) -> list[CleanItem]:
        return [self.list.item(i).data(ITEM_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _update_count(self) -> None:
        n = len(self.chosen())
        self.count.setText(f"已勾选 {n} / {len(self.items)}")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)


__all__ = ["CleanDialog", "rule_label"]
