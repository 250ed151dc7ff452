<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>EvaluationLike</name>
    <message>
        <location filename="../ui/training/evaluation_like.cpp" line="47"/>
        <source>%1: its benchmark file %2 is not found</source>
        <translation>%1: no se encuentra su archivo de benchmark %2</translation>
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
        <translation>Paciente: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="35"/>
        <source>Study: %1</source>
        <translation>Estudio: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="63"/>
        <source>Cannot render the image the model saw again: %1</source>
        <translation>No se puede volver a generar la imagen que vio el modelo: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="77"/>
        <source>Image %1</source>
        <translation>Imagen %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="92"/>
        <source>, frame %1 of %2</source>
        <translation>, fotograma %1 de %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="93"/>
        <source>, window C %1 / W %2</source>
        <translation>, ventana C %1 / W %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="94"/>
        <location filename="../ui/chat/sr_export.cpp" line="53"/>
        <source> (inverted)</source>
        <translation> (invertida)</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="101"/>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="101"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="107"/>
        <source>adapter %1 (%2)</source>
        <translation>adaptador %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="111"/>
        <location filename="../ui/chat/sr_export.cpp" line="56"/>
        <source>template %1</source>
        <translation>plantilla %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="114"/>
        <location filename="../ui/chat/sr_export.cpp" line="59"/>
        <source>T %1, top-p %2, max %3, seed %4</source>
        <translation>T %1, top-p %2, máx. %3, semilla %4</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="122"/>
        <source>no image seen</source>
        <translation>sin imagen</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="126"/>
        <source>%1 tokens, %2 tok/s</source>
        <translation>%1 tokens, %2 tok/s</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="130"/>
        <source>stop: %1</source>
        <translation>parada: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="155"/>
        <location filename="../ui/chat/conversation_export.cpp" line="166"/>
        <source>The conversation has no answered question to export.</source>
        <translation>La conversación no tiene ninguna pregunta respondida que exportar.</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="157"/>
        <source>Patient details hidden (presentation mode)</source>
        <translation>Datos del paciente ocultos (modo presentación)</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="160"/>
        <source>Conversation about %1</source>
        <translation>Conversación sobre %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="161"/>
        <source>Conversation about an image</source>
        <translation>Conversación sobre una imagen</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="48"/>
        <location filename="../ui/chat/pdf_export.cpp" line="40"/>
        <source>Exported %1 from STLLaVA-Med Studio.</source>
        <translation>Exportado el %1 desde STLLaVA-Med Studio.</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="53"/>
        <location filename="../ui/chat/pdf_export.cpp" line="43"/>
        <source>The answers were generated by a machine learning model. They are not a diagnosis and have not been verified by a clinician.</source>
        <translation>Las respuestas las ha generado un modelo de aprendizaje automático. No son un diagnóstico ni las ha verificado un profesional clínico.</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="60"/>
        <location filename="../ui/chat/pdf_export.cpp" line="50"/>
        <source>Question %1</source>
        <translation>Pregunta %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="66"/>
        <location filename="../ui/chat/pdf_export.cpp" line="62"/>
        <source>Note: the pixels may carry burned-in patient text (%1).</source>
        <translation>Nota: los píxeles pueden contener texto del paciente incrustado (%1).</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="71"/>
        <location filename="../ui/chat/pdf_export.cpp" line="66"/>
        <source>The model saw no image for this answer.</source>
        <translation>El modelo no vio ninguna imagen para esta respuesta.</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="74"/>
        <location filename="../ui/chat/pdf_export.cpp" line="68"/>
        <source>Question:</source>
        <translation>Pregunta:</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="76"/>
        <location filename="../ui/chat/pdf_export.cpp" line="70"/>
        <source>Answer:</source>
        <translation>Respuesta:</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="77"/>
        <location filename="../ui/chat/pdf_export.cpp" line="71"/>
        <source>(no text)</source>
        <translation>(sin texto)</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="18"/>
        <source>Answer %1 was given without an image: a DICOM SR can only hold findings about DICOM images. Export as Markdown or PDF instead.</source>
        <translation>La respuesta %1 se dio sin imagen: un DICOM SR solo puede contener hallazgos sobre imágenes DICOM. Exporte en su lugar como Markdown o PDF.</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="23"/>
        <source>%1 is not a DICOM image: a DICOM SR can only reference DICOM images. Export as Markdown or PDF instead.</source>
        <translation>%1 no es una imagen DICOM: un DICOM SR solo puede hacer referencia a imágenes DICOM. Exporte en su lugar como Markdown o PDF.</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="49"/>
        <source>frame %1, window C %2 / W %3</source>
        <translation>fotograma %1, ventana C %2 / W %3</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="67"/>
        <source>asked %1</source>
        <translation>preguntado el %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/chat/history_store.cpp" line="31"/>
        <source>%1: cannot read: %2</source>
        <translation>%1: no se puede leer: %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/history_store.cpp" line="38"/>
        <source>%1: not a conversation file: %2</source>
        <translation>%1: no es un archivo de conversación: %2</translation>
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
        <translation>obligatorio: elija una carpeta</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="23"/>
        <source>%1: no such folder</source>
        <translation>%1: no existe esa carpeta</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="24"/>
        <source>%1: not a folder</source>
        <translation>%1: no es una carpeta</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="30"/>
        <source>required: choose a file</source>
        <translation>obligatorio: elija un archivo</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="32"/>
        <source>%1: no such file</source>
        <translation>%1: no existe ese archivo</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="33"/>
        <source>%1: not a file</source>
        <translation>%1: no es un archivo</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="34"/>
        <source>%1: cannot be read</source>
        <translation>%1: no se puede leer</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="40"/>
        <source>required: choose a folder for the results</source>
        <translation>obligatorio: elija una carpeta para los resultados</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="42"/>
        <source>%1: a file is in the way</source>
        <translation>%1: ya existe un archivo con ese nombre</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="51"/>
        <source>%1: cannot be made (%2 is not a folder)</source>
        <translation>%1: no se puede crear (%2 no es una carpeta)</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="52"/>
        <source>%1: cannot be made (%2 is not writable)</source>
        <translation>%1: no se puede crear (no se puede escribir en %2)</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="59"/>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>«%1» no es un número entero</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="60"/>
        <location filename="../ui/training/field_checks.cpp" line="71"/>
        <source>%1 is outside %2 … %3</source>
        <translation>%1 está fuera del intervalo %2 … %3</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="68"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>«%1» no es un número</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="70"/>
        <source>%1 must be above %2 and at most %3</source>
        <translation>%1 debe ser mayor que %2 y como máximo %3</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="78"/>
        <source>&quot;%1&quot;: expected two seeds, e.g. 40,42</source>
        <translation>«%1»: se esperaban dos semillas, p. ej. 40,42</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="82"/>
        <source>&quot;%1&quot; is not a seed (a whole number)</source>
        <translation>«%1» no es una semilla (un número entero)</translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="26"/>
        <source>%1: cannot be read (has the demo run this phase?)</source>
        <translation>%1: no se puede leer (¿ha ejecutado la demo esta fase?)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="32"/>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1: no es un objeto JSON (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="92"/>
        <source>no demo folder is open (Help ▸ Open the demo)</source>
        <translation>no hay ninguna carpeta de demo abierta (Ayuda ▸ Abrir la demo)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="100"/>
        <source>%1: the demo&apos;s stage-1 model is not trained yet</source>
        <translation>%1: el modelo de la etapa 1 de la demo aún no está entrenado</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="121"/>
        <source>%1: no &quot;config&quot; object</source>
        <translation>%1: no hay ningún objeto «config»</translation>
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
        <translation>generación de la etapa 2</translation>
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
        <translation>Abriendo el modelo entrenado %1 en Lectura</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="84"/>
        <source>STLLaVA-Med Studio: read medical images and ask a local vision-language model about them.</source>
        <translation>STLLaVA-Med Studio: leer imágenes médicas y preguntar sobre ellas a un modelo local de visión y lenguaje.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="90"/>
        <source>A DICOM or raster file, or a folder of DICOM files.</source>
        <translation>Un archivo DICOM o de imagen rasterizada, o una carpeta de archivos DICOM.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="92"/>
        <source>Model folder to load.</source>
        <translation>Carpeta del modelo que se cargará.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="96"/>
        <source>Do not load the last model at start-up.</source>
        <translation>No cargar el último modelo al iniciar.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="99"/>
        <source>Save a PNG of the window once the image is shown, then quit.</source>
        <translation>Guardar un PNG de la ventana en cuanto se muestre la imagen y salir.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="102"/>
        <source>Window size, e.g. 1440x900.</source>
        <translation>Tamaño de la ventana, p. ej. 1440x900.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="106"/>
        <source>Initial window as CENTER,WIDTH (e.g. 40,400).</source>
        <translation>Ventana inicial como CENTRO,ANCHO (p. ej. 40,400).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="110"/>
        <source>Initial window preset: brain, lung, abdomen, bone, mediastinum, liver.</source>
        <translation>Preajuste de ventana inicial: brain, lung, abdomen, bone, mediastinum, liver.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="115"/>
        <source>With --screenshot: ask this about the image and save once answered.</source>
        <translation>Con --screenshot: preguntar esto sobre la imagen y guardar cuando haya respuesta.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="119"/>
        <source>Interface language: %1 (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation>Idioma de la interfaz: %1 (por omisión: el elegido en Configuración o, si no, el del sistema).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="125"/>
        <source>Open the embedded demo that `stllava demo run` wrote into this folder.</source>
        <translation>Abrir la demo integrada que `stllava demo run` escribió en esta carpeta.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="129"/>
        <source>Workspace to show at start: read, review, training or reports.</source>
        <translation>Espacio de trabajo que se mostrará al iniciar: read, review, training o reports.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="149"/>
        <source>--demo %1: no demo there (run `stllava demo run --out %1`)</source>
        <translation>--demo %1: no hay ninguna demo ahí (ejecute `stllava demo run --out %1`)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="161"/>
        <source>--workspace %1: unknown (read, review, training, reports)</source>
        <translation>--workspace %1: desconocido (read, review, training, reports)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="175"/>
        <source>--preset %1: unknown (brain, lung, abdomen, bone, mediastinum, liver)</source>
        <translation>--preset %1: desconocido (brain, lung, abdomen, bone, mediastinum, liver)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="198"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::DemoSetupJob</name>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="28"/>
        <source>stllava demo run crashed; its last lines:
%1</source>
        <translation>stllava demo run se ha bloqueado; sus últimas líneas:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="29"/>
        <source>stllava demo run failed (exit %1):
%2</source>
        <translation>stllava demo run ha fallado (código %1):
%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="34"/>
        <source>cannot start %1: %2</source>
        <translation>no se puede iniciar %1: %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="50"/>
        <source>the stllava program was not found beside %1</source>
        <translation>no se encontró el programa stllava junto a %1</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::EndpointChat</name>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="100"/>
        <source>The endpoint &apos;%1&apos; is not an http:// or https:// address (Settings ▸ Model).</source>
        <translation>El servicio «%1» no es una dirección http:// ni https:// (Configuración ▸ Modelo).</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="104"/>
        <source>Sending the image to %1 needs your consent: tick &quot;Allow sending de-identified images&quot; in Settings ▸ Judge, or use an endpoint on this machine.</source>
        <translation>Enviar la imagen a %1 requiere su consentimiento: marque «Permitir enviar imágenes anonimizadas» en Configuración ▸ Juez, o use un servicio en este equipo.</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="197"/>
        <source>The endpoint %1 answered HTTP %2: %3</source>
        <translation>El servicio %1 respondió HTTP %2: %3</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="199"/>
        <source> (check the API key: $STLLAVA_JUDGE_API_KEY, $OPENAI_API_KEY or the keychain)</source>
        <translation> (compruebe la clave de API: $STLLAVA_JUDGE_API_KEY, $OPENAI_API_KEY o el llavero)</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="201"/>
        <source> — this endpoint&apos;s model cannot see images.</source>
        <translation> — el modelo de este servicio no puede ver imágenes.</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="203"/>
        <source>The endpoint %1 did not answer: %2</source>
        <translation>El servicio %1 no respondió: %2</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::EvaluationRunJob</name>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="30"/>
        <source>cannot start %1: %2</source>
        <translation>no se puede iniciar %1: %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="55"/>
        <source>the stllava program was not found beside %1</source>
        <translation>no se encontró el programa stllava junto a %1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="59"/>
        <source>%1: cannot create the evaluation folder</source>
        <translation>%1: no se puede crear la carpeta de evaluación</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="107"/>
        <source>the evaluation process crashed; its last lines:
%1</source>
        <translation>el proceso de evaluación se ha bloqueado; sus últimas líneas:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="109"/>
        <source>the evaluation was stopped; the answers so far are kept in %1</source>
        <translation>la evaluación se detuvo; las respuestas obtenidas hasta ahora se conservan en %1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="111"/>
        <source>the evaluation failed (exit %1):
%2</source>
        <translation>la evaluación ha fallado (código %1):
%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="113"/>
        <source>the evaluation ended without a report (%1):
%2</source>
        <translation>la evaluación terminó sin informe (%1):
%2</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::ModelLoadJob</name>
    <message>
        <location filename="../core/services/jobs/model_load_job.cpp" line="67"/>
        <source>Loading %1 was cancelled.</source>
        <translation>Se canceló la carga de %1.</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::TrainingRunJob</name>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="50"/>
        <source>cannot start %1: %2</source>
        <translation>no se puede iniciar %1: %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="83"/>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="84"/>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="85"/>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="86"/>
        <source>stopping</source>
        <translation>deteniéndose</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="87"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="224"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="344"/>
        <source>finished</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="88"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="226"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="346"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="89"/>
        <source>bad input</source>
        <translation>entrada no válida</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="90"/>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="122"/>
        <source>stage-2 generation runs as a separate process only</source>
        <translation>la generación de la etapa 2 solo se ejecuta como proceso aparte</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="124"/>
        <source>the stllava program was not found beside %1</source>
        <translation>no se encontró el programa stllava junto a %1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="130"/>
        <source>torchrun was not found on PATH (it comes with PyTorch; on Debian: python3-torch)</source>
        <translation>no se encontró torchrun en el PATH (viene con PyTorch; en Debian: python3-torch)</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="132"/>
        <source>%1 processes: give 1 to 1024</source>
        <translation>%1 procesos: indique de 1 a 1024</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="138"/>
        <source>the training config has no output folder</source>
        <translation>la configuración de entrenamiento no tiene carpeta de salida</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="139"/>
        <source>%1: cannot create the output folder</source>
        <translation>%1: no se puede crear la carpeta de salida</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="146"/>
        <source>%1: cannot write the training config: %2</source>
        <translation>%1: no se puede escribir la configuración de entrenamiento: %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="173"/>
        <source>another run is training inside this window; start this one as a separate process</source>
        <translation>otra ejecución ya entrena en esta ventana; inicie esta como un proceso aparte</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="180"/>
        <source>in this window: train %1 --config %2</source>
        <translation>en esta ventana: train %1 --config %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="230"/>
        <source>failed:
%1</source>
        <translation>falló:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="342"/>
        <source>the training process crashed; its last lines:
%1</source>
        <translation>el proceso de entrenamiento se ha bloqueado; sus últimas líneas:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="226"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="346"/>
        <source>cancelled; checkpoint %1</source>
        <translation>cancelado; punto de control %1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="228"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="348"/>
        <source>bad input:
%1</source>
        <translation>entrada no válida:
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="350"/>
        <source>failed (exit %1):
%2</source>
        <translation>fallido (código %1):
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
        <translation> · paso %1/%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_list.cpp" line="54"/>
        <source> · %1/%2 images</source>
        <translation> · %1/%2 imágenes</translation>
    </message>
</context>
<context>
    <name>stllava::ui::AnswerPanel</name>
    <message>
        <location filename="../ui/review/answer_panel.cpp" line="23"/>
        <source>%1 — chosen</source>
        <translation>%1 — elegida</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ChatPanel</name>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="44"/>
        <source>Ask about the image on screen (Ctrl+Enter sends)</source>
        <translation>Pregunte sobre la imagen en pantalla (Ctrl+Intro envía)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="45"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="47"/>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="48"/>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="49"/>
        <source>&amp;Regenerate</source>
        <translation>&amp;Regenerar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="50"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="51"/>
        <source>Stop the answer (Esc)</source>
        <translation>Detener la respuesta (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="52"/>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="53"/>
        <source>&amp;Edit</source>
        <translation>E&amp;ditar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="54"/>
        <source>Copy the last answer</source>
        <translation>Copiar la última respuesta</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="55"/>
        <source>Start a new conversation about this study</source>
        <translation>Iniciar una conversación nueva sobre este estudio</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="56"/>
        <source>Put the last question back into the input box to change and resend it</source>
        <translation>Devolver la última pregunta al cuadro de entrada para cambiarla y reenviarla</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="57"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="58"/>
        <source>Export the conversation with the images the model saw</source>
        <translation>Exportar la conversación con las imágenes que vio el modelo</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="60"/>
        <source>As &amp;Markdown with images…</source>
        <translation>Como &amp;Markdown con imágenes…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="61"/>
        <source>As &amp;PDF…</source>
        <translation>Como &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="62"/>
        <source>As DICOM &amp;SR for the PACS…</source>
        <translation>Como DICOM &amp;SR para el PACS…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="74"/>
        <source>0 = always the most likely token (deterministic)</source>
        <translation>0 = siempre el token más probable (determinista)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="84"/>
        <source>random</source>
        <translation>aleatoria</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="85"/>
        <source>A fixed seed repeats an answer exactly; &apos;random&apos; draws a new one each time</source>
        <translation>Una semilla fija repite una respuesta exactamente; «aleatoria» sortea una nueva cada vez</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="90"/>
        <source>No model loaded: open a model folder with File &gt; Open model… (Ctrl+M). The viewer works without one.</source>
        <translation>Ningún modelo cargado: abra una carpeta de modelo con Archivo &gt; Abrir modelo… (Ctrl+M). El visor funciona sin él.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="103"/>
        <source>T&amp;emperature</source>
        <translation>T&amp;emperatura</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="104"/>
        <source>Top-&amp;p</source>
        <translation>Top-&amp;p</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="105"/>
        <source>&amp;Max tokens</source>
        <translation>Tokens &amp;máx.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="106"/>
        <source>See&amp;d</source>
        <translation>Semi&amp;lla</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="132"/>
        <source>Send the question</source>
        <translation>Enviar la pregunta</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="137"/>
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="156"/>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="157"/>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="161"/>
        <location filename="../ui/chat/chat_panel.cpp" line="445"/>
        <source>Export conversation</source>
        <translation>Exportar conversación</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="230"/>
        <source>No model is loaded. Open a model folder with File &gt; Open model… (Ctrl+M).</source>
        <translation>No hay ningún modelo cargado. Abra una carpeta de modelo con Archivo &gt; Abrir modelo… (Ctrl+M).</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="283"/>
        <source>The previous answer is still running.</source>
        <translation>La respuesta anterior aún está en curso.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="293"/>
        <source>%1 tok/s</source>
        <translation>%1 tok/s</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="304"/>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 tokens · %2 tok/s</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="416"/>
        <source>An answer was given without an image: a DICOM SR can only hold findings about DICOM images. Export as Markdown or PDF instead.</source>
        <translation>Una respuesta se dio sin imagen: un DICOM SR solo puede contener hallazgos sobre imágenes DICOM. Exporte en su lugar como Markdown o PDF.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="424"/>
        <source>Export as DICOM SR</source>
        <translation>Exportar como DICOM SR</translation>
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
        <translation>Exportando…</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="14"/>
        <source>model %1</source>
        <translation>modelo %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="16"/>
        <source>adapter %1</source>
        <translation>adaptador %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="21"/>
        <source>T %1 · top-p %2 · max %3</source>
        <translation>T %1 · top-p %2 · máx. %3</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="27"/>
        <source>W %1 L %2%3</source>
        <translation>W %1 L %2%3</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="30"/>
        <source> inverted</source>
        <translation> invertida</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="32"/>
        <source>frame %1</source>
        <translation>fotograma %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="34"/>
        <source>no image</source>
        <translation>sin imagen</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="36"/>
        <source>%1 tokens, %2 tok/s</source>
        <translation>%1 tokens, %2 tok/s</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="40"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="46"/>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="68"/>
        <source>Ask about the image on screen. The model sees it exactly as shown, under the current window. Answers come from a research model: they are not a diagnosis.</source>
        <translation>Pregunte sobre la imagen en pantalla. El modelo la ve exactamente como se muestra, con la ventana actual. Las respuestas proceden de un modelo de investigación: no son un diagnóstico.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="76"/>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="80"/>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="89"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ComparisonView</name>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="40"/>
        <source>Run &amp;A:</source>
        <translation>&amp;Ejecución A:</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="42"/>
        <source>Run &amp;B:</source>
        <translation>Ejecución &amp;B:</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="44"/>
        <source>Co&amp;mpare</source>
        <translation>Co&amp;mparar</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="47"/>
        <source>Compare run A with run B on the same benchmark (Ctrl+Shift+M)</source>
        <translation>Comparar la ejecución A con la ejecución B en el mismo benchmark (Ctrl+Mayús+M)</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="55"/>
        <source>Choose two runs of the same benchmark.</source>
        <translation>Elija dos ejecuciones del mismo benchmark.</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="60"/>
        <source>Metric</source>
        <translation>Métrica</translation>
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
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="70"/>
        <source>A prediction</source>
        <translation>Predicción A</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="70"/>
        <source>B prediction</source>
        <translation>Predicción B</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="75"/>
        <source>Questions whose score changed, CLOSED hit changes first. Enter: show it in run B&apos;s questions</source>
        <translation>Preguntas cuya puntuación cambió, primero los cambios de acierto CLOSED. Intro: mostrarla en las preguntas de la ejecución B</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="123"/>
        <source>Choose two different reports to compare.</source>
        <translation>Elija dos informes distintos para comparar.</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="134"/>
        <source>Comparing %1 with %2…</source>
        <translation>Comparando %1 con %2…</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="193"/>
        <source>CLOSED (LLaVA-Med rule): %1 hit only in A, %2 only in B, McNemar exact p = %3 (mid-p %4). OPEN recall B − A: %5 points (95% paired bootstrap interval %6 to %7), sign test p = %8.</source>
        <translation>CLOSED (regla de LLaVA-Med): %1 aciertos solo en A, %2 solo en B, prueba exacta de McNemar p = %3 (mid-p %4). Recall OPEN B − A: %5 puntos (intervalo bootstrap pareado del 95 %: de %6 a %7), prueba de los signos p = %8.</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="212"/>
        <source>hit gained</source>
        <translation>acierto ganado</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="212"/>
        <source>hit lost</source>
        <translation>acierto perdido</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="214"/>
        <source>recall %1 → %2</source>
        <translation>recall %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="226"/>
        <source>A: %1, B: %2.</source>
        <translation>A: %1, B: %2.</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="227"/>
        <source>%1 questions changed score: %2 CLOSED hits changed (%3 gained, %4 lost), %5 OPEN answers changed recall.</source>
        <translation>%1 preguntas cambiaron de puntuación: %2 aciertos CLOSED cambiaron (%3 ganados, %4 perdidos), %5 respuestas OPEN cambiaron de recall.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::DpoLoop</name>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="36"/>
        <source>Evaluating the new model: %1 of %2 questions</source>
        <translation>Evaluando el modelo nuevo: %1 de %2 preguntas</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="42"/>
        <source>The new report is %1 (no Reports workspace to open it in).</source>
        <translation>El informe nuevo es %1 (no hay ningún espacio de trabajo Informes en el que abrirlo).</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="44"/>
        <source>The new model&apos;s report %1 is open beside %2 in Reports.</source>
        <translation>El informe %1 del modelo nuevo está abierto junto a %2 en Informes.</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="65"/>
        <source>The DPO loop is running already.</source>
        <translation>El ciclo DPO ya está en curso.</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="70"/>
        <source>Open a review store with decided pairs first.</source>
        <translation>Abra primero un almacén de revisión con pares decididos.</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="77"/>
        <source>%1: cannot create the folder</source>
        <translation>%1: no se puede crear la carpeta</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="85"/>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="90"/>
        <source>No approved pairs to train on yet: approve some pairs first.</source>
        <translation>Aún no hay pares aprobados con los que entrenar: apruebe primero algunos pares.</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="96"/>
        <source>The demo&apos;s DPO preset is not available (%1); the form&apos;s DPO settings are used.</source>
        <translation>El preajuste DPO de la demo no está disponible (%1); se usan los ajustes DPO del formulario.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/dpo_loop.cpp" line="99"/>
        <source>DPO on %n approved pair(s)</source>
        <translation>
            <numerusform>DPO con %n par aprobado</numerusform>
            <numerusform>DPO con %n pares aprobados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="103"/>
        <source>The DPO run did not start: %1</source>
        <translation>La ejecución DPO no se inició: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/dpo_loop.cpp" line="112"/>
        <source>Training DPO on %n approved pair(s) from %1</source>
        <translation>
            <numerusform>Entrenando DPO con %n par aprobado de %1</numerusform>
            <numerusform>Entrenando DPO con %n pares aprobados de %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="121"/>
        <source>The DPO run ended %1: %2</source>
        <translation>La ejecución DPO terminó con estado %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="126"/>
        <source>%1: the DPO run wrote no model or adapter</source>
        <translation>%1: la ejecución DPO no escribió ningún modelo ni adaptador</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="131"/>
        <source>DPO finished; there is no earlier report to compare with (open the demo or a report).</source>
        <translation>DPO terminado; no hay ningún informe anterior con el que comparar (abra la demo o un informe).</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="140"/>
        <source>Cannot evaluate like the previous report: %1</source>
        <translation>No se puede evaluar igual que en el informe anterior: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="142"/>
        <source>Evaluating the new model on %1</source>
        <translation>Evaluando el modelo nuevo en %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ImageView</name>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="35"/>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="82"/>
        <source>auto (0.5-99.5 %)</source>
        <translation>automática (0,5–99,5 %)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="155"/>
        <source>Open a DICOM file or folder (Ctrl+O, Ctrl+Shift+O), or drop it here.</source>
        <translation>Abra un archivo o una carpeta DICOM (Ctrl+O, Ctrl+Mayús+O), o suéltelo aquí.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="172"/>
        <source>x %1 y %2: RGB %3 %4 %5</source>
        <translation>x %1 y %2: RGB %3 %4 %5</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="178"/>
        <source> HU</source>
        <translation> UH</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="179"/>
        <source>x %1 y %2: %3%4</source>
        <translation>x %1 y %2: %3%4</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="192"/>
        <source>Patient details hidden (presentation mode)</source>
        <translation>Datos del paciente ocultos (modo presentación)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="195"/>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="211"/>
        <source>Pixel %1 × %2 mm</source>
        <translation>Píxel %1 × %2 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="218"/>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="221"/>
        <source>  inverted</source>
        <translation>  invertida</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="229"/>
        <source>%1 × %2  ·  zoom %3%</source>
        <translation>%1 × %2  ·  zoom %3 %</translation>
    </message>
</context>
<context>
    <name>stllava::ui::KeyMapDialog</name>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="13"/>
        <source>Review keys</source>
        <translation>Teclas de revisión</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="15"/>
        <source>&lt;b&gt;Command&lt;/b&gt;</source>
        <translation>&lt;b&gt;Comando&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="16"/>
        <source>&lt;b&gt;Key&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tecla&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="17"/>
        <source>&lt;b&gt;Alternative&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alternativa&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="25"/>
        <source>Click and press the new key; Backspace clears it</source>
        <translation>Haga clic y pulse la nueva tecla; Retroceso la borra</translation>
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
        <translation>Espacios de trabajo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="68"/>
        <source>&amp;Read</source>
        <translation>&amp;Lectura</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="69"/>
        <source>Read: the viewer with the chat beside it (Ctrl+1)</source>
        <translation>Lectura: el visor con el chat al lado (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <source>Re&amp;view</source>
        <translation>Re&amp;visión</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="75"/>
        <source>Review: preference pairs of a judged self-training job, decided by key (Ctrl+2)</source>
        <translation>Revisión: pares de preferencias de una tarea de autoentrenamiento evaluada, decididos con el teclado (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>&amp;Training</source>
        <translation>En&amp;trenamiento</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="87"/>
        <source>Training: stage 1, stage-2 generation and DPO runs with live curves (Ctrl+3)</source>
        <translation>Entrenamiento: ejecuciones de la etapa 1, de generación de la etapa 2 y DPO, con curvas en directo (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>Re&amp;ports</source>
        <translation>In&amp;formes</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>Reports: benchmark results, per-question drill-down, comparisons (Ctrl+4)</source>
        <translation>Informes: resultados de benchmarks, detalle por pregunta, comparaciones (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="97"/>
        <location filename="../ui/main_window.cpp" line="148"/>
        <source>No model</source>
        <translation>Sin modelo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="105"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="106"/>
        <source>Stop loading the model</source>
        <translation>Detener la carga del modelo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="116"/>
        <location filename="../ui/main_window.cpp" line="119"/>
        <source>No jobs running</source>
        <translation>Ninguna tarea en curso</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="117"/>
        <source>Running: %1</source>
        <translation>En curso: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="123"/>
        <source>answering</source>
        <translation>respondiendo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135"/>
        <source>weights %1 of %2</source>
        <translation>pesos %1 de %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="136"/>
        <source>configuration</source>
        <translation>configuración</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="137"/>
        <source>tokenizer</source>
        <translation>tokenizador</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="138"/>
        <source>adapter</source>
        <translation>adaptador</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="139"/>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>Loading model: %1</source>
        <translation>Cargando el modelo: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>Model not loaded: %1</source>
        <translation>Modelo no cargado: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="172"/>
        <source>demo: %1</source>
        <translation>demo: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="173"/>
        <source>Setting up the demo: %1</source>
        <translation>Preparando la demo: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="184"/>
        <source>The demo is ready in %1</source>
        <translation>La demo está lista en %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="191"/>
        <source>Demo setup stopped; what is done is kept in %1 and the next setup resumes there.</source>
        <translation>Preparación de la demo detenida; lo hecho se conserva en %1 y la próxima preparación continuará allí.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <source>Demo setup failed</source>
        <translation>Error al preparar la demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="228"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>&amp;Open file…</source>
        <translation>&amp;Abrir archivo…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Open &amp;folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <source>&amp;Recent</source>
        <translation>&amp;Recientes</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="239"/>
        <source>Open &amp;model…</source>
        <translation>Abrir &amp;modelo…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>&amp;Cancel model loading</source>
        <translation>Cance&amp;lar la carga del modelo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>&amp;Settings…</source>
        <translation>Co&amp;nfiguración…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>Atajos de &amp;teclado…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="263"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Open the &amp;demo</source>
        <translation>Abrir la &amp;demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="265"/>
        <source>Set &amp;up the demo…</source>
        <translation>&amp;Preparar la demo…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="266"/>
        <source>S&amp;top the demo setup</source>
        <translation>&amp;Detener la preparación de la demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>Viewer</source>
        <translation>Visor</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="275"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>Keyboard shortcuts saved.</source>
        <translation>Atajos de teclado guardados.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="292"/>
        <source>Stopping the model load…</source>
        <translation>Deteniendo la carga del modelo…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="311"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="315"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="317"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="326"/>
        <source>%1: no such file or folder</source>
        <translation>%1: no existe ese archivo o carpeta</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="345"/>
        <source>Open image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="346"/>
        <source>Images (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>Imágenes (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="351"/>
        <source>Open folder of DICOM files</source>
        <translation>Abrir carpeta de archivos DICOM</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="358"/>
        <source>Open model folder</source>
        <translation>Abrir carpeta de modelo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="364"/>
        <source>A model is already loading.</source>
        <translation>Ya se está cargando un modelo.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="299"/>
        <location filename="../ui/main_window.cpp" line="378"/>
        <source>loading model</source>
        <translation>cargando el modelo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="379"/>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>Model: %1 (%2)</source>
        <translation>Modelo: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="393"/>
        <source>Device: %1, %2</source>
        <translation>Dispositivo: %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="394"/>
        <source>Device: %1, %2, %3 decoder</source>
        <translation>Dispositivo: %1, %2, decodificador %3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="398"/>
        <source>Model: %1 · %2 · template %3%4</source>
        <translation>Modelo: %1 · %2 · plantilla %3%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="400"/>
        <source> · text only: this model cannot see images</source>
        <translation> · solo texto: este modelo no puede ver imágenes</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="402"/>
        <source>Model loaded in %1 s</source>
        <translation>Modelo cargado en %1 s</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>No demo found (looked in %1). Help ▸ Set up the demo builds one.</source>
        <translation>No se encontró ninguna demo (se buscó en %1). Ayuda ▸ Preparar la demo crea una.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>Demo opened from %1: its model, %2 reports and a judged self-training job.</source>
        <translation>Demo abierta desde %1: su modelo, %2 informes y una tarea de autoentrenamiento evaluada.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="425"/>
        <source>Demo opened from %1 (not finished: Help ▸ Set up the demo resumes it).</source>
        <translation>Demo abierta desde %1 (sin terminar: Ayuda ▸ Preparar la demo la continúa).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="434"/>
        <source>The demo is being set up already.</source>
        <translation>La demo ya se está preparando.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="441"/>
        <source>Set up the demo</source>
        <translation>Preparar la demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="442"/>
        <source>This builds a synthetic world of medical images, trains a tiny model on it (stage 1), lets it ask and answer questions about unlabeled images, judges them and trains on the preferences (stage 2), and evaluates both stages. It takes about 10 minutes on two cores and writes to
%1

A stopped setup resumes where it stopped.</source>
        <translation>Esto crea un mundo sintético de imágenes médicas, entrena en él un modelo diminuto (etapa 1), le deja hacer y responder preguntas sobre imágenes sin etiquetar, las evalúa y entrena con las preferencias (etapa 2), y evalúa ambas etapas. Tarda unos 10 minutos con dos núcleos y escribe en
%1

Una preparación detenida continúa donde se detuvo.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="450"/>
        <source>setting up the demo</source>
        <translation>preparando la demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="465"/>
        <source>Settings saved; model settings apply to the next model loaded.</source>
        <translation>Configuración guardada; los ajustes del modelo se aplican al próximo modelo que se cargue.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="473"/>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="484"/>
        <source>Endpoint: %1 @ %2</source>
        <translation>Servicio: %1 @ %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="485"/>
        <source>%1
API key: %2</source>
        <translation>%1
Clave de API: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="485"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="486"/>
        <source>Device: endpoint on this machine</source>
        <translation>Dispositivo: servicio en este equipo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="487"/>
        <source>Device: remote endpoint</source>
        <translation>Dispositivo: servicio remoto</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="490"/>
        <source>Endpoint %1 at %2 (this machine)</source>
        <translation>Servicio %1 en %2 (este equipo)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="491"/>
        <source>Endpoint %1 at %2 · only the displayed pixels leave this machine%3</source>
        <translation>Servicio %1 en %2 · solo los píxeles mostrados salen de este equipo%3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="492"/>
        <source> · images need consent in Settings</source>
        <translation> · las imágenes requieren consentimiento en Configuración</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="493"/>
        <source>Answers now come from %1</source>
        <translation>Las respuestas vienen ahora de %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PairFilter</name>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="14"/>
        <source>All pairs</source>
        <translation>Todos los pares</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="15"/>
        <source>Not decided by me</source>
        <translation>No decididos por mí</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="16"/>
        <source>Needs review</source>
        <translation>Requieren revisión</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="17"/>
        <source>Ties</source>
        <translation>Empates</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="19"/>
        <source>Low margin (&lt; %1)</source>
        <translation>Margen bajo (&lt; %1)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="20"/>
        <source>Orders disagree</source>
        <translation>Los órdenes discrepan</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="21"/>
        <source>Status: auto-accepted</source>
        <translation>Estado: aceptado automáticamente</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="22"/>
        <source>Status: rejected</source>
        <translation>Estado: rechazado</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="23"/>
        <source>Adjudication queue</source>
        <translation>Cola de arbitraje</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="30"/>
        <source>Job order</source>
        <translation>Orden de la tarea</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="31"/>
        <source>Margin, smallest first</source>
        <translation>Margen, de menor a mayor</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="32"/>
        <source>Margin, largest first</source>
        <translation>Margen, de mayor a menor</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PrivacySummary</name>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="11"/>
        <source>patient name</source>
        <translation>nombre del paciente</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="12"/>
        <source>patient ID</source>
        <translation>ID del paciente</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="13"/>
        <source>study date</source>
        <translation>fecha del estudio</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="14"/>
        <source>institution</source>
        <translation>institución</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="20"/>
        <source>No identifying tags</source>
        <translation>Sin etiquetas identificativas</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/viewer/privacy_summary.cpp" line="22"/>
        <source>Identifiable (%n tag(s))</source>
        <translation>
            <numerusform>Identificable (%n etiqueta)</numerusform>
            <numerusform>Identificable (%n etiquetas)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="23"/>
        <source>Burned-in text risk</source>
        <translation>Riesgo de texto incrustado</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="30"/>
        <source>The file carries no patient name, ID, study date or institution.</source>
        <translation>El archivo no contiene nombre del paciente, ID, fecha del estudio ni institución.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="31"/>
        <source>The file carries: %1.</source>
        <translation>El archivo contiene: %1.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="33"/>
        <source>No reason known for text burned into the pixels.</source>
        <translation>No se conoce ningún motivo para que haya texto incrustado en los píxeles.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="35"/>
        <source>Pixels may show patient text: %1.</source>
        <translation>Los píxeles pueden mostrar texto del paciente: %1.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="36"/>
        <source>The chat runs on this machine; images are not sent anywhere.</source>
        <translation>El chat se ejecuta en este equipo; las imágenes no se envían a ninguna parte.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PublishedFigures</name>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="16"/>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: no se puede leer (%2)</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="22"/>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation>%1: JSON no válido (%2 en el byte %3)</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="27"/>
        <source>%1: field &quot;figures&quot; must be a list</source>
        <translation>%1: el campo «figures» debe ser una lista</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="37"/>
        <source>%1: figures[%2]: field &quot;%3&quot; must be a non-empty string</source>
        <translation>%1: figures[%2]: el campo «%3» debe ser una cadena no vacía</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="50"/>
        <source>%1: figures[%2]: field &quot;value&quot; must be a number</source>
        <translation>%1: figures[%2]: el campo «value» debe ser un número</translation>
    </message>
</context>
<context>
    <name>stllava::ui::QuestionBrowser</name>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="41"/>
        <source>The report whose questions are listed</source>
        <translation>El informe cuyas preguntas se muestran</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="44"/>
        <source>All questions</source>
        <translation>Todas las preguntas</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="45"/>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="46"/>
        <source>Closed</source>
        <translation>Cerradas</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="47"/>
        <source>Closed: hits</source>
        <translation>Cerradas: aciertos</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="48"/>
        <source>Closed: misses</source>
        <translation>Cerradas: fallos</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="51"/>
        <source>Find in id, question, reference, prediction</source>
        <translation>Buscar en ID, pregunta, referencia, predicción</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="54"/>
        <source>&amp;Report:</source>
        <translation>&amp;Informe:</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="56"/>
        <source>S&amp;how:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="58"/>
        <source>F&amp;ind:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="89"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="90"/>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="91"/>
        <source>Prediction</source>
        <translation>Predicción</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="92"/>
        <source>Normalised</source>
        <translation>Normalizado</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="93"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="182"/>
        <source>Folder of the benchmark&apos;s images</source>
        <translation>Carpeta de las imágenes del benchmark</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="197"/>
        <source>Open a report (Ctrl+Shift+R)</source>
        <translation>Abra un informe (Ctrl+Mayús+R)</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="197"/>
        <source>No question selected</source>
        <translation>Ninguna pregunta seleccionada</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="204"/>
        <source>reference &quot;%1&quot;, prediction &quot;%2&quot;</source>
        <translation>referencia «%1», predicción «%2»</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="208"/>
        <source>CLOSED: %1 by LLaVA-Med&apos;s substring rule, %2 by the strict whole-word rule</source>
        <translation>CLOSED: %1 según la regla de subcadena de LLaVA-Med, %2 según la regla estricta de palabra completa</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="209"/>
        <location filename="../ui/reports/question_browser.cpp" line="210"/>
        <source>hit</source>
        <translation>acierto</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="209"/>
        <location filename="../ui/reports/question_browser.cpp" line="210"/>
        <source>miss</source>
        <translation>fallo</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="212"/>
        <source>OPEN: recall %1, precision %2, F1 %3, exact %4</source>
        <translation>OPEN: recall %1, precisión %2, F1 %3, coincidencia exacta %4</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="218"/>
        <source>not scored (answer type neither OPEN nor CLOSED)</source>
        <translation>sin puntuar (tipo de respuesta ni OPEN ni CLOSED)</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="226"/>
        <source>(no image)</source>
        <translation>(sin imagen)</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="227"/>
        <source>%1 not found: choose the image folder (Ctrl+Shift+I)</source>
        <translation>No se encontró %1: elija la carpeta de imágenes (Ctrl+Mayús+I)</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="235"/>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="243"/>
        <source>%1: not a readable image</source>
        <translation>%1: no es una imagen legible</translation>
    </message>
</context>
<context>
    <name>stllava::ui::QuestionTableModel</name>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="63"/>
        <source>hit</source>
        <translation>acierto</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="63"/>
        <source>miss</source>
        <translation>fallo</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="64"/>
        <source>recall %1</source>
        <translation>recall %1</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="67"/>
        <source>not scored</source>
        <translation>sin puntuar</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="90"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="91"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="92"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="93"/>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="94"/>
        <source>Prediction</source>
        <translation>Predicción</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="95"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReadWorkspace</name>
    <message>
        <location filename="../ui/read_workspace.cpp" line="27"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="41"/>
        <source>Series list</source>
        <translation>Lista de series</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="67"/>
        <source>Scanning: %n file(s) looked at</source>
        <translation>
            <numerusform>Explorando: %n archivo examinado</numerusform>
            <numerusform>Explorando: %n archivos examinados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="73"/>
        <source>Series in %1</source>
        <translation>Series en %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="87"/>
        <source>%n series found</source>
        <translation>
            <numerusform>%n serie encontrada</numerusform>
            <numerusform>%n series encontradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="88"/>
        <source>, %n unreadable DICOM file(s)</source>
        <translation>
            <numerusform>, %n archivo DICOM ilegible</numerusform>
            <numerusform>, %n archivos DICOM ilegibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="89"/>
        <source>, %n other file(s) skipped</source>
        <translation>
            <numerusform>, %n archivo más omitido</numerusform>
            <numerusform>, %n archivos más omitidos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="115"/>
        <source>scanning %1</source>
        <translation>explorando %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportExport</name>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="34"/>
        <location filename="../ui/reports/report_export.cpp" line="35"/>
        <source>Benchmark reports</source>
        <translation>Informes de benchmark</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="36"/>
        <source>Our runs</source>
        <translation>Nuestras ejecuciones</translation>
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
        <translation>Ejecución</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="38"/>
        <location filename="../ui/reports/report_export.cpp" line="61"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="38"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="39"/>
        <source>Metric</source>
        <translation>Métrica</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="39"/>
        <location filename="../ui/reports/report_export.cpp" line="62"/>
        <source>Value (%)</source>
        <translation>Valor (%)</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="40"/>
        <source>95% interval</source>
        <translation>Intervalo del 95 %</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="40"/>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="57"/>
        <source>Headline metrics (%), 95% intervals</source>
        <translation>Métricas principales (%), intervalos del 95 %</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="58"/>
        <source>Published figures (not ours)</source>
        <translation>Cifras publicadas (no nuestras)</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="59"/>
        <source>As their sources printed them; each with its setting and the scoring behind it.</source>
        <translation>Tal como las publicaron sus fuentes; cada una con sus condiciones y el criterio de puntuación en que se basa.</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="61"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="62"/>
        <source>Setting</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="63"/>
        <source>Scoring</source>
        <translation>Criterio de puntuación</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="63"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportSummary</name>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="26"/>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="26"/>
        <source>Closed</source>
        <translation>Cerradas</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="29"/>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportsWorkspace</name>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="54"/>
        <source>Open reports…</source>
        <translation>Abrir informes…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="55"/>
        <source>Open one or more report.json files (Ctrl+Shift+R)</source>
        <translation>Abrir uno o varios archivos report.json (Ctrl+Mayús+R)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="58"/>
        <source>Close report</source>
        <translation>Cerrar informe</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="59"/>
        <source>Close the report shown in Questions (Ctrl+Shift+W)</source>
        <translation>Cerrar el informe mostrado en Preguntas (Ctrl+Mayús+W)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="61"/>
        <source>Image folder…</source>
        <translation>Carpeta de imágenes…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="62"/>
        <source>Choose the folder of the shown report&apos;s images (Ctrl+Shift+I)</source>
        <translation>Elegir la carpeta de las imágenes del informe mostrado (Ctrl+Mayús+I)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="64"/>
        <source>Export HTML…</source>
        <translation>Exportar HTML…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="65"/>
        <source>Export the current tab as HTML: Summary: all reports with the published figures apart; Questions: the report with its images; Comparison: the two runs (Ctrl+E)</source>
        <translation>Exportar la pestaña actual como HTML: Resumen: todos los informes, con las cifras publicadas aparte; Preguntas: el informe con sus imágenes; Comparación: las dos ejecuciones (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="70"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="71"/>
        <source>Export the current tab as CSV: Summary: our figures per benchmark and type; Questions: every question of the report; Comparison: the changed questions (Ctrl+Shift+E)</source>
        <translation>Exportar la pestaña actual como CSV: Resumen: nuestras cifras por benchmark y tipo; Preguntas: todas las preguntas del informe; Comparación: las preguntas que cambiaron (Ctrl+Mayús+E)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="91"/>
        <source>&amp;Summary</source>
        <translation>Re&amp;sumen</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="92"/>
        <source>&amp;Questions</source>
        <translation>&amp;Preguntas</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="93"/>
        <source>Com&amp;parison</source>
        <translation>&amp;Comparación</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="94"/>
        <source>Tables and charts per benchmark and question type (Alt+S)</source>
        <translation>Tablas y gráficos por benchmark y tipo de pregunta (Alt+S)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="95"/>
        <source>Every question with its image, reference, prediction and hit (Alt+Q)</source>
        <translation>Cada pregunta con su imagen, referencia, predicción y acierto (Alt+P)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="96"/>
        <source>Two runs side by side with the questions that changed (Alt+P)</source>
        <translation>Dos ejecuciones en paralelo con las preguntas que cambiaron (Alt+C)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="136"/>
        <source>Open evaluation reports</source>
        <translation>Abrir informes de evaluación</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="137"/>
        <source>Evaluation reports (report.json *.json);;All files (*)</source>
        <translation>Informes de evaluación (report.json *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="144"/>
        <source>The demo in %1 has no reports yet.</source>
        <translation>La demo de %1 aún no tiene informes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="159"/>
        <source>Reading %n report(s)…</source>
        <translation>
            <numerusform>Leyendo %n informe…</numerusform>
            <numerusform>Leyendo %n informes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="190"/>
        <source>%n report(s) opened.</source>
        <translation>
            <numerusform>%n informe abierto.</numerusform>
            <numerusform>%n informes abiertos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="191"/>
        <source>%1 report(s) opened, %2 could not be read.</source>
        <translation>Informes abiertos: %1; no se pudieron leer: %2.</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="211"/>
        <source>No report open: Open reports… (Ctrl+Shift+R)</source>
        <translation>Ningún informe abierto: Abrir informes… (Ctrl+Mayús+R)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="212"/>
        <source>%n report(s) open</source>
        <translation>
            <numerusform>%n informe abierto</numerusform>
            <numerusform>%n informes abiertos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="224"/>
        <source>Export HTML</source>
        <translation>Exportar HTML</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="224"/>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
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
        <translation>Nada que exportar: compare primero dos ejecuciones.</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="245"/>
        <location filename="../ui/reports/reports_workspace.cpp" line="258"/>
        <source>Nothing to export: open a report first.</source>
        <translation>Nada que exportar: abra primero un informe.</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="272"/>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReviewCommand</name>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="31"/>
        <source>Answer 1 is better</source>
        <translation>La respuesta 1 es mejor</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="32"/>
        <source>Answer 2 is better</source>
        <translation>La respuesta 2 es mejor</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="33"/>
        <source>Flip the judge&apos;s choice</source>
        <translation>Invertir la elección del juez</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="34"/>
        <source>Approve the judge&apos;s choice</source>
        <translation>Aprobar la elección del juez</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="35"/>
        <source>Reject the pair</source>
        <translation>Rechazar el par</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="36"/>
        <source>Tie</source>
        <translation>Empate</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="37"/>
        <source>Both wrong</source>
        <translation>Ambas incorrectas</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="38"/>
        <source>Write a note</source>
        <translation>Escribir una nota</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="39"/>
        <source>Undo my last decision</source>
        <translation>Deshacer mi última decisión</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="40"/>
        <source>Next pair</source>
        <translation>Par siguiente</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="41"/>
        <source>Previous pair</source>
        <translation>Par anterior</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="78"/>
        <source>The key %1 is set for both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>La tecla %1 está asignada a la vez a «%2» y a «%3».</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReviewWorkspace</name>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="56"/>
        <source>&lt;h3&gt;Review guidelines&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Look at the image first.&lt;/b&gt; Check every finding an answer states against the image; an answer that claims something the image does not show is worse than a shorter correct one.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Then accuracy&lt;/b&gt;, relevance to the question, helpfulness and detail, in that order.&lt;/li&gt;&lt;li&gt;Do not prefer an answer for its length, its position, or because the judge preferred it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;1 / 2&lt;/b&gt;: that answer is better and the pair is worth training on. &lt;b&gt;A&lt;/b&gt; approves the judge&apos;s choice, &lt;b&gt;F&lt;/b&gt; flips it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;T&lt;/b&gt; when neither is better; &lt;b&gt;B&lt;/b&gt; when both are wrong; &lt;b&gt;R&lt;/b&gt; when the pair should not be used at all (unreadable image, off-topic question, identical answers).&lt;/li&gt;&lt;li&gt;Write a note (&lt;b&gt;N&lt;/b&gt;) when a decision was hard: it helps adjudication.&lt;/li&gt;&lt;li&gt;Blind mode hides the judge&apos;s scores and shows the answers in a random order per pair; use it for agreement studies.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h3&gt;Pautas de revisión&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Mire primero la imagen.&lt;/b&gt; Contraste con la imagen cada hallazgo que afirme una respuesta; una respuesta que afirma algo que la imagen no muestra es peor que otra más corta y correcta.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Después, la exactitud&lt;/b&gt;, la pertinencia para la pregunta, la utilidad y el grado de detalle, por este orden.&lt;/li&gt;&lt;li&gt;No prefiera una respuesta por su longitud, por su posición ni porque el juez la haya preferido.&lt;/li&gt;&lt;li&gt;&lt;b&gt;1 / 2&lt;/b&gt;: esa respuesta es mejor y merece la pena entrenar con el par. &lt;b&gt;A&lt;/b&gt; aprueba la elección del juez, &lt;b&gt;F&lt;/b&gt; la invierte.&lt;/li&gt;&lt;li&gt;&lt;b&gt;T&lt;/b&gt; cuando ninguna es mejor; &lt;b&gt;B&lt;/b&gt; cuando ambas son incorrectas; &lt;b&gt;R&lt;/b&gt; cuando el par no debe usarse en absoluto (imagen ilegible, pregunta fuera de tema, respuestas idénticas).&lt;/li&gt;&lt;li&gt;Escriba una nota (&lt;b&gt;N&lt;/b&gt;) cuando una decisión haya sido difícil: ayuda en el arbitraje.&lt;/li&gt;&lt;li&gt;El modo a ciegas oculta las puntuaciones del juez y muestra las respuestas en un orden aleatorio para cada par; úselo en estudios de concordancia.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="80"/>
        <source>Open store…</source>
        <translation>Abrir almacén…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="82"/>
        <source>Import pairs…</source>
        <translation>Importar pares…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="83"/>
        <source>Import the pairs of a judged self-training job folder (or one pairs file)</source>
        <translation>Importar los pares de la carpeta de una tarea de autoentrenamiento evaluada (o de un archivo de pares)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="84"/>
        <source>Export approved…</source>
        <translation>Exportar aprobados…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="86"/>
        <source>Write the approved pairs for `stllava train dpo` (STLLaVA JSON or TRL JSON lines)</source>
        <translation>Escribir los pares aprobados para `stllava train dpo` (JSON de STLLaVA o JSON Lines de TRL)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="91"/>
        <source>Keys…</source>
        <translation>Teclas…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="92"/>
        <source>Change the review keys</source>
        <translation>Cambiar las teclas de revisión</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="95"/>
        <source>Your name: every decision is recorded with it</source>
        <translation>Su nombre: cada decisión se registra con él</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="97"/>
        <source>&amp;Blind</source>
        <translation>A &amp;ciegas</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="99"/>
        <source>Hide the judge&apos;s scores and show the answers in a random order (kept per pair and curator)</source>
        <translation>Ocultar las puntuaciones del juez y mostrar las respuestas en un orden aleatorio (fijo para cada par y revisor)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="100"/>
        <source>Auto-advance</source>
        <translation>Avance automático</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="102"/>
        <source>Move to the next pair after each decision</source>
        <translation>Pasar al par siguiente tras cada decisión</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="108"/>
        <source>Only the pairs one curator decided</source>
        <translation>Solo los pares que decidió un revisor</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="118"/>
        <source>No store open</source>
        <translation>Ningún almacén abierto</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="131"/>
        <source>Curator:</source>
        <translation>Revisor:</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="236"/>
        <source>Import failed: %1</source>
        <translation>Error al importar: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="239"/>
        <source>Imported %1 new pairs (%2 updated, %3 unchanged, %4 refused)</source>
        <translation>Se importaron %1 pares nuevos (%2 actualizados, %3 sin cambios, %4 rechazados)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="245"/>
        <source>; %1 records left out, first: %2:%3: %4</source>
        <translation>; %1 registros omitidos, el primero: %2:%3: %4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="262"/>
        <source>Cannot read the image %1</source>
        <translation>No se puede leer la imagen %1</translation>
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
        <translation>No se puede abrir el almacén de revisión: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="336"/>
        <source>Store: %1</source>
        <translation>Almacén: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="344"/>
        <source>An import is running already.</source>
        <translation>Ya hay una importación en curso.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="349"/>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="365"/>
        <source>The demo&apos;s pairs are in %1: Import pairs… adds them to this store.</source>
        <translation>Los pares de la demo están en %1: Importar pares… los añade a este almacén.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="81"/>
        <source>Open or create a review store (a SQLite file, or a PostgreSQL database a team shares)</source>
        <translation>Abrir o crear un almacén de revisión (un archivo SQLite o una base de datos PostgreSQL que comparte un equipo)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="87"/>
        <source>Train DPO on approved pairs</source>
        <translation>Entrenar DPO con los pares aprobados</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="89"/>
        <source>Export the approved pairs into the job folder, train DPO on them in the Training workspace, and open the new model&apos;s report beside the previous one</source>
        <translation>Exportar los pares aprobados a la carpeta de la tarea, entrenar DPO con ellos en el espacio de trabajo Entrenamiento y abrir el informe del modelo nuevo junto al anterior</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="379"/>
        <source>Judged self-training job folder</source>
        <translation>Carpeta de una tarea de autoentrenamiento evaluada</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="384"/>
        <source>Open a store first.</source>
        <translation>Abra primero un almacén.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="386"/>
        <source>Export approved pairs</source>
        <translation>Exportar pares aprobados</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="387"/>
        <source>STLLaVA pairs (*.json);;TRL pairs (*.jsonl)</source>
        <translation>Pares STLLaVA (*.json);;Pares TRL (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="392"/>
        <source>Wrote %1 approved pairs (%2 flipped) to %3</source>
        <translation>Se escribieron %1 pares aprobados (%2 invertidos) en %3</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="394"/>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="441"/>
        <source>Any curator</source>
        <translation>Cualquier revisor</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="442"/>
        <source>Decided by %1</source>
        <translation>Decididos por %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="456"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="458"/>
        <source>%1 · %2 · margin %3 · %4</source>
        <translation>%1 · %2 · margen %3 · %4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="526"/>
        <source>Not in blind mode: it would show the judge&apos;s choice</source>
        <translation>No disponible en modo a ciegas: mostraría la elección del juez</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="530"/>
        <source>No pair in this view.</source>
        <translation>Ningún par en esta vista.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="530"/>
        <source>Open a store or import a judged job.</source>
        <translation>Abra un almacén o importe una tarea evaluada.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="542"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="552"/>
        <source>judge: %1 (order 1-2: %2, order 2-1: %3)%4</source>
        <translation>juez: %1 (orden 1-2: %2, orden 2-1: %3)%4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="554"/>
        <source> · the judge&apos;s choice</source>
        <translation> · la elección del juez</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="556"/>
        <location filename="../ui/review/review_workspace.cpp" line="557"/>
        <source>Answer %1 [%2]</source>
        <translation>Respuesta %1 [%2]</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="562"/>
        <source>Blind mode: the judge&apos;s scores, verdict and rationale are hidden.</source>
        <translation>Modo a ciegas: las puntuaciones, el veredicto y la justificación del juez están ocultos.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="564"/>
        <source>only one order judged</source>
        <translation>solo se evaluó un orden</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="565"/>
        <source>both orders agree</source>
        <translation>ambos órdenes coinciden</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="566"/>
        <source>the orders disagree (the verdict changed with the order)</source>
        <translation>los órdenes discrepan (el veredicto cambió con el orden)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="567"/>
        <source>Judge %1 · status %2%3 · margin %4 · %5</source>
        <translation>Juez %1 · estado %2%3 · margen %4 · %5</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="569"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="570"/>
        <source>&lt;br&gt;&lt;b&gt;Order 1-2:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Orden 1-2:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="571"/>
        <source>&lt;br&gt;&lt;b&gt;Order 2-1:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Orden 2-1:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="574"/>
        <source>&lt;b&gt;My notes:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Mis notas:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="581"/>
        <source>This pair has no image.</source>
        <translation>Este par no tiene imagen.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="581"/>
        <source>Image not found: %1</source>
        <translation>Imagen no encontrada: %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="584"/>
        <source>%1 — drag to change window/level</source>
        <translation>%1 — arrastre para cambiar la ventana/nivel</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="614"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="614"/>
        <source>Note on %1:</source>
        <translation>Nota sobre %1:</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="643"/>
        <source>Type your name in the Curator field first.</source>
        <translation>Escriba primero su nombre en el campo Revisor.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="654"/>
        <source>%1: %2 saved (%3 ms)</source>
        <translation>%1: se guardó %2 (%3 ms)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="670"/>
        <source>Nothing to undo.</source>
        <translation>No hay nada que deshacer.</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="674"/>
        <source>Undid %1 on %2</source>
        <translation>Se deshizo %1 en %2</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="703"/>
        <source>%1 decided of %2 (%3 of %4 in this view)</source>
        <translation>%1 de %2 decididos (%3 de %4 en esta vista)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="721"/>
        <source>&lt;b&gt;Agreement&lt;/b&gt;&lt;br&gt;%1 vs judge: κ %2, AC1 %3 (n = %4)</source>
        <translation>&lt;b&gt;Concordancia&lt;/b&gt;&lt;br&gt;%1 frente al juez: κ %2, AC1 %3 (n = %4)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="728"/>
        <source>&lt;br&gt;vs %1: κ %2, AC1 %3 (n = %4)</source>
        <translation>&lt;br&gt;frente a %1: κ %2, AC1 %3 (n = %4)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="730"/>
        <source>&lt;br&gt;Adjudication queue: %1</source>
        <translation>&lt;br&gt;Cola de arbitraje: %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::RunPanel</name>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="38"/>
        <location filename="../ui/training/run_panel.cpp" line="137"/>
        <source>No run selected</source>
        <translation>Ninguna ejecución seleccionada</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="52"/>
        <location filename="../ui/training/run_panel.cpp" line="215"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="54"/>
        <source>Pause the run (the process is suspended; Continue goes on where it was)</source>
        <translation>Pausar la ejecución (el proceso se suspende; Continuar sigue donde se quedó)</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="55"/>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="57"/>
        <source>Stop the run: it writes a checkpoint at the next step and ends</source>
        <translation>Detener la ejecución: escribe un punto de control en el siguiente paso y termina</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="60"/>
        <source>The run&apos;s checkpoints, newest first</source>
        <translation>Puntos de control de la ejecución, del más reciente al más antiguo</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="62"/>
        <source>&amp;Resume from checkpoint</source>
        <translation>&amp;Reanudar desde el punto de control</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="64"/>
        <source>A new run with the same settings, continuing from the chosen checkpoint</source>
        <translation>Una ejecución nueva con los mismos ajustes, que continúa desde el punto de control elegido</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="65"/>
        <source>Open in &amp;Read</source>
        <translation>Abrir en &amp;Lectura</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="67"/>
        <source>Load the trained model (or the base model with the trained adapter) in the Read workspace</source>
        <translation>Cargar el modelo entrenado (o el modelo base con el adaptador entrenado) en el espacio de trabajo Lectura</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="142"/>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="191"/>
        <source>State: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="195"/>
        <source>Images %1 / %2</source>
        <translation>Imágenes %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="196"/>
        <source>%1 images/s</source>
        <translation>%1 imágenes/s</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="199"/>
        <source>Step %1 / %2 · epoch %3</source>
        <translation>Paso %1 / %2 · época %3</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="200"/>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="201"/>
        <source>Memory: %1</source>
        <translation>Memoria: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="202"/>
        <source>Memory: n/a</source>
        <translation>Memoria: n/d</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="204"/>
        <source>Step: none yet</source>
        <translation>Paso: ninguno todavía</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="209"/>
        <source>ETA %1</source>
        <translation>Tiempo restante: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="215"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
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
%2 · %n imagen</numerusform>
            <numerusform>%1
%2 · %n imágenes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/series/series_list_model.cpp" line="45"/>
        <source>%1
Study: %2
Series UID: %3</source>
        <translation>%1
Estudio: %2
UID de serie: %3</translation>
    </message>
</context>
<context>
    <name>stllava::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="43"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="46"/>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="47"/>
        <source>&amp;Judge</source>
        <translation>&amp;Juez</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="48"/>
        <source>&amp;Interface</source>
        <translation>&amp;Interfaz</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="70"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="71"/>
        <source>Choose a folder</source>
        <translation>Elegir una carpeta</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="87"/>
        <source>A &amp;local model folder</source>
        <translation>Una carpeta de modelo &amp;local</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="89"/>
        <source>An OpenAI-compatible &amp;endpoint (e.g. `stllava serve` on a GPU server)</source>
        <translation>Un &amp;servicio compatible con OpenAI (p. ej. `stllava serve` en un servidor con GPU)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="91"/>
        <source>Answers from:</source>
        <translation>Respuestas de:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="96"/>
        <source>Endpoint &amp;address:</source>
        <translation>&amp;Dirección del servicio:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="99"/>
        <source>Endpoint m&amp;odel:</source>
        <translation>M&amp;odelo del servicio:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="101"/>
        <source>Model folder</source>
        <translation>Carpeta del modelo</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="103"/>
        <source>config.json, safetensors and tokenizer.model</source>
        <translation>config.json, safetensors y tokenizer.model</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="104"/>
        <source>Model &amp;folder:</source>
        <translation>&amp;Carpeta del modelo:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="105"/>
        <source>LoRA adapter folder</source>
        <translation>Carpeta del adaptador LoRA</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="108"/>
        <source>LoRA &amp;adapter:</source>
        <translation>&amp;Adaptador LoRA:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="109"/>
        <source>CLIP vision tower folder</source>
        <translation>Carpeta de la torre de visión CLIP</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="111"/>
        <source>the model&apos;s own (or the folder its config names)</source>
        <translation>la del propio modelo (o la carpeta que indique su configuración)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="112"/>
        <source>&amp;Vision tower:</source>
        <translation>Torre de &amp;visión:</translation>
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
        <translation>No hay ningún dispositivo CUDA disponible en este equipo.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="121"/>
        <source>&amp;Device:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="124"/>
        <source>Automatic (float32 on CPU, float16 on GPU)</source>
        <translation>Automático (float32 en CPU, float16 en GPU)</translation>
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
        <translation>&amp;Tipo numérico:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="131"/>
        <source>As stored</source>
        <translation>Tal como están guardados</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="132"/>
        <source>int8 per channel (faster answers on the CPU)</source>
        <translation>int8 por canal (respuestas más rápidas en la CPU)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="133"/>
        <source>4-bit, groups of 32 (least memory; less accurate)</source>
        <translation>4 bits, grupos de 32 (menos memoria; menos preciso)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="134"/>
        <source>Weight-only quantisation of the language model&apos;s linear layers, on the CPU only. Answers come faster and the weights take less memory; they can differ a little from the stored weights&apos; answers.</source>
        <translation>Cuantización solo de pesos de las capas lineales del modelo de lenguaje, solo en la CPU. Las respuestas llegan antes y los pesos ocupan menos memoria; pueden diferir un poco de las respuestas con los pesos guardados.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="137"/>
        <source>&amp;Quantisation:</source>
        <translation>&amp;Cuantización:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="141"/>
        <source>One per core (%1)</source>
        <translation>Uno por núcleo (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="142"/>
        <source>CPU &amp;threads:</source>
        <translation>&amp;Hilos de CPU:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="143"/>
        <source>Changes apply to the next model loaded. The endpoint&apos;s API key is found as the judge&apos;s (environment, then keychain) for its host.</source>
        <translation>Los cambios se aplican al próximo modelo que se cargue. La clave de API del servicio se busca como la del juez para su host (entorno y luego llavero).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="172"/>
        <source>Any OpenAI-compatible endpoint, e.g. `stllava serve` at http://127.0.0.1:8080/v1</source>
        <translation>Cualquier servicio compatible con OpenAI, p. ej. `stllava serve` en http://127.0.0.1:8080/v1</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="173"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Servicio:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="176"/>
        <source>Judge &amp;model:</source>
        <translation>&amp;Modelo del juez:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="181"/>
        <source>paste a key to store it in the system keychain</source>
        <translation>pegue una clave para guardarla en el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="182"/>
        <source>&amp;Store in keychain</source>
        <translation>&amp;Guardar en el llavero</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="191"/>
        <source>API &amp;key:</source>
        <translation>&amp;Clave de API:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="196"/>
        <source>Allow sending &amp;de-identified images to an endpoint outside this machine</source>
        <translation>Permitir enviar imágenes &amp;anonimizadas a un servicio fuera de este equipo</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="197"/>
        <source>Only pixels leave the machine, re-encoded without any DICOM header. Endpoints on this machine (127.0.0.1, localhost) never need this.</source>
        <translation>Solo salen del equipo los píxeles, recodificados sin ninguna cabecera DICOM. Los servicios en este equipo (127.0.0.1, localhost) nunca lo necesitan.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="201"/>
        <source>The key is read from $STLLAVA_JUDGE_API_KEY or $OPENAI_API_KEY first, then from the keychain. It is never written to the settings file or a log.</source>
        <translation>La clave se lee primero de $STLLAVA_JUDGE_API_KEY o $OPENAI_API_KEY y luego del llavero. Nunca se escribe en el archivo de configuración ni en un registro.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="220"/>
        <source>System language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="222"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="223"/>
        <source>The language changes at the next start.</source>
        <translation>El idioma cambia en el próximo inicio.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="227"/>
        <source>Demo folder</source>
        <translation>Carpeta de la demo</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="229"/>
        <source>where `stllava demo run` wrote (default ./stllava-demo)</source>
        <translation>donde escribió `stllava demo run` (por omisión ./stllava-demo)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="230"/>
        <source>De&amp;mo folder:</source>
        <translation>Carpeta de la de&amp;mo:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="245"/>
        <source>%1 (not available here)</source>
        <translation>%1 (no disponible aquí)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="299"/>
        <source>Model folder %1: no config.json there.</source>
        <translation>Carpeta del modelo %1: no contiene config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="305"/>
        <source>Endpoint &apos;%1&apos;: expected an address such as http://127.0.0.1:8080/v1.</source>
        <translation>Servicio «%1»: se esperaba una dirección como http://127.0.0.1:8080/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="306"/>
        <source>Endpoint model: a name is needed (`stllava serve --model-id`).</source>
        <translation>Modelo del servicio: hace falta un nombre (`stllava serve --model-id`).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="309"/>
        <source>LoRA adapter %1: no adapter_config.json there.</source>
        <translation>Adaptador LoRA %1: no contiene adapter_config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="311"/>
        <source>Vision tower %1: no config.json there.</source>
        <translation>Torre de visión %1: no contiene config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="316"/>
        <source>Judge endpoint &apos;%1&apos;: expected an http:// or https:// address such as https://api.openai.com/v1.</source>
        <translation>Servicio del juez «%1»: se esperaba una dirección http:// o https:// como https://api.openai.com/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="320"/>
        <source>Judge endpoint %1: plain http to another machine would send the API key and the images unencrypted; use https.</source>
        <translation>Servicio del juez %1: http sin cifrar hacia otro equipo enviaría la clave de API y las imágenes sin cifrar; use https.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="323"/>
        <source>Judge model: a name is needed (e.g. gpt-4o).</source>
        <translation>Modelo del juez: hace falta un nombre (p. ej. gpt-4o).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="326"/>
        <source>Demo folder %1 does not exist.</source>
        <translation>La carpeta de la demo %1 no existe.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="351"/>
        <source>Key: give an endpoint first.</source>
        <translation>Clave: indique primero un servicio.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="354"/>
        <source>Key for %1: looking…</source>
        <translation>Clave para %1: buscando…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="363"/>
        <source>Key for %1: none found%2</source>
        <translation>Clave para %1: no se encontró ninguna%2</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="363"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="365"/>
        <source>Key for %1: found in %2 (not shown).</source>
        <translation>Clave para %1: encontrada en %2 (no se muestra).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="373"/>
        <source>Give the endpoint first: the key is stored for its host.</source>
        <translation>Indique primero el servicio: la clave se guarda para su host.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="379"/>
        <source>Storing the key for %1…</source>
        <translation>Guardando la clave para %1…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="385"/>
        <source>Key for %1 stored in the system keychain.</source>
        <translation>Clave para %1 guardada en el llavero del sistema.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="386"/>
        <source>The keychain did not store the key for %1: %2</source>
        <translation>El llavero no guardó la clave para %1: %2</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ShortcutDialog</name>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="19"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="22"/>
        <source>Filter by action or key</source>
        <translation>Filtrar por acción o tecla</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="24"/>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Alternative</source>
        <translation>Alternativa</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="50"/>
        <source>Click and press the new key; Backspace clears it</source>
        <translation>Haga clic y pulse la nueva tecla; Retroceso la borra</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="51"/>
        <source>%1, key %2</source>
        <translation>%1, tecla %2</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="78"/>
        <source>Review decision keys are set in the Review workspace (Keys…).</source>
        <translation>Las teclas de decisión de la revisión se configuran en el espacio de trabajo Revisión (Teclas…).</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ShortcutMap</name>
    <message>
        <location filename="../ui/shortcuts/shortcut_map.cpp" line="94"/>
        <source>%1 is given twice to &quot;%2&quot;.</source>
        <translation>La tecla %1 está asignada dos veces a «%2».</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_map.cpp" line="97"/>
        <source>%1 is given to both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>La tecla %1 está asignada a la vez a «%2» y a «%3».</translation>
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
        <translation>Abrir o crear un almacén de revisión</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="19"/>
        <source>A SQLite file for one curator, or the PostgreSQL database a team shares: &lt;tt&gt;postgresql://user@host:port/dbname&lt;/tt&gt;. The password is not part of the URL: set PGPASSWORD or put it in ~/.pgpass.</source>
        <translation>Un archivo SQLite para un solo revisor, o la base de datos PostgreSQL que comparte un equipo: &lt;tt&gt;postgresql://usuario@host:puerto/basededatos&lt;/tt&gt;. La contraseña no forma parte de la URL: defina PGPASSWORD o guárdela en ~/.pgpass.</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="26"/>
        <source>review.sqlite or postgresql://user@host:5432/reviews</source>
        <translation>review.sqlite o postgresql://usuario@host:5432/reviews</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="28"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="29"/>
        <source>Pick or name a SQLite file</source>
        <translation>Elegir un archivo SQLite o indicar el nombre de uno nuevo</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="56"/>
        <source>Review store file</source>
        <translation>Archivo del almacén de revisión</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="58"/>
        <source>Review stores (*.sqlite);;All files (*)</source>
        <translation>Almacenes de revisión (*.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="67"/>
        <source>Name a file or a postgresql:// URL.</source>
        <translation>Indique un archivo o una URL postgresql://.</translation>
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
        <translation>Ejecución</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <source>Metric</source>
        <translation>Métrica</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Value (%)</source>
        <translation>Valor (%)</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <source>95% interval</source>
        <translation>Intervalo del 95 %</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <source>Also</source>
        <translation>Además</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="45"/>
        <source>Our numbers, as each report file carries them. Enter or double-click: the questions behind a row</source>
        <translation>Nuestras cifras, tal como figuran en cada archivo de informe. Intro o doble clic: las preguntas de una fila</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="57"/>
        <source>Headline metrics (%)</source>
        <translation>Métricas principales (%)</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="65"/>
        <source>&lt;b&gt;Published figures&lt;/b&gt;, not ours: as their sources printed them, each with its setting and the scoring behind it (hatched bars in the chart).</source>
        <translation>&lt;b&gt;Cifras publicadas&lt;/b&gt;, no nuestras: tal como las publicaron sus fuentes, cada una con sus condiciones y el criterio de puntuación en que se basa (barras rayadas en el gráfico).</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Setting</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Scoring</source>
        <translation>Criterio de puntuación</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="130"/>
        <source>95% bootstrap interval as the report carries it</source>
        <translation>Intervalo bootstrap del 95 %, tal como figura en el informe</translation>
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
        <translation>Las cifras del archivo no coinciden con sus propias preguntas:
%1</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="181"/>
        <source>%1, %2: no report</source>
        <translation>%1, %2: sin informe</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="185"/>
        <source>%1, %2: %3 %4 (%5, n = %6)</source>
        <translation>%1, %2: %3 %4 (%5, n = %6)</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="200"/>
        <source>%1 (published)</source>
        <translation>%1 (publicado)</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="206"/>
        <source>%1 published no figure for %2</source>
        <translation>%1 no publicó ninguna cifra para %2</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="211"/>
        <source>%1 (published, %2), %3: %4 — %5; %6</source>
        <translation>%1 (publicado, %2), %3: %4 — %5; %6</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingCharts</name>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Gradient norm</source>
        <translation>Norma del gradiente</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Reward accuracy (DPO)</source>
        <translation>Exactitud de la recompensa (DPO)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="27"/>
        <source>Margin (DPO)</source>
        <translation>Margen (DPO)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="44"/>
        <source>step</source>
        <translation>paso</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingForm</name>
    <message>
        <location filename="../ui/training/training_form.cpp" line="79"/>
        <source>Stage 1: SFT with question learning</source>
        <translation>Etapa 1: SFT con aprendizaje de preguntas</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="80"/>
        <source>Stage 2: generation (questions and two answers per image)</source>
        <translation>Etapa 2: generación (preguntas y dos respuestas por imagen)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="81"/>
        <source>DPO on preference pairs</source>
        <translation>DPO con pares de preferencias</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="84"/>
        <source>&amp;Paper preset</source>
        <translation>Preajuste del &amp;artículo</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="86"/>
        <source>The hyperparameters of STLLaVA-Med&apos;s scripts (LoRA 128/256, the paper&apos;s rates, batches and epochs)</source>
        <translation>Los hiperparámetros de los scripts de STLLaVA-Med (LoRA 128/256 y las tasas, lotes y épocas del artículo)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="87"/>
        <source>&amp;Demo preset</source>
        <translation>Preajuste de la de&amp;mo</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="89"/>
        <source>What `stllava demo run` trained with, on the demo&apos;s data (open the demo first)</source>
        <translation>Los ajustes con los que entrenó `stllava demo run`, con los datos de la demo (abra primero la demo)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="93"/>
        <source>(the output folder&apos;s name)</source>
        <translation>(el nombre de la carpeta de salida)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="103"/>
        <source>Separate process</source>
        <translation>Proceso aparte</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="104"/>
        <source>In this window</source>
        <translation>En esta ventana</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="105"/>
        <source>torchrun, several processes</source>
        <translation>torchrun, varios procesos</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="106"/>
        <source>`stllava train` as a child process: a crash in training never takes the window down</source>
        <translation>`stllava train` como proceso hijo: un fallo en el entrenamiento nunca cierra la ventana</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="108"/>
        <source>On a worker thread of this window: starts at once, no second program; one such run at a time</source>
        <translation>En un hilo de trabajo de esta ventana: empieza enseguida, sin un segundo programa; una ejecución así a la vez</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="111"/>
        <source>torchrun (not found on PATH)</source>
        <translation>torchrun (no está en el PATH)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="114"/>
        <source>Data parallel on this machine: torchrun starts one `stllava train` per process (one per GPU, or Gloo on the CPU); see docs/distributed-training.md for several machines</source>
        <translation>Paralelismo de datos en esta máquina: torchrun inicia un `stllava train` por proceso (uno por GPU, o Gloo en la CPU); para varias máquinas vea docs/distributed-training.md</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="121"/>
        <source> processes</source>
        <translation> procesos</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="122"/>
        <source>torchrun&apos;s --nproc_per_node: the global batch is batch size x accumulation x processes</source>
        <translation>--nproc_per_node de torchrun: el lote global es tamaño de lote x acumulación x procesos</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="137"/>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="138"/>
        <source>Preset:</source>
        <translation>Preajuste:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="139"/>
        <source>Run name:</source>
        <translation>Nombre de la ejecución:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="140"/>
        <source>Run as:</source>
        <translation>Ejecutar como:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="149"/>
        <source>Model folder</source>
        <translation>Carpeta del modelo</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="150"/>
        <source>The model to train (config.json, safetensors, tokenizer.model); for DPO the stage-1 model</source>
        <translation>El modelo que se entrenará (config.json, safetensors, tokenizer.model); para DPO, el modelo de la etapa 1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="151"/>
        <source>Start from adapter</source>
        <translation>Partir del adaptador</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="152"/>
        <source>A LoRA adapter merged in first (stage 1&apos;s for DPO); empty: none</source>
        <translation>Un adaptador LoRA que se fusiona primero (el de la etapa 1 para DPO); vacío: ninguno</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="153"/>
        <source>Data file</source>
        <translation>Archivo de datos</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="154"/>
        <source>SFT: LLaVA conversations JSON. DPO: preference pairs (STLLaVA JSON or TRL JSON lines)</source>
        <translation>SFT: JSON de conversaciones LLaVA. DPO: pares de preferencias (JSON de STLLaVA o JSON Lines de TRL)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="155"/>
        <source>Image folder</source>
        <translation>Carpeta de imágenes</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="156"/>
        <source>The folder the data&apos;s image paths are relative to; empty: beside the data file</source>
        <translation>La carpeta respecto a la cual son relativas las rutas de imagen de los datos; vacío: junto al archivo de datos</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="157"/>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="158"/>
        <source>Checkpoints and the trained adapter or model go here (made when missing)</source>
        <translation>Aquí se guardan los puntos de control y el adaptador o modelo entrenado (se crea si no existe)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="163"/>
        <source>Template:</source>
        <translation>Plantilla:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="169"/>
        <source>Decoder trains:</source>
        <translation>Entrenamiento del decodificador:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="170"/>
        <source>Vision tower trains:</source>
        <translation>Entrenamiento de la torre de visión:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="171"/>
        <source>Question learning share (sq_r)</source>
        <translation>Proporción de aprendizaje de preguntas (sq_r)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="172"/>
        <source>The chance that a later human turn becomes a question the model learns to ask (paper: 0.5)</source>
        <translation>Probabilidad de que un turno humano posterior se convierta en una pregunta que el modelo aprende a formular (artículo: 0.5)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="173"/>
        <source>DPO beta</source>
        <translation>Beta de DPO</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="174"/>
        <source>Strength of the pull towards the reference model (paper: 0.1)</source>
        <translation>Intensidad de la atracción hacia el modelo de referencia (artículo: 0.1)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="175"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="176"/>
        <source>Peak learning rate of the decoder (the vision tower&apos;s and projector&apos;s stay as the preset says)</source>
        <translation>Tasa de aprendizaje máxima del decodificador (las de la torre de visión y del proyector se mantienen según el preajuste)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="177"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="177"/>
        <source>Passes over the data</source>
        <translation>Pasadas por los datos</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="178"/>
        <source>Most steps</source>
        <translation>Máximo de pasos</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="179"/>
        <source>Caps the optimiser steps; -1: no cap</source>
        <translation>Limita los pasos del optimizador; -1: sin límite</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="180"/>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="180"/>
        <source>Items per device and micro-step</source>
        <translation>Elementos por dispositivo y micropaso</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="181"/>
        <source>Gradient accumulation</source>
        <translation>Acumulación de gradientes</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="182"/>
        <source>Micro-steps per optimiser step</source>
        <translation>Micropasos por paso del optimizador</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="183"/>
        <source>Most tokens</source>
        <translation>Máximo de tokens</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="183"/>
        <source>Longest sequence kept</source>
        <translation>Secuencia más larga que se conserva</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="184"/>
        <source>LoRA rank</source>
        <translation>Rango de LoRA</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="184"/>
        <source>Rank of the decoder&apos;s LoRA</source>
        <translation>Rango de la LoRA del decodificador</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="185"/>
        <source>LoRA alpha</source>
        <translation>Alfa de LoRA</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="186"/>
        <source>Scale of the decoder&apos;s LoRA (paper: twice the rank)</source>
        <translation>Escala de la LoRA del decodificador (artículo: el doble del rango)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="187"/>
        <source>Checkpoint every</source>
        <translation>Punto de control cada</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="188"/>
        <source>Steps between checkpoints; 0: at the end of every epoch</source>
        <translation>Pasos entre puntos de control; 0: al final de cada época</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="189"/>
        <source>Checkpoints kept</source>
        <translation>Puntos de control conservados</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="190"/>
        <source>Older checkpoints are deleted; 0 keeps all</source>
        <translation>Los puntos de control más antiguos se eliminan; 0: se conservan todos</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="193"/>
        <source>Stage-1 model</source>
        <translation>Modelo de la etapa 1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="194"/>
        <source>The model that asks and answers (stage 1&apos;s)</source>
        <translation>El modelo que pregunta y responde (el de la etapa 1)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="195"/>
        <source>Adapter</source>
        <translation>Adaptador</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="196"/>
        <source>Stage 1&apos;s LoRA adapter folder; empty: none</source>
        <translation>Carpeta del adaptador LoRA de la etapa 1; vacío: ninguno</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="197"/>
        <source>Images folder</source>
        <translation>Carpeta de imágenes</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="198"/>
        <source>Unlabeled images (DICOM or raster), searched recursively</source>
        <translation>Imágenes sin etiquetar (DICOM o rasterizadas), buscadas de forma recursiva</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="199"/>
        <source>Questions per image</source>
        <translation>Preguntas por imagen</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="200"/>
        <source>Questions the model asks per image (paper: 5)</source>
        <translation>Preguntas que formula el modelo por imagen (artículo: 5)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="201"/>
        <source>Answer seeds</source>
        <translation>Semillas de las respuestas</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="202"/>
        <source>The two seeds of the two answers (paper: 40,42)</source>
        <translation>Las dos semillas de las dos respuestas (artículo: 40,42)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="203"/>
        <source>Description tokens</source>
        <translation>Tokens de la descripción</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="204"/>
        <source>Most tokens of the description</source>
        <translation>Máximo de tokens de la descripción</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="205"/>
        <source>Question tokens</source>
        <translation>Tokens de la pregunta</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="206"/>
        <source>Most tokens of a question (paper: 300)</source>
        <translation>Máximo de tokens de una pregunta (artículo: 300)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="207"/>
        <source>Answer tokens</source>
        <translation>Tokens de la respuesta</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="208"/>
        <source>Most tokens of an answer (paper: 1024)</source>
        <translation>Máximo de tokens de una respuesta (artículo: 1024)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="209"/>
        <source>Job folder</source>
        <translation>Carpeta de la tarea</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="210"/>
        <source>Items go here (made when missing; an existing job resumes)</source>
        <translation>Aquí se guardan los elementos (se crea si no existe; una tarea existente se reanuda)</translation>
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
        <translation>Elegir</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="357"/>
        <source>Paper preset.</source>
        <translation>Preajuste del artículo.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="365"/>
        <source>Demo preset not available: %1</source>
        <translation>Preajuste de la demo no disponible: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="369"/>
        <source>Demo preset from %1.</source>
        <translation>Preajuste de la demo de %1.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="411"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="417"/>
        <source>Question learning share (sq_r): question learning needs the v1_sq template (or set it to 0)</source>
        <translation>Proporción de aprendizaje de preguntas (sq_r): el aprendizaje de preguntas requiere la plantilla v1_sq (o póngala a 0)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="429"/>
        <source>Ready to start.</source>
        <translation>Listo para iniciar.</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="436"/>
        <source>Ready to start; it continues from %1 in the output folder.</source>
        <translation>Listo para iniciar; continuará desde %1 en la carpeta de salida.</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingWorkspace</name>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="29"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="31"/>
        <location filename="../ui/training/training_workspace.cpp" line="66"/>
        <source>Start a run with these settings (a `stllava` child process)</source>
        <translation>Iniciar una ejecución con estos ajustes (un proceso hijo `stllava`)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="51"/>
        <source>Runs of this session:</source>
        <translation>Ejecuciones de esta sesión:</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="90"/>
        <source>Not started: %1</source>
        <translation>No iniciada: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="99"/>
        <source>training %1</source>
        <translation>entrenando %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="103"/>
        <source>Run %1: %2</source>
        <translation>Ejecución %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="114"/>
        <source>%1: no such checkpoint folder</source>
        <translation>%1: no existe esa carpeta de punto de control</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="119"/>
        <source>%1 from %2</source>
        <translation>%1 desde %2</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ViewerPanel</name>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="25"/>
        <source>Brain</source>
        <translation>Cerebro</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="26"/>
        <source>Lung</source>
        <translation>Pulmón</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="27"/>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="28"/>
        <source>Bone</source>
        <translation>Hueso</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="29"/>
        <source>Mediastinum</source>
        <translation>Mediastino</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="30"/>
        <source>Liver</source>
        <translation>Hígado</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="36"/>
        <location filename="../ui/viewer/viewer_panel.cpp" line="264"/>
        <source>Window presets</source>
        <translation>Preajustes de ventana</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="37"/>
        <source>Window presets: the file&apos;s own windows, and for CT the usual ones</source>
        <translation>Preajustes de ventana: las ventanas propias del archivo y, para TC, las habituales</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="45"/>
        <source>Image in stack</source>
        <translation>Imagen en la pila</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="50"/>
        <source>&amp;Auto window</source>
        <translation>Ventana &amp;automática</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="51"/>
        <source>&amp;Invert</source>
        <translation>&amp;Invertir</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="52"/>
        <source>&amp;Fit to view</source>
        <translation>Ajustar a la &amp;vista</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="53"/>
        <source>Actual &amp;size (1:1)</source>
        <translation>Tamaño &amp;real (1:1)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="54"/>
        <source>&amp;Tag overlay</source>
        <translation>Superposición de &amp;etiquetas</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="57"/>
        <source>&amp;Presentation mode (hide patient details)</source>
        <translation>Modo &amp;presentación (ocultar datos del paciente)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="58"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="59"/>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="60"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="61"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="62"/>
        <source>Presentation</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="63"/>
        <source>&amp;Next image</source>
        <translation>Imagen &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="64"/>
        <source>P&amp;revious image</source>
        <translation>Imagen a&amp;nterior</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="128"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="270"/>
        <source>File window %1</source>
        <translation>Ventana del archivo %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="271"/>
        <source>%1 (W %2 L %3)</source>
        <translation>%1 (W %2 L %3)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="277"/>
        <source>CT %1 (W %2 L %3)</source>
        <translation>TC %1 (W %2 L %3)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="300"/>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="310"/>
        <source>Image %1 / %2</source>
        <translation>Imagen %1 / %2</translation>
    </message>
</context>
<context>
    <name>stllava::ui::WindowLevelTool</name>
    <message>
        <location filename="../ui/viewer/window_level_tool.cpp" line="20"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
</context>
</TS>
