"""The domain's rules as data: placeholder spellings, units, look-alikes, heading markers, junk.

Everything a clerk would recognise as "a rule" lives here as a table, so that a new spelling,
unit or ad phrase is one line. The scanners (placeholders.py, outline.py, junk.py) compile these
tables once and never spell a rule of their own.
"""
from __future__ import annotations

# --- Placeholders ---------------------------------------------------------------------------

# Characters that stand for a missing figure or name, alone or repeated ("X", "XX", "××").
MASK_CHARS = "XxＸｘ×╳"
# The same, as used inside a year ("20XX", "202x", "20**").
YEAR_MASK_CHARS = MASK_CHARS + "*＊YyＹ"

# Placeholder spellings as (name, regex, kind). Order matters: the first that matches at a
# position wins, so longer and more specific spellings come first. "{M}" is replaced by a
# character class of MASK_CHARS and "{Y}" by one of YEAR_MASK_CHARS. kind "auto" means the kind
# is decided by what follows (a unit makes it a figure, 年 a year, else a name).
PLACEHOLDER_SPELLINGS: list[tuple[str, str, str]] = [
    # A numeric date, as a standard's cover writes it: "20XX-XX-XX实施", "20XX - XX - XX发布".
    ("dashed-date", r"(?:20{Y}{{2}}|20\d{Y})[ 　]?[-－/.．][ 　]?{M}{{1,2}}[ 　]?[-－/.．][ 　]?{M}{{1,2}}", "date"),
    ("full-date", r"(?:20{Y}{{2}}|20\d{Y})年{M}{{1,2}}月{M}{{1,2}}日", "date"),
    ("year-month", r"(?:20{Y}{{2}}|20\d{Y})年{M}{{1,2}}月(?:份)?", "date"),
    ("year", r"(?:20{Y}{{2}}|20\d{Y}|19\d{Y})", "year"),
    # A year in Chinese numerals: "二〇XX年", "二〇二X年".
    ("cn-year", r"二[〇零○Ｏ](?:{Y}{{2}}|[一二]{Y})(?=年)", "year"),
    ("month-day", r"{M}{{1,2}}月{M}{{1,2}}日", "date"),
    ("month-range", r"{M}{{1,2}}[ 　]?[-—~～至到][ 　]?{M}{{1,2}}月(?:份)?", "date"),
    ("month", r"{M}{{1,2}}月(?:份)?", "date"),
    ("day", r"(?<=月){M}{{1,2}}日", "date"),
    ("decimal", r"{M}+[.．]{M}+", "figure"),
    ("mask", r"{M}{{1,4}}", "auto"),
    ("underline", r"[_＿]{{2,}}", "auto"),
    ("circles", r"[○〇]{{2,}}", "auto"),
    ("someone", r"某某", "name"),
    ("fill-in", r"【(?:请)?(?:填写|填入|输入|此处填|待填)[^】\n]{{0,16}}】", "auto"),
    ("fill-in-name", r"【[^】\n]{{0,10}}(?:名称|姓名|单位|日期|时间|数字|数量|金额)】", "auto"),
]

# Measure words after a figure. Longest first is not needed: the scanner sorts them.
UNITS: list[str] = [
    "个百分点", "百分点", "平方公里", "平方米", "万平方米", "公顷", "亩", "公里", "米", "吨", "万吨",
    "次", "人次", "家次", "场次", "批次", "份", "篇", "名", "人", "户", "家", "个", "个月", "项",
    "大项", "条", "件", "批", "场", "期", "轮", "届", "天", "日", "周", "小时", "课时", "学时",
    "年", "元", "万元", "亿元", "千元", "万", "亿", "%", "％", "‰", "倍", "所", "座", "台", "辆",
    "套", "册", "卷", "本", "节", "堂", "位", "支", "起", "宗", "笔", "张", "类", "种", "床", "株",
    "头", "只", "例", "间", "栋", "层", "千瓦", "度",
    "岁", "分", "分钟", "秒", "千米", "公斤", "斤", "升", "立方米", "楼", "处", "mm", "cm", "kg", "km",
]
# Words that start like a unit but are not one ("○○项目" is a name, not "○○ 项").
NOT_UNIT_WORDS = (
    "项目", "名单", "名称", "名义", "个人", "个性", "人员", "人民", "人才", "人大", "次要", "家庭", "家长",
    "条件", "条例", "件事", "天然", "年级", "场所", "元素", "批准", "期间", "所有", "所在", "台账", "位置",
    "起草", "本人", "本单位", "本级", "分析", "分局", "度过", "种类", "类型", "张贴", "头脑", "间隔",
    "楼宇", "楼盘", "处理", "处置", "处长", "处室", "处分", "处罚", "处于", "处在",
)
# Qualifiers that sit between a figure and its unit ("X余人", "X多次").
UNIT_QUALIFIERS = ("余", "多")

