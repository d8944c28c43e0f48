<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Beyond</name>
    <message>
        <location filename="../../app/ui/operations.py" line="22"/>
        <source>Move section</source>
        <translation>移动章节</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="23"/>
        <source>Promote</source>
        <translation>提升级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="24"/>
        <source>Demote</source>
        <translation>降低级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="25"/>
        <source>Renumber</source>
        <translation>重新编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="26"/>
        <source>Half-width punctuation to full width</source>
        <translation>半角标点改为全角</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="27"/>
        <source>Remove template ads</source>
        <translation>清除模板广告</translation>
    </message>
    <message>
        <location filename="../../app/ui/official_format.py" line="43"/>
        <location filename="../../app/ui/official_format.py" line="60"/>
        <location filename="../../app/ui/operations.py" line="28"/>
        <source>Apply Official Format</source>
        <translation>套用公文格式</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="29"/>
        <source>Remove extra empty paragraphs and page numbers</source>
        <translation>清除多余空段落和页码</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="30"/>
        <source>Fill matching placeholders</source>
        <translation>同时填写相同的占位符</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="33"/>
        <source>There is no such section.</source>
        <translation>没有这一节。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="34"/>
        <source>The title cannot be moved.</source>
        <translation>标题不能移动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="35"/>
        <source>The target position is outside the document.</source>
        <translation>目标位置不在文档内。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="36"/>
        <source>A section cannot be moved into itself.</source>
        <translation>不能把一节移到它自己里面。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="37"/>
        <source>Nothing can be moved above the title.</source>
        <translation>不能移到标题前面。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="38"/>
        <source>This is already the first section at its level.</source>
        <translation>已经是同级的第一节。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="39"/>
        <source>This is already the last section at its level.</source>
        <translation>已经是同级的最后一节。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="40"/>
        <source>Already at the top level.</source>
        <translation>已经是最高一级，不能再升级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="41"/>
        <source>Already at the lowest level.</source>
        <translation>已经是最低一级，不能再降级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="42"/>
        <source>This section&apos;s number cannot change level.</source>
        <translation>这一节的编号不能升降级。</translation>
    </message>
    <message>
        <location filename="../../app/ui/official_format.py" line="20"/>
        <source>The whole document will be reformatted to GB/T 9704-2012, Layout Key for Official Documents of Party and Government Organs:

• Paper: A4 (210×297 mm), portrait
• Margins: top 37, bottom 35, left 28, right 26 mm (type area 156×225 mm)
• Title: No. 2 FZXiaoBiaoSong-B05S, centred
• Level 1 headings (一、): No. 3 SimHei; level 2 headings (（一）): No. 3 KaiTi_GB2312
• Level 3 and 4 headings (1. （1）): No. 3 FangSong_GB2312
• Body text: No. 3 FangSong_GB2312, first line indented 2 characters, justified
• Line spacing: exactly 28.9 pt (22 lines a page)
• Page numbers: No. 4 SimSun “— 1 —”, right on odd pages, left on even pages

Where the computer lacks FangSong_GB2312 and the like, Word and WPS show FangSong, KaiTi and SimSun instead. Text in tables stays as it is. Undo (Ctrl+Z) restores everything in one step.</source>
        <translation>将按 GB/T 9704-2012《党政机关公文格式》重新排版整篇文档：

• 纸张：A4（210×297 毫米），纵向
• 页边距：上 37、下 35、左 28、右 26 毫米（版心 156×225 毫米）
• 标题：2号 方正小标宋简体，居中
• 一级标题（一、）：3号 黑体；二级标题（（一））：3号 楷体_GB2312
• 三、四级标题（1. （1））：3号 仿宋_GB2312
• 正文：3号 仿宋_GB2312，首行缩进 2 字，两端对齐
• 行距：固定值 28.9 磅（每页 22 行）
• 页码：4号 宋体“— 1 —”，单页居右、双页居左

