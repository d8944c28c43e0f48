<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CleanDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/clean_dialog.py" line="109"/>
        <source>Text added by a template site, found in %1 places (whole lines: %2, fragments inside sentences: %3). What is ticked will be deleted; placeholders never are. Undo (Ctrl+Z) brings it all back in one step.</source>
        <translation>
            <numerusform>Text added by a template site, found in %1 place (whole lines: %2, fragments inside sentences: %3). What is ticked will be deleted; placeholders never are. Undo (Ctrl+Z) brings it all back in one step.</numerusform>
            <numerusform>Text added by a template site, found in %1 places (whole lines: %2, fragments inside sentences: %3). What is ticked will be deleted; placeholders never are. Undo (Ctrl+Z) brings it all back in one step.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cleanup</name>
    <message numerus="yes">
        <location filename="../../app/ui/cleanup.py" line="55"/>
        <source>Template ads removed in %1 places (can be undone)</source>
        <translation>
            <numerusform>Template ads removed in %1 place (can be undone)</numerusform>
            <numerusform>Template ads removed in %1 places (can be undone)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message numerus="yes">
        <location filename="../../app/ui/counts_view.py" line="152"/>
        <source>%1 chars</source>
        <translation>
            <numerusform>%1 char</numerusform>
            <numerusform>%1 chars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/counts_view.py" line="166"/>
        <source>%1: %2 characters (%3 in the section&apos;s own text)</source>
        <translation>
            <numerusform>%1: %2 character (%3 in the section&apos;s own text)</numerusform>
            <numerusform>%1: %2 characters (%3 in the section&apos;s own text)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/findreplace.py" line="130"/>
        <source>Replaced %1 occurrences</source>
        <translation>
            <numerusform>Replaced %1 occurrence</numerusform>
            <numerusform>Replaced %1 occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HintFixes</name>
    <message numerus="yes">
        <location filename="../../app/ui/hint_fixes.py" line="45"/>
        <source>Half-width punctuation changed to full width in %1 places (can be undone)</source>
        <translation>
            <numerusform>Half-width punctuation changed to full width in %1 place (can be undone)</numerusform>
            <numerusform>Half-width punctuation changed to full width in %1 places (can be undone)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/hints_panel.py" line="160"/>
        <source>%1 hints</source>
        <translation>
            <numerusform>%1 hint</numerusform>
            <numerusform>%1 hints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/history_dialog.py" line="71"/>
        <source>Versions of “%1” from before its saves (the last %2, newest at the top). A restored version opens as the current document; the file is replaced only when you save.</source>
        <translation>
            <numerusform>The version of “%1” from before its last save. A restored version opens as the current document; the file is replaced only when you save.</numerusform>
            <numerusform>Versions of “%1” from before its saves (the last %2, newest at the top). A restored version opens as the current document; the file is replaced only when you save.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OffersPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/sidebar_offers.py" line="52"/>
        <source>Also fill the other %1</source>
        <translation>
            <numerusform>Also fill the other place (%1)</numerusform>
            <numerusform>Also fill the other %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sidebar_offers.py" line="57"/>
        <source>Template ads in %1 places · &lt;a href=&quot;clean&quot;&gt;Clean up…&lt;/a&gt;</source>
        <translation>
            <numerusform>Template ads in %1 place · &lt;a href=&quot;clean&quot;&gt;Clean up…&lt;/a&gt;</numerusform>
            <numerusform>Template ads in %1 places · &lt;a href=&quot;clean&quot;&gt;Clean up…&lt;/a&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaceholderPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/placeholder_panel.py" line="395"/>
        <source>%1 left to fill</source>
        <translation>
            <numerusform>%1 left to fill</numerusform>
            <numerusform>%1 left to fill</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionMoves</name>
    <message numerus="yes">
        <location filename="../../app/ui/section_moves.py" line="125"/>
        <source>Renumbered in %1 places (can be undone)</source>
        <translation>
            <numerusform>Renumbered in %1 place (can be undone)</numerusform>
            <numerusform>Renumbered in %1 places (can be undone)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SidebarOffers</name>
    <message numerus="yes">
        <location filename="../../app/ui/sidebar_offers.py" line="120"/>
        <source>Filled in %1 places (one undo step)</source>
        <translation>
            <numerusform>Filled in %1 place (one undo step)</numerusform>
            <numerusform>Filled in %1 places (one undo step)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="49"/>
        <source>%1 characters</source>
        <translation>
            <numerusform>%1 character</numerusform>
            <numerusform>%1 characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="50"/>
        <source>%1 characters (punctuation not counted)</source>
        <translation>
            <numerusform>%1 character (punctuation not counted)</numerusform>
            <numerusform>%1 characters (punctuation not counted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="59"/>
        <source>%1 left to fill</source>
        <translation>
            <numerusform>%1 left to fill</numerusform>
            <numerusform>%1 left to fill</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="69"/>
        <source>Target %1 / %2 characters (%3%)</source>
        <translation>
            <numerusform>Target %1 / %2 character (%3%)</numerusform>
            <numerusform>Target %1 / %2 characters (%3%)</numerusform>
        </translation>
    </message>
</context>
</TS>