# What decides that "X年" is a year and not "X years": words before or after it that speak of
# a duration ("近X年来", "工作X年").
YEAR_DURATION_BEFORE = ("近", "连续", "共", "满", "工作", "任职", "已", "了", "多", "每", "第", "历时", "用")
YEAR_DURATION_AFTER = ("来", "以来", "间", "内", "多", "余", "以上", "左右", "的时间", "后", "期间")

# Look-alikes: text that contains a mask character but is no placeholder.
# A mask is never part of a Latin word or number ("Excel", "Xbox", "XP", "3×4", "PPP").
# After these, a mask is a real letter ("X光", "X射线", "X型").
NOT_PLACEHOLDER_AFTER = ("光", "射线", "线", "轴", "型", "染色体", "战警", "档案", "因素", "代", "世代")
# The same look-alikes written with a space ("X 光机"): spaces between mask and word are skipped.
LOOKALIKE_SPACES = " 　"
# A mark that a legend explains ("注：×表示无对应关系") is a symbol, not a placeholder.
LEGEND_AFTER = ("表示", "代表", "为不适用", "为无")
# Marks a table uses to tick or cross a cell: a cell (or a paragraph) holding only these, with
# spaces or slashes between, is a mark in a matrix (128 of them in one standard), not a gap.
TABLE_MARKS = "×╳✕✗✘√✓✔○●◎—－-/／ 　"
# Latin letters with tone marks: "x" beside one is pinyin ("xù", "xīn"), not a mask.
PINYIN_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ"
# Before these, a mask is an operand ("6+X", "1+X证书").
NOT_PLACEHOLDER_BEFORE = ("+", "＋", "×", "*")
# A single mask between two of these Han characters is a masked character (镇X委 for 镇党委):
# listed apart as a judgement call, never as a figure.
MASKED_CHAR_BEFORE_SUFFIX = ("委", "办", "局", "厅", "书记", "部长", "主任", "支部", "总支")

# A 【…】 fill-in's kind from the words inside it; a name where none of these is there.
FILL_IN_KIND_WORDS = [("日期", "date"), ("时间", "date"), ("年份", "year"), ("数字", "figure"),
                      ("数量", "figure"), ("金额", "figure"), ("人数", "figure")]

# Where a placeholder's kind is written for people.
KIND_LABELS = {"figure": "数字", "name": "名称", "date": "日期", "year": "年份"}

# Characters of context on each side of a placeholder.
CONTEXT_CHARS = 12

# Spans the placeholder scanner never looks inside: addresses and e-mail.
URL_PATTERN = (
    r"(?:https?://|ftp://|www\.)[^\s，。；、）)】]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|top|vip|cc|info|xyz)\b(?:/[^\s，。]*)?"
)

# --- Outline --------------------------------------------------------------------------------

CN_DIGITS = "〇零一二三四五六七八九十百两"

