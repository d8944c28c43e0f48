<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../../app/ui/findreplace.py" line="65" />
        <location filename="../../app/ui/findreplace.py" line="106" />
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="71" />
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="73" />
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="75" />
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="84" />
        <source>Find Next</source>
        <translation>查找下一处</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="86" />
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="87" />
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="106" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="116" />
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../app/ui/findreplace.py" line="130" />
        <source>Replaced %1</source>
        <translation>已替换 %1 处</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="82" />
        <source>figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="82" />
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="82" />
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="83" />
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="86" />
        <source>Document</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118" />
        <location filename="../../app/ui/main_window.py" line="390" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153" />
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>Save &amp;As...</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="156" />
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="159" />
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="161" />
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162" />
        <source>Paste as Plain &amp;Text</source>
        <translation>粘贴为纯文本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164" />
        <source>&amp;Find...</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="166" />
        <source>&amp;Replace...</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="168" />
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170" />
        <source>Next Placeholder</source>
        <translation>下一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="171" />
        <source>Previous Placeholder</source>
        <translation>上一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173" />
        <source>Go to Fill Box</source>
        <translation>转到填写框</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174" />
        <source>&amp;Bold</source>
        <translation>加粗(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175" />
        <source>&amp;Italic</source>
        <translation>倾斜(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177" />
        <source>&amp;Underline</source>
        <translation>下划线(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179" />
        <source>First-Line &amp;Indent (2 characters)</source>
        <translation>首行缩进两字(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184" />
        <source>Align &amp;Left</source>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185" />
        <source>&amp;Center</source>
        <translation>居中(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="186" />
        <source>Align &amp;Right</source>
        <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187" />
        <source>&amp;Justify</source>
        <translation>两端对齐(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="193" />
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195" />
        <source>&amp;Placeholders</source>
        <translation>待填写(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="203" />
        <source>&amp;About Tianbao</source>
        <translation>关于填报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="209" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="211" />
        <source>New from &amp;Template</source>
        <translation>从模板新建(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="216" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="225" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="231" />
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="235" />
        <source>&amp;Font</source>
        <translation>字体(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="238" />
        <source>Font &amp;Size</source>
        <translation>字号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="241" />
        <source>&amp;Alignment</source>
        <translation>对齐(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="246" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="250" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="254" />
        <source>Main</source>
        <translation>常用</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="266" />
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="274" />
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292" />
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292" />
        <source>Center</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292" />
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292" />
        <source>Justify</source>
        <translation>两端</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="296" />
        <source>Indent</source>
        <translation>缩进</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="299" />
        <source>◀ Previous</source>
        <translation>◀ 上一处</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="300" />
        <source>Next ▶ (F11)</source>
        <translation>下一处 ▶ (F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="367" />
        <location filename="../../app/ui/main_window.py" line="371" />
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="382" />
        <source>Open Report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="383" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="383" />
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="400" />
        <source>Cannot open the template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="413" />
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="414" />
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="424" />
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="438" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="474" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="475" />
        <source>The document has changes that are not saved. Save them first?</source>
        <translation>文档有未保存的修改。要先保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="486" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="547" />
        <location filename="../../app/ui/main_window.py" line="556" />
        <source>No placeholders left</source>
        <translation>没有待填写的地方了</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="628" />
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="630" />
        <source>%1 left to fill</source>
        <translation>还有 %1 处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="630" />
        <source>All filled</source>
        <translation>已全部填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="634" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="634" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="638" />
        <location filename="../../app/ui/main_window.py" line="712" />
        <source>Tianbao</source>
        <translation>填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="706" />
        <source>About Tianbao</source>
        <translation>关于填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="713" />
        <source>An editor for Chinese office reports: see what is left to fill, jump to it, fill it.</source>
        <translation>中文公文与报告编辑器：看清哪里待填写，一键跳转，逐处填好。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="714" />
        <source>Bundled libraries and their licences:</source>
        <translation>随附的软件库及其许可证：</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="47" />
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
</context>
<context>
    <name>PlaceholderPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="310" />
        <source>Placeholders to fill</source>
        <translation>待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="324" />
        <source>Fill:</source>
        <translation>填写：</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="327" />
        <source>Fill in the selected placeholder</source>
        <translation>填写选中的占位符</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="328" />
        <source>Type, then Enter</source>
        <translation>输入后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="333" />
        <source>Previous placeholder (Shift+F11)</source>
        <translation>上一处 (Shift+F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="334" />
        <source>Previous placeholder</source>
        <translation>上一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="337" />
        <source>Next placeholder (F11)</source>
        <translation>下一处 (F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="338" />
        <source>Next placeholder</source>
        <translation>下一处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="347" />
        <source>Placeholder list</source>
        <translation>待填写列表</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="380" />
        <source>%1 left to fill</source>
        <translation>还有 %1 处待填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="380" />
        <source>All filled</source>
        <translation>已全部填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="403" />
        <source>(beginning)</source>
        <translation>（正文开头）</translation>
    </message>
</context>
</TS>