<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EvaluationLike</name>
    <message>
        <location filename="../ui/training/evaluation_like.cpp" line="47"/>
        <source>%1: its benchmark file %2 is not found</source>
        <translation>%1: die zugehörige Benchmark-Datei %2 wurde nicht gefunden</translation>
    </message>
</context>
<context>
    <name>ExportText</name>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="29"/>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="30"/>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="35"/>
        <source>Study: %1</source>
        <translation>Studie: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="63"/>
        <source>Cannot render the image the model saw again: %1</source>
        <translation>Das Bild, das das Modell gesehen hat, kann nicht erneut dargestellt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="77"/>
        <source>Image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="92"/>
        <source>, frame %1 of %2</source>
        <translation>, Frame %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="93"/>
        <source>, window C %1 / W %2</source>
        <translation>, Fensterung C %1 / W %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="94"/>
        <location filename="../ui/chat/sr_export.cpp" line="53"/>
        <source> (inverted)</source>
        <translation> (invertiert)</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="101"/>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="101"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="107"/>
        <source>adapter %1 (%2)</source>
        <translation>Adapter %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="111"/>
        <location filename="../ui/chat/sr_export.cpp" line="56"/>
        <source>template %1</source>
        <translation>Vorlage %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="114"/>
        <location filename="../ui/chat/sr_export.cpp" line="59"/>
        <source>T %1, top-p %2, max %3, seed %4</source>
        <translation>T %1, Top-p %2, max. %3, Seed %4</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="122"/>
        <source>no image seen</source>
        <translation>kein Bild gesehen</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="126"/>
        <source>%1 tokens, %2 tok/s</source>
        <translation>%1 Tokens, %2 Tok./s</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="130"/>
        <source>stop: %1</source>
        <translation>Stopp: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="155"/>
        <location filename="../ui/chat/conversation_export.cpp" line="166"/>
        <source>The conversation has no answered question to export.</source>
        <translation>Das Gespräch enthält keine beantwortete Frage, die exportiert werden könnte.</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="157"/>
        <source>Patient details hidden (presentation mode)</source>
        <translation>Patientendaten ausgeblendet (Präsentationsmodus)</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="160"/>
        <source>Conversation about %1</source>
        <translation>Gespräch über %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="161"/>
        <source>Conversation about an image</source>
        <translation>Gespräch über ein Bild</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="48"/>
        <location filename="../ui/chat/pdf_export.cpp" line="40"/>
        <source>Exported %1 from STLLaVA-Med Studio.</source>
        <translation>Exportiert am %1 aus STLLaVA-Med Studio.</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="53"/>
        <location filename="../ui/chat/pdf_export.cpp" line="43"/>
        <source>The answers were generated by a machine learning model. They are not a diagnosis and have not been verified by a clinician.</source>
        <translation>Die Antworten wurden von einem Machine-Learning-Modell erzeugt. Sie sind keine Diagnose und wurden nicht ärztlich überprüft.</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="60"/>
        <location filename="../ui/chat/pdf_export.cpp" line="50"/>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="66"/>
        <location filename="../ui/chat/pdf_export.cpp" line="62"/>
        <source>Note: the pixels may carry burned-in patient text (%1).</source>
        <translation>Hinweis: Die Pixel können eingebrannten Patiententext enthalten (%1).</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="71"/>
        <location filename="../ui/chat/pdf_export.cpp" line="66"/>
        <source>The model saw no image for this answer.</source>
        <translation>Das Modell hat für diese Antwort kein Bild gesehen.</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="74"/>
        <location filename="../ui/chat/pdf_export.cpp" line="68"/>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="76"/>
        <location filename="../ui/chat/pdf_export.cpp" line="70"/>
        <source>Answer:</source>
        <translation>Antwort:</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="77"/>
        <location filename="../ui/chat/pdf_export.cpp" line="71"/>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="18"/>
        <source>Answer %1 was given without an image: a DICOM SR can only hold findings about DICOM images. Export as Markdown or PDF instead.</source>
        <translation>Antwort %1 wurde ohne Bild gegeben: Ein DICOM SR kann nur Befunde zu DICOM-Bildern enthalten. Exportieren Sie stattdessen als Markdown oder PDF.</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="23"/>
        <source>%1 is not a DICOM image: a DICOM SR can only reference DICOM images. Export as Markdown or PDF instead.</source>
        <translation>%1 ist kein DICOM-Bild: Ein DICOM SR kann nur auf DICOM-Bilder verweisen. Exportieren Sie stattdessen als Markdown oder PDF.</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="49"/>
        <source>frame %1, window C %2 / W %3</source>
        <translation>Frame %1, Fensterung C %2 / W %3</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="67"/>
        <source>asked %1</source>
        <translation>gefragt am %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/chat/history_store.cpp" line="31"/>
        <source>%1: cannot read: %2</source>
        <translation>%1: nicht lesbar: %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/history_store.cpp" line="38"/>
        <source>%1: not a conversation file: %2</source>
        <translation>%1: keine Gesprächsdatei: %2</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="32"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="33"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="34"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>TrainingFieldChecks</name>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="21"/>
        <source>required: choose a folder</source>
        <translation>erforderlich: wählen Sie einen Ordner</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="23"/>
        <source>%1: no such folder</source>
        <translation>%1: Ordner nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="24"/>
        <source>%1: not a folder</source>
        <translation>%1: kein Ordner</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="30"/>
        <source>required: choose a file</source>
        <translation>erforderlich: wählen Sie eine Datei</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="32"/>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="33"/>
        <source>%1: not a file</source>
        <translation>%1: keine Datei</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="34"/>
        <source>%1: cannot be read</source>
        <translation>%1: nicht lesbar</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="40"/>
        <source>required: choose a folder for the results</source>
        <translation>erforderlich: wählen Sie einen Ordner für die Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="42"/>
        <source>%1: a file is in the way</source>
        <translation>%1: dort liegt bereits eine Datei</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="51"/>
        <source>%1: cannot be made (%2 is not a folder)</source>
        <translation>%1: kann nicht angelegt werden (%2 ist kein Ordner)</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="52"/>
        <source>%1: cannot be made (%2 is not writable)</source>
        <translation>%1: kann nicht angelegt werden (%2 ist nicht beschreibbar)</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="59"/>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="60"/>
        <location filename="../ui/training/field_checks.cpp" line="71"/>
        <source>%1 is outside %2 … %3</source>
        <translation>%1 liegt außerhalb von %2 … %3</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="68"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="70"/>
        <source>%1 must be above %2 and at most %3</source>
        <translation>%1 muss größer als %2 und höchstens %3 sein</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="78"/>
        <source>&quot;%1&quot;: expected two seeds, e.g. 40,42</source>
        <translation>„%1“: erwartet werden zwei Seeds, z. B. 40,42</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="82"/>
        <source>&quot;%1&quot; is not a seed (a whole number)</source>
        <translation>„%1“ ist kein Seed (erwartet wird eine ganze Zahl)</translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="26"/>
        <source>%1: cannot be read (has the demo run this phase?)</source>
        <translation>%1: nicht lesbar (hat die Demo diese Phase schon durchlaufen?)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="32"/>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1: kein JSON-Objekt (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="92"/>
        <source>no demo folder is open (Help ▸ Open the demo)</source>
        <translation>kein Demo-Ordner geöffnet (Hilfe ▸ Demo öffnen)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="100"/>
        <source>%1: the demo&apos;s stage-1 model is not trained yet</source>
        <translation>%1: das Stufe-1-Modell der Demo ist noch nicht trainiert</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="121"/>
        <source>%1: no &quot;config&quot; object</source>
        <translation>%1: kein „config“-Objekt</translation>
    </message>
</context>
<context>
    <name>TrainingRunList</name>
    <message>
        <location filename="../core/services/jobs/training_run_list.cpp" line="11"/>
        <source>SFT</source>
        <translation>SFT</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_list.cpp" line="12"/>
        <source>stage-2 generation</source>
        <translation>Erzeugung Stufe 2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_list.cpp" line="13"/>
        <source>DPO</source>
        <translation>DPO</translation>
    </message>
</context>
<context>
    <name>TrainingWorkspace</name>
    <message>
        <location filename="../ui/training/training_wiring.cpp" line="34"/>
        <source>Opening the trained model %1 in Read</source>
        <translation>Das trainierte Modell %1 wird im Arbeitsbereich Befunden geöffnet</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="84"/>
        <source>STLLaVA-Med Studio: read medical images and ask a local vision-language model about them.</source>
        <translation>STLLaVA-Med Studio: medizinische Bilder lesen und einem lokalen Bild-Sprach-Modell Fragen dazu stellen.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="90"/>
        <source>A DICOM or raster file, or a folder of DICOM files.</source>
        <translation>Eine DICOM- oder Rasterbilddatei oder ein Ordner mit DICOM-Dateien.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="92"/>
        <source>Model folder to load.</source>
        <translation>Zu ladender Modellordner.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="96"/>
        <source>Do not load the last model at start-up.</source>
        <translation>Das zuletzt verwendete Modell beim Start nicht laden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="99"/>
        <source>Save a PNG of the window once the image is shown, then quit.</source>
        <translation>Ein PNG des Fensters speichern, sobald das Bild angezeigt wird, dann beenden.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="102"/>
        <source>Window size, e.g. 1440x900.</source>
        <translation>Fenstergröße, z. B. 1440x900.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="106"/>
        <source>Initial window as CENTER,WIDTH (e.g. 40,400).</source>
        <translation>Anfängliche Fensterung als ZENTRUM,BREITE (z. B. 40,400).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="110"/>
        <source>Initial window preset: brain, lung, abdomen, bone, mediastinum, liver.</source>
        <translation>Anfängliche Fenstervoreinstellung: brain, lung, abdomen, bone, mediastinum, liver.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="115"/>
        <source>With --screenshot: ask this about the image and save once answered.</source>
        <translation>Mit --screenshot: dies zum Bild fragen und nach der Antwort speichern.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="119"/>
        <source>Interface language: %1 (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation>Sprache der Oberfläche: %1 (Vorgabe: die in den Einstellungen gewählte, sonst die des Systems).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="125"/>
        <source>Open the embedded demo that `stllava demo run` wrote into this folder.</source>
        <translation>Die eingebettete Demo öffnen, die `stllava demo run` in diesen Ordner geschrieben hat.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="129"/>
        <source>Workspace to show at start: read, review, training or reports.</source>
        <translation>Beim Start anzuzeigender Arbeitsbereich: read, review, training oder reports.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="149"/>
        <source>--demo %1: no demo there (run `stllava demo run --out %1`)</source>
        <translation>--demo %1: dort ist keine Demo (führen Sie `stllava demo run --out %1` aus)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="161"/>
        <source>--workspace %1: unknown (read, review, training, reports)</source>
        <translation>--workspace %1: unbekannt (read, review, training, reports)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="175"/>
        <source>--preset %1: unknown (brain, lung, abdomen, bone, mediastinum, liver)</source>
        <translation>--preset %1: unbekannt (brain, lung, abdomen, bone, mediastinum, liver)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="198"/>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::DemoSetupJob</name>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="28"/>
        <source>stllava demo run crashed; its last lines:
%1</source>
        <translation>stllava demo run ist abgestürzt; die letzten Zeilen:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="29"/>
        <source>stllava demo run failed (exit %1):
%2</source>
        <translation>stllava demo run ist fehlgeschlagen (Exit-Code %1):
%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="34"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="50"/>
        <source>the stllava program was not found beside %1</source>
        <translation>das Programm stllava wurde neben %1 nicht gefunden</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::EndpointChat</name>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="100"/>
        <source>The endpoint &apos;%1&apos; is not an http:// or https:// address (Settings ▸ Model).</source>
        <translation>Der Endpunkt „%1“ ist keine http://- oder https://-Adresse (Einstellungen ▸ Modell).</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="104"/>
        <source>Sending the image to %1 needs your consent: tick &quot;Allow sending de-identified images&quot; in Settings ▸ Judge, or use an endpoint on this machine.</source>
        <translation>Das Bild an %1 zu senden erfordert Ihre Zustimmung: Aktivieren Sie „Senden anonymisierter Bilder erlauben“ unter Einstellungen ▸ Gutachter, oder verwenden Sie einen Endpunkt auf diesem Rechner.</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="197"/>
        <source>The endpoint %1 answered HTTP %2: %3</source>
        <translation>Der Endpunkt %1 antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="199"/>
        <source> (check the API key: $STLLAVA_JUDGE_API_KEY, $OPENAI_API_KEY or the keychain)</source>
        <translation> (prüfen Sie den API-Schlüssel: $STLLAVA_JUDGE_API_KEY, $OPENAI_API_KEY oder den Schlüsselbund)</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="201"/>
        <source> — this endpoint&apos;s model cannot see images.</source>
        <translation> – das Modell dieses Endpunkts kann keine Bilder sehen.</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="203"/>
        <source>The endpoint %1 did not answer: %2</source>
        <translation>Der Endpunkt %1 hat nicht geantwortet: %2</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::EvaluationRunJob</name>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="30"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="55"/>
        <source>the stllava program was not found beside %1</source>
        <translation>das Programm stllava wurde neben %1 nicht gefunden</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="59"/>
        <source>%1: cannot create the evaluation folder</source>
        <translation>%1: Evaluationsordner kann nicht erstellt werden</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="107"/>
        <source>the evaluation process crashed; its last lines:
%1</source>
        <translation>der Evaluationsprozess ist abgestürzt; die letzten Zeilen:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="109"/>
        <source>the evaluation was stopped; the answers so far are kept in %1</source>
        <translation>die Evaluation wurde angehalten; die bisherigen Antworten bleiben in %1 erhalten</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="111"/>
        <source>the evaluation failed (exit %1):
%2</source>
        <translation>die Evaluation ist fehlgeschlagen (Exit-Code %1):
%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="113"/>
        <source>the evaluation ended without a report (%1):
%2</source>
        <translation>die Evaluation endete ohne Bericht (%1):
%2</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::ModelLoadJob</name>
    <message>
        <location filename="../core/services/jobs/model_load_job.cpp" line="67"/>
        <source>Loading %1 was cancelled.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::TrainingRunJob</name>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="50"/>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="83"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="84"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="85"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="86"/>
        <source>stopping</source>
        <translation>wird beendet</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="87"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="224"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="344"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="88"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="226"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="346"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="89"/>
        <source>bad input</source>
        <translation>ungültige Eingabe</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="90"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="122"/>
        <source>stage-2 generation runs as a separate process only</source>
        <translation>die Generierung der Stufe 2 läuft nur als eigener Prozess</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="124"/>
        <source>the stllava program was not found beside %1</source>
        <translation>das Programm stllava wurde neben %1 nicht gefunden</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="130"/>
        <source>torchrun was not found on PATH (it comes with PyTorch; on Debian: python3-torch)</source>
        <translation>torchrun wurde im PATH nicht gefunden (es gehört zu PyTorch; unter Debian: python3-torch)</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="132"/>
        <source>%1 processes: give 1 to 1024</source>
        <translation>%1 Prozesse: 1 bis 1024 angeben</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="138"/>
        <source>the training config has no output folder</source>
        <translation>die Trainingskonfiguration hat keinen Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="139"/>
        <source>%1: cannot create the output folder</source>
        <translation>%1: Ausgabeordner kann nicht erstellt werden</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="146"/>
        <source>%1: cannot write the training config: %2</source>
        <translation>%1: Trainingskonfiguration kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="173"/>
        <source>another run is training inside this window; start this one as a separate process</source>
        <translation>in diesem Fenster trainiert bereits ein anderer Lauf; starten Sie diesen als eigenen Prozess</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="180"/>
        <source>in this window: train %1 --config %2</source>
        <translation>in diesem Fenster: train %1 --config %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="230"/>
        <source>failed:
%1</source>
        <translation>fehlgeschlagen:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="342"/>
        <source>the training process crashed; its last lines:
%1</source>
        <translation>der Trainingsprozess ist abgestürzt; die letzten Zeilen:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="226"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="346"/>
        <source>cancelled; checkpoint %1</source>
        <translation>abgebrochen; Checkpoint %1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="228"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="348"/>
        <source>bad input:
%1</source>
        <translation>ungültige Eingabe:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="350"/>
        <source>failed (exit %1):
%2</source>
        <translation>fehlgeschlagen (Exit-Code %1):
%2</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::TrainingRunList</name>
    <message>
        <location filename="../core/services/jobs/training_run_list.cpp" line="48"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_list.cpp" line="52"/>
        <source> · step %1/%2</source>
        <translation> · Schritt %1/%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_list.cpp" line="54"/>
        <source> · %1/%2 images</source>
        <translation> · %1/%2 Bilder</translation>
    </message>
</context>
<context>
    <name>stllava::ui::AnswerPanel</name>
    <message>
        <location filename="../ui/review/answer_panel.cpp" line="23"/>
        <source>%1 — chosen</source>
        <translation>%1 — gewählt</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ChatPanel</name>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="44"/>
        <source>Ask about the image on screen (Ctrl+Enter sends)</source>
        <translation>Fragen Sie zum angezeigten Bild (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="45"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="47"/>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="48"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="49"/>
        <source>&amp;Regenerate</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="50"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="51"/>
        <source>Stop the answer (Esc)</source>
        <translation>Antwort anhalten (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="52"/>
        <source>&amp;New</source>
        <translation>Ne&amp;u</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="53"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="54"/>
        <source>Copy the last answer</source>
        <translation>Die letzte Antwort kopieren</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="55"/>
        <source>Start a new conversation about this study</source>
        <translation>Ein neues Gespräch über diese Studie beginnen</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="56"/>
        <source>Put the last question back into the input box to change and resend it</source>
        <translation>Die letzte Frage zurück ins Eingabefeld holen, um sie zu ändern und erneut zu senden</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="57"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="58"/>
        <source>Export the conversation with the images the model saw</source>
        <translation>Das Gespräch mit den Bildern exportieren, die das Modell gesehen hat</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="60"/>
        <source>As &amp;Markdown with images…</source>
        <translation>Als &amp;Markdown mit Bildern…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="61"/>
        <source>As &amp;PDF…</source>
        <translation>Als &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="62"/>
        <source>As DICOM &amp;SR for the PACS…</source>
        <translation>Als DICOM-&amp;SR für das PACS…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="74"/>
        <source>0 = always the most likely token (deterministic)</source>
        <translation>0 = immer das wahrscheinlichste Token (deterministisch)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="84"/>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="85"/>
        <source>A fixed seed repeats an answer exactly; &apos;random&apos; draws a new one each time</source>
        <translation>Ein fester Seed wiederholt eine Antwort genau; „zufällig“ zieht jedes Mal einen neuen</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="90"/>
        <source>No model loaded: open a model folder with File &gt; Open model… (Ctrl+M). The viewer works without one.</source>
        <translation>Kein Modell geladen: Öffnen Sie einen Modellordner mit Datei &gt; Modell öffnen… (Strg+M). Der Betrachter funktioniert auch ohne.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="103"/>
        <source>T&amp;emperature</source>
        <translation>T&amp;emperatur</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="104"/>
        <source>Top-&amp;p</source>
        <translation>Top-&amp;p</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="105"/>
        <source>&amp;Max tokens</source>
        <translation>&amp;Max. Tokens</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="106"/>
        <source>See&amp;d</source>
        <translation>See&amp;d</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="132"/>
        <source>Send the question</source>
        <translation>Die Frage senden</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="137"/>
        <source>Stop the answer</source>
        <translation>Die Antwort anhalten</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="156"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="157"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="161"/>
        <location filename="../ui/chat/chat_panel.cpp" line="445"/>
        <source>Export conversation</source>
        <translation>Gespräch exportieren</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="230"/>
        <source>No model is loaded. Open a model folder with File &gt; Open model… (Ctrl+M).</source>
        <translation>Kein Modell geladen. Öffnen Sie einen Modellordner mit Datei &gt; Modell öffnen… (Strg+M).</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="283"/>
        <source>The previous answer is still running.</source>
        <translation>Die vorige Antwort läuft noch.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="293"/>
        <source>%1 tok/s</source>
        <translation>%1 Tok./s</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="304"/>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 Tokens · %2 Tok./s</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="416"/>
        <source>An answer was given without an image: a DICOM SR can only hold findings about DICOM images. Export as Markdown or PDF instead.</source>
        <translation>Eine Antwort wurde ohne Bild gegeben: Ein DICOM SR kann nur Befunde zu DICOM-Bildern enthalten. Exportieren Sie stattdessen als Markdown oder PDF.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="424"/>
        <source>Export as DICOM SR</source>
        <translation>Als DICOM SR exportieren</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="432"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="436"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="440"/>
        <source>DICOM (*.dcm)</source>
        <translation>DICOM (*.dcm)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="462"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="14"/>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="16"/>
        <source>adapter %1</source>
        <translation>Adapter %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="21"/>
        <source>T %1 · top-p %2 · max %3</source>
        <translation>T %1 · Top-p %2 · max. %3</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="27"/>
        <source>W %1 L %2%3</source>
        <translation>W %1 L %2%3</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="30"/>
        <source> inverted</source>
        <translation> invertiert</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="32"/>
        <source>frame %1</source>
        <translation>Frame %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="34"/>
        <source>no image</source>
        <translation>kein Bild</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="36"/>
        <source>%1 tokens, %2 tok/s</source>
        <translation>%1 Tokens, %2 Tok./s</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="40"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="46"/>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="68"/>
        <source>Ask about the image on screen. The model sees it exactly as shown, under the current window. Answers come from a research model: they are not a diagnosis.</source>
        <translation>Fragen Sie zum angezeigten Bild. Das Modell sieht es genau so, wie es dargestellt wird, mit der aktuellen Fensterung. Die Antworten stammen von einem Forschungsmodell: Sie sind keine Diagnose.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="76"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="80"/>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="89"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ComparisonView</name>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="40"/>
        <source>Run &amp;A:</source>
        <translation>Lauf &amp;A:</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="42"/>
        <source>Run &amp;B:</source>
        <translation>Lauf &amp;B:</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="44"/>
        <source>Co&amp;mpare</source>
        <translation>Ver&amp;gleichen</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="47"/>
        <source>Compare run A with run B on the same benchmark (Ctrl+Shift+M)</source>
        <translation>Lauf A mit Lauf B auf demselben Benchmark vergleichen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="55"/>
        <source>Choose two runs of the same benchmark.</source>
        <translation>Wählen Sie zwei Läufe desselben Benchmarks.</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="60"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="60"/>
        <source>A (%)</source>
        <translation>A (%)</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="60"/>
        <source>B (%)</source>
        <translation>B (%)</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="60"/>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="70"/>
        <source>A prediction</source>
        <translation>Vorhersage A</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="70"/>
        <source>B prediction</source>
        <translation>Vorhersage B</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="75"/>
        <source>Questions whose score changed, CLOSED hit changes first. Enter: show it in run B&apos;s questions</source>
        <translation>Fragen, deren Bewertung sich geändert hat, geänderte CLOSED-Treffer zuerst. Eingabe: in den Fragen von Lauf B anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="123"/>
        <source>Choose two different reports to compare.</source>
        <translation>Wählen Sie zwei verschiedene Berichte zum Vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="134"/>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen…</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="193"/>
        <source>CLOSED (LLaVA-Med rule): %1 hit only in A, %2 only in B, McNemar exact p = %3 (mid-p %4). OPEN recall B − A: %5 points (95% paired bootstrap interval %6 to %7), sign test p = %8.</source>
        <translation>CLOSED (LLaVA-Med-Regel): %1 Treffer nur in A, %2 nur in B, exakter McNemar-Test p = %3 (Mid-p %4). OPEN-Recall B − A: %5 Punkte (95-%-Intervall, gepaarter Bootstrap, %6 bis %7), Vorzeichentest p = %8.</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="212"/>
        <source>hit gained</source>
        <translation>Treffer gewonnen</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="212"/>
        <source>hit lost</source>
        <translation>Treffer verloren</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="214"/>
        <source>recall %1 → %2</source>
        <translation>Recall %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="226"/>
        <source>A: %1, B: %2.</source>
        <translation>A: %1, B: %2.</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="227"/>
        <source>%1 questions changed score: %2 CLOSED hits changed (%3 gained, %4 lost), %5 OPEN answers changed recall.</source>
        <translation>%1 Fragen mit geänderter Bewertung: %2 CLOSED-Treffer geändert (%3 gewonnen, %4 verloren), %5 OPEN-Antworten mit geändertem Recall.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::DpoLoop</name>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="36"/>
        <source>Evaluating the new model: %1 of %2 questions</source>
        <translation>Das neue Modell wird evaluiert: %1 von %2 Fragen</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="42"/>
        <source>The new report is %1 (no Reports workspace to open it in).</source>
        <translation>Der neue Bericht liegt unter %1 (es gibt keinen Arbeitsbereich Berichte, in dem er geöffnet werden könnte).</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="44"/>
        <source>The new model&apos;s report %1 is open beside %2 in Reports.</source>
        <translation>Der Bericht %1 des neuen Modells ist unter Berichte neben %2 geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="65"/>
        <source>The DPO loop is running already.</source>
        <translation>Die DPO-Schleife läuft bereits.</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="70"/>
        <source>Open a review store with decided pairs first.</source>
        <translation>Öffnen Sie zuerst einen Prüfspeicher mit entschiedenen Paaren.</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="77"/>
        <source>%1: cannot create the folder</source>
        <translation>%1: Ordner kann nicht erstellt werden</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="85"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="90"/>
        <source>No approved pairs to train on yet: approve some pairs first.</source>
        <translation>Noch keine bestätigten Paare zum Trainieren: bestätigen Sie zuerst einige Paare.</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="96"/>
        <source>The demo&apos;s DPO preset is not available (%1); the form&apos;s DPO settings are used.</source>
        <translation>Die DPO-Voreinstellung der Demo ist nicht verfügbar (%1); die DPO-Einstellungen des Formulars werden verwendet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/dpo_loop.cpp" line="99"/>
        <source>DPO on %n approved pair(s)</source>
        <translation>
            <numerusform>DPO mit %n bestätigtem Paar</numerusform>
            <numerusform>DPO mit %n bestätigten Paaren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="103"/>
        <source>The DPO run did not start: %1</source>
        <translation>Der DPO-Lauf wurde nicht gestartet: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/dpo_loop.cpp" line="112"/>
        <source>Training DPO on %n approved pair(s) from %1</source>
        <translation>
            <numerusform>DPO-Training mit %n bestätigtem Paar aus %1</numerusform>
            <numerusform>DPO-Training mit %n bestätigten Paaren aus %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="121"/>
        <source>The DPO run ended %1: %2</source>
        <translation>Der DPO-Lauf endete mit Status „%1“: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="126"/>
        <source>%1: the DPO run wrote no model or adapter</source>
        <translation>%1: der DPO-Lauf hat weder ein Modell noch einen Adapter geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="131"/>
        <source>DPO finished; there is no earlier report to compare with (open the demo or a report).</source>
        <translation>DPO fertig; es gibt keinen früheren Bericht zum Vergleichen (öffnen Sie die Demo oder einen Bericht).</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="140"/>
        <source>Cannot evaluate like the previous report: %1</source>
        <translation>Evaluation wie beim vorigen Bericht nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="142"/>
        <source>Evaluating the new model on %1</source>
        <translation>Das neue Modell wird auf %1 evaluiert</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ImageView</name>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="35"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="82"/>
        <source>auto (0.5-99.5 %)</source>
        <translation>automatisch (0,5–99,5 %)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="155"/>
        <source>Open a DICOM file or folder (Ctrl+O, Ctrl+Shift+O), or drop it here.</source>
        <translation>Öffnen Sie eine DICOM-Datei oder einen Ordner (Strg+O, Strg+Umschalt+O) oder ziehen Sie sie hierher.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="172"/>
        <source>x %1 y %2: RGB %3 %4 %5</source>
        <translation>x %1 y %2: RGB %3 %4 %5</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="178"/>
        <source> HU</source>
        <translation> HE</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="179"/>
        <source>x %1 y %2: %3%4</source>
        <translation>x %1 y %2: %3%4</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="192"/>
        <source>Patient details hidden (presentation mode)</source>
        <translation>Patientendaten ausgeblendet (Präsentationsmodus)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="195"/>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="211"/>
        <source>Pixel %1 × %2 mm</source>
        <translation>Pixel %1 × %2 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="218"/>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="221"/>
        <source>  inverted</source>
        <translation>  invertiert</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="229"/>
        <source>%1 × %2  ·  zoom %3%</source>
        <translation>%1 × %2  ·  Zoom %3 %</translation>
    </message>
</context>
<context>
    <name>stllava::ui::KeyMapDialog</name>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="13"/>
        <source>Review keys</source>
        <translation>Prüftasten</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="15"/>
        <source>&lt;b&gt;Command&lt;/b&gt;</source>
        <translation>&lt;b&gt;Befehl&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="16"/>
        <source>&lt;b&gt;Key&lt;/b&gt;</source>
        <translation>&lt;b&gt;Taste&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="17"/>
        <source>&lt;b&gt;Alternative&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alternative&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="25"/>
        <source>Click and press the new key; Backspace clears it</source>
        <translation>Klicken und die neue Taste drücken; Rücktaste löscht sie</translation>
    </message>
</context>
<context>
    <name>stllava::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>STLLaVA-Med Studio</source>
        <translation>STLLaVA-Med Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="61"/>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="68"/>
        <source>&amp;Read</source>
        <translation>&amp;Befunden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="69"/>
        <source>Read: the viewer with the chat beside it (Ctrl+1)</source>
        <translation>Befunden: der Betrachter mit dem Chat daneben (Strg+1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <source>Re&amp;view</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="75"/>
        <source>Review: preference pairs of a judged self-training job, decided by key (Ctrl+2)</source>
        <translation>Prüfen: Präferenzpaare eines begutachteten Selbsttrainingsauftrags, per Taste entschieden (Strg+2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>&amp;Training</source>
        <translation>Trainin&amp;g</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="87"/>
        <source>Training: stage 1, stage-2 generation and DPO runs with live curves (Ctrl+3)</source>
        <translation>Training: Läufe für Stufe 1, Erzeugung Stufe 2 und DPO mit Live-Kurven (Strg+3)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>Re&amp;ports</source>
        <translation>Be&amp;richte</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>Reports: benchmark results, per-question drill-down, comparisons (Ctrl+4)</source>
        <translation>Berichte: Benchmark-Ergebnisse, Detailansicht je Frage, Vergleiche (Strg+4)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="97"/>
        <location filename="../ui/main_window.cpp" line="148"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="105"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="106"/>
        <source>Stop loading the model</source>
        <translation>Laden des Modells abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="116"/>
        <location filename="../ui/main_window.cpp" line="119"/>
        <source>No jobs running</source>
        <translation>Keine laufenden Aufgaben</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="117"/>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="123"/>
        <source>answering</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135"/>
        <source>weights %1 of %2</source>
        <translation>Gewichte %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="136"/>
        <source>configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="137"/>
        <source>tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="138"/>
        <source>adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="139"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>Loading model: %1</source>
        <translation>Modell wird geladen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>Model not loaded: %1</source>
        <translation>Modell nicht geladen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="172"/>
        <source>demo: %1</source>
        <translation>Demo: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="173"/>
        <source>Setting up the demo: %1</source>
        <translation>Demo wird eingerichtet: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="184"/>
        <source>The demo is ready in %1</source>
        <translation>Die Demo ist bereit in %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="191"/>
        <source>Demo setup stopped; what is done is kept in %1 and the next setup resumes there.</source>
        <translation>Demo-Einrichtung angehalten; das Erledigte bleibt in %1, und die nächste Einrichtung setzt dort fort.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <source>Demo setup failed</source>
        <translation>Demo-Einrichtung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="228"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>&amp;Open file…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Open &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <source>&amp;Recent</source>
        <translation>&amp;Zuletzt verwendet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="239"/>
        <source>Open &amp;model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>&amp;Cancel model loading</source>
        <translation>Laden des Modells &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="263"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Open the &amp;demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="265"/>
        <source>Set &amp;up the demo…</source>
        <translation>Demo &amp;einrichten…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="266"/>
        <source>S&amp;top the demo setup</source>
        <translation>Demo-Einrichtung an&amp;halten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="275"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>Keyboard shortcuts saved.</source>
        <translation>Tastenkürzel gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="292"/>
        <source>Stopping the model load…</source>
        <translation>Laden des Modells wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="311"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="315"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="317"/>
        <source>&amp;Clear list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="326"/>
        <source>%1: no such file or folder</source>
        <translation>%1: Datei oder Ordner nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="345"/>
        <source>Open image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="346"/>
        <source>Images (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>Bilder (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="351"/>
        <source>Open folder of DICOM files</source>
        <translation>Ordner mit DICOM-Dateien öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="358"/>
        <source>Open model folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="364"/>
        <source>A model is already loading.</source>
        <translation>Es wird bereits ein Modell geladen.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="299"/>
        <location filename="../ui/main_window.cpp" line="378"/>
        <source>loading model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="379"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>Model: %1 (%2)</source>
        <translation>Modell: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="393"/>
        <source>Device: %1, %2</source>
        <translation>Gerät: %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="394"/>
        <source>Device: %1, %2, %3 decoder</source>
        <translation>Gerät: %1, %2, Decoder %3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="398"/>
        <source>Model: %1 · %2 · template %3%4</source>
        <translation>Modell: %1 · %2 · Vorlage %3%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="400"/>
        <source> · text only: this model cannot see images</source>
        <translation> · nur Text: dieses Modell kann keine Bilder sehen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="402"/>
        <source>Model loaded in %1 s</source>
        <translation>Modell in %1 s geladen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>No demo found (looked in %1). Help ▸ Set up the demo builds one.</source>
        <translation>Keine Demo gefunden (gesucht in %1). Hilfe ▸ Demo einrichten erstellt eine.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>Demo opened from %1: its model, %2 reports and a judged self-training job.</source>
        <translation>Demo aus %1 geöffnet: ihr Modell, %2 Berichte und ein begutachteter Selbsttrainingsauftrag.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="425"/>
        <source>Demo opened from %1 (not finished: Help ▸ Set up the demo resumes it).</source>
        <translation>Demo aus %1 geöffnet (nicht fertig: Hilfe ▸ Demo einrichten setzt sie fort).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="434"/>
        <source>The demo is being set up already.</source>
        <translation>Die Demo wird bereits eingerichtet.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="441"/>
        <source>Set up the demo</source>
        <translation>Demo einrichten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="442"/>
        <source>This builds a synthetic world of medical images, trains a tiny model on it (stage 1), lets it ask and answer questions about unlabeled images, judges them and trains on the preferences (stage 2), and evaluates both stages. It takes about 10 minutes on two cores and writes to
%1

A stopped setup resumes where it stopped.</source>
        <translation>Dies erzeugt eine synthetische Welt medizinischer Bilder, trainiert darauf ein winziges Modell (Stufe 1), lässt es Fragen zu unbeschrifteten Bildern stellen und beantworten, begutachtet diese und trainiert auf den Präferenzen (Stufe 2) und evaluiert beide Stufen. Es dauert auf zwei Kernen etwa 10 Minuten und schreibt nach
%1

Eine angehaltene Einrichtung setzt dort fort, wo sie angehalten wurde.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="450"/>
        <source>setting up the demo</source>
        <translation>Demo wird eingerichtet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="465"/>
        <source>Settings saved; model settings apply to the next model loaded.</source>
        <translation>Einstellungen gespeichert; Modelleinstellungen gelten für das nächste geladene Modell.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="473"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="484"/>
        <source>Endpoint: %1 @ %2</source>
        <translation>Endpunkt: %1 @ %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="485"/>
        <source>%1
API key: %2</source>
        <translation>%1
API-Schlüssel: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="485"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="486"/>
        <source>Device: endpoint on this machine</source>
        <translation>Gerät: Endpunkt auf diesem Rechner</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="487"/>
        <source>Device: remote endpoint</source>
        <translation>Gerät: entfernter Endpunkt</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="490"/>
        <source>Endpoint %1 at %2 (this machine)</source>
        <translation>Endpunkt %1 auf %2 (dieser Rechner)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="491"/>
        <source>Endpoint %1 at %2 · only the displayed pixels leave this machine%3</source>
        <translation>Endpunkt %1 auf %2 · nur die angezeigten Pixel verlassen diesen Rechner%3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="492"/>
        <source> · images need consent in Settings</source>
        <translation> · Bilder erfordern Zustimmung in den Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="493"/>
        <source>Answers now come from %1</source>
        <translation>Antworten kommen jetzt von %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PairFilter</name>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="14"/>
        <source>All pairs</source>
        <translation>Alle Paare</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="15"/>
        <source>Not decided by me</source>
        <translation>Nicht von mir entschieden</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="16"/>
        <source>Needs review</source>
        <translation>Prüfung erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="17"/>
        <source>Ties</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="19"/>
        <source>Low margin (&lt; %1)</source>
        <translation>Geringer Abstand (&lt; %1)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="20"/>
        <source>Orders disagree</source>
        <translation>Reihenfolgen widersprechen sich</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="21"/>
        <source>Status: auto-accepted</source>
        <translation>Status: automatisch angenommen</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="22"/>
        <source>Status: rejected</source>
        <translation>Status: abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="23"/>
        <source>Adjudication queue</source>
        <translation>Schlichtungswarteschlange</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="30"/>
        <source>Job order</source>
        <translation>Reihenfolge im Auftrag</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="31"/>
        <source>Margin, smallest first</source>
        <translation>Abstand, kleinster zuerst</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="32"/>
        <source>Margin, largest first</source>
        <translation>Abstand, größter zuerst</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PrivacySummary</name>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="11"/>
        <source>patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="12"/>
        <source>patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="13"/>
        <source>study date</source>
        <translation>Studiendatum</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="14"/>
        <source>institution</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="20"/>
        <source>No identifying tags</source>
        <translation>Keine identifizierenden Tags</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/viewer/privacy_summary.cpp" line="22"/>
        <source>Identifiable (%n tag(s))</source>
        <translation>
            <numerusform>Identifizierbar (%n Tag)</numerusform>
            <numerusform>Identifizierbar (%n Tags)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="23"/>
        <source>Burned-in text risk</source>
        <translation>Risiko eingebrannten Texts</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="30"/>
        <source>The file carries no patient name, ID, study date or institution.</source>
        <translation>Die Datei enthält weder Patientenname, ID, Studiendatum noch Einrichtung.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="31"/>
        <source>The file carries: %1.</source>
        <translation>Die Datei enthält: %1.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="33"/>
        <source>No reason known for text burned into the pixels.</source>
        <translation>Kein Grund bekannt, dass Text in die Pixel eingebrannt ist.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="35"/>
        <source>Pixels may show patient text: %1.</source>
        <translation>Die Pixel können Patiententext zeigen: %1.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="36"/>
        <source>The chat runs on this machine; images are not sent anywhere.</source>
        <translation>Der Chat läuft auf diesem Rechner; Bilder werden nirgendwohin gesendet.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PublishedFigures</name>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="16"/>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: nicht lesbar (%2)</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="22"/>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation>%1: kein gültiges JSON (%2 bei Byte %3)</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="27"/>
        <source>%1: field &quot;figures&quot; must be a list</source>
        <translation>%1: Feld „figures“ muss eine Liste sein</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="37"/>
        <source>%1: figures[%2]: field &quot;%3&quot; must be a non-empty string</source>
        <translation>%1: figures[%2]: Feld „%3“ muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="50"/>
        <source>%1: figures[%2]: field &quot;value&quot; must be a number</source>
        <translation>%1: figures[%2]: Feld „value“ muss eine Zahl sein</translation>
    </message>
</context>
<context>
    <name>stllava::ui::QuestionBrowser</name>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="41"/>
        <source>The report whose questions are listed</source>
        <translation>Der Bericht, dessen Fragen aufgelistet werden</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="44"/>
        <source>All questions</source>
        <translation>Alle Fragen</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="45"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="46"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="47"/>
        <source>Closed: hits</source>
        <translation>Geschlossen: Treffer</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="48"/>
        <source>Closed: misses</source>
        <translation>Geschlossen: Fehltreffer</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="51"/>
        <source>Find in id, question, reference, prediction</source>
        <translation>In ID, Frage, Referenz, Vorhersage suchen</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="54"/>
        <source>&amp;Report:</source>
        <translation>&amp;Bericht:</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="56"/>
        <source>S&amp;how:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="58"/>
        <source>F&amp;ind:</source>
        <translation>Su&amp;chen:</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="89"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="90"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="91"/>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="92"/>
        <source>Normalised</source>
        <translation>Normalisiert</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="93"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="182"/>
        <source>Folder of the benchmark&apos;s images</source>
        <translation>Ordner mit den Bildern des Benchmarks</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="197"/>
        <source>Open a report (Ctrl+Shift+R)</source>
        <translation>Einen Bericht öffnen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="197"/>
        <source>No question selected</source>
        <translation>Keine Frage ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="204"/>
        <source>reference &quot;%1&quot;, prediction &quot;%2&quot;</source>
        <translation>Referenz „%1“, Vorhersage „%2“</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="208"/>
        <source>CLOSED: %1 by LLaVA-Med&apos;s substring rule, %2 by the strict whole-word rule</source>
        <translation>CLOSED: %1 nach der Teilzeichenfolgen-Regel von LLaVA-Med, %2 nach der strengen Ganzwort-Regel</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="209"/>
        <location filename="../ui/reports/question_browser.cpp" line="210"/>
        <source>hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="209"/>
        <location filename="../ui/reports/question_browser.cpp" line="210"/>
        <source>miss</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="212"/>
        <source>OPEN: recall %1, precision %2, F1 %3, exact %4</source>
        <translation>OPEN: Recall %1, Präzision %2, F1 %3, exakt %4</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="218"/>
        <source>not scored (answer type neither OPEN nor CLOSED)</source>
        <translation>nicht bewertet (Antworttyp weder OPEN noch CLOSED)</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="226"/>
        <source>(no image)</source>
        <translation>(kein Bild)</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="227"/>
        <source>%1 not found: choose the image folder (Ctrl+Shift+I)</source>
        <translation>%1 nicht gefunden: Bildordner wählen (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="235"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="243"/>
        <source>%1: not a readable image</source>
        <translation>%1: kein lesbares Bild</translation>
    </message>
</context>
<context>
    <name>stllava::ui::QuestionTableModel</name>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="63"/>
        <source>hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="63"/>
        <source>miss</source>
        <translation>Fehltreffer</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="64"/>
        <source>recall %1</source>
        <translation>Recall %1</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="67"/>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="90"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="91"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="92"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="93"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="94"/>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="95"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReadWorkspace</name>
    <message>
        <location filename="../ui/read_workspace.cpp" line="27"/>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="41"/>
        <source>Series list</source>
        <translation>Serienliste</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="67"/>
        <source>Scanning: %n file(s) looked at</source>
        <translation>
            <numerusform>Suche: %n Datei angesehen</numerusform>
            <numerusform>Suche: %n Dateien angesehen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="73"/>
        <source>Series in %1</source>
        <translation>Serien in %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="87"/>
        <source>%n series found</source>
        <translation>
            <numerusform>%n Serie gefunden</numerusform>
            <numerusform>%n Serien gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="88"/>
        <source>, %n unreadable DICOM file(s)</source>
        <translation>
            <numerusform>, %n unlesbare DICOM-Datei</numerusform>
            <numerusform>, %n unlesbare DICOM-Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="89"/>
        <source>, %n other file(s) skipped</source>
        <translation>
            <numerusform>, %n andere Datei übersprungen</numerusform>
            <numerusform>, %n andere Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="115"/>
        <source>scanning %1</source>
        <translation>%1 wird durchsucht</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportExport</name>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="34"/>
        <location filename="../ui/reports/report_export.cpp" line="35"/>
        <source>Benchmark reports</source>
        <translation>Benchmark-Berichte</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="36"/>
        <source>Our runs</source>
        <translation>Unsere Läufe</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="37"/>
        <location filename="../ui/reports/report_export.cpp" line="60"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="37"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="38"/>
        <location filename="../ui/reports/report_export.cpp" line="61"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="38"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="39"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="39"/>
        <location filename="../ui/reports/report_export.cpp" line="62"/>
        <source>Value (%)</source>
        <translation>Wert (%)</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="40"/>
        <source>95% interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="40"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="57"/>
        <source>Headline metrics (%), 95% intervals</source>
        <translation>Hauptmetriken (%), 95-%-Intervalle</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="58"/>
        <source>Published figures (not ours)</source>
        <translation>Veröffentlichte Werte (nicht unsere)</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="59"/>
        <source>As their sources printed them; each with its setting and the scoring behind it.</source>
        <translation>Wie ihre Quellen sie abgedruckt haben; jeweils mit ihrem Setting und der zugrunde liegenden Bewertung.</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="61"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="62"/>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="63"/>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="63"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportSummary</name>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="26"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="26"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="29"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportsWorkspace</name>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="54"/>
        <source>Open reports…</source>
        <translation>Berichte öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="55"/>
        <source>Open one or more report.json files (Ctrl+Shift+R)</source>
        <translation>Eine oder mehrere report.json-Dateien öffnen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="58"/>
        <source>Close report</source>
        <translation>Bericht schließen</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="59"/>
        <source>Close the report shown in Questions (Ctrl+Shift+W)</source>
        <translation>Den unter Fragen angezeigten Bericht schließen (Strg+Umschalt+W)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="61"/>
        <source>Image folder…</source>
        <translation>Bildordner…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="62"/>
        <source>Choose the folder of the shown report&apos;s images (Ctrl+Shift+I)</source>
        <translation>Den Ordner mit den Bildern des angezeigten Berichts wählen (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="64"/>
        <source>Export HTML…</source>
        <translation>HTML exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="65"/>
        <source>Export the current tab as HTML: Summary: all reports with the published figures apart; Questions: the report with its images; Comparison: the two runs (Ctrl+E)</source>
        <translation>Den aktuellen Reiter als HTML exportieren: Übersicht: alle Berichte, die veröffentlichten Werte getrennt; Fragen: der Bericht mit seinen Bildern; Vergleich: die beiden Läufe (Strg+E)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="70"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="71"/>
        <source>Export the current tab as CSV: Summary: our figures per benchmark and type; Questions: every question of the report; Comparison: the changed questions (Ctrl+Shift+E)</source>
        <translation>Den aktuellen Reiter als CSV exportieren: Übersicht: unsere Werte je Benchmark und Typ; Fragen: jede Frage des Berichts; Vergleich: die geänderten Fragen (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="91"/>
        <source>&amp;Summary</source>
        <translation>Über&amp;sicht</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="92"/>
        <source>&amp;Questions</source>
        <translation>&amp;Fragen</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="93"/>
        <source>Com&amp;parison</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="94"/>
        <source>Tables and charts per benchmark and question type (Alt+S)</source>
        <translation>Tabellen und Diagramme je Benchmark und Fragetyp (Alt+S)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="95"/>
        <source>Every question with its image, reference, prediction and hit (Alt+Q)</source>
        <translation>Jede Frage mit Bild, Referenz, Vorhersage und Treffer (Alt+F)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="96"/>
        <source>Two runs side by side with the questions that changed (Alt+P)</source>
        <translation>Zwei Läufe nebeneinander mit den geänderten Fragen (Alt+V)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="136"/>
        <source>Open evaluation reports</source>
        <translation>Evaluationsberichte öffnen</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="137"/>
        <source>Evaluation reports (report.json *.json);;All files (*)</source>
        <translation>Evaluationsberichte (report.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="144"/>
        <source>The demo in %1 has no reports yet.</source>
        <translation>Die Demo in %1 hat noch keine Berichte.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="159"/>
        <source>Reading %n report(s)…</source>
        <translation>
            <numerusform>%n Bericht wird gelesen…</numerusform>
            <numerusform>%n Berichte werden gelesen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="190"/>
        <source>%n report(s) opened.</source>
        <translation>
            <numerusform>%n Bericht geöffnet.</numerusform>
            <numerusform>%n Berichte geöffnet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="191"/>
        <source>%1 report(s) opened, %2 could not be read.</source>
        <translation>%1 Bericht(e) geöffnet, %2 nicht lesbar.</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="211"/>
        <source>No report open: Open reports… (Ctrl+Shift+R)</source>
        <translation>Kein Bericht geöffnet: Berichte öffnen… (Strg+Umschalt+R)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="212"/>
        <source>%n report(s) open</source>
        <translation>
            <numerusform>%n Bericht geöffnet</numerusform>
            <numerusform>%n Berichte geöffnet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="224"/>
        <source>Export HTML</source>
        <translation>HTML exportieren</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="224"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="225"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="225"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="237"/>
        <source>Nothing to export: compare two runs first.</source>
        <translation>Nichts zu exportieren: vergleichen Sie zuerst zwei Läufe.</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="245"/>
        <location filename="../ui/reports/reports_workspace.cpp" line="258"/>
        <source>Nothing to export: open a report first.</source>
        <translation>Nichts zu exportieren: öffnen Sie zuerst einen Bericht.</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="272"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReviewCommand</name>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="31"/>
        <source>Answer 1 is better</source>
        <translation>Antwort 1 ist besser</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="32"/>
        <source>Answer 2 is better</source>
        <translation>Antwort 2 ist besser</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="33"/>
        <source>Flip the judge&apos;s choice</source>
        <translation>Wahl des Gutachters umkehren</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="34"/>
        <source>Approve the judge&apos;s choice</source>
        <translation>Wahl des Gutachters bestätigen</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="35"/>
        <source>Reject the pair</source>
        <translation>Paar verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="36"/>
        <source>Tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="37"/>
        <source>Both wrong</source>
        <translation>Beide falsch</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="38"/>
        <source>Write a note</source>
        <translation>Notiz schreiben</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="39"/>
        <source>Undo my last decision</source>
        <translation>Letzte Entscheidung zurücknehmen</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="40"/>
        <source>Next pair</source>
        <translation>Nächstes Paar</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="41"/>
        <source>Previous pair</source>
        <translation>Vorheriges Paar</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="78"/>
        <source>The key %1 is set for both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>Die Taste %1 ist sowohl „%2“ als auch „%3“ zugewiesen.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReviewWorkspace</name>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="56"/>
        <source>&lt;h3&gt;Review guidelines&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Look at the image first.&lt;/b&gt; Check every finding an answer states against the image; an answer that claims something the image does not show is worse than a shorter correct one.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Then accuracy&lt;/b&gt;, relevance to the question, helpfulness and detail, in that order.&lt;/li&gt;&lt;li&gt;Do not prefer an answer for its length, its position, or because the judge preferred it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;1 / 2&lt;/b&gt;: that answer is better and the pair is worth training on. &lt;b&gt;A&lt;/b&gt; approves the judge&apos;s choice, &lt;b&gt;F&lt;/b&gt; flips it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;T&lt;/b&gt; when neither is better; &lt;b&gt;B&lt;/b&gt; when both are wrong; &lt;b&gt;R&lt;/b&gt; when the pair should not be used at all (unreadable image, off-topic question, identical answers).&lt;/li&gt;&lt;li&gt;Write a note (&lt;b&gt;N&lt;/b&gt;) when a decision was hard: it helps adjudication.&lt;/li&gt;&lt;li&gt;Blind mode hides the judge&apos;s scores and shows the answers in a random order per pair; use it for agreement studies.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h3&gt;Prüfrichtlinien&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Zuerst das Bild ansehen.&lt;/b&gt; Prüfen Sie jeden Befund, den eine Antwort nennt, am Bild; eine Antwort, die etwas behauptet, das das Bild nicht zeigt, ist schlechter als eine kürzere richtige.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dann Richtigkeit&lt;/b&gt;, Relevanz für die Frage, Nützlichkeit und Detailtiefe, in dieser Reihenfolge.&lt;/li&gt;&lt;li&gt;Bevorzugen Sie eine Antwort nicht wegen ihrer Länge, ihrer Position oder weil der Gutachter sie bevorzugt hat.&lt;/li&gt;&lt;li&gt;&lt;b&gt;1 / 2&lt;/b&gt;: diese Antwort ist besser, und das Paar lohnt sich für das Training. &lt;b&gt;A&lt;/b&gt; bestätigt die Wahl des Gutachters, &lt;b&gt;F&lt;/b&gt; kehrt sie um.&lt;/li&gt;&lt;li&gt;&lt;b&gt;T&lt;/b&gt;, wenn keine besser ist; &lt;b&gt;B&lt;/b&gt;, wenn beide falsch sind; &lt;b&gt;R&lt;/b&gt;, wenn das Paar gar nicht verwendet werden soll (unlesbares Bild, themenfremde Frage, identische Antworten).&lt;/li&gt;&lt;li&gt;Schreiben Sie eine Notiz (&lt;b&gt;N&lt;/b&gt;), wenn eine Entscheidung schwer war: das hilft bei der Schlichtung.&lt;/li&gt;&lt;li&gt;Der Blindmodus blendet die Bewertungen des Gutachters aus und zeigt die Antworten je Paar in zufälliger Reihenfolge; verwenden Sie ihn für Übereinstimmungsstudien.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="80"/>
        <source>Open store…</source>
        <translation>Speicher öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="82"/>
        <source>Import pairs…</source>
        <translation>Paare importieren…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="83"/>
        <source>Import the pairs of a judged self-training job folder (or one pairs file)</source>
        <translation>Die Paare aus dem Ordner eines begutachteten Selbsttrainingsauftrags (oder einer Paardatei) importieren</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="84"/>
        <source>Export approved…</source>
        <translation>Bestätigte exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="86"/>
        <source>Write the approved pairs for `stllava train dpo` (STLLaVA JSON or TRL JSON lines)</source>
        <translation>Die bestätigten Paare für `stllava train dpo` schreiben (STLLaVA-JSON oder TRL-JSON-Lines)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="91"/>
        <source>Keys…</source>
        <translation>Tasten…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="92"/>
        <source>Change the review keys</source>
        <translation>Die Prüftasten ändern</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="95"/>
        <source>Your name: every decision is recorded with it</source>
        <translation>Ihr Name: jede Entscheidung wird damit gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="97"/>
        <source>&amp;Blind</source>
        <translation>&amp;Blind</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="99"/>
        <source>Hide the judge&apos;s scores and show the answers in a random order (kept per pair and curator)</source>
        <translation>Die Bewertungen des Gutachters ausblenden und die Antworten in zufälliger Reihenfolge zeigen (je Paar und Kurator beibehalten)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="100"/>
        <source>Auto-advance</source>
        <translation>Automatisch weiter</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="102"/>
        <source>Move to the next pair after each decision</source>
        <translation>Nach jeder Entscheidung zum nächsten Paar wechseln</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="108"/>
        <source>Only the pairs one curator decided</source>
        <translation>Nur die von einem Kurator entschiedenen Paare</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="118"/>
        <source>No store open</source>
        <translation>Kein Speicher geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="131"/>
        <source>Curator:</source>
        <translation>Kurator:</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="236"/>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="239"/>
        <source>Imported %1 new pairs (%2 updated, %3 unchanged, %4 refused)</source>
        <translation>%1 neue Paare importiert (%2 aktualisiert, %3 unverändert, %4 abgelehnt)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="245"/>
        <source>; %1 records left out, first: %2:%3: %4</source>
        <translation>; %1 Datensätze ausgelassen, erster: %2:%3: %4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="262"/>
        <source>Cannot read the image %1</source>
        <translation>Das Bild %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="300"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="302"/>
        <source>%1  [%2]</source>
        <translation>%1  [%2]</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="331"/>
        <source>Cannot open the review store: %1</source>
        <translation>Der Prüfspeicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="336"/>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="344"/>
        <source>An import is running already.</source>
        <translation>Es läuft bereits ein Import.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="349"/>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="365"/>
        <source>The demo&apos;s pairs are in %1: Import pairs… adds them to this store.</source>
        <translation>Die Paare der Demo liegen in %1: Paare importieren… fügt sie diesem Speicher hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="81"/>
        <source>Open or create a review store (a SQLite file, or a PostgreSQL database a team shares)</source>
        <translation>Einen Prüfspeicher öffnen oder anlegen (eine SQLite-Datei oder eine PostgreSQL-Datenbank, die ein Team gemeinsam nutzt)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="87"/>
        <source>Train DPO on approved pairs</source>
        <translation>DPO mit bestätigten Paaren trainieren</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="89"/>
        <source>Export the approved pairs into the job folder, train DPO on them in the Training workspace, and open the new model&apos;s report beside the previous one</source>
        <translation>Die bestätigten Paare in den Auftragsordner exportieren, im Arbeitsbereich Training DPO damit trainieren und den Bericht des neuen Modells neben dem vorigen öffnen</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="379"/>
        <source>Judged self-training job folder</source>
        <translation>Ordner eines begutachteten Selbsttrainingsauftrags</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="384"/>
        <source>Open a store first.</source>
        <translation>Öffnen Sie zuerst einen Speicher.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="386"/>
        <source>Export approved pairs</source>
        <translation>Bestätigte Paare exportieren</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="387"/>
        <source>STLLaVA pairs (*.json);;TRL pairs (*.jsonl)</source>
        <translation>STLLaVA-Paare (*.json);;TRL-Paare (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="392"/>
        <source>Wrote %1 approved pairs (%2 flipped) to %3</source>
        <translation>%1 bestätigte Paare (%2 umgekehrt) nach %3 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="394"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="441"/>
        <source>Any curator</source>
        <translation>Beliebiger Kurator</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="442"/>
        <source>Decided by %1</source>
        <translation>Entschieden von %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="456"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="458"/>
        <source>%1 · %2 · margin %3 · %4</source>
        <translation>%1 · %2 · Abstand %3 · %4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="526"/>
        <source>Not in blind mode: it would show the judge&apos;s choice</source>
        <translation>Nicht im Blindmodus: das würde die Wahl des Gutachters zeigen</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="530"/>
        <source>No pair in this view.</source>
        <translation>Kein Paar in dieser Ansicht.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="530"/>
        <source>Open a store or import a judged job.</source>
        <translation>Öffnen Sie einen Speicher oder importieren Sie einen begutachteten Auftrag.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="542"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="552"/>
        <source>judge: %1 (order 1-2: %2, order 2-1: %3)%4</source>
        <translation>Gutachter: %1 (Reihenfolge 1-2: %2, Reihenfolge 2-1: %3)%4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="554"/>
        <source> · the judge&apos;s choice</source>
        <translation> · die Wahl des Gutachters</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="556"/>
        <location filename="../ui/review/review_workspace.cpp" line="557"/>
        <source>Answer %1 [%2]</source>
        <translation>Antwort %1 [%2]</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="562"/>
        <source>Blind mode: the judge&apos;s scores, verdict and rationale are hidden.</source>
        <translation>Blindmodus: Bewertungen, Urteil und Begründung des Gutachters sind ausgeblendet.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="564"/>
        <source>only one order judged</source>
        <translation>nur eine Reihenfolge begutachtet</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="565"/>
        <source>both orders agree</source>
        <translation>beide Reihenfolgen stimmen überein</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="566"/>
        <source>the orders disagree (the verdict changed with the order)</source>
        <translation>die Reihenfolgen widersprechen sich (das Urteil änderte sich mit der Reihenfolge)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="567"/>
        <source>Judge %1 · status %2%3 · margin %4 · %5</source>
        <translation>Gutachter %1 · Status %2%3 · Abstand %4 · %5</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="569"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="570"/>
        <source>&lt;br&gt;&lt;b&gt;Order 1-2:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Reihenfolge 1-2:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="571"/>
        <source>&lt;br&gt;&lt;b&gt;Order 2-1:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Reihenfolge 2-1:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="574"/>
        <source>&lt;b&gt;My notes:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Meine Notizen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="581"/>
        <source>This pair has no image.</source>
        <translation>Dieses Paar hat kein Bild.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="581"/>
        <source>Image not found: %1</source>
        <translation>Bild nicht gefunden: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="584"/>
        <source>%1 — drag to change window/level</source>
        <translation>%1 — ziehen, um W/L zu ändern</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="614"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="614"/>
        <source>Note on %1:</source>
        <translation>Notiz zu %1:</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="643"/>
        <source>Type your name in the Curator field first.</source>
        <translation>Geben Sie zuerst Ihren Namen in das Feld Kurator ein.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="654"/>
        <source>%1: %2 saved (%3 ms)</source>
        <translation>%1: %2 gespeichert (%3 ms)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="670"/>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="674"/>
        <source>Undid %1 on %2</source>
        <translation>%1 bei %2 rückgängig gemacht</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="703"/>
        <source>%1 decided of %2 (%3 of %4 in this view)</source>
        <translation>%1 von %2 entschieden (%3 von %4 in dieser Ansicht)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="721"/>
        <source>&lt;b&gt;Agreement&lt;/b&gt;&lt;br&gt;%1 vs judge: κ %2, AC1 %3 (n = %4)</source>
        <translation>&lt;b&gt;Übereinstimmung&lt;/b&gt;&lt;br&gt;%1 vs. Gutachter: κ %2, AC1 %3 (n = %4)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="728"/>
        <source>&lt;br&gt;vs %1: κ %2, AC1 %3 (n = %4)</source>
        <translation>&lt;br&gt;vs. %1: κ %2, AC1 %3 (n = %4)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="730"/>
        <source>&lt;br&gt;Adjudication queue: %1</source>
        <translation>&lt;br&gt;Schlichtungswarteschlange: %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::RunPanel</name>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="38"/>
        <location filename="../ui/training/run_panel.cpp" line="137"/>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="52"/>
        <location filename="../ui/training/run_panel.cpp" line="215"/>
        <source>&amp;Pause</source>
        <translation>Pa&amp;usieren</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="54"/>
        <source>Pause the run (the process is suspended; Continue goes on where it was)</source>
        <translation>Den Lauf pausieren (der Prozess wird angehalten; „Weiter“ setzt dort fort, wo er war)</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="55"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="57"/>
        <source>Stop the run: it writes a checkpoint at the next step and ends</source>
        <translation>Den Lauf stoppen: er schreibt beim nächsten Schritt einen Checkpoint und endet</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="60"/>
        <source>The run&apos;s checkpoints, newest first</source>
        <translation>Die Checkpoints des Laufs, neueste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="62"/>
        <source>&amp;Resume from checkpoint</source>
        <translation>Ab Checkpoint &amp;fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="64"/>
        <source>A new run with the same settings, continuing from the chosen checkpoint</source>
        <translation>Ein neuer Lauf mit denselben Einstellungen, der ab dem gewählten Checkpoint fortsetzt</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="65"/>
        <source>Open in &amp;Read</source>
        <translation>In &amp;Befunden öffnen</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="67"/>
        <source>Load the trained model (or the base model with the trained adapter) in the Read workspace</source>
        <translation>Das trainierte Modell (oder das Basismodell mit dem trainierten Adapter) im Arbeitsbereich Befunden laden</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="142"/>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="191"/>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="195"/>
        <source>Images %1 / %2</source>
        <translation>Bilder %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="196"/>
        <source>%1 images/s</source>
        <translation>%1 Bilder/s</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="199"/>
        <source>Step %1 / %2 · epoch %3</source>
        <translation>Schritt %1 / %2 · Epoche %3</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="200"/>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="201"/>
        <source>Memory: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="202"/>
        <source>Memory: n/a</source>
        <translation>Speicher: k. A.</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="204"/>
        <source>Step: none yet</source>
        <translation>Schritt: noch keiner</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="209"/>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="215"/>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
</context>
<context>
    <name>stllava::ui::SeriesListModel</name>
    <message>
        <location filename="../ui/series/series_list_model.cpp" line="39"/>
        <source>Series %1</source>
        <translation>Serie %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/series/series_list_model.cpp" line="41"/>
        <source>%1
%2 · %n image(s)</source>
        <translation>
            <numerusform>%1
%2 · %n Bild</numerusform>
            <numerusform>%1
%2 · %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/series/series_list_model.cpp" line="45"/>
        <source>%1
Study: %2
Series UID: %3</source>
        <translation>%1
Studie: %2
Serien-UID: %3</translation>
    </message>
</context>
<context>
    <name>stllava::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="43"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="46"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="47"/>
        <source>&amp;Judge</source>
        <translation>&amp;Gutachter</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="48"/>
        <source>&amp;Interface</source>
        <translation>&amp;Oberfläche</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="70"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="71"/>
        <source>Choose a folder</source>
        <translation>Einen Ordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="87"/>
        <source>A &amp;local model folder</source>
        <translation>Ein &amp;lokaler Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="89"/>
        <source>An OpenAI-compatible &amp;endpoint (e.g. `stllava serve` on a GPU server)</source>
        <translation>Ein OpenAI-kompatibler &amp;Endpunkt (z. B. `stllava serve` auf einem GPU-Server)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="91"/>
        <source>Answers from:</source>
        <translation>Antworten von:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="96"/>
        <source>Endpoint &amp;address:</source>
        <translation>Endpunkt-&amp;Adresse:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="99"/>
        <source>Endpoint m&amp;odel:</source>
        <translation>Endpunkt-M&amp;odell:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="101"/>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="103"/>
        <source>config.json, safetensors and tokenizer.model</source>
        <translation>config.json, safetensors und tokenizer.model</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="104"/>
        <source>Model &amp;folder:</source>
        <translation>Modell&amp;ordner:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="105"/>
        <source>LoRA adapter folder</source>
        <translation>LoRA-Adapterordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="108"/>
        <source>LoRA &amp;adapter:</source>
        <translation>LoRA-&amp;Adapter:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="109"/>
        <source>CLIP vision tower folder</source>
        <translation>Ordner des CLIP-Bildencoders</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="111"/>
        <source>the model&apos;s own (or the folder its config names)</source>
        <translation>der des Modells (oder der Ordner, den seine Konfiguration nennt)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="112"/>
        <source>&amp;Vision tower:</source>
        <translation>&amp;Bildencoder:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="118"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="118"/>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="120"/>
        <source>No CUDA device is available on this machine.</source>
        <translation>Auf diesem Rechner ist kein CUDA-Gerät verfügbar.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="121"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="124"/>
        <source>Automatic (float32 on CPU, float16 on GPU)</source>
        <translation>Automatisch (float32 auf der CPU, float16 auf der GPU)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="125"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="126"/>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="127"/>
        <source>float16</source>
        <translation>float16</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="128"/>
        <source>Number &amp;type:</source>
        <translation>Zahlen&amp;typ:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="131"/>
        <source>As stored</source>
        <translation>Wie gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="132"/>
        <source>int8 per channel (faster answers on the CPU)</source>
        <translation>int8 pro Kanal (schnellere Antworten auf der CPU)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="133"/>
        <source>4-bit, groups of 32 (least memory; less accurate)</source>
        <translation>4 Bit, Gruppen zu 32 (am wenigsten Speicher; ungenauer)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="134"/>
        <source>Weight-only quantisation of the language model&apos;s linear layers, on the CPU only. Answers come faster and the weights take less memory; they can differ a little from the stored weights&apos; answers.</source>
        <translation>Nur-Gewichts-Quantisierung der linearen Schichten des Sprachmodells, nur auf der CPU. Antworten kommen schneller und die Gewichte brauchen weniger Speicher; sie können leicht von den Antworten der gespeicherten Gewichte abweichen.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="137"/>
        <source>&amp;Quantisation:</source>
        <translation>&amp;Quantisierung:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="141"/>
        <source>One per core (%1)</source>
        <translation>Einer pro Kern (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="142"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU-&amp;Threads:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="143"/>
        <source>Changes apply to the next model loaded. The endpoint&apos;s API key is found as the judge&apos;s (environment, then keychain) for its host.</source>
        <translation>Änderungen gelten für das nächste geladene Modell. Der API-Schlüssel des Endpunkts wird wie der des Gutachters für seinen Host gesucht (Umgebung, dann Schlüsselbund).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="172"/>
        <source>Any OpenAI-compatible endpoint, e.g. `stllava serve` at http://127.0.0.1:8080/v1</source>
        <translation>Jeder OpenAI-kompatible Endpunkt, z. B. `stllava serve` unter http://127.0.0.1:8080/v1</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="173"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="176"/>
        <source>Judge &amp;model:</source>
        <translation>Gutachter&amp;modell:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="181"/>
        <source>paste a key to store it in the system keychain</source>
        <translation>Schlüssel einfügen, um ihn im Schlüsselbund des Systems zu speichern</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="182"/>
        <source>&amp;Store in keychain</source>
        <translation>Im Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="191"/>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="196"/>
        <source>Allow sending &amp;de-identified images to an endpoint outside this machine</source>
        <translation>Senden &amp;anonymisierter Bilder an einen Endpunkt außerhalb dieses Rechners erlauben</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="197"/>
        <source>Only pixels leave the machine, re-encoded without any DICOM header. Endpoints on this machine (127.0.0.1, localhost) never need this.</source>
        <translation>Nur Pixel verlassen den Rechner, neu kodiert ohne DICOM-Header. Endpunkte auf diesem Rechner (127.0.0.1, localhost) brauchen dies nie.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="201"/>
        <source>The key is read from $STLLAVA_JUDGE_API_KEY or $OPENAI_API_KEY first, then from the keychain. It is never written to the settings file or a log.</source>
        <translation>Der Schlüssel wird zuerst aus $STLLAVA_JUDGE_API_KEY oder $OPENAI_API_KEY gelesen, dann aus dem Schlüsselbund. Er wird nie in die Einstellungsdatei oder ein Protokoll geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="220"/>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="222"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="223"/>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="227"/>
        <source>Demo folder</source>
        <translation>Demo-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="229"/>
        <source>where `stllava demo run` wrote (default ./stllava-demo)</source>
        <translation>wohin `stllava demo run` geschrieben hat (Vorgabe ./stllava-demo)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="230"/>
        <source>De&amp;mo folder:</source>
        <translation>De&amp;mo-Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="245"/>
        <source>%1 (not available here)</source>
        <translation>%1 (hier nicht verfügbar)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="299"/>
        <source>Model folder %1: no config.json there.</source>
        <translation>Modellordner %1: dort gibt es keine config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="305"/>
        <source>Endpoint &apos;%1&apos;: expected an address such as http://127.0.0.1:8080/v1.</source>
        <translation>Endpunkt „%1“: erwartet wird eine Adresse wie http://127.0.0.1:8080/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="306"/>
        <source>Endpoint model: a name is needed (`stllava serve --model-id`).</source>
        <translation>Endpunkt-Modell: ein Name ist nötig (`stllava serve --model-id`).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="309"/>
        <source>LoRA adapter %1: no adapter_config.json there.</source>
        <translation>LoRA-Adapter %1: dort gibt es keine adapter_config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="311"/>
        <source>Vision tower %1: no config.json there.</source>
        <translation>Bildencoder %1: dort gibt es keine config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="316"/>
        <source>Judge endpoint &apos;%1&apos;: expected an http:// or https:// address such as https://api.openai.com/v1.</source>
        <translation>Gutachter-Endpunkt „%1“: erwartet wird eine http://- oder https://-Adresse wie https://api.openai.com/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="320"/>
        <source>Judge endpoint %1: plain http to another machine would send the API key and the images unencrypted; use https.</source>
        <translation>Gutachter-Endpunkt %1: einfaches http zu einem anderen Rechner würde den API-Schlüssel und die Bilder unverschlüsselt senden; verwenden Sie https.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="323"/>
        <source>Judge model: a name is needed (e.g. gpt-4o).</source>
        <translation>Gutachtermodell: ein Name ist nötig (z. B. gpt-4o).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="326"/>
        <source>Demo folder %1 does not exist.</source>
        <translation>Der Demo-Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="351"/>
        <source>Key: give an endpoint first.</source>
        <translation>Schlüssel: geben Sie zuerst einen Endpunkt an.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="354"/>
        <source>Key for %1: looking…</source>
        <translation>Schlüssel für %1: wird gesucht…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="363"/>
        <source>Key for %1: none found%2</source>
        <translation>Schlüssel für %1: keiner gefunden%2</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="363"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="365"/>
        <source>Key for %1: found in %2 (not shown).</source>
        <translation>Schlüssel für %1: gefunden in %2 (nicht angezeigt).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="373"/>
        <source>Give the endpoint first: the key is stored for its host.</source>
        <translation>Geben Sie zuerst den Endpunkt an: der Schlüssel wird für seinen Host gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="379"/>
        <source>Storing the key for %1…</source>
        <translation>Schlüssel für %1 wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="385"/>
        <source>Key for %1 stored in the system keychain.</source>
        <translation>Schlüssel für %1 im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="386"/>
        <source>The keychain did not store the key for %1: %2</source>
        <translation>Der Schlüsselbund hat den Schlüssel für %1 nicht gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ShortcutDialog</name>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="19"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="22"/>
        <source>Filter by action or key</source>
        <translation>Nach Aktion oder Taste filtern</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="24"/>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Alternative</source>
        <translation>Alternative</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="50"/>
        <source>Click and press the new key; Backspace clears it</source>
        <translation>Klicken und die neue Taste drücken; Rücktaste löscht sie</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="51"/>
        <source>%1, key %2</source>
        <translation>%1, Taste %2</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="78"/>
        <source>Review decision keys are set in the Review workspace (Keys…).</source>
        <translation>Die Entscheidungstasten für die Prüfung werden im Arbeitsbereich Prüfen festgelegt (Tasten…).</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ShortcutMap</name>
    <message>
        <location filename="../ui/shortcuts/shortcut_map.cpp" line="94"/>
        <source>%1 is given twice to &quot;%2&quot;.</source>
        <translation>%1 ist „%2“ doppelt zugewiesen.</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_map.cpp" line="97"/>
        <source>%1 is given to both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>%1 ist sowohl „%2“ als auch „%3“ zugewiesen.</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_map.cpp" line="136"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>stllava::ui::StoreLocationDialog</name>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="18"/>
        <source>Open or create a review store</source>
        <translation>Einen Prüfspeicher öffnen oder anlegen</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="19"/>
        <source>A SQLite file for one curator, or the PostgreSQL database a team shares: &lt;tt&gt;postgresql://user@host:port/dbname&lt;/tt&gt;. The password is not part of the URL: set PGPASSWORD or put it in ~/.pgpass.</source>
        <translation>Eine SQLite-Datei für einen Kurator oder die PostgreSQL-Datenbank, die ein Team gemeinsam nutzt: &lt;tt&gt;postgresql://user@host:port/dbname&lt;/tt&gt;. Das Passwort ist nicht Teil der URL: Setzen Sie PGPASSWORD oder tragen Sie es in ~/.pgpass ein.</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="26"/>
        <source>review.sqlite or postgresql://user@host:5432/reviews</source>
        <translation>review.sqlite oder postgresql://user@host:5432/reviews</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="28"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="29"/>
        <source>Pick or name a SQLite file</source>
        <translation>Eine SQLite-Datei auswählen oder benennen</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="56"/>
        <source>Review store file</source>
        <translation>Prüfspeicher-Datei</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="58"/>
        <source>Review stores (*.sqlite);;All files (*)</source>
        <translation>Prüfspeicher (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="67"/>
        <source>Name a file or a postgresql:// URL.</source>
        <translation>Geben Sie eine Datei oder eine postgresql://-URL an.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::SummaryView</name>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Value (%)</source>
        <translation>Wert (%)</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <source>95% interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <source>Also</source>
        <translation>Außerdem</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="45"/>
        <source>Our numbers, as each report file carries them. Enter or double-click: the questions behind a row</source>
        <translation>Unsere Zahlen, wie jede Berichtsdatei sie enthält. Eingabe oder Doppelklick: die Fragen hinter einer Zeile</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="57"/>
        <source>Headline metrics (%)</source>
        <translation>Hauptmetriken (%)</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="65"/>
        <source>&lt;b&gt;Published figures&lt;/b&gt;, not ours: as their sources printed them, each with its setting and the scoring behind it (hatched bars in the chart).</source>
        <translation>&lt;b&gt;Veröffentlichte Werte&lt;/b&gt;, nicht unsere: wie ihre Quellen sie abgedruckt haben, jeweils mit ihrem Setting und der zugrunde liegenden Bewertung (schraffierte Balken im Diagramm).</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="130"/>
        <source>95% bootstrap interval as the report carries it</source>
        <translation>95-%-Bootstrap-Intervall, wie es der Bericht enthält</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="137"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="140"/>
        <source>The file&apos;s figures differ from its own questions:
%1</source>
        <translation>Die Werte der Datei weichen von ihren eigenen Fragen ab:
%1</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="181"/>
        <source>%1, %2: no report</source>
        <translation>%1, %2: kein Bericht</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="185"/>
        <source>%1, %2: %3 %4 (%5, n = %6)</source>
        <translation>%1, %2: %3 %4 (%5, n = %6)</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="200"/>
        <source>%1 (published)</source>
        <translation>%1 (veröffentlicht)</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="206"/>
        <source>%1 published no figure for %2</source>
        <translation>%1 hat keinen Wert für %2 veröffentlicht</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="211"/>
        <source>%1 (published, %2), %3: %4 — %5; %6</source>
        <translation>%1 (veröffentlicht, %2), %3: %4 — %5; %6</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingCharts</name>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Reward accuracy (DPO)</source>
        <translation>Reward-Genauigkeit (DPO)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="27"/>
        <source>Margin (DPO)</source>
        <translation>Reward-Abstand (DPO)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="44"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingForm</name>
    <message>
        <location filename="../ui/training/training_form.cpp" line="79"/>
        <source>Stage 1: SFT with question learning</source>
        <translation>Stufe 1: SFT mit Fragenlernen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="80"/>
        <source>Stage 2: generation (questions and two answers per image)</source>
        <translation>Stufe 2: Erzeugung (Fragen und zwei Antworten je Bild)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="81"/>
        <source>DPO on preference pairs</source>
        <translation>DPO mit Präferenzpaaren</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="84"/>
        <source>&amp;Paper preset</source>
        <translation>&amp;Paper-Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="86"/>
        <source>The hyperparameters of STLLaVA-Med&apos;s scripts (LoRA 128/256, the paper&apos;s rates, batches and epochs)</source>
        <translation>Die Hyperparameter der Skripte von STLLaVA-Med (LoRA 128/256, Lernraten, Batches und Epochen aus dem Paper)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="87"/>
        <source>&amp;Demo preset</source>
        <translation>&amp;Demo-Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="89"/>
        <source>What `stllava demo run` trained with, on the demo&apos;s data (open the demo first)</source>
        <translation>Womit `stllava demo run` trainiert hat, auf den Daten der Demo (öffnen Sie zuerst die Demo)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="93"/>
        <source>(the output folder&apos;s name)</source>
        <translation>(der Name des Ausgabeordners)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="103"/>
        <source>Separate process</source>
        <translation>Eigener Prozess</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="104"/>
        <source>In this window</source>
        <translation>In diesem Fenster</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="105"/>
        <source>torchrun, several processes</source>
        <translation>torchrun, mehrere Prozesse</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="106"/>
        <source>`stllava train` as a child process: a crash in training never takes the window down</source>
        <translation>`stllava train` als Kindprozess: ein Absturz im Training reißt das Fenster nie mit</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="108"/>
        <source>On a worker thread of this window: starts at once, no second program; one such run at a time</source>
        <translation>Auf einem Arbeitsthread dieses Fensters: startet sofort, kein zweites Programm; jeweils nur ein solcher Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="111"/>
        <source>torchrun (not found on PATH)</source>
        <translation>torchrun (nicht im PATH gefunden)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="114"/>
        <source>Data parallel on this machine: torchrun starts one `stllava train` per process (one per GPU, or Gloo on the CPU); see docs/distributed-training.md for several machines</source>
        <translation>Datenparallel auf diesem Rechner: torchrun startet ein `stllava train` je Prozess (eines je GPU, oder Gloo auf der CPU); für mehrere Rechner siehe docs/distributed-training.md</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="121"/>
        <source> processes</source>
        <translation> Prozesse</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="122"/>
        <source>torchrun&apos;s --nproc_per_node: the global batch is batch size x accumulation x processes</source>
        <translation>--nproc_per_node von torchrun: der globale Batch ist Batchgröße x Akkumulation x Prozesse</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="137"/>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="138"/>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="139"/>
        <source>Run name:</source>
        <translation>Name des Laufs:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="140"/>
        <source>Run as:</source>
        <translation>Ausführen als:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="149"/>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="150"/>
        <source>The model to train (config.json, safetensors, tokenizer.model); for DPO the stage-1 model</source>
        <translation>Das zu trainierende Modell (config.json, safetensors, tokenizer.model); für DPO das Stufe-1-Modell</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="151"/>
        <source>Start from adapter</source>
        <translation>Ausgangsadapter</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="152"/>
        <source>A LoRA adapter merged in first (stage 1&apos;s for DPO); empty: none</source>
        <translation>Ein LoRA-Adapter, der zuerst eingebunden wird (für DPO der von Stufe 1); leer: keiner</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="153"/>
        <source>Data file</source>
        <translation>Datendatei</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="154"/>
        <source>SFT: LLaVA conversations JSON. DPO: preference pairs (STLLaVA JSON or TRL JSON lines)</source>
        <translation>SFT: LLaVA-Gespräche als JSON. DPO: Präferenzpaare (STLLaVA-JSON oder TRL-JSON-Lines)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="155"/>
        <source>Image folder</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="156"/>
        <source>The folder the data&apos;s image paths are relative to; empty: beside the data file</source>
        <translation>Der Ordner, auf den sich die Bildpfade der Daten beziehen; leer: neben der Datendatei</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="157"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="158"/>
        <source>Checkpoints and the trained adapter or model go here (made when missing)</source>
        <translation>Hier landen die Checkpoints und der trainierte Adapter bzw. das trainierte Modell (wird bei Bedarf angelegt)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="163"/>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="169"/>
        <source>Decoder trains:</source>
        <translation>Decoder-Training:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="170"/>
        <source>Vision tower trains:</source>
        <translation>Bildencoder-Training:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="171"/>
        <source>Question learning share (sq_r)</source>
        <translation>Anteil Fragenlernen (sq_r)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="172"/>
        <source>The chance that a later human turn becomes a question the model learns to ask (paper: 0.5)</source>
        <translation>Die Wahrscheinlichkeit, dass ein späterer Beitrag des Menschen zu einer Frage wird, die das Modell zu stellen lernt (Paper: 0.5)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="173"/>
        <source>DPO beta</source>
        <translation>DPO-Beta</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="174"/>
        <source>Strength of the pull towards the reference model (paper: 0.1)</source>
        <translation>Stärke der Bindung an das Referenzmodell (Paper: 0.1)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="175"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="176"/>
        <source>Peak learning rate of the decoder (the vision tower&apos;s and projector&apos;s stay as the preset says)</source>
        <translation>Spitzenlernrate des Decoders (die des Bildencoders und des Projektors bleiben wie in der Voreinstellung)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="177"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="177"/>
        <source>Passes over the data</source>
        <translation>Durchläufe über die Daten</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="178"/>
        <source>Most steps</source>
        <translation>Max. Schritte</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="179"/>
        <source>Caps the optimiser steps; -1: no cap</source>
        <translation>Begrenzt die Optimiererschritte; -1: keine Begrenzung</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="180"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="180"/>
        <source>Items per device and micro-step</source>
        <translation>Beispiele je Gerät und Mikroschritt</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="181"/>
        <source>Gradient accumulation</source>
        <translation>Gradientenakkumulation</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="182"/>
        <source>Micro-steps per optimiser step</source>
        <translation>Mikroschritte je Optimiererschritt</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="183"/>
        <source>Most tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="183"/>
        <source>Longest sequence kept</source>
        <translation>Längste beibehaltene Sequenz</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="184"/>
        <source>LoRA rank</source>
        <translation>LoRA-Rang</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="184"/>
        <source>Rank of the decoder&apos;s LoRA</source>
        <translation>Rang der LoRA des Decoders</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="185"/>
        <source>LoRA alpha</source>
        <translation>LoRA-Alpha</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="186"/>
        <source>Scale of the decoder&apos;s LoRA (paper: twice the rank)</source>
        <translation>Skalierung der LoRA des Decoders (Paper: doppelter Rang)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="187"/>
        <source>Checkpoint every</source>
        <translation>Checkpoint alle</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="188"/>
        <source>Steps between checkpoints; 0: at the end of every epoch</source>
        <translation>Schritte zwischen Checkpoints; 0: am Ende jeder Epoche</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="189"/>
        <source>Checkpoints kept</source>
        <translation>Behaltene Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="190"/>
        <source>Older checkpoints are deleted; 0 keeps all</source>
        <translation>Ältere Checkpoints werden gelöscht; 0 behält alle</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="193"/>
        <source>Stage-1 model</source>
        <translation>Stufe-1-Modell</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="194"/>
        <source>The model that asks and answers (stage 1&apos;s)</source>
        <translation>Das Modell, das fragt und antwortet (das von Stufe 1)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="195"/>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="196"/>
        <source>Stage 1&apos;s LoRA adapter folder; empty: none</source>
        <translation>LoRA-Adapterordner von Stufe 1; leer: keiner</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="197"/>
        <source>Images folder</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="198"/>
        <source>Unlabeled images (DICOM or raster), searched recursively</source>
        <translation>Unbeschriftete Bilder (DICOM oder Raster), rekursiv durchsucht</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="199"/>
        <source>Questions per image</source>
        <translation>Fragen je Bild</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="200"/>
        <source>Questions the model asks per image (paper: 5)</source>
        <translation>Fragen, die das Modell je Bild stellt (Paper: 5)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="201"/>
        <source>Answer seeds</source>
        <translation>Antwort-Seeds</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="202"/>
        <source>The two seeds of the two answers (paper: 40,42)</source>
        <translation>Die beiden Seeds der zwei Antworten (Paper: 40,42)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="203"/>
        <source>Description tokens</source>
        <translation>Beschreibungs-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="204"/>
        <source>Most tokens of the description</source>
        <translation>Höchstzahl an Tokens der Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="205"/>
        <source>Question tokens</source>
        <translation>Frage-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="206"/>
        <source>Most tokens of a question (paper: 300)</source>
        <translation>Höchstzahl an Tokens einer Frage (Paper: 300)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="207"/>
        <source>Answer tokens</source>
        <translation>Antwort-Tokens</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="208"/>
        <source>Most tokens of an answer (paper: 1024)</source>
        <translation>Höchstzahl an Tokens einer Antwort (Paper: 1024)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="209"/>
        <source>Job folder</source>
        <translation>Auftragsordner</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="210"/>
        <source>Items go here (made when missing; an existing job resumes)</source>
        <translation>Hier landen die Einträge (wird bei Bedarf angelegt; ein bestehender Auftrag wird fortgesetzt)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="254"/>
        <location filename="../ui/training/training_form.cpp" line="279"/>
        <source>:</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="275"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="276"/>
        <source>Choose</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="357"/>
        <source>Paper preset.</source>
        <translation>Paper-Voreinstellung.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="365"/>
        <source>Demo preset not available: %1</source>
        <translation>Demo-Voreinstellung nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="369"/>
        <source>Demo preset from %1.</source>
        <translation>Demo-Voreinstellung aus %1.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="411"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="417"/>
        <source>Question learning share (sq_r): question learning needs the v1_sq template (or set it to 0)</source>
        <translation>Anteil Fragenlernen (sq_r): Fragenlernen erfordert die Vorlage v1_sq (oder setzen Sie den Wert auf 0)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="429"/>
        <source>Ready to start.</source>
        <translation>Bereit zum Start.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="436"/>
        <source>Ready to start; it continues from %1 in the output folder.</source>
        <translation>Bereit zum Start; der Lauf setzt bei %1 im Ausgabeordner fort.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingWorkspace</name>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="29"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="31"/>
        <location filename="../ui/training/training_workspace.cpp" line="66"/>
        <source>Start a run with these settings (a `stllava` child process)</source>
        <translation>Einen Lauf mit diesen Einstellungen starten (ein `stllava`-Kindprozess)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="51"/>
        <source>Runs of this session:</source>
        <translation>Läufe dieser Sitzung:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="90"/>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="99"/>
        <source>training %1</source>
        <translation>Training %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="103"/>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="114"/>
        <source>%1: no such checkpoint folder</source>
        <translation>%1: Checkpoint-Ordner nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="119"/>
        <source>%1 from %2</source>
        <translation>%1 ab %2</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ViewerPanel</name>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="25"/>
        <source>Brain</source>
        <translation>Gehirn</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="26"/>
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="27"/>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="28"/>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="29"/>
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="30"/>
        <source>Liver</source>
        <translation>Leber</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="36"/>
        <location filename="../ui/viewer/viewer_panel.cpp" line="264"/>
        <source>Window presets</source>
        <translation>Fenstervoreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="37"/>
        <source>Window presets: the file&apos;s own windows, and for CT the usual ones</source>
        <translation>Fenstervoreinstellungen: die eigenen Fenster der Datei und bei CT die üblichen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="45"/>
        <source>Image in stack</source>
        <translation>Bild im Stapel</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="50"/>
        <source>&amp;Auto window</source>
        <translation>&amp;Automatische Fensterung</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="51"/>
        <source>&amp;Invert</source>
        <translation>&amp;Invertieren</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="52"/>
        <source>&amp;Fit to view</source>
        <translation>In Ansicht &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="53"/>
        <source>Actual &amp;size (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="54"/>
        <source>&amp;Tag overlay</source>
        <translation>&amp;Tag-Einblendung</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="57"/>
        <source>&amp;Presentation mode (hide patient details)</source>
        <translation>&amp;Präsentationsmodus (Patientendaten ausblenden)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="58"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="59"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="60"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="61"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="62"/>
        <source>Presentation</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="63"/>
        <source>&amp;Next image</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="64"/>
        <source>P&amp;revious image</source>
        <translation>&amp;Vorheriges Bild</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="128"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="270"/>
        <source>File window %1</source>
        <translation>Dateifenster %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="271"/>
        <source>%1 (W %2 L %3)</source>
        <translation>%1 (W %2 L %3)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="277"/>
        <source>CT %1 (W %2 L %3)</source>
        <translation>CT %1 (W %2 L %3)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="300"/>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="310"/>
        <source>Image %1 / %2</source>
        <translation>Bild %1 / %2</translation>
    </message>
</context>
<context>
    <name>stllava::ui::WindowLevelTool</name>
    <message>
        <location filename="../ui/viewer/window_level_tool.cpp" line="20"/>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
</context>
</TS>