电脑上没有仿宋_GB2312 等字体时，Word 和 WPS 会用仿宋、楷体、宋体代替。表格内的文字保持原样。此操作可用“撤销”（Ctrl+Z）一次恢复。</translation>
    </message>
    <message>
        <location filename="../../app/ui/counts_view.py" line="63"/>
        <source>Length Target</source>
        <translation>字数目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/counts_view.py" line="64"/>
        <source>Target length in characters (0 for none):</source>
        <translation>目标字数（0 表示不设目标）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="90"/>
        <source>Cannot Do That</source>
        <translation>无法完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/cleanup.py" line="32"/>
        <location filename="../../app/ui/cleanup.py" line="46"/>
        <source>Clean Up Template Ads</source>
        <translation>清理模板广告</translation>
    </message>
    <message>
        <location filename="../../app/ui/cleanup.py" line="33"/>
        <source>No ads or watermarks added by a template site were found.</source>
        <translation>没有发现模板网站添加的广告或水印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/cleanup.py" line="47"/>
        <source>The document changed during the review: please open “Clean Up Template Ads” again.</source>
        <translation>文档在审阅时已修改，请重新打开“清理模板广告”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/section_moves.py" line="81"/>
        <source>The cursor is not in any section: first put it in the heading to move, or in its text.</source>
        <translation>光标不在任何一节中：请先把光标放在要移动的标题或其正文里。</translation>
    </message>
    <message>
        <location filename="../../app/ui/operations.py" line="106"/>
        <source>%1 (can be undone)</source>
        <translation>%1（可撤销）</translation>
    </message>
    <message>
        <location filename="../../app/ui/section_moves.py" line="124"/>
        <source>The numbering already runs in order; nothing to renumber.</source>
        <translation>编号已经连续，无需重新编号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hint_fixes.py" line="44"/>
        <source>No half-width punctuation to change to full width.</source>
        <translation>没有需要改为全角的半角标点。</translation>
    </message>
    <message>
        <location filename="../../app/ui/official_format.py" line="46"/>
        <source>Apply</source>
        <translation>套用</translation>
    </message>
    <message>
        <location filename="../../app/ui/official_format.py" line="47"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/official_format.py" line="65"/>
        <source>Laying the report out to GB/T 9704…</source>
        <translation>正在按 GB/T 9704 排版…</translation>
    </message>
    <message>
        <location filename="../../app/ui/official_format.py" line="73"/>
        <source>Applying the official format failed; the document is unchanged.
%1</source>
        <translation>套用公文格式时出错，文档没有改动。
%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/official_format.py" line="79"/>
        <source>Showing the formatted report…</source>
        <translation>正在显示排好的报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/official_format.py" line="85"/>
        <source>Official format applied (can be undone); saving makes the file official format.</source>
        <translation>已套用公文格式（可撤销）；保存后文件即为公文格式。</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_actions.py" line="29"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_actions.py" line="42"/>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_actions.py" line="54"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_actions.py" line="60"/>
        <location filename="../../app/ui/print_actions.py" line="72"/>
        <source>Export as PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_actions.py" line="61"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_actions.py" line="79"/>
        <source>Writing page %1 of %2…</source>
        <translation>正在写入第 %1 页（共 %2 页）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_actions.py" line="89"/>
        <source>Exported PDF: %1</source>
        <translation>已导出 PDF：%1</translation>
    </message>
</context>
<context>
    <name>Bridge</name>
    <message>
        <location filename="../../app/ui/document_build.py" line="287"/>
        <source>Picture (this format cannot be previewed; it is kept in the file)</source>
        <translation>图片（此格式无法预览，文件中原样保留）</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <location filename="../../app/ui/paragraph_moves.py" line="282"/>
        <source>Paragraphs cannot be moved and deleted at the same time.</source>
        <translation>不能同时移动和删除段落。</translation>
    </message>
    <message>
        <location filename="../../app/ui/paragraph_moves.py" line="204"/>
        <source>This move would split a table: a table can only move whole, with the section it is in.</source>
        <translation>这样移动会把表格拆开：表格只能随所在章节整体移动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/paragraph_moves.py" line="211"/>
        <source>This move could not be saved as shown: part of the text to move is inside a content control (such as a table of contents) that can only move whole.</source>
        <translation>这样移动后无法按所见的顺序保存：要移动的内容有一部分位于内容控件（如目录）之中，这类内容只能整体移动。</translation>
    </message>