# Heading markers by rank (0 is highest). A block whose text starts with one of these is a
# heading; its level is the rank's place among the ranks the document uses.
HEADING_MARKERS: list[tuple[int, str]] = [
    (0, r"第[{cn}]{{1,4}}(?:部分|编|章|篇)[ 　、：:]?|第[{cn}]{{1,4}}节(?=[ 　])"),
    (1, r"[{cn}]{{1,3}}[、．.](?![{cn}]是)"),
    (2, r"[（(][{cn}]{{1,3}}[）)]"),
    (3, r"\d{{1,2}}(?:[．、]|\.(?!\d))"),
    (4, r"[（(]\d{{1,2}}[）)]"),
    (5, r"[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"),
]
# Chapter numbers of a standard or a book ("1 范围", "4 技术要求"): a number, a space and a
# short caption. Only a short line without sentence punctuation is one ("3 年来…" is prose).
SHORT_HEADING_MARKERS: list[tuple[int, str]] = [
    (3, r"\d{{1,2}}[ 　]+(?=[\u4e00-\u9fff、（）()]{{2,18}}[ 　]*$)"),
]
SHORT_HEADING_MAX = 20
# A numbered sense inside a definition ("(1) 原指统一筹划。") is no heading: after the marker, one
# of these words starts the sense and the line ends like a sentence.
DEFINITION_SENSE_WORDS = ("原指", "泛指", "特指", "多指", "现多指", "现指", "今指", "比喻", "引申", "借指", "喻指",
                          "亦作", "亦指", "也指", "又称", "也称", "指")
# "指" starts many headings' words ("指导思想", "指标"): after it, these mean it is no sense.
DEFINITION_NOT_AFTER_指 = "导标挥出定南令引数向示派纹针"
# Lines a template site adds that look like headings ("下载 工作计划.docx" in a heading style).
NOT_HEADING_STARTS = ("下载 ", "下载　", "下载：", "下载:")
# Word's heading styles sit at the rank of the marker of the same depth (Heading 1 ~ 一、).
STYLE_LEVEL_TO_RANK = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9}
# A run-in heading ends at the first of these; the rest of the paragraph is body.
HEADING_SENTENCE_END = "。！？；!?;"
# Stripped from the end of a heading's title.
HEADING_TRAILING = "：:，,、 　"
# A heading title longer than this is cut (with an ellipsis) for display.
HEADING_TITLE_MAX = 60

# A title line split in two: the first part ends without one of these words, and the second
# line is short and ends without punctuation.
TITLE_ENDINGS = (
    "报告", "总结", "汇报", "材料", "讲话", "发言", "发言稿", "方案", "计划", "意见", "通知",
    "要点", "体会", "心得", "述职", "述廉", "情况", "规划", "办法", "纲要", "讲稿",
)
TITLE_MAX_CHARS = 40
# A second line that is a date or a byline is not the rest of a split title.
TITLE_NOT_CONTINUED = r"^[\dXx×]{2,4}年.*月|^——|^(?:述职人|汇报人|报告人|单位)[:：]"
SENTENCE_PUNCTUATION = "。！？；：:;!?，,"

# Tables of contents. A contents entry repeats a heading and ends with its page number after a
# tab or a dot leader ("第五章 图表\t19", "一、总体要求……3"): it opens no section, even as plain
# text pasted from a Word contents list. The leaders and the page number, as regexes.
CONTENTS_LEADERS = (
    r"\t",  # Word's right tab (its dots are drawn by the tab stop, not typed)
    r"[.．。·・…‥⋯]{2,}",  # typed dots, ellipses or middle dots (not dashes: "目标——2035")
    r"…",  # one ellipsis character
    r"[ 　]{4,}",  # a run of spaces standing for the leader
)
# A page number (Arabic up to 999, or Roman for front matter); four digits read as a year ("……2035").
CONTENTS_PAGE_NUMBER = r"(?:\d{1,3}|[ivxlc]{1,7}|[IVXLC]{1,7})"
# The heading of a contents list (spaces removed, lower case): never the report's title.
CONTENTS_TITLES = ("目录", "目次", "contents", "tableofcontents")
# Paragraph styles of a table of contents (display names, lower case, spaces removed): names
# starting with one of the prefixes ("toc 1", "TOC Heading", WPS's "目录 1") or holding one of the
# words (tools that write the style's local name: "WPSOffice手动目录 1", "Table des matières 1").
TOC_STYLE_PREFIXES = ("toc", "目录")
TOC_STYLE_WORDS = ("目录", "tabledesmatières", "inhaltsverzeichnis", "tableofcontents", "tableoffigures")
# Word's field codes whose result is a contents list (a TOC field, also for a list of figures).
TOC_FIELD_CODES = ("TOC",)
# A content control (w:sdt) of this document-part gallery holds Word's table of contents.
TOC_CONTROL_GALLERIES = ("table of contents",)

# --- Junk from template sites ---------------------------------------------------------------

