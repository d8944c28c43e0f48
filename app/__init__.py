"""Tianbao 填报: a desktop editor for Chinese office reports."""

__version__ = "0.1.0"
APP_NAME = "Tianbao"
APP_NAME_ZH = "填报"
