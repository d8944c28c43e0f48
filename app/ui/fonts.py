"""The body text's fonts, known to the window before its engine side loads (start-up time)."""
from __future__ import annotations

# Where a CJK document font is missing, these render Chinese well (Windows, then Linux names).
CJK_FALLBACKS = ["FangSong", "仿宋", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC",
                 "WenQuanYi Micro Hei", "Noto Sans CJK SC"]
# GB/T 9704 body text: 3号 仿宋, 16 pt.
DEFAULT_FAMILIES = ["仿宋_GB2312", *CJK_FALLBACKS]
DEFAULT_SIZE_PT = 16.0