# Fragments a template site adds: (name, regex). Each match is junk; a line that is nothing but
# junk (and punctuation or spaces) is junk as a whole.
JUNK_PATTERNS: list[tuple[str, str]] = [
    ("study-only", r"仅供(?:学习|参考)(?:参考|交流|使用|之用)*(?:[，,]?请勿[^\s，。]{0,6})?"),
    ("no-spread", r"(?:禁止|严禁|请勿|不得)(?:外传|转载|传播|倒卖)"),
    ("delete-after", r"(?:用后|阅后|下载后|使用后)(?:请)?(?:于)?(?:\d+小时内)?删除"),
    ("members", r"(?:开通|订阅|加入|成为|免费)(?:会员|VIP)|会员(?:资料|群|专享|权益|下载|服务|免费)|(?<![A-Za-z])VIP(?![A-Za-z])"),
    ("qq", r"(?:咨询|联系|加)?(?:QQ|qq|扣扣)(?:群|号)?\s*[:：]?\s*\d{5,12}"),
    ("wechat", r"(?:咨询|联系|加)?(?:微信|vx|VX|v信)(?:号|群)?\s*[:：]\s*[A-Za-z0-9_-]{5,20}|(?:咨询|联系|加)(?:微信|vx|VX)[A-Za-z0-9_-]{5,20}"),
    # "微信群" in a sentence is the report's own ("开通了微信群"): only with a colon is it an ad.
    ("group", r"(?:会员|交流|免费|QQ|qq)群\s*[:：]?|微信群\s*[:：]"),
    # A public account is an ad where the reader is told to follow or search it, or given its
    # name after a colon; "在网站和公众号公开" is the report's own work.
    ("official-account", r"(?:关注|搜索|添加)(?:微信)?公众号\s*[:：]?\s*[「“\"]?[^\s，。「」“”\"]{0,12}[」”\"]?"
                         r"|(?:微信)?公众号\s*[:：]\s*[「“\"]?[^\s，。「」“”\"]{0,12}[」”\"]?"),
    # A download prompt glued to a paragraph ("开通VIP免费下载全文总体来看…"): cut, the rest stays.
    ("download-prompt", r"(?:开通|成为|升级)(?:会员|VIP)(?:后)?(?:即可)?(?:免费)?下载(?:全文|完整版|本文|全部|原文)?"
                        r"|点击(?:免费)?下载(?:全文|完整版|本文|原文)?"),
    ("url", URL_PATTERN),
    ("omitted", r"[（(]?(?:本文|全文|以下)(?:共)?省略\s*\d+\s*字[)）]?"),
    ("word-count", r"[（(]?全文(?:共)?\s*\d+\s*字[)）]?"),
    ("to-be-continued", r"[（(【]未完(?:待续)?(?![成善全整备结])[^（）()【】\n]{0,16}[)）】]|未完(?:待续)?(?![成善全整备结])"),
    # A bracketed note that the text goes on elsewhere: "（此处为节选，下载后查看完整内容）"
    ("excerpt-note", r"[（(【][^（）()【】\n]{0,12}(?:节选|下载后|下载全文|下载完整|完整版|付费|会员专享)[^（）()【】\n]{0,12}[)）】]"),
    # A template's own note glued to the text: "本文档可自由编辑，使用时请删除本提示"
    # (Found at "删除…" and widened back over its lead, JUNK_LEADS: a rule starting at 本 or 文
    # would be tried all through a report.)
    ("edit-note", r"删除(?:此|本)(?:提示|说明|行|段|页)"),
    ("dash-run", r"^[\s\-—_=─━*·.。…]{6,}$"),
    ("resale", r"打击倒卖[^\s]{0,6}|举报倒卖[^，。]*"),
    ("download", r"(?:免费)?下载(?:地址|链接)\s*[:：]?"),
    ("more", r"更多(?:精品)?(?:范文|资料|文章)(?:请|尽在)[^，。]{0,12}"),
    ("compiled-by", r"^[^\s，。]{2,10}整理(?=[，,\s]|$)"),
]
# What an ad fragment takes with it before where it was found: rule -> regex ending at the find.
JUNK_LEADS = {
    "edit-note": r"(?:(?:本?文档|本文|此文档|本模板)(?:可(?:以)?(?:自由|任意)?编辑)?[ 　，,]*"
                 r"|(?:下载后|使用时|使用前|打印前|阅读后))+(?:可|请)?$",
}
# Words that make a short line a template site's name even when no ad line repeats it. Plain 网
# or 站 is not enough: "国家电网公司" or "派出所工作站" are the report's own.
SITE_NAME_MARKS = ("文库", "范文", "公文网", "写作网", "材料网", "资料网", "笔杆子", "秘书网", "文秘网")
# Words that make a short line before the title part of a site's promotion block.
PROMOTION_WORDS = ("订阅", "立享", "权益", "会员", "平台", "分享", "迭代", "免费", "下载", "资料", "精品", "更新", "文库")
# A line longer than this, or ending like a sentence, is report prose and never junk as a whole.
JUNK_LINE_MAX = 80
# A line is junk as a whole, not just where an ad fragment sits, only when what is left once the
# fragments are cut holds no sentence of its own: fewer Han characters than this, or no "。".
JUNK_REMAINDER_SENTENCE_HAN = 8