</context>
<context>
    <name>CleanDialog</name>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="32"/>
        <source>for study only</source>
        <translation>仅供学习</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="33"/>
        <source>do not pass on</source>
        <translation>禁止外传</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="34"/>
        <source>delete after use</source>
        <translation>用后删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="35"/>
        <source>membership ad</source>
        <translation>会员推广</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="36"/>
        <source>QQ number</source>
        <translation>QQ号</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="37"/>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="38"/>
        <source>group ad</source>
        <translation>群推广</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="39"/>
        <source>official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="40"/>
        <location filename="../../app/ui/clean_dialog.py" line="72"/>
        <source>web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="41"/>
        <source>words omitted</source>
        <translation>省略字数</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="42"/>
        <source>word count</source>
        <translation>全文字数</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="43"/>
        <source>to be continued</source>
        <translation>未完待续</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="44"/>
        <source>divider</source>
        <translation>分隔线</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="45"/>
        <source>resale notice</source>
        <translation>倒卖声明</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="46"/>
        <source>download address</source>
        <translation>下载地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="47"/>
        <source>more samples</source>
        <translation>更多范文</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="48"/>
        <source>compiler&apos;s credit</source>
        <translation>整理者署名</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="49"/>
        <source>site name</source>
        <translation>网站名</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="50"/>
        <source>promotion</source>
        <translation>推广</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="51"/>
        <source>template site page</source>
        <translation>模板网站页面文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="52"/>
        <source>download prompt</source>
        <translation>下载提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="53"/>
        <source>excerpt note</source>
        <translation>节选提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="54"/>
        <source>template note</source>
        <translation>模板提示语</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="59"/>
        <source>breadcrumb</source>
        <translation>面包屑导航</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="60"/>
        <source>“you are here”</source>
        <translation>“当前位置”</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="61"/>
        <source>page header</source>
        <translation>页眉页码</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="62"/>
        <source>publishing details</source>
        <translation>发布信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="63"/>
        <source>site button or link</source>
        <translation>网站按钮或链接</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="64"/>
        <source>site word</source>
        <translation>网站用语</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="65"/>
        <source>copyright notice</source>
        <translation>版权声明</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="66"/>
        <source>collection caption</source>
        <translation>合集标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="67"/>
        <source>site introduction</source>
        <translation>网站导语</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="68"/>
        <source>usage note</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="69"/>
        <source>“delete this line”</source>
        <translation>“请删除本行”</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="70"/>
        <source>page caption</source>
        <translation>页面标注</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="71"/>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="73"/>
        <source>timestamp</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="74"/>
        <source>time of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="75"/>
        <source>view count</source>
        <translation>浏览次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="76"/>
        <source>ad text</source>
        <translation>广告语</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="77"/>
        <source>no sentence punctuation</source>
        <translation>不成句子</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="78"/>
        <source>above the first heading</source>
        <translation>位于首个标题之前</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="84"/>
        <source>ad</source>
        <translation>广告</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="95"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="104"/>
        <source>Clean Up Template Ads</source>
        <translation>清理模板广告</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/clean_dialog.py" line="109"/>
        <source>Text added by a template site, found in %1 places (whole lines: %2, fragments inside sentences: %3). What is ticked will be deleted; placeholders never are. Undo (Ctrl+Z) brings it all back in one step.</source>
        <translation>
            <numerusform>发现 %1 处模板网站添加的内容（整行 %2 处，句中片段 %3 处）。勾选的内容将被删除，占位符不会被删除；删除后可用“撤销”（Ctrl+Z）一次恢复。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="117"/>
        <source>Text to clean up</source>
        <translation>要清理的内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="130"/>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="131"/>
        <source>Select None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="143"/>
        <source>Delete Ticked Text</source>
        <translation>删除勾选的内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="144"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="157"/>
        <source>[%1 · whole line] %2
    why: %3</source>
        <translation>［%1 · 整行］ %2
    依据：%3</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="159"/>
        <source>[%1 · whole line] %2</source>
        <translation>［%1 · 整行］ %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="160"/>
        <source>[%1 · fragment] “%2”  in: %3</source>
        <translation>［%1 · 片段］ “%2”&#x3000;所在句：%3</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="169"/>
        <source>Paragraph %1: %2</source>
        <translation>第 %1 段：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/clean_dialog.py" line="182"/>
        <source>%1 of %2 ticked</source>
        <translation>已勾选 %1 / %2</translation>
    </message>
