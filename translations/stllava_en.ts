<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>stllava::ui::DpoLoop</name>
    <message numerus="yes">
        <location filename="../ui/training/dpo_loop.cpp" line="99"/>
        <source>DPO on %n approved pair(s)</source>
        <translation>
            <numerusform>DPO on %n approved pair</numerusform>
            <numerusform>DPO on %n approved pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/dpo_loop.cpp" line="112"/>
        <source>Training DPO on %n approved pair(s) from %1</source>
        <translation>
            <numerusform>Training DPO on %n approved pair from %1</numerusform>
            <numerusform>Training DPO on %n approved pairs from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stllava::ui::PrivacySummary</name>
    <message numerus="yes">
        <location filename="../ui/viewer/privacy_summary.cpp" line="22"/>
        <source>Identifiable (%n tag(s))</source>
        <translation>
            <numerusform>Identifiable (%n tag)</numerusform>
            <numerusform>Identifiable (%n tags)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReadWorkspace</name>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="67"/>
        <source>Scanning: %n file(s) looked at</source>
        <translation>
            <numerusform>Scanning: %n file looked at</numerusform>
            <numerusform>Scanning: %n files looked at</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="87"/>
        <source>%n series found</source>
        <translation>
            <numerusform>%n series found</numerusform>
            <numerusform>%n series found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="88"/>
        <source>, %n unreadable DICOM file(s)</source>
        <translation>
            <numerusform>, %n unreadable DICOM file</numerusform>
            <numerusform>, %n unreadable DICOM files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="89"/>
        <source>, %n other file(s) skipped</source>
        <translation>
            <numerusform>, %n other file skipped</numerusform>
            <numerusform>, %n other files skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportsWorkspace</name>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="159"/>
        <source>Reading %n report(s)…</source>
        <translation>
            <numerusform>Reading %n report…</numerusform>
            <numerusform>Reading %n reports…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="190"/>
        <source>%n report(s) opened.</source>
        <translation>
            <numerusform>%n report opened.</numerusform>
            <numerusform>%n reports opened.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="212"/>
        <source>%n report(s) open</source>
        <translation>
            <numerusform>%n report open</numerusform>
            <numerusform>%n reports open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stllava::ui::SeriesListModel</name>
    <message numerus="yes">
        <location filename="../ui/series/series_list_model.cpp" line="41"/>
        <source>%1
%2 · %n image(s)</source>
        <translation>
            <numerusform>%1
%2 · %n image</numerusform>
            <numerusform>%1
%2 · %n images</numerusform>
        </translation>
    </message>
</context>
</TS>