# Site chrome: lines a template site's page adds around the text (breadcrumbs, publishing lines,
# share and print buttons, page headers of scanned books, a collection's captions). No list of
# phrases can name every site, so a line is scored by weak signals, each (name, regex, weight);
# a line whose score reaches JUNK_SCORE_MIN is junk as a whole. The signals are what the dialog
# and ``scan --json`` give as the reason.
JUNK_SIGNALS: list[tuple[str, str, int]] = [
    # 首页 > 范文大全 > 工作总结 > 正文
    ("breadcrumb", r"[>»›→][ 　]*[^\s>»›→]{1,12}[ 　]*[>»›→][ 　]*[^\s>»›→]", 3),
    ("location", r"(?:当前|您的|您现在的|你的|你现在的)位置\s*[:：]", 3),
    # Page 987 - …县志; P. 988; — 212 —; ·318·; 第1页 共3页
    ("page-header", r"^[ 　]*(?:Page|PAGE|page|P\.|p\.)[ 　]*\d{1,4}(?![\d.])"
                    r"|^[ 　]*[-—－·•][ 　]*\d{1,4}[ 　]*[-—－·•]|第\s*\d+\s*页\s*[，,/]?\s*共\s*\d+\s*页", 3),
    # 发布时间：… 浏览：1268次; 来源：…; 作者：…; 责任编辑：…
    # (A byline "作者：" or a table's "资料来源：" is the report's own: neither counts.)
    ("publish-meta", r"(?:发布|更新|上传|发表|录入)(?:时间|日期)\s*[:：]|(?:浏览|阅读|点击|访问|人气)(?:量|数|次数)?\s*[:：]"
                     r"|(?:^|[ 　|｜])(?:本文|文章)?(?:来源|出处)\s*[:：]|责任编辑\s*[:：]|投稿人\s*[:：]"
                     r"|(?:浏览|阅读|点击)\s*\d+\s*次", 2),
    # Buttons and links of the page: 手机扫码阅读 · 收藏本文, 正文复制, 上一篇：…, 分享到：
    ("site-action", r"扫码|扫一扫|收藏本(?:文|页|站)|加入收藏|分享到|打印本(?:文|页)|关闭窗口|正文复制|复制本文|复制全文"
                    r"|返回(?:列表|首页|顶部)|上一篇|下一篇|相关(?:推荐|文章|阅读|范文)|猜你喜欢|热门(?:推荐|文章|范文)"
                    r"|字号\s*[:：]|^[ 　]*下载[ 　：:]|下载(?:完整版|全文|本文|Word|word|WORD|文档)", 2),
    ("site-word", r"首页|主页|本站|小编|网友|投稿|文库|范文|范例|合集|精选|网站整理", 1),
    # Copyright and take-down notes: 如有侵权请联系删除, 版权所有
    ("copyright", r"侵权|版权(?:所有|归)|转载(?:请)?注明|联系(?:我们|本站)?删除|All [Rr]ights [Rr]eserved", 2),
    # A collection: "…范文合集（共三篇）", its captions "范文一：…", "述职报告 篇2", "【篇二】…"
    ("collection", r"(?:范文|范例|篇)[一二三四五六七八九十\d]{1,3}[：:】]|^[ 　]*[【\[]第?[一二三四五六七八九十\d]{1,3}篇[】\]]"
                   r"|^[ 　]*[【\[]篇[一二三四五六七八九十\d]{1,3}[】\]]|[ 　]篇[ 　]?\d{1,2}[ 　]*$"
                   r"|[（(](?:共|通用|精选)?[一二三四五六七八九十\d]{1,3}篇[)）]|精选\d{1,2}篇|(?<=\d)篇(?:精选|范文)"
                   r"|(?<=[^\s，。：:]{2})[（(][一二三四五六七八九十]{1,2}[)）][ 　]*$", 2),
    # The site's own introduction: "…为您精心收集了多篇…", "以下是本站整理的…", "希望对大家有所帮助"
    ("intro", r"为(?:您|你|大家)(?:精心)?(?:收集|整理|准备|推荐|精选|带来|汇总|分享)|(?:以下|下面)(?:是|为)?(?:小编|本站)"
              r"|以上(?:就)?是(?:小编|本站)?(?:为(?:大家|您))?(?:分享|整理|带来|推荐|收集)的"
              r"|本文(?:为(?:大家|您))?(?:整理|收集|精选|汇总)了|供(?:各位)?(?:朋友|网友|小伙伴)们?(?:参考|借鉴)"
              r"|(?:小编|本站)(?:为您|为大家)?(?:整理|收集|精选)|希望(?:对|能对|能够对|可以对)(?:大家|您|你)有(?:所)?帮助"
              r"|欢迎(?:阅读|参考|借鉴|下载)(?:与|和)?(?:参考|借鉴|收藏)?[。！!]?$", 4),
    # A template's usage note: "使用说明：…正式使用时请删除本行"
    ("note-label", r"^[ 　【\[]*(?:使用说明|温馨提示|特别提示|声明|免责声明|版权声明)\s*[:：】\]]", 2),
    ("delete-note", r"删除(?:本行|本段|此行|此段|此提示|本提示|本说明|此说明)", 3),
    # A caption the page put over the text: "文章标题:…", "【正文】", "正文："
    ("caption", r"^[ 　]*(?:文章标题|文章名称|标题|正文)[ 　]*[:：]|^[ 　]*[【\[]?[ 　]*正[ 　]*文[ 　]*[】\]]?[ 　]*$", 3),
    # A file name or an address: "下载 工作计划.docx"
    ("file", r"\.(?:docx?|wps|pdf|txt|xlsx?|pptx?|rar|zip)\b", 2),
    # A date and a time in a site's form (2023-05-12, 09:31), as a report writes neither. (They
    # start at the separator: a report is full of digits, and the scan tries a rule only where
    # it can start.)
    ("date-stamp", r"(?<=[12]\d{3})[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)", 1),
    ("clock", r"(?<=\d):[0-5]\d(?!\d)", 1),
    # A count of views or clicks: "：1268次", "阅读：3870"
    ("count", r"(?<!\d)[:：][ 　]*\d{2,}(?![ 　]*[\dA-Za-zＸｘ×年月日.%\-/:])", 1),
]
# Signals that are only weak evidence of a site on their own: a line is chrome when one of the
# others fired, or at least this many of these.
JUNK_WEAK_SIGNALS = ("site-word", "url", "date-stamp", "clock", "count")
JUNK_WEAK_NEEDED = 2
# Signals that speak for the whole line (a label, a caption, a page header): where one fired, a
# sentence beside an ad fragment does not keep the line ("使用说明：…正式使用时请删除本行。").
JUNK_LINE_SIGNALS = ("breadcrumb", "location", "page-header", "publish-meta", "collection", "intro", "note-label",
                     "caption")