</context>
<context>
    <name>Cleanup</name>
    <message numerus="yes">
        <location filename="../../app/ui/cleanup.py" line="55"/>
        <source>Template ads removed in %1 places (can be undone)</source>
        <translation>
            <numerusform>已清理 %1 处模板广告（可撤销）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message numerus="yes">
        <location filename="../../app/ui/counts_view.py" line="152"/>
        <source>%1 chars</source>
        <translation>
            <numerusform>%1 字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/counts_view.py" line="166"/>
        <source>%1: %2 characters (%3 in the section&apos;s own text)</source>
        <translation>
            <numerusform>%1：%2 字（本节正文 %3 字）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FillLoop</name>
    <message>
        <location filename="../../app/ui/fill_loop.py" line="122"/>
        <source>No placeholders left</source>
        <translation>没有待填写的地方了</translation>
    </message>
    <message>
        <location filename="../../app/ui/fill_loop.py" line="180"/>
        <source>Not filled: the value holds a tab or a control character</source>
        <translation>未填入：内容含有制表符或控制字符</translation>
    </message>
    <message>
        <location filename="../../app/ui/fill_loop.py" line="194"/>
        <source>“%1” filled in as “%2”</source>
        <translation>“%1”已补全为“%2”</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../../app/ui/findreplace.py" line="65"/>
        <location filename="../../app/ui/findreplace.py" line="106"/>
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="71"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="73"/>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="75"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="84"/>
        <source>Find Next</source>
        <translation>查找下一处</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="86"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="87"/>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="106"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="116"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/findreplace.py" line="130"/>
        <source>Replaced %1 occurrences</source>
        <translation>
            <numerusform>已替换 %1 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HintFixes</name>
    <message numerus="yes">
        <location filename="../../app/ui/hint_fixes.py" line="45"/>
        <source>Half-width punctuation changed to full width in %1 places (can be undone)</source>
        <translation>
            <numerusform>已把 %1 个半角标点改为全角（可撤销）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="25"/>
        <source>old year</source>
        <translation>旧年份</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="26"/>
        <source>numerals</source>
        <translation>数字用法</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="27"/>
        <source>half-width</source>
        <translation>半角标点</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="28"/>
        <source>not a year</source>
        <translation>不像年份</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="29"/>
        <source>not a figure</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="30"/>
        <source>over 100%</source>
        <translation>超过100%</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="31"/>
        <source>fraction</source>
        <translation>非整数</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="32"/>
        <source>empty lines</source>
        <translation>多余空行</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="33"/>
        <source>empty at end</source>
        <translation>文末空行</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="34"/>
        <source>page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="51"/>
        <source>%1 is before this year (%2): is this last year&apos;s template, not yet updated?</source>
        <translation>%1年早于今年（%2年），是否是去年的模板没有改？</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="54"/>
        <source>Counts are better written in Arabic numerals (GB/T 15835); the rest of this document already does.</source>
        <translation>计数宜用阿拉伯数字（GB/T 15835），本文其他地方已用阿拉伯数字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="57"/>
        <source>Half-width “%1” in a Chinese sentence: should be full-width “%2”.</source>
        <translation>中文句子里的半角“%1”，应为全角“%2”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="61"/>
        <source>“%1” does not look like a year (four digits, %2 to %3).</source>
        <translation>“%1”不像年份（应为 %2—%3 年间的四位数字）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="64"/>
        <source>A figure in Arabic numerals belongs here; “%1” was filled in.</source>
        <translation>这里应填阿拉伯数字，填的是“%1”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="66"/>
        <source>The percentage “%1%” is over 100%: please check.</source>
        <translation>百分比“%1%”超过 100%，请核对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="68"/>
        <source>“%1” counts whole things: usually a whole number.</source>
        <translation>“%1”是计数，一般是整数。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="70"/>
        <source>%1 empty paragraphs in a row (left by copying or converting): one is enough.</source>
        <translation>连续 %1 个空段落（可能是复制或转换时留下的），保留一个即可。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="73"/>
        <source>This line holds only the page number “%1” (left by copying from a PDF or a printout).</source>
        <translation>这一行只有页码“%1”（可能是从 PDF 或打印稿复制时留下的）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="85"/>
        <source>[%1] %2 empty paragraphs</source>
        <translation>［%1］ %2 个空段落</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="87"/>
        <source>[%1] %2 · %3</source>
        <translation>［%1］ %2 · %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="118"/>
        <source>Hints</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="128"/>
        <location filename="../../app/ui/hints_panel.py" line="163"/>
        <source>Fix to Full Width</source>
        <translation>修正为全角</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="130"/>
        <source>Change the half-width punctuation listed below to full width in one step (can be undone)</source>
        <translation>把下面列出的半角标点一次改为全角（可撤销）</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="135"/>
        <source>Remove the extra empty paragraphs and the page-number lines listed below in one step (can be undone)</source>
        <translation>把下面列出的多余空段落和页码行一次清除（可撤销）</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="144"/>
        <source>Hint list</source>
        <translation>提示列表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/hints_panel.py" line="160"/>
        <source>%1 hints</source>
        <translation>
            <numerusform>提示  %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="162"/>
        <source>Fix to Full Width (%1)</source>
        <translation>修正为全角（%1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/hints_panel.py" line="166"/>
        <source>Clear Extra Empty Paragraphs and Page Numbers (%1)</source>
        <translation>清除多余空段落和页码（%1）</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="60"/>
        <source>Version History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="65"/>
        <source>This document has never been saved, so it has no earlier versions.</source>
        <translation>这份文档还没有保存过，没有历史版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="67"/>
        <source>“%1” has no earlier versions yet: before every save, Tianbao keeps the file as it was as an earlier version.</source>
        <translation>“%1”还没有旧版本：每次保存前，填报会把原来的文件留作一个历史版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="90"/>
        <source>Kept in: %1</source>
        <translation>保存位置：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="95"/>
        <source>Restore This Version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="99"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="126"/>
        <source>Restore Earlier Version</source>
        <translation>恢复历史版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="127"/>
        <source>Replace the window&apos;s content with the version saved at %1?
