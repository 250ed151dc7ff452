<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="79"/>
        <source>STLLaVA-Med Studio: read medical images and ask a local vision-language model about them.</source>
        <translation>STLLaVA-Med Studio: leer imágenes médicas y preguntar sobre ellas a un modelo local de visión y lenguaje.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="85"/>
        <source>A DICOM or raster file, or a folder of DICOM files.</source>
        <translation>Un archivo DICOM o de imagen rasterizada, o una carpeta de archivos DICOM.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="87"/>
        <source>Model folder to load.</source>
        <translation>Carpeta del modelo que se cargará.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="91"/>
        <source>Do not load the last model at start-up.</source>
        <translation>No cargar el último modelo al iniciar.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="94"/>
        <source>Save a PNG of the window once the image is shown, then quit.</source>
        <translation>Guardar un PNG de la ventana en cuanto se muestre la imagen y salir.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="97"/>
        <source>Window size, e.g. 1440x900.</source>
        <translation>Tamaño de la ventana, p. ej. 1440x900.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="101"/>
        <source>Initial window as CENTER,WIDTH (e.g. 40,400).</source>
        <translation>Ventana inicial como CENTRO,ANCHO (p. ej. 40,400).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="105"/>
        <source>Initial window preset: brain, lung, abdomen, bone, mediastinum, liver.</source>
        <translation>Preajuste de ventana inicial: brain, lung, abdomen, bone, mediastinum, liver.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="110"/>
        <source>With --screenshot: ask this about the image and save once answered.</source>
        <translation>Con --screenshot: preguntar esto sobre la imagen y guardar cuando haya respuesta.</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="114"/>
        <source>Interface language: %1 (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation>Idioma de la interfaz: %1 (por omisión: el elegido en Configuración o, si no, el del sistema).</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="140"/>
        <source>--preset %1: unknown (brain, lung, abdomen, bone, mediastinum, liver)</source>
        <translation>--preset %1: desconocido (brain, lung, abdomen, bone, mediastinum, liver)</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="163"/>
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
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="193"/>
        <source>The endpoint %1 answered HTTP %2: %3</source>
        <translation>El servicio %1 respondió HTTP %2: %3</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="195"/>
        <source> (check the API key: $STLLAVA_JUDGE_API_KEY, $OPENAI_API_KEY or the keychain)</source>
        <translation> (compruebe la clave de API: $STLLAVA_JUDGE_API_KEY, $OPENAI_API_KEY o el llavero)</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="197"/>
        <source> — this endpoint&apos;s model cannot see images.</source>
        <translation> — el modelo de este servicio no puede ver imágenes.</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="199"/>
        <source>The endpoint %1 did not answer: %2</source>
        <translation>El servicio %1 no respondió: %2</translation>
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
    <name>stllava::ui::ChatPanel</name>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="34"/>
        <source>Ask about the image on screen (Ctrl+Enter sends)</source>
        <translation>Pregunte sobre la imagen en pantalla (Ctrl+Intro envía)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="35"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="37"/>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="38"/>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="39"/>
        <source>&amp;Regenerate</source>
        <translation>&amp;Regenerar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="40"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="41"/>
        <source>Stop the answer (Esc)</source>
        <translation>Detener la respuesta (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="42"/>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="43"/>
        <source>&amp;Edit</source>
        <translation>E&amp;ditar</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="44"/>
        <source>Copy the last answer</source>
        <translation>Copiar la última respuesta</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="45"/>
        <source>Start a new conversation about this study</source>
        <translation>Iniciar una conversación nueva sobre este estudio</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="46"/>
        <source>Put the last question back into the input box to change and resend it</source>
        <translation>Devolver la última pregunta al cuadro de entrada para cambiarla y reenviarla</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="52"/>
        <source>0 = always the most likely token (deterministic)</source>
        <translation>0 = siempre el token más probable (determinista)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="62"/>
        <source>random</source>
        <translation>aleatoria</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="63"/>
        <source>A fixed seed repeats an answer exactly; &apos;random&apos; draws a new one each time</source>
        <translation>Una semilla fija repite una respuesta exactamente; «aleatoria» sortea una nueva cada vez</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="68"/>
        <source>No model loaded: open a model folder with File &gt; Open model… (Ctrl+M). The viewer works without one.</source>
        <translation>Ningún modelo cargado: abra una carpeta de modelo con Archivo &gt; Abrir modelo… (Ctrl+M). El visor funciona sin él.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="81"/>
        <source>T&amp;emperature</source>
        <translation>T&amp;emperatura</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="82"/>
        <source>Top-&amp;p</source>
        <translation>Top-&amp;p</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="83"/>
        <source>&amp;Max tokens</source>
        <translation>Tokens &amp;máx.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="84"/>
        <source>See&amp;d</source>
        <translation>Semi&amp;lla</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="185"/>
        <source>No model is loaded. Open a model folder with File &gt; Open model… (Ctrl+M).</source>
        <translation>No hay ningún modelo cargado. Abra una carpeta de modelo con Archivo &gt; Abrir modelo… (Ctrl+M).</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="238"/>
        <source>The previous answer is still running.</source>
        <translation>La respuesta anterior aún está en curso.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="248"/>
        <source>%1 tok/s</source>
        <translation>%1 tok/s</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="259"/>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 tokens · %2 tok/s</translation>
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
    <name>stllava::ui::ImageView</name>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="53"/>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="100"/>
        <source>auto (0.5-99.5 %)</source>
        <translation>automática (0,5–99,5 %)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="173"/>
        <source>Open a DICOM file or folder (Ctrl+O, Ctrl+Shift+O), or drop it here.</source>
        <translation>Abra un archivo o una carpeta DICOM (Ctrl+O, Ctrl+Mayús+O), o suéltelo aquí.</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="190"/>
        <source>x %1 y %2: RGB %3 %4 %5</source>
        <translation>x %1 y %2: RGB %3 %4 %5</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="196"/>
        <source> HU</source>
        <translation> UH</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="197"/>
        <source>x %1 y %2: %3%4</source>
        <translation>x %1 y %2: %3%4</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="210"/>
        <source>Patient details hidden (presentation mode)</source>
        <translation>Datos del paciente ocultos (modo presentación)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="213"/>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="229"/>
        <source>Pixel %1 × %2 mm</source>
        <translation>Píxel %1 × %2 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="236"/>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="239"/>
        <source>  inverted</source>
        <translation>  invertida</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="247"/>
        <source>%1 × %2  ·  zoom %3%</source>
        <translation>%1 × %2  ·  zoom %3 %</translation>
    </message>
</context>
<context>
    <name>stllava::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="43"/>
        <source>STLLaVA-Med Studio</source>
        <translation>STLLaVA-Med Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <source>Workspaces</source>
        <translation>Espacios de trabajo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="61"/>
        <source>&amp;Read</source>
        <translation>&amp;Lectura</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="62"/>
        <source>Read: the viewer with the chat beside it (Ctrl+1)</source>
        <translation>Lectura: el visor con el chat al lado (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="65"/>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>No model</source>
        <translation>Sin modelo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77"/>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>No jobs running</source>
        <translation>Ninguna tarea en curso</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="78"/>
        <source>Running: %1</source>
        <translation>En curso: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="84"/>
        <source>answering</source>
        <translation>respondiendo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="97"/>
        <source>Loading model: %1</source>
        <translation>Cargando el modelo: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>Model not loaded: %1</source>
        <translation>Modelo no cargado: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="125"/>
        <source>demo: %1</source>
        <translation>demo: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="126"/>
        <source>Setting up the demo: %1</source>
        <translation>Preparando la demo: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="137"/>
        <source>The demo is ready in %1</source>
        <translation>La demo está lista en %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144"/>
        <source>Demo setup stopped; what is done is kept in %1 and the next setup resumes there.</source>
        <translation>Preparación de la demo detenida; lo hecho se conserva en %1 y la próxima preparación continuará allí.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="150"/>
        <source>Demo setup failed</source>
        <translation>Error al preparar la demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="181"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="182"/>
        <source>&amp;Open file…</source>
        <translation>&amp;Abrir archivo…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="184"/>
        <source>Open &amp;folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="186"/>
        <source>&amp;Recent</source>
        <translation>&amp;Recientes</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="189"/>
        <source>Open &amp;model…</source>
        <translation>Abrir &amp;modelo…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="192"/>
        <source>&amp;Settings…</source>
        <translation>Co&amp;nfiguración…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="196"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="199"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="204"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="205"/>
        <source>Open the &amp;demo</source>
        <translation>Abrir la &amp;demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="206"/>
        <source>Set &amp;up the demo…</source>
        <translation>&amp;Preparar la demo…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="207"/>
        <source>S&amp;top the demo setup</source>
        <translation>&amp;Detener la preparación de la demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="220"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="222"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>%1: no such file or folder</source>
        <translation>%1: no existe ese archivo o carpeta</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>Open image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="251"/>
        <source>Images (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>Imágenes (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>Open folder of DICOM files</source>
        <translation>Abrir carpeta de archivos DICOM</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="263"/>
        <source>Open model folder</source>
        <translation>Abrir carpeta de modelo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="269"/>
        <source>A model is already loading.</source>
        <translation>Ya se está cargando un modelo.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>loading model</source>
        <translation>cargando el modelo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="281"/>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>Model: %1 (%2)</source>
        <translation>Modelo: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="294"/>
        <source>Device: %1, %2</source>
        <translation>Dispositivo: %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="296"/>
        <source>Model: %1 · %2 · template %3%4</source>
        <translation>Modelo: %1 · %2 · plantilla %3%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="298"/>
        <source> · text only: this model cannot see images</source>
        <translation> · solo texto: este modelo no puede ver imágenes</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="300"/>
        <source>Model loaded in %1 s</source>
        <translation>Modelo cargado en %1 s</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="309"/>
        <source>No demo found (looked in %1). Help ▸ Set up the demo builds one.</source>
        <translation>No se encontró ninguna demo (se buscó en %1). Ayuda ▸ Preparar la demo crea una.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="320"/>
        <source>Demo opened from %1: its model, %2 reports and a judged self-training job.</source>
        <translation>Demo abierta desde %1: su modelo, %2 informes y una tarea de autoentrenamiento evaluada.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="323"/>
        <source>Demo opened from %1 (not finished: Help ▸ Set up the demo resumes it).</source>
        <translation>Demo abierta desde %1 (sin terminar: Ayuda ▸ Preparar la demo la continúa).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="332"/>
        <source>The demo is being set up already.</source>
        <translation>La demo ya se está preparando.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="339"/>
        <source>Set up the demo</source>
        <translation>Preparar la demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="340"/>
        <source>This builds a synthetic world of medical images, trains a tiny model on it (stage 1), lets it ask and answer questions about unlabeled images, judges them and trains on the preferences (stage 2), and evaluates both stages. It takes about 10 minutes on two cores and writes to
%1

A stopped setup resumes where it stopped.</source>
        <translation>Esto crea un mundo sintético de imágenes médicas, entrena en él un modelo diminuto (etapa 1), le deja hacer y responder preguntas sobre imágenes sin etiquetar, las evalúa y entrena con las preferencias (etapa 2), y evalúa ambas etapas. Tarda unos 10 minutos con dos núcleos y escribe en
%1

Una preparación detenida continúa donde se detuvo.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="348"/>
        <source>setting up the demo</source>
        <translation>preparando la demo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="363"/>
        <source>Settings saved; model settings apply to the next model loaded.</source>
        <translation>Configuración guardada; los ajustes del modelo se aplican al próximo modelo que se cargue.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="371"/>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="382"/>
        <source>Endpoint: %1 @ %2</source>
        <translation>Servicio: %1 @ %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="383"/>
        <source>%1
API key: %2</source>
        <translation>%1
Clave de API: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="383"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="384"/>
        <source>Device: endpoint on this machine</source>
        <translation>Dispositivo: servicio en este equipo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="385"/>
        <source>Device: remote endpoint</source>
        <translation>Dispositivo: servicio remoto</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="388"/>
        <source>Endpoint %1 at %2 (this machine)</source>
        <translation>Servicio %1 en %2 (este equipo)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>Endpoint %1 at %2 · only the displayed pixels leave this machine%3</source>
        <translation>Servicio %1 en %2 · solo los píxeles mostrados salen de este equipo%3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="390"/>
        <source> · images need consent in Settings</source>
        <translation> · las imágenes requieren consentimiento en Configuración</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="391"/>
        <source>Answers now come from %1</source>
        <translation>Las respuestas vienen ahora de %1</translation>
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
        <location filename="../ui/settings/settings_dialog.cpp" line="132"/>
        <source>One per core (%1)</source>
        <translation>Uno por núcleo (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="133"/>
        <source>CPU &amp;threads:</source>
        <translation>&amp;Hilos de CPU:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="134"/>
        <source>Changes apply to the next model loaded. The endpoint&apos;s API key is found as the judge&apos;s (environment, then keychain) for its host.</source>
        <translation>Los cambios se aplican al próximo modelo que se cargue. La clave de API del servicio se busca como la del juez para su host (entorno y luego llavero).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="161"/>
        <source>Any OpenAI-compatible endpoint, e.g. `stllava serve` at http://127.0.0.1:8080/v1</source>
        <translation>Cualquier servicio compatible con OpenAI, p. ej. `stllava serve` en http://127.0.0.1:8080/v1</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="162"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Servicio:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="165"/>
        <source>Judge &amp;model:</source>
        <translation>&amp;Modelo del juez:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="170"/>
        <source>paste a key to store it in the system keychain</source>
        <translation>pegue una clave para guardarla en el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="171"/>
        <source>&amp;Store in keychain</source>
        <translation>&amp;Guardar en el llavero</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="180"/>
        <source>API &amp;key:</source>
        <translation>&amp;Clave de API:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="185"/>
        <source>Allow sending &amp;de-identified images to an endpoint outside this machine</source>
        <translation>Permitir enviar imágenes &amp;anonimizadas a un servicio fuera de este equipo</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="186"/>
        <source>Only pixels leave the machine, re-encoded without any DICOM header. Endpoints on this machine (127.0.0.1, localhost) never need this.</source>
        <translation>Solo salen del equipo los píxeles, recodificados sin ninguna cabecera DICOM. Los servicios en este equipo (127.0.0.1, localhost) nunca lo necesitan.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="190"/>
        <source>The key is read from $STLLAVA_JUDGE_API_KEY or $OPENAI_API_KEY first, then from the keychain. It is never written to the settings file or a log.</source>
        <translation>La clave se lee primero de $STLLAVA_JUDGE_API_KEY o $OPENAI_API_KEY y luego del llavero. Nunca se escribe en el archivo de configuración ni en un registro.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="209"/>
        <source>System language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="211"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="212"/>
        <source>The language changes at the next start.</source>
        <translation>El idioma cambia en el próximo inicio.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="216"/>
        <source>Demo folder</source>
        <translation>Carpeta de la demo</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="218"/>
        <source>where `stllava demo run` wrote (default ./stllava-demo)</source>
        <translation>donde escribió `stllava demo run` (por omisión ./stllava-demo)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="219"/>
        <source>De&amp;mo folder:</source>
        <translation>Carpeta de la de&amp;mo:</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="234"/>
        <source>%1 (not available here)</source>
        <translation>%1 (no disponible aquí)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="286"/>
        <source>Model folder %1: no config.json there.</source>
        <translation>Carpeta del modelo %1: no contiene config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="292"/>
        <source>Endpoint &apos;%1&apos;: expected an address such as http://127.0.0.1:8080/v1.</source>
        <translation>Servicio «%1»: se esperaba una dirección como http://127.0.0.1:8080/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="293"/>
        <source>Endpoint model: a name is needed (`stllava serve --model-id`).</source>
        <translation>Modelo del servicio: hace falta un nombre (`stllava serve --model-id`).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="296"/>
        <source>LoRA adapter %1: no adapter_config.json there.</source>
        <translation>Adaptador LoRA %1: no contiene adapter_config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="298"/>
        <source>Vision tower %1: no config.json there.</source>
        <translation>Torre de visión %1: no contiene config.json.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="303"/>
        <source>Judge endpoint &apos;%1&apos;: expected an http:// or https:// address such as https://api.openai.com/v1.</source>
        <translation>Servicio del juez «%1»: se esperaba una dirección http:// o https:// como https://api.openai.com/v1.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="307"/>
        <source>Judge endpoint %1: plain http to another machine would send the API key and the images unencrypted; use https.</source>
        <translation>Servicio del juez %1: http sin cifrar hacia otro equipo enviaría la clave de API y las imágenes sin cifrar; use https.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="310"/>
        <source>Judge model: a name is needed (e.g. gpt-4o).</source>
        <translation>Modelo del juez: hace falta un nombre (p. ej. gpt-4o).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="313"/>
        <source>Demo folder %1 does not exist.</source>
        <translation>La carpeta de la demo %1 no existe.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="338"/>
        <source>Key: give an endpoint first.</source>
        <translation>Clave: indique primero un servicio.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="341"/>
        <source>Key for %1: looking…</source>
        <translation>Clave para %1: buscando…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="350"/>
        <source>Key for %1: none found%2</source>
        <translation>Clave para %1: no se encontró ninguna%2</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="350"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="352"/>
        <source>Key for %1: found in %2 (not shown).</source>
        <translation>Clave para %1: encontrada en %2 (no se muestra).</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="360"/>
        <source>Give the endpoint first: the key is stored for its host.</source>
        <translation>Indique primero el servicio: la clave se guarda para su host.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="366"/>
        <source>Storing the key for %1…</source>
        <translation>Guardando la clave para %1…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="372"/>
        <source>Key for %1 stored in the system keychain.</source>
        <translation>Clave para %1 guardada en el llavero del sistema.</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="373"/>
        <source>The keychain did not store the key for %1: %2</source>
        <translation>El llavero no guardó la clave para %1: %2</translation>
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
        <location filename="../ui/viewer/viewer_panel.cpp" line="261"/>
        <source>Window presets</source>
        <translation>Preajustes de ventana</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="37"/>
        <source>Window presets: the file&apos;s own windows, and for CT the usual ones</source>
        <translation>Preajustes de ventana: las ventanas propias del archivo y, para TC, las habituales</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="44"/>
        <source>Image in stack</source>
        <translation>Imagen en la pila</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="49"/>
        <source>&amp;Auto window</source>
        <translation>Ventana &amp;automática</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="50"/>
        <source>&amp;Invert</source>
        <translation>&amp;Invertir</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="51"/>
        <source>&amp;Fit to view</source>
        <translation>Ajustar a la &amp;vista</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="52"/>
        <source>Actual &amp;size (1:1)</source>
        <translation>Tamaño &amp;real (1:1)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="53"/>
        <source>&amp;Tag overlay</source>
        <translation>Superposición de &amp;etiquetas</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="56"/>
        <source>&amp;Presentation mode (hide patient details)</source>
        <translation>Modo &amp;presentación (ocultar datos del paciente)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="57"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="58"/>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="59"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="60"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="61"/>
        <source>Presentation</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="62"/>
        <source>&amp;Next image</source>
        <translation>Imagen &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="63"/>
        <source>P&amp;revious image</source>
        <translation>Imagen a&amp;nterior</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="125"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="267"/>
        <source>File window %1</source>
        <translation>Ventana del archivo %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="268"/>
        <source>%1 (W %2 L %3)</source>
        <translation>%1 (W %2 L %3)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="274"/>
        <source>CT %1 (W %2 L %3)</source>
        <translation>TC %1 (W %2 L %3)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="297"/>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="307"/>
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