# On a line without Chinese (a code sample, an English document) only these signals count.
JUNK_SIGNALS_WITHOUT_HAN = ("page-header",)
JUNK_PAGE_HEADER_MAX = 16
# Weights of what the line as a whole looks like.
JUNK_WEIGHT_URL = 1  # an address (the "url" ad rule) that is not a government's, a school's or an e-mail
JUNK_WEIGHT_NO_SENTENCE = 1  # no sentence punctuation: not prose
JUNK_WEIGHT_AD_FRAGMENT = 3  # an ad fragment of the strong rules (QQ, 仅供参考, 会员 …) in it
JUNK_WEIGHT_PROSE = -2  # a sentence: ends with 。！？ or runs on with commas
JUNK_WEIGHT_TOP = 1  # above the first heading, where sites put their chrome
JUNK_SCORE_MIN = 3
# From this score a line is junk even where a sentence stands beside its ad fragments.
JUNK_SCORE_SURE = 5
# Characters that make a line a sentence (the no-sentence signal is their absence).
JUNK_SENTENCE_MARKS = "。！？；，!?;,"
# A line longer than this is prose that merely mentions a site: never scored.
JUNK_SCORED_MAX = 90
# Only so many lines from the top are looked at for the chrome above the first heading (the
# window looks at the same lines: ui/tracker.py's lead lines).
JUNK_TOP_LINES = 200