“%2” itself is not changed until you save; when you do, its present content is kept as an earlier version too.</source>
        <translation>用 %1 保存的版本替换窗口中的内容？
“%2”本身不会改动，直到你保存；保存时它现在的内容也会留作一个历史版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="131"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="131"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="138"/>
        <source>Cannot restore the earlier version</source>
        <translation>无法恢复历史版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="142"/>
        <source>%1 (version of %2)</source>
        <translation>%1（%2 的版本）</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="145"/>
        <source>Opened the version of %1; saving will replace “%2”.</source>
        <translation>已打开 %1 的版本，保存后将替换“%2”。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/history_dialog.py" line="71"/>
        <source>Versions of “%1” from before its saves (the last %2, newest at the top). A restored version opens as the current document; the file is replaced only when you save.</source>
        <translation>
            <numerusform>“%1”保存前的版本（最近 %2 个，最新的在上）。恢复后它会作为当前文档打开，保存后才会替换文件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="89"/>
        <source>figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="89"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="89"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="90"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="92"/>
        <source>Document</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <location filename="../../app/ui/session.py" line="61"/>
        <location filename="../../app/ui/session.py" line="160"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="326"/>
        <source>it is one of a group of pictures that stays</source>
        <translation>它与其他仍保留的图片同属一个组合</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="327"/>
        <source>it is the result of a field, which would bring it back</source>
        <translation>它是域的结果，更新域时会重新出现</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="328"/>
        <source>it is drawn together with text boxes or shapes the editor does not show</source>
        <translation>它与编辑器中未显示的文本框或图形画在一起</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="329"/>
        <source>A picture you deleted cannot be removed from the file here, so saving keeps it: %1. Delete it in Word or WPS if it must go.</source>
        <translation>您删除的图片无法在此从文件中移除，保存时仍会保留（%1）。如确需删除，请在 Word 或 WPS 中删除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="333"/>
        <source>Picture kept</source>
        <translation>图片已保留</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="123"/>
        <location filename="../../app/ui/session.py" line="129"/>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="130"/>
        <source>The file cannot be read.</source>
        <translation>文件无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="133"/>
        <source>Laying out the pages and finding the placeholders…</source>
        <translation>正在排版并查找待填写处…</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="151"/>
        <source>Open Report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="152"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="152"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="170"/>
        <source>Cannot open the template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="188"/>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="190"/>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="209"/>
        <source>Error while saving.</source>
        <translation>保存时出错。</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="261"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="244"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="38"/>
        <source>“%1” cannot be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="114"/>
        <source>Opening “%1”…</source>
        <translation>正在打开“%1”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="245"/>
        <source>The document has changes that are not saved. Save them first?</source>
        <translation>文档有未保存的修改。要先保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="395"/>
        <location filename="../../app/ui/main_window.py" line="424"/>
        <source>Tianbao</source>
        <translation>填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="418"/>
        <source>About Tianbao</source>
        <translation>关于填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="425"/>
        <source>An editor for Chinese office reports: see what is left to fill, jump to it, fill it.</source>
        <translation>中文公文与报告编辑器：看清哪里待填写，一键跳转，逐处填好。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="426"/>
        <source>Bundled libraries and their licences:</source>
        <translation>随附的软件库及其许可证：</translation>
    </message>
