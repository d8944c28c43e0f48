<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <message>
        <location filename="../../app/ui/findreplace.py" line="130"/>
        <source>Replaced %1</source>
        <translation>已替换 %1 处</translation>
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
        <location filename="../../app/ui/history_dialog.py" line="70"/>
        <source>Versions of “%1” from before its saves (the last %2, newest at the top). A restored version opens as the current document; the file is replaced only when you save.</source>
        <translation>“%1”保存前的版本（最近 %2 个，最新的在上）。恢复后它会作为当前文档打开，保存后才会替换文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="89"/>
        <source>Kept in: %1</source>
        <translation>保存位置：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="94"/>
        <source>Restore This Version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="98"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="125"/>
        <source>Restore Earlier Version</source>
        <translation>恢复历史版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="126"/>
        <source>Replace the window&apos;s content with the version saved at %1?
“%2” itself is not changed until you save; when you do, its present content is kept as an earlier version too.</source>
        <translation>用 %1 保存的版本替换窗口中的内容？
“%2”本身不会改动，直到你保存；保存时它现在的内容也会留作一个历史版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="130"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="130"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="137"/>
        <source>Cannot restore the earlier version</source>
        <translation>无法恢复历史版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="141"/>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="67"/>
        <source>No. 0</source>
        <translation>初号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="67"/>
        <source>Small 0</source>
        <translation>小初</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="68"/>
        <source>No. 1</source>
        <translation>一号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="68"/>
        <source>Small 1</source>
        <translation>小一</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="69"/>
        <source>No. 2</source>
        <translation>二号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="69"/>
        <source>Small 2</source>
        <translation>小二</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="70"/>
        <source>No. 3</source>
        <translation>三号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="70"/>
        <source>Small 3</source>
        <translation>小三</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="71"/>
        <source>No. 4</source>
        <translation>四号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="71"/>
        <source>Small 4</source>
        <translation>小四</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="72"/>
        <source>No. 5</source>
        <translation>五号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="72"/>
        <source>Small 5</source>
        <translation>小五</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="77"/>
        <source>FangSong_GB2312</source>
        <translation>仿宋_GB2312</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="78"/>
        <source>FangSong</source>
        <translation>仿宋</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="79"/>
        <source>KaiTi_GB2312</source>
        <translation>楷体_GB2312</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="80"/>
        <source>KaiTi</source>
        <translation>楷体</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>SimHei</source>
        <translation>黑体</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="82"/>
        <source>SimSun</source>
        <translation>宋体</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="83"/>
        <source>FZXiaoBiaoSong-B05S</source>
        <translation>方正小标宋简体</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="84"/>
        <source>Microsoft YaHei</source>
        <translation>微软雅黑</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98"/>
        <source>figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="99"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102"/>
        <source>Document</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="136"/>
        <location filename="../../app/ui/main_window.py" line="410"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="171"/>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="172"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <source>Save &amp;As...</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>Paste as Plain &amp;Text</source>
        <translation>粘贴为纯文本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>&amp;Find...</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>&amp;Replace...</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="186"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>Next Placeholder</source>
        <translation>下一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Previous Placeholder</source>
        <translation>上一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="191"/>
        <source>Go to Fill Box</source>
        <translation>转到填写框</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="192"/>
        <source>&amp;Bold</source>
        <translation>加粗(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="193"/>
        <source>&amp;Italic</source>
        <translation>倾斜(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195"/>
        <source>&amp;Underline</source>
        <translation>下划线(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="197"/>
        <source>First-Line &amp;Indent (2 characters)</source>
        <translation>首行缩进两字(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202"/>
        <source>Align &amp;Left</source>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="203"/>
        <source>&amp;Center</source>
        <translation>居中(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="204"/>
        <source>Align &amp;Right</source>
        <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="205"/>
        <source>&amp;Justify</source>
        <translation>两端对齐(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="211"/>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="213"/>
        <source>&amp;Placeholders</source>
        <translation>待填写(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="217"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="219"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="221"/>
        <source>&amp;About Tianbao</source>
        <translation>关于填报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="227"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="229"/>
        <source>New from &amp;Template</source>
        <translation>从模板新建(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="234"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="243"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="249"/>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="253"/>
        <source>&amp;Font</source>
        <translation>字体(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="256"/>
        <source>Font &amp;Size</source>
        <translation>字号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="258"/>
        <source>%1 (%2 pt)</source>
        <translation>%1（%2 磅）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260"/>
        <source>&amp;Alignment</source>
        <translation>对齐(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="265"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="269"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="273"/>
        <source>Main</source>
        <translation>常用</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="285"/>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="293"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="295"/>
        <source>%1 (%2)</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="312"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="312"/>
        <source>Center</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="312"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="312"/>
        <source>Justify</source>
        <translation>两端</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="316"/>
        <source>Indent</source>
        <translation>缩进</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="319"/>
        <source>◀ Previous</source>
        <translation>◀ 上一处</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="320"/>
        <source>Next ▶ (F11)</source>
        <translation>下一处 ▶ (F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="387"/>
        <location filename="../../app/ui/main_window.py" line="391"/>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="391"/>
        <source>The file cannot be read.</source>
        <translation>文件无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="402"/>
        <source>Open Report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="403"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="403"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="420"/>
        <source>Cannot open the template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="433"/>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="434"/>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="444"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="444"/>
        <source>This version cannot write Word documents yet.</source>
        <translation>此版本尚未包含 Word 文档写入功能。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="454"/>
        <source>Error while saving.</source>
        <translation>保存时出错。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="458"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="494"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="495"/>
        <source>The document has changes that are not saved. Save them first?</source>
        <translation>文档有未保存的修改。要先保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="506"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="569"/>
        <location filename="../../app/ui/main_window.py" line="578"/>
        <source>No placeholders left</source>
        <translation>没有待填写的地方了</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="650"/>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="652"/>
        <source>%1 left to fill</source>
        <translation>还有 %1 处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="652"/>
        <source>All filled</source>
        <translation>已全部填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="656"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="656"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="660"/>
        <location filename="../../app/ui/main_window.py" line="737"/>
        <source>Tianbao</source>
        <translation>填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="731"/>
        <source>About Tianbao</source>
        <translation>关于填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="738"/>
        <source>An editor for Chinese office reports: see what is left to fill, jump to it, fill it.</source>
        <translation>中文公文与报告编辑器：看清哪里待填写，一键跳转，逐处填好。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="739"/>
        <source>Bundled libraries and their licences:</source>
        <translation>随附的软件库及其许可证：</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="47"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
</context>
<context>
    <name>PlaceholderPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="325"/>
        <source>Placeholders to fill</source>
        <translation>待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="339"/>
        <source>Fill:</source>
        <translation>填写：</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="342"/>
        <source>Fill in the selected placeholder</source>
        <translation>填写选中的占位符</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="343"/>
        <source>Type, then Enter</source>
        <translation>输入后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="348"/>
        <source>Previous placeholder (Shift+F11)</source>
        <translation>上一处 (Shift+F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="349"/>
        <source>Previous placeholder</source>
        <translation>上一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="352"/>
        <source>Next placeholder (F11)</source>
        <translation>下一处 (F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="353"/>
        <source>Next placeholder</source>
        <translation>下一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="362"/>
        <source>Placeholder list</source>
        <translation>待填写列表</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="395"/>
        <source>%1 left to fill</source>
        <translation>还有 %1 处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="395"/>
        <source>All filled</source>
        <translation>已全部填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="424"/>
        <source>(beginning)</source>
        <translation>（正文开头）</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="35"/>
        <source>(a new document, never saved)</source>
        <translation>（从未保存过的新文档）</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="36"/>
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
        <location filename="../../app/ui/recovery_ui.py" line="43"/>
        <source>Recover Unsaved Document</source>
        <translation>恢复未保存的文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="44"/>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="44"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="45"/>
        <source>Later</source>
        <translation>稍后再说</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="89"/>
        <source>Cannot read the recovery copy.</source>
        <translation>无法读取恢复副本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="91"/>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="92"/>
        <source>%1
The copy is still kept in: %2</source>
        <translation>%1
副本仍保留在：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_ui.py" line="103"/>
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
        <location filename="../../app/ui/safety.py" line="43"/>
        <source>The document is still in the window; none of your changes were lost.</source>
        <translation>文档仍在窗口中，修改没有丢失。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="120"/>
        <source>&amp;Version History…</source>
        <translation>历史版本(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="191"/>
        <source>Cannot write the recovery copy: %1</source>
        <translation>无法写入恢复副本：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="267"/>
        <source>This file is already open in another Tianbao window. If both are changed, the later save overwrites the earlier one.</source>
        <translation>该文件已在另一个填报窗口中打开。两处同时修改，后保存的会覆盖先保存的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="277"/>
        <source>Document in use</source>
        <translation>文档正被使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="287"/>
        <source>Process %1, computer %2</source>
        <translation>进程 %1，计算机 %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="312"/>
        <source> (process %1, computer %2)</source>
        <translation>（进程 %1，计算机 %2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="313"/>
        <source>File already open</source>
        <translation>文件已打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="314"/>
        <source>This file is already open in another Tianbao window%1. Please switch to that window to go on editing. It is not opened here a second time, so that the two cannot overwrite each other&apos;s changes.</source>
        <translation>该文件已在另一个填报窗口中打开%1，请切换到那个窗口继续编辑。为避免两处修改互相覆盖，这里不再重复打开。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="325"/>
        <source>Cannot save to “%1”: the file is read-only. Save it in another folder or under another name.</source>
        <translation>无法保存到“%1”：文件是只读的。请另存到其他位置或其他文件名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="334"/>
        <source>File changed on disk</source>
        <translation>文件已被修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="335"/>
        <source>“%1” has been changed by another program since it was opened.
Overwrite: replace it with the window&apos;s content (its current version stays in the version history).
Save As: save to a new file and keep both.</source>
        <translation>“%1”在打开之后已被其他程序修改。
覆盖：用窗口中的内容替换它（它的当前版本会留在历史版本中）。
另存为：保存为新文件，两份都保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="339"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="340"/>
        <location filename="../../app/ui/safety.py" line="348"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="340"/>
        <location filename="../../app/ui/safety.py" line="348"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="347"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/safety.py" line="351"/>
        <source>Not saved. %1</source>
        <translation>没有保存。%1</translation>
    </message>
</context>
</TS>