# --- Clean-up, renumbering, hints, counts (issue 7) -------------------------------------------

# Cutting a junk fragment out of a sentence: separators left dangling next to the cut go with it
# ("正文，咨询QQ123456" -> "正文"), and brackets left empty around it go too ("（仅供参考）").
CLEAN_SEPARATORS = "，,、；;：:|｜/／·"
CLEAN_SPACES = " \u3000\t\u00a0"
# Junk rules strong enough to be acted on inside a table cell (elsewhere every rule is).
CLEAN_RULES_IN_CELLS = ("study-only", "no-spread", "delete-after", "members", "qq", "wechat", "group",
                        "official-account", "resale", "download", "more", "omitted", "word-count")
# Fragments listed unticked: an address inside a sentence may be the report's own.
CLEAN_UNCHECKED_FRAGMENT_RULES = ("url",)
# Addresses that are more likely the report's own than a template site's (listed unticked).
CLEAN_OWN_DOMAINS = (".gov.cn", ".gov", ".edu.cn", ".edu", ".org.cn", ".mil.cn")
# Words that make a repeated short line a template site's name even with no ad line beside it.
SITE_NAME_WORDS = ("网", "文库", "范文", "公文", "写作", "材料库", "资料库", "文档", "笔杆", "秘书", "站")
CLEAN_BRACKETS = {"（": "）", "(": ")", "【": "】", "[": "]", "「": "」", "《": "》", "“": "”", "\"": "\""}

# Inline enumerations inside a paragraph: "一是……二是……三是……". The words after the numeral.
INLINE_ENUM_SUFFIXES = ("是",)
# An inline enumerator only counts after one of these (or at the start of the paragraph), so
# "统一是" or "第一是" never do.
INLINE_ENUM_AFTER = "。；;，,：:！？!? \u3000\t、"

# The marker each rank gets when a section is promoted or demoted into it and the document has
# no marker of that rank to copy the style from.
DEFAULT_MARKERS = {0: "第一部分", 1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}
# Ranks a section can be promoted or demoted between (第一部分 is left alone).
MOVABLE_RANKS = (1, 2, 3, 4, 5)
CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Symbols put before a heading's marker ("▲二、申请人的资格要求"): such a line is a heading the
# outline does not see, so its siblings are not renumbered.
MARKER_DECORATIONS = "▲△★☆●○■□◆◇►▶•※√"
# Paragraphs of a table of contents (TOC_STYLE_PREFIXES above) are never renumbered.

# Hints. A year from 1900 on, not part of a longer number, followed by 年 or by a range sign
# ("2020年", "2020-2021年度"). Placeholders (20XX) never match: they hold no four digits.
YEAR_HINT_PATTERN = r"(?<![\dA-Za-z０-９.．/:])((?:19|20)\d{2})(?=\s?年|\s?[—\-–～~至到]\s?(?:19|20)\d{2})"
# A year after or before these words is history the report means to cite ("自2019年以来"), not
# last year's template left in place.
YEAR_HINT_EXEMPT_BEFORE = ("自", "从", "早在", "成立于", "始建于", "创建于", "建于", "始于")
YEAR_HINT_EXEMPT_AFTER = ("以来", "起", "至今", "开始")