</context>
<context>
    <name>OffersPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/sidebar_offers.py" line="52"/>
        <source>Also fill the other %1</source>
        <translation>
            <numerusform>也填写另外 %1 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sidebar_offers.py" line="57"/>
        <source>Template ads in %1 places · &lt;a href=&quot;clean&quot;&gt;Clean up…&lt;/a&gt;</source>
        <translation>
            <numerusform>模板广告 %1 处 · &lt;a href=&quot;clean&quot;&gt;清理…&lt;/a&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../app/ui/outline_panel.py" line="34"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
</context>
<context>
    <name>PlaceholderPanel</name>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="320"/>
        <source>Placeholders to fill</source>
        <translation>待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="334"/>
        <source>Fill:</source>
        <translation>填写：</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="337"/>
        <source>Fill in the selected placeholder</source>
        <translation>填写选中的占位符</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="338"/>
        <source>Type, then Enter</source>
        <translation>输入后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="343"/>
        <source>Previous placeholder (Shift+F11)</source>
        <translation>上一处 (Shift+F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="344"/>
        <source>Previous placeholder</source>
        <translation>上一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="347"/>
        <source>Next placeholder (F11)</source>
        <translation>下一处 (F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="348"/>
        <source>Next placeholder</source>
        <translation>下一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="357"/>
        <source>Placeholder list</source>
        <translation>待填写列表</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="393"/>
        <source>Nothing to fill yet</source>
        <translation>暂无待填写内容</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/placeholder_panel.py" line="395"/>
        <source>%1 left to fill</source>
        <translation>
            <numerusform>还有 %1 处待填写</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="395"/>
        <source>All filled</source>
        <translation>已全部填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_panel.py" line="433"/>
        <source>(beginning)</source>
        <translation>（正文开头）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../app/ui/printing.py" line="113"/>
        <source>Cannot start printing (the printer or file is not available).</source>
        <translation>无法开始打印（打印机或文件不可用）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing.py" line="250"/>
        <source>Cannot write a PDF in “%1”: %2</source>
        <translation>无法在“%1”中写入 PDF：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing.py" line="258"/>
        <source>The PDF was not written (the print engine produced nothing).</source>
        <translation>PDF 没有写成（打印引擎没有输出）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing.py" line="264"/>
        <source>Cannot write the PDF: %1</source>
        <translation>无法写入 PDF：%1</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="36"/>
        <source>(a new document, never saved)</source>
        <translation>（从未保存过的新文档）</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="37"/>
        <source>Tianbao was not closed properly last time. An autosaved copy was found:

Document: %1
Saved at: %2
Original file: %3

Recover: open this copy (not yet saved to the original file; check it, then save).
Discard: delete this copy.
Later: keep the copy and ask again at the next start.</source>
        <translation>填报上次没有正常关闭。找到一份自动保存的副本：

文档：%1
保存时间：%2
原文件：%3

恢复：打开这份副本（尚未保存到原文件，请检查后保存）。
放弃：删除这份副本。
稍后再说：保留副本，下次启动时再问。</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="44"/>
        <source>Recover Unsaved Document</source>
        <translation>恢复未保存的文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="45"/>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="45"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="46"/>
        <source>Later</source>
        <translation>稍后再说</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="90"/>
        <source>Cannot read the recovery copy.</source>
        <translation>无法读取恢复副本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="92"/>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="93"/>
        <source>%1
The copy is still kept in: %2</source>
        <translation>%1
副本仍保留在：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="104"/>
        <source>%1 (recovered)</source>
        <translation>%1（已恢复）</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="108"/>
        <source>Recovered the copy autosaved at %1; not yet saved to the original file.</source>
        <translation>已恢复 %1 自动保存的副本，尚未保存到原文件。</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="20"/>
        <source>The document is still in the window; none of your changes were lost.</source>
        <translation>文档仍在窗口中，修改没有丢失。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="186"/>
        <source>Cannot write the recovery copy: %1</source>
        <translation>无法写入恢复副本：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="270"/>
        <source>This file is already open in another Tianbao window. If both are changed, the later save overwrites the earlier one.</source>
        <translation>该文件已在另一个填报窗口中打开。两处同时修改，后保存的会覆盖先保存的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="340"/>
        <source>Document in use</source>
        <translation>文档正被使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="352"/>
        <source>Process %1, computer %2</source>
        <translation>进程 %1，计算机 %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="382"/>
        <source>This file is already open in another Tianbao window, which has been brought to the front. It is not opened here a second time.</source>
        <translation>该文件已在另一个填报窗口中打开，已将该窗口切换到前台。此处不会再次打开该文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="387"/>
        <source> (process %1, computer %2)</source>
        <translation>（进程 %1，计算机 %2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="388"/>
        <source>File already open</source>
        <translation>文件已打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="389"/>
        <source>This file is already open in another Tianbao window%1. Please switch to that window to go on editing. It is not opened here a second time, so that the two cannot overwrite each other&apos;s changes.</source>
        <translation>该文件已在另一个填报窗口中打开%1，请切换到那个窗口继续编辑。为避免两处修改互相覆盖，这里不再重复打开。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="400"/>
        <source>Cannot save to “%1”: the file is read-only. Save it in another folder or under another name.</source>
        <translation>无法保存到“%1”：文件是只读的。请另存到其他位置或其他文件名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="413"/>
        <source>File changed on disk</source>
        <translation>文件已被修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="414"/>
        <source>“%1” has been changed by another program since it was opened.
Overwrite: replace it with the window&apos;s content (its current version stays in the version history).
Save As: save to a new file and keep both.</source>
        <translation>“%1”在打开之后已被其他程序修改。
覆盖：用窗口中的内容替换它（它的当前版本会留在历史版本中）。
另存为：保存为新文件，两份都保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="418"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="419"/>
        <location filename="../../app/ui/safety.py" line="427"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="419"/>
        <location filename="../../app/ui/safety.py" line="427"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="426"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="430"/>
        <source>Not saved. %1</source>
        <translation>没有保存。%1</translation>
    </message>
</context>
<context>
    <name>SectionMoves</name>
    <message numerus="yes">
        <location filename="../../app/ui/section_moves.py" line="125"/>
        <source>Renumbered in %1 places (can be undone)</source>
        <translation>
            <numerusform>已重新编号（%1 处，可撤销）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SidebarOffers</name>
    <message numerus="yes">
        <location filename="../../app/ui/sidebar_offers.py" line="120"/>
        <source>Filled in %1 places (one undo step)</source>
        <translation>
            <numerusform>已同时填写 %1 处（一步撤销）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="49"/>
        <source>%1 characters</source>
        <translation>
            <numerusform>%1 字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="50"/>
        <source>%1 characters (punctuation not counted)</source>
        <translation>
            <numerusform>%1 字（不计标点）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="59"/>
        <source>%1 left to fill</source>
        <translation>
            <numerusform>还有 %1 处待填写</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="59"/>
        <source>All filled</source>
        <translation>已全部填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="62"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="62"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="69"/>
        <source>Target %1 / %2 characters (%3%)</source>
        <translation>
            <numerusform>目标 %1 / %2 字（%3%）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="73"/>
        <source>, %1 over</source>
        <translation>，超出 %1 字</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../app/ui/actions.py" line="17"/>
        <source>No. 0</source>
        <translation>初号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="17"/>
        <source>Small 0</source>
        <translation>小初</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="18"/>
        <source>No. 1</source>
        <translation>一号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="18"/>
        <source>Small 1</source>
        <translation>小一</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="19"/>
        <source>No. 2</source>
        <translation>二号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="19"/>
        <source>Small 2</source>
        <translation>小二</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="20"/>
        <source>No. 3</source>
        <translation>三号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="20"/>
        <source>Small 3</source>
        <translation>小三</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="21"/>
        <source>No. 4</source>
        <translation>四号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="21"/>
        <source>Small 4</source>
        <translation>小四</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="22"/>
        <source>No. 5</source>
        <translation>五号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="22"/>
        <source>Small 5</source>
        <translation>小五</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="27"/>
        <source>FangSong_GB2312</source>
        <translation>仿宋_GB2312</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="28"/>
        <source>FangSong</source>
        <translation>仿宋</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="29"/>
        <source>KaiTi_GB2312</source>
        <translation>楷体_GB2312</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="30"/>
        <source>KaiTi</source>
        <translation>楷体</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="31"/>
        <source>SimHei</source>
        <translation>黑体</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="32"/>
        <source>SimSun</source>
        <translation>宋体</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="33"/>
        <source>FZXiaoBiaoSong-B05S</source>
        <translation>方正小标宋简体</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="34"/>
        <source>Microsoft YaHei</source>
        <translation>微软雅黑</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="70"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="71"/>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="72"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="73"/>
        <source>Save &amp;As...</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="74"/>
        <source>&amp;Version History…</source>
        <translation>历史版本(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="75"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="76"/>
        <source>Export as PD&amp;F…</source>
        <translation>导出 PDF(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="77"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="78"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="79"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="80"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="81"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="82"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="83"/>
        <source>Paste as Plain &amp;Text</source>
        <translation>粘贴为纯文本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="84"/>
        <source>&amp;Find...</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="85"/>
        <source>&amp;Replace...</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="86"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="87"/>
        <source>Next Placeholder</source>
        <translation>下一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="88"/>
        <source>Previous Placeholder</source>
        <translation>上一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="89"/>
        <source>Go to Fill Box</source>
        <translation>转到填写框</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="90"/>
        <source>Clean Up Template Ads…</source>
        <translation>清理模板广告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="91"/>
        <source>&amp;Bold</source>
        <translation>加粗(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="92"/>
        <source>&amp;Italic</source>
        <translation>倾斜(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="93"/>
        <source>&amp;Underline</source>
        <translation>下划线(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="94"/>
        <source>First-Line &amp;Indent (2 characters)</source>
        <translation>首行缩进两字(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="97"/>
        <source>Align &amp;Left</source>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="97"/>
        <source>&amp;Center</source>
        <translation>居中(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="97"/>
        <source>Align &amp;Right</source>
        <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="98"/>
        <source>&amp;Justify</source>
        <translation>两端对齐(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="104"/>
        <source>Move Section Up</source>
        <translation>上移本节</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="105"/>
        <source>Move Section Down</source>
        <translation>下移本节</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="106"/>
        <source>Promote</source>
        <translation>提升级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="107"/>
        <source>Demote</source>
        <translation>降低级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="108"/>
        <source>Renumber</source>
        <translation>重新编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="109"/>
        <source>Renumber Automatically After Moves</source>
        <translation>移动后自动重新编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="110"/>
        <source>Half-width Punctuation to Full Width</source>
        <translation>半角标点改为全角</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="111"/>
        <source>Apply Official Format…</source>
        <translation>套用公文格式…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="112"/>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="113"/>
        <source>&amp;Placeholders</source>
        <translation>待填写(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="116"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="117"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="118"/>
        <source>Set Length Target…</source>
        <translation>设置字数目标…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="119"/>
        <source>Count Without Punctuation</source>
        <translation>字数不计标点</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="120"/>
        <source>&amp;About Tianbao</source>
        <translation>关于填报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="126"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="128"/>
        <source>New from &amp;Template</source>
        <translation>从模板新建(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="133"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="138"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="142"/>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="144"/>
        <source>&amp;Font</source>
        <translation>字体(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="148"/>
        <source>Font &amp;Size</source>
        <translation>字号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="150"/>
        <source>%1 (%2 pt)</source>
        <translation>%1（%2 磅）</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="152"/>
        <source>&amp;Alignment</source>
        <translation>对齐(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="156"/>
        <source>Outli&amp;ne</source>
        <translation>大纲(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="160"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="163"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="179"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="184"/>
        <source>Main</source>
        <translation>常用</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="192"/>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="200"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="202"/>
        <source>%1 (%2)</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="218"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="218"/>
        <source>Center</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="218"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="218"/>
        <source>Justify</source>
        <translation>两端</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="222"/>
        <source>Indent</source>
        <translation>缩进</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="225"/>
        <source>◀ Previous</source>
        <translation>◀ 上一处</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="226"/>
        <source>Next ▶ (F11)</source>
        <translation>下一处 ▶ (F11)</translation>
    </message>
</context>
</TS>