# Counts in Chinese numerals where the document writes counts in Arabic (GB/T 15835): the units
# that make a numeral a count, the numerals, and what must surround it to be flagged. Being wrong
# here costs the user's trust, so only a count that closes its clause ("召开会议三次。") or follows
# a word of counting ("共三次") is a hint; "三个核心环节", "八项规定" (a count before a noun) never.
NUMBER_HINT_UNITS = (
    "次", "人次", "场", "场次", "份", "篇", "名", "人", "家", "个", "项", "条", "件", "批", "期",
    "户", "所", "座", "台", "辆", "套", "册", "万元", "亿元", "元", "个百分点", "天", "小时", "课时",
)
NUMBER_HINT_DIGITS = "一二三四五六七八九十百两零〇"
# Words before a numeral that make it a count whatever follows.
NUMBER_HINT_COUNT_WORDS = ("共", "累计", "合计", "总计", "达", "达到", "计")
# Before these a numeral is an ordinal, an approximation or part of a name: never a hint.
NUMBER_HINT_EXEMPT_BEFORE = ("第", "约", "近", "数", "几", "每", "逐", "某", "上", "老", "初", "周", "星期", "之", "其",
                             "到", "至", "或", "最后", "最初", "头", "前", "后", "一式", "各执")
# Fixed expressions that are numerals then a unit, kept in Chinese numerals by the standard.
NUMBER_HINT_EXEMPT_PHRASES = (
    "两个责任", "两个维护", "两个确立", "三个代表", "三个核心", "四个意识", "四个自信", "四个全面", "五个全面",
    "八项规定", "三会一课", "两学一做", "一岗双责", "三重一大", "四讲四有",
)
# After a count, these mean it closes its clause.
NUMBER_HINT_CLAUSE_END = "，,。；;、：:！？!?）)"

# Half-width punctuation between Chinese characters, and its full-width form.
HALF_TO_FULL_PUNCTUATION = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}

# Characters the Chinese way of counting leaves out when punctuation is not counted.
COUNT_PUNCTUATION_CATEGORIES = ("P", "S")  # Unicode general categories: punctuation and symbols

# --- Official format (GB/T 9704) ------------------------------------------------------------

# The date a report ends with (成文日期), placed right with four characters of space; the short
# line just above it (署名, "述职人：XXX") goes with it.
SIGNATURE_DATE = r"^(?:\d{4}|20[XxＸｘ×*＊\d]{2}|[〇零一二三四五六七八九]{4})年[^。，,；;]{1,3}月[^。，,；;]{1,3}日$"
SIGNATURE_MAX_CHARS = 24

# Word list labels (issue 14). A label that reads as a heading marker is one (HEADING_MARKERS);
# beyond those, a clause number as standards number their clauses ("3", "3.1", "A.1.2") opens a
# heading as deep as it has parts.
LIST_CLAUSE_NUMBER = r"\d{1,3}(?:\.\d{1,3}){0,5}|[A-Z](?:\.\d{1,3}){1,5}"

# A standard's cover page (GB/T 1.1): lines that stand before its title and are never the title
# (issue 14): the ICS and CCS classification numbers, the filing number, the mark and the name
# of the kind of standard, the standard's number, release and implementation dates, the issuing
# body; and an appendix caption (附录A). Matched against the whole line, spaces removed.
STANDARD_COVER_FIELDS = (
    r"(?:ICS|CCS)[\d.A-Z]*",  # ICS 27.120.99 / CCS F69
    r"[A-Z]\d{2}",  # the CCS code on a line of its own: F69
    r"备案号[:：]?.*",
    r"代替.{0,40}",  # 代替GB/T XXXXX—XXXX: the standard it replaces
    r"[A-Z]{1,4}(?:/[TZ])?",  # the mark: GB, NB, DL/T
    r"中华人民共和国.{0,16}标准",  # 中华人民共和国能源行业标准
    r"[A-Z]{1,4}(?:/[TZ])?[\dXxＸ.]*[—–－\-~～][\dXxＸYy]+",  # NB/T XXXXX—XXXX, GB/T 1.1—2020
    r"[\dXxＸ]{2,4}[—–－\-.][\dXxＸ]{1,2}[—–－\-.][\dXxＸ]{1,2}(?:发布|实施)",  # 20XX-XX-XX发布
    r".{2,20}(?:发布|批准)",  # 国家能源局 发布 (a short line ending so)
    r"附录[A-Z]?(?:[（(](?:资料性|规范性)附录[）)])?.{0,30}",  # an appendix caption
)
