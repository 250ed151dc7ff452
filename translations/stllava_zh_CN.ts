<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EvaluationLike</name>
    <message>
        <location filename="../ui/training/evaluation_like.cpp" line="47"/>
        <source>%1: its benchmark file %2 is not found</source>
        <translation>%1：未找到其基准测试文件 %2</translation>
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
        <translation>患者：%1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="35"/>
        <source>Study: %1</source>
        <translation>检查：%1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="63"/>
        <source>Cannot render the image the model saw again: %1</source>
        <translation>无法重新渲染模型所见的图像：%1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="77"/>
        <source>Image %1</source>
        <translation>图像 %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="92"/>
        <source>, frame %1 of %2</source>
        <translation>，第 %1 帧（共 %2 帧）</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="93"/>
        <source>, window C %1 / W %2</source>
        <translation>，窗位 %1 / 窗宽 %2</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="94"/>
        <location filename="../ui/chat/sr_export.cpp" line="53"/>
        <source> (inverted)</source>
        <translation>（反相）</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="101"/>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="101"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="107"/>
        <source>adapter %1 (%2)</source>
        <translation>适配器 %1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="111"/>
        <location filename="../ui/chat/sr_export.cpp" line="56"/>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="114"/>
        <location filename="../ui/chat/sr_export.cpp" line="59"/>
        <source>T %1, top-p %2, max %3, seed %4</source>
        <translation>T %1，top-p %2，最大 %3，种子 %4</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="122"/>
        <source>no image seen</source>
        <translation>未看到图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="126"/>
        <source>%1 tokens, %2 tok/s</source>
        <translation>%1 个词元，%2 词元/秒</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="130"/>
        <source>stop: %1</source>
        <translation>停止原因：%1</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="155"/>
        <location filename="../ui/chat/conversation_export.cpp" line="166"/>
        <source>The conversation has no answered question to export.</source>
        <translation>该对话中没有可导出的已回答问题。</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="157"/>
        <source>Patient details hidden (presentation mode)</source>
        <translation>已隐藏患者信息（演示模式）</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="160"/>
        <source>Conversation about %1</source>
        <translation>关于 %1 的对话</translation>
    </message>
    <message>
        <location filename="../ui/chat/conversation_export.cpp" line="161"/>
        <source>Conversation about an image</source>
        <translation>关于一幅图像的对话</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="48"/>
        <location filename="../ui/chat/pdf_export.cpp" line="40"/>
        <source>Exported %1 from STLLaVA-Med Studio.</source>
        <translation>于 %1 从 STLLaVA-Med Studio 导出。</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="53"/>
        <location filename="../ui/chat/pdf_export.cpp" line="43"/>
        <source>The answers were generated by a machine learning model. They are not a diagnosis and have not been verified by a clinician.</source>
        <translation>这些回答由机器学习模型生成。它们不是诊断，且未经临床医生核实。</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="60"/>
        <location filename="../ui/chat/pdf_export.cpp" line="50"/>
        <source>Question %1</source>
        <translation>问题 %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="66"/>
        <location filename="../ui/chat/pdf_export.cpp" line="62"/>
        <source>Note: the pixels may carry burned-in patient text (%1).</source>
        <translation>注意：像素中可能含有烧录的患者文字（%1）。</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="71"/>
        <location filename="../ui/chat/pdf_export.cpp" line="66"/>
        <source>The model saw no image for this answer.</source>
        <translation>模型在给出此回答时未看到图像。</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="74"/>
        <location filename="../ui/chat/pdf_export.cpp" line="68"/>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="76"/>
        <location filename="../ui/chat/pdf_export.cpp" line="70"/>
        <source>Answer:</source>
        <translation>回答：</translation>
    </message>
    <message>
        <location filename="../ui/chat/markdown_export.cpp" line="77"/>
        <location filename="../ui/chat/pdf_export.cpp" line="71"/>
        <source>(no text)</source>
        <translation>（无文本）</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="18"/>
        <source>Answer %1 was given without an image: a DICOM SR can only hold findings about DICOM images. Export as Markdown or PDF instead.</source>
        <translation>回答 %1 是在没有图像的情况下给出的：DICOM SR 只能包含关于 DICOM 图像的所见。请改为导出为 Markdown 或 PDF。</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="23"/>
        <source>%1 is not a DICOM image: a DICOM SR can only reference DICOM images. Export as Markdown or PDF instead.</source>
        <translation>%1 不是 DICOM 图像：DICOM SR 只能引用 DICOM 图像。请改为导出为 Markdown 或 PDF。</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="49"/>
        <source>frame %1, window C %2 / W %3</source>
        <translation>第 %1 帧，窗位 %2 / 窗宽 %3</translation>
    </message>
    <message>
        <location filename="../ui/chat/sr_export.cpp" line="67"/>
        <source>asked %1</source>
        <translation>提问于 %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/chat/history_store.cpp" line="31"/>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <location filename="../ui/chat/history_store.cpp" line="38"/>
        <source>%1: not a conversation file: %2</source>
        <translation>%1：不是对话文件：%2</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="32"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="33"/>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="34"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>TrainingFieldChecks</name>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="21"/>
        <source>required: choose a folder</source>
        <translation>必填：请选择文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="23"/>
        <source>%1: no such folder</source>
        <translation>%1：没有此文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="24"/>
        <source>%1: not a folder</source>
        <translation>%1：不是文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="30"/>
        <source>required: choose a file</source>
        <translation>必填：请选择文件</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="32"/>
        <source>%1: no such file</source>
        <translation>%1：没有此文件</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="33"/>
        <source>%1: not a file</source>
        <translation>%1：不是文件</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="34"/>
        <source>%1: cannot be read</source>
        <translation>%1：无法读取</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="40"/>
        <source>required: choose a folder for the results</source>
        <translation>必填：请选择用于存放结果的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="42"/>
        <source>%1: a file is in the way</source>
        <translation>%1：该位置已有同名文件</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="51"/>
        <source>%1: cannot be made (%2 is not a folder)</source>
        <translation>%1：无法创建（%2 不是文件夹）</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="52"/>
        <source>%1: cannot be made (%2 is not writable)</source>
        <translation>%1：无法创建（%2 不可写）</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="59"/>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="60"/>
        <location filename="../ui/training/field_checks.cpp" line="71"/>
        <source>%1 is outside %2 … %3</source>
        <translation>%1 超出范围 %2 … %3</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="68"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="70"/>
        <source>%1 must be above %2 and at most %3</source>
        <translation>%1 必须大于 %2 且不超过 %3</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="78"/>
        <source>&quot;%1&quot;: expected two seeds, e.g. 40,42</source>
        <translation>“%1”：应为两个种子，例如 40,42</translation>
    </message>
    <message>
        <location filename="../ui/training/field_checks.cpp" line="82"/>
        <source>&quot;%1&quot; is not a seed (a whole number)</source>
        <translation>“%1”不是有效的种子（须为整数）</translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="26"/>
        <source>%1: cannot be read (has the demo run this phase?)</source>
        <translation>%1：无法读取（演示是否已运行此阶段？）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="32"/>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1：不是 JSON 对象（%2）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="92"/>
        <source>no demo folder is open (Help ▸ Open the demo)</source>
        <translation>未打开演示文件夹（“帮助 ▸ 打开演示”）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="100"/>
        <source>%1: the demo&apos;s stage-1 model is not trained yet</source>
        <translation>%1：演示的第 1 阶段模型尚未训练</translation>
    </message>
    <message>
        <location filename="../ui/training/training_presets.cpp" line="121"/>
        <source>%1: no &quot;config&quot; object</source>
        <translation>%1：没有“config”对象</translation>
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
        <translation>第 2 阶段生成</translation>
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
        <translation>正在“阅片”工作区中打开训练好的模型 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="84"/>
        <source>STLLaVA-Med Studio: read medical images and ask a local vision-language model about them.</source>
        <translation>STLLaVA-Med Studio：阅读医学影像，并向本地视觉语言模型提问。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="90"/>
        <source>A DICOM or raster file, or a folder of DICOM files.</source>
        <translation>一个 DICOM 或栅格图像文件，或一个 DICOM 文件夹。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="92"/>
        <source>Model folder to load.</source>
        <translation>要加载的模型文件夹。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="96"/>
        <source>Do not load the last model at start-up.</source>
        <translation>启动时不加载上次的模型。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="99"/>
        <source>Save a PNG of the window once the image is shown, then quit.</source>
        <translation>图像显示后将窗口保存为 PNG，然后退出。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="102"/>
        <source>Window size, e.g. 1440x900.</source>
        <translation>窗口大小，例如 1440x900。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="106"/>
        <source>Initial window as CENTER,WIDTH (e.g. 40,400).</source>
        <translation>初始窗位/窗宽，格式为 中心,宽度（例如 40,400）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="110"/>
        <source>Initial window preset: brain, lung, abdomen, bone, mediastinum, liver.</source>
        <translation>初始窗预设：brain、lung、abdomen、bone、mediastinum、liver。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="115"/>
        <source>With --screenshot: ask this about the image and save once answered.</source>
        <translation>与 --screenshot 一起使用：就图像提出此问题，回答后保存。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="119"/>
        <source>Interface language: %1 (default: the one chosen in Settings, else the system&apos;s).</source>
        <translation>界面语言：%1（默认：设置中选择的语言，否则为系统语言）。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="125"/>
        <source>Open the embedded demo that `stllava demo run` wrote into this folder.</source>
        <translation>打开 `stllava demo run` 写入此文件夹的内置演示。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="129"/>
        <source>Workspace to show at start: read, review, training or reports.</source>
        <translation>启动时显示的工作区：read、review、training 或 reports。</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="149"/>
        <source>--demo %1: no demo there (run `stllava demo run --out %1`)</source>
        <translation>--demo %1：该处没有演示（请运行 `stllava demo run --out %1`）</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="161"/>
        <source>--workspace %1: unknown (read, review, training, reports)</source>
        <translation>--workspace %1：未知（read、review、training、reports）</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="175"/>
        <source>--preset %1: unknown (brain, lung, abdomen, bone, mediastinum, liver)</source>
        <translation>--preset %1：未知（brain、lung、abdomen、bone、mediastinum、liver）</translation>
    </message>
    <message>
        <location filename="../app/studio/main.cpp" line="198"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::DemoSetupJob</name>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="28"/>
        <source>stllava demo run crashed; its last lines:
%1</source>
        <translation>stllava demo run 崩溃；最后几行：
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="29"/>
        <source>stllava demo run failed (exit %1):
%2</source>
        <translation>stllava demo run 失败（退出码 %1）：
%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="34"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/demo_setup_job.cpp" line="50"/>
        <source>the stllava program was not found beside %1</source>
        <translation>在 %1 旁边未找到 stllava 程序</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::EndpointChat</name>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="100"/>
        <source>The endpoint &apos;%1&apos; is not an http:// or https:// address (Settings ▸ Model).</source>
        <translation>端点“%1”不是 http:// 或 https:// 地址（设置 ▸ 模型）。</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="104"/>
        <source>Sending the image to %1 needs your consent: tick &quot;Allow sending de-identified images&quot; in Settings ▸ Judge, or use an endpoint on this machine.</source>
        <translation>将图像发送到 %1 需要您的同意：在“设置 ▸ 评审”中勾选“允许发送去标识化图像”，或使用本机上的端点。</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="197"/>
        <source>The endpoint %1 answered HTTP %2: %3</source>
        <translation>端点 %1 返回 HTTP %2：%3</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="199"/>
        <source> (check the API key: $STLLAVA_JUDGE_API_KEY, $OPENAI_API_KEY or the keychain)</source>
        <translation>（请检查 API 密钥：$STLLAVA_JUDGE_API_KEY、$OPENAI_API_KEY 或钥匙串）</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="201"/>
        <source> — this endpoint&apos;s model cannot see images.</source>
        <translation> —— 此端点的模型无法查看图像。</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/endpoint_chat.cpp" line="203"/>
        <source>The endpoint %1 did not answer: %2</source>
        <translation>端点 %1 没有响应：%2</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::EvaluationRunJob</name>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="30"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="55"/>
        <source>the stllava program was not found beside %1</source>
        <translation>在 %1 旁边未找到 stllava 程序</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="59"/>
        <source>%1: cannot create the evaluation folder</source>
        <translation>%1：无法创建评估文件夹</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="107"/>
        <source>the evaluation process crashed; its last lines:
%1</source>
        <translation>评估进程崩溃；最后几行：
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="109"/>
        <source>the evaluation was stopped; the answers so far are kept in %1</source>
        <translation>评估已停止；目前为止的回答保存在 %1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="111"/>
        <source>the evaluation failed (exit %1):
%2</source>
        <translation>评估失败（退出码 %1）：
%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/evaluation_run_job.cpp" line="113"/>
        <source>the evaluation ended without a report (%1):
%2</source>
        <translation>评估已结束，但未生成报告（%1）：
%2</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::ModelLoadJob</name>
    <message>
        <location filename="../core/services/jobs/model_load_job.cpp" line="67"/>
        <source>Loading %1 was cancelled.</source>
        <translation>已取消加载 %1。</translation>
    </message>
</context>
<context>
    <name>stllava::jobs::TrainingRunJob</name>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="50"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="83"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="84"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="85"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="86"/>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="87"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="224"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="344"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="88"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="226"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="346"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="89"/>
        <source>bad input</source>
        <translation>输入有误</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="90"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="122"/>
        <source>stage-2 generation runs as a separate process only</source>
        <translation>第 2 阶段生成只能作为独立进程运行</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="124"/>
        <source>the stllava program was not found beside %1</source>
        <translation>在 %1 旁边未找到 stllava 程序</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="130"/>
        <source>torchrun was not found on PATH (it comes with PyTorch; on Debian: python3-torch)</source>
        <translation>在 PATH 中找不到 torchrun（它随 PyTorch 提供；Debian 上为 python3-torch）</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="132"/>
        <source>%1 processes: give 1 to 1024</source>
        <translation>%1 个进程：请填写 1 到 1024</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="138"/>
        <source>the training config has no output folder</source>
        <translation>训练配置中没有输出文件夹</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="139"/>
        <source>%1: cannot create the output folder</source>
        <translation>%1：无法创建输出文件夹</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="146"/>
        <source>%1: cannot write the training config: %2</source>
        <translation>%1：无法写入训练配置：%2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="173"/>
        <source>another run is training inside this window; start this one as a separate process</source>
        <translation>此窗口中已有另一个运行正在训练；请将此运行作为独立进程启动</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="180"/>
        <source>in this window: train %1 --config %2</source>
        <translation>在此窗口中：train %1 --config %2</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="230"/>
        <source>failed:
%1</source>
        <translation>失败：
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="342"/>
        <source>the training process crashed; its last lines:
%1</source>
        <translation>训练进程崩溃；最后几行：
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="226"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="346"/>
        <source>cancelled; checkpoint %1</source>
        <translation>已取消；检查点 %1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="228"/>
        <location filename="../core/services/jobs/training_run_job.cpp" line="348"/>
        <source>bad input:
%1</source>
        <translation>输入有误：
%1</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_job.cpp" line="350"/>
        <source>failed (exit %1):
%2</source>
        <translation>失败（退出码 %1）：
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
        <translation> · 第 %1/%2 步</translation>
    </message>
    <message>
        <location filename="../core/services/jobs/training_run_list.cpp" line="54"/>
        <source> · %1/%2 images</source>
        <translation> · %1/%2 张图像</translation>
    </message>
</context>
<context>
    <name>stllava::ui::AnswerPanel</name>
    <message>
        <location filename="../ui/review/answer_panel.cpp" line="23"/>
        <source>%1 — chosen</source>
        <translation>%1 —— 已选</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ChatPanel</name>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="44"/>
        <source>Ask about the image on screen (Ctrl+Enter sends)</source>
        <translation>就屏幕上的图像提问（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="45"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="47"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="48"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="49"/>
        <source>&amp;Regenerate</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="50"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="51"/>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答（Esc）</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="52"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="53"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="54"/>
        <source>Copy the last answer</source>
        <translation>复制最后一个回答</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="55"/>
        <source>Start a new conversation about this study</source>
        <translation>就此检查开始新对话</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="56"/>
        <source>Put the last question back into the input box to change and resend it</source>
        <translation>将最后一个问题放回输入框，以便修改并重新发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="57"/>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="58"/>
        <source>Export the conversation with the images the model saw</source>
        <translation>导出对话及模型所见的图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="60"/>
        <source>As &amp;Markdown with images…</source>
        <translation>Markdown 格式（含图像）(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="61"/>
        <source>As &amp;PDF…</source>
        <translation>PDF 格式(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="62"/>
        <source>As DICOM &amp;SR for the PACS…</source>
        <translation>DICOM SR 格式（用于 PACS）(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="74"/>
        <source>0 = always the most likely token (deterministic)</source>
        <translation>0 = 总是选择最可能的词元（确定性）</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="84"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="85"/>
        <source>A fixed seed repeats an answer exactly; &apos;random&apos; draws a new one each time</source>
        <translation>固定种子可精确重现回答；“随机”每次抽取新的种子</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="90"/>
        <source>No model loaded: open a model folder with File &gt; Open model… (Ctrl+M). The viewer works without one.</source>
        <translation>未加载模型：通过“文件 &gt; 打开模型…”（Ctrl+M）打开模型文件夹。查看器无需模型也可使用。</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="103"/>
        <source>T&amp;emperature</source>
        <translation>温度(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="104"/>
        <source>Top-&amp;p</source>
        <translation>Top-&amp;p</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="105"/>
        <source>&amp;Max tokens</source>
        <translation>最大词元数(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="106"/>
        <source>See&amp;d</source>
        <translation>种子(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="132"/>
        <source>Send the question</source>
        <translation>发送问题</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="137"/>
        <source>Stop the answer</source>
        <translation>停止回答</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="156"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="157"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="161"/>
        <location filename="../ui/chat/chat_panel.cpp" line="445"/>
        <source>Export conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="230"/>
        <source>No model is loaded. Open a model folder with File &gt; Open model… (Ctrl+M).</source>
        <translation>未加载模型。请通过“文件 &gt; 打开模型…”（Ctrl+M）打开模型文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="283"/>
        <source>The previous answer is still running.</source>
        <translation>上一个回答仍在进行中。</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="293"/>
        <source>%1 tok/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="304"/>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 个词元 · %2 词元/秒</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="416"/>
        <source>An answer was given without an image: a DICOM SR can only hold findings about DICOM images. Export as Markdown or PDF instead.</source>
        <translation>有回答是在没有图像的情况下给出的：DICOM SR 只能包含关于 DICOM 图像的所见。请改为导出为 Markdown 或 PDF。</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_panel.cpp" line="424"/>
        <source>Export as DICOM SR</source>
        <translation>导出为 DICOM SR</translation>
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
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="14"/>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="16"/>
        <source>adapter %1</source>
        <translation>适配器 %1</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="21"/>
        <source>T %1 · top-p %2 · max %3</source>
        <translation>T %1 · top-p %2 · 最大 %3</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="27"/>
        <source>W %1 L %2%3</source>
        <translation>窗宽 %1 窗位 %2%3</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="30"/>
        <source> inverted</source>
        <translation> 反相</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="32"/>
        <source>frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="34"/>
        <source>no image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="36"/>
        <source>%1 tokens, %2 tok/s</source>
        <translation>%1 个词元，%2 词元/秒</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="40"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="46"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="68"/>
        <source>Ask about the image on screen. The model sees it exactly as shown, under the current window. Answers come from a research model: they are not a diagnosis.</source>
        <translation>就屏幕上的图像提问。模型看到的正是当前窗宽/窗位下显示的图像。回答来自研究用模型：它们不是诊断。</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="76"/>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="80"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="89"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ComparisonView</name>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="40"/>
        <source>Run &amp;A:</source>
        <translation>运行 A(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="42"/>
        <source>Run &amp;B:</source>
        <translation>运行 B(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="44"/>
        <source>Co&amp;mpare</source>
        <translation>比较(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="47"/>
        <source>Compare run A with run B on the same benchmark (Ctrl+Shift+M)</source>
        <translation>在同一基准测试上比较运行 A 与运行 B（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="55"/>
        <source>Choose two runs of the same benchmark.</source>
        <translation>请选择同一基准测试的两次运行。</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="60"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="60"/>
        <source>A (%)</source>
        <translation>A（%）</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="60"/>
        <source>B (%)</source>
        <translation>B（%）</translation>
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
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="69"/>
        <source>Reference</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="70"/>
        <source>A prediction</source>
        <translation>A 的预测</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="70"/>
        <source>B prediction</source>
        <translation>B 的预测</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="75"/>
        <source>Questions whose score changed, CLOSED hit changes first. Enter: show it in run B&apos;s questions</source>
        <translation>得分发生变化的问题，封闭式命中变化排在前面。Enter：在运行 B 的问题中显示</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="123"/>
        <source>Choose two different reports to compare.</source>
        <translation>请选择两份不同的报告进行比较。</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="134"/>
        <source>Comparing %1 with %2…</source>
        <translation>正在比较 %1 与 %2…</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="193"/>
        <source>CLOSED (LLaVA-Med rule): %1 hit only in A, %2 only in B, McNemar exact p = %3 (mid-p %4). OPEN recall B − A: %5 points (95% paired bootstrap interval %6 to %7), sign test p = %8.</source>
        <translation>封闭式（LLaVA-Med 规则）：%1 个仅在 A 中命中，%2 个仅在 B 中命中，McNemar 精确检验 p = %3（mid-p %4）。开放式召回率 B − A：%5 个百分点（95% 配对 bootstrap 区间 %6 至 %7），符号检验 p = %8。</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="212"/>
        <source>hit gained</source>
        <translation>新增命中</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="212"/>
        <source>hit lost</source>
        <translation>失去命中</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="214"/>
        <source>recall %1 → %2</source>
        <translation>召回率 %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="226"/>
        <source>A: %1, B: %2.</source>
        <translation>A：%1，B：%2。</translation>
    </message>
    <message>
        <location filename="../ui/reports/comparison_view.cpp" line="227"/>
        <source>%1 questions changed score: %2 CLOSED hits changed (%3 gained, %4 lost), %5 OPEN answers changed recall.</source>
        <translation>%1 个问题得分发生变化：%2 个封闭式命中发生变化（新增 %3 个，失去 %4 个），%5 个开放式回答的召回率发生变化。</translation>
    </message>
</context>
<context>
    <name>stllava::ui::DpoLoop</name>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="36"/>
        <source>Evaluating the new model: %1 of %2 questions</source>
        <translation>正在评估新模型：已完成 %1 / %2 个问题</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="42"/>
        <source>The new report is %1 (no Reports workspace to open it in).</source>
        <translation>新报告为 %1（没有可用于打开它的“报告”工作区）。</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="44"/>
        <source>The new model&apos;s report %1 is open beside %2 in Reports.</source>
        <translation>新模型的报告 %1 已在“报告”中与 %2 并排打开。</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="65"/>
        <source>The DPO loop is running already.</source>
        <translation>DPO 循环已在运行。</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="70"/>
        <source>Open a review store with decided pairs first.</source>
        <translation>请先打开包含已决定偏好对的审阅存储库。</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="77"/>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="85"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="90"/>
        <source>No approved pairs to train on yet: approve some pairs first.</source>
        <translation>尚无可用于训练的已认可偏好对：请先认可一些偏好对。</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="96"/>
        <source>The demo&apos;s DPO preset is not available (%1); the form&apos;s DPO settings are used.</source>
        <translation>演示的 DPO 预设不可用（%1）；将使用表单中的 DPO 设置。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/dpo_loop.cpp" line="99"/>
        <source>DPO on %n approved pair(s)</source>
        <translation>
            <numerusform>基于 %n 个已认可偏好对的 DPO</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="103"/>
        <source>The DPO run did not start: %1</source>
        <translation>DPO 运行未启动：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/dpo_loop.cpp" line="112"/>
        <source>Training DPO on %n approved pair(s) from %1</source>
        <translation>
            <numerusform>正在基于 %1 中的 %n 个已认可偏好对进行 DPO 训练</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="121"/>
        <source>The DPO run ended %1: %2</source>
        <translation>DPO 运行已结束（%1）：%2</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="126"/>
        <source>%1: the DPO run wrote no model or adapter</source>
        <translation>%1：DPO 运行未写出模型或适配器</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="131"/>
        <source>DPO finished; there is no earlier report to compare with (open the demo or a report).</source>
        <translation>DPO 已完成；没有可供比较的先前报告（请打开演示或报告）。</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="140"/>
        <source>Cannot evaluate like the previous report: %1</source>
        <translation>无法按先前报告的方式进行评估：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/dpo_loop.cpp" line="142"/>
        <source>Evaluating the new model on %1</source>
        <translation>正在 %1 上评估新模型</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ImageView</name>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="35"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="82"/>
        <source>auto (0.5-99.5 %)</source>
        <translation>自动（0.5–99.5 %）</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="155"/>
        <source>Open a DICOM file or folder (Ctrl+O, Ctrl+Shift+O), or drop it here.</source>
        <translation>打开 DICOM 文件或文件夹（Ctrl+O、Ctrl+Shift+O），或将其拖放到此处。</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="172"/>
        <source>x %1 y %2: RGB %3 %4 %5</source>
        <translation>x %1 y %2：RGB %3 %4 %5</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="178"/>
        <source> HU</source>
        <translation> HU</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="179"/>
        <source>x %1 y %2: %3%4</source>
        <translation>x %1 y %2：%3%4</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="192"/>
        <source>Patient details hidden (presentation mode)</source>
        <translation>已隐藏患者信息（演示模式）</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="195"/>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="211"/>
        <source>Pixel %1 × %2 mm</source>
        <translation>像素 %1 × %2 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="218"/>
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="221"/>
        <source>  inverted</source>
        <translation>  反相</translation>
    </message>
    <message>
        <location filename="../ui/viewer/image_view.cpp" line="229"/>
        <source>%1 × %2  ·  zoom %3%</source>
        <translation>%1 × %2  ·  缩放 %3%</translation>
    </message>
</context>
<context>
    <name>stllava::ui::KeyMapDialog</name>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="13"/>
        <source>Review keys</source>
        <translation>审阅按键</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="15"/>
        <source>&lt;b&gt;Command&lt;/b&gt;</source>
        <translation>&lt;b&gt;命令&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="16"/>
        <source>&lt;b&gt;Key&lt;/b&gt;</source>
        <translation>&lt;b&gt;按键&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="17"/>
        <source>&lt;b&gt;Alternative&lt;/b&gt;</source>
        <translation>&lt;b&gt;备用按键&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/key_map_dialog.cpp" line="25"/>
        <source>Click and press the new key; Backspace clears it</source>
        <translation>单击后按下新按键；Backspace 清除</translation>
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
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="68"/>
        <source>&amp;Read</source>
        <translation>阅片(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="69"/>
        <source>Read: the viewer with the chat beside it (Ctrl+1)</source>
        <translation>阅片：查看器及其旁边的对话（Ctrl+1）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <source>Re&amp;view</source>
        <translation>审阅(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="75"/>
        <source>Review: preference pairs of a judged self-training job, decided by key (Ctrl+2)</source>
        <translation>审阅：已评审的自训练任务的偏好对，按键决定（Ctrl+2）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="87"/>
        <source>Training: stage 1, stage-2 generation and DPO runs with live curves (Ctrl+3)</source>
        <translation>训练：第 1 阶段、第 2 阶段生成和 DPO 运行，附实时曲线（Ctrl+3）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>Re&amp;ports</source>
        <translation>报告(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>Reports: benchmark results, per-question drill-down, comparisons (Ctrl+4)</source>
        <translation>报告：基准测试结果、逐题查看、比较（Ctrl+4）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="97"/>
        <location filename="../ui/main_window.cpp" line="148"/>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="105"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="106"/>
        <source>Stop loading the model</source>
        <translation>停止加载模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="116"/>
        <location filename="../ui/main_window.cpp" line="119"/>
        <source>No jobs running</source>
        <translation>没有正在运行的任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="117"/>
        <source>Running: %1</source>
        <translation>正在运行：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="123"/>
        <source>answering</source>
        <translation>正在回答</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135"/>
        <source>weights %1 of %2</source>
        <translation>权重 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="136"/>
        <source>configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="137"/>
        <source>tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="138"/>
        <source>adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="139"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>Loading model: %1</source>
        <translation>正在加载模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>Model not loaded: %1</source>
        <translation>模型未加载：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="172"/>
        <source>demo: %1</source>
        <translation>演示：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="173"/>
        <source>Setting up the demo: %1</source>
        <translation>正在设置演示：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="184"/>
        <source>The demo is ready in %1</source>
        <translation>演示已就绪，位于 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="191"/>
        <source>Demo setup stopped; what is done is kept in %1 and the next setup resumes there.</source>
        <translation>演示设置已停止；已完成的部分保存在 %1，下次设置将从那里继续。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <source>Demo setup failed</source>
        <translation>演示设置失败</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="228"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>&amp;Open file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <source>&amp;Recent</source>
        <translation>最近使用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="239"/>
        <source>Open &amp;model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>&amp;Cancel model loading</source>
        <translation>取消加载模型(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="263"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Open the &amp;demo</source>
        <translation>打开演示(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="265"/>
        <source>Set &amp;up the demo…</source>
        <translation>设置演示(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="266"/>
        <source>S&amp;top the demo setup</source>
        <translation>停止演示设置(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>Viewer</source>
        <translation>查看器</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="275"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>Keyboard shortcuts saved.</source>
        <translation>键盘快捷键已保存。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="292"/>
        <source>Stopping the model load…</source>
        <translation>正在停止加载模型…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="311"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="315"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="317"/>
        <source>&amp;Clear list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="326"/>
        <source>%1: no such file or folder</source>
        <translation>%1：没有此文件或文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="345"/>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="346"/>
        <source>Images (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>图像 (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="351"/>
        <source>Open folder of DICOM files</source>
        <translation>打开 DICOM 文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="358"/>
        <source>Open model folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="364"/>
        <source>A model is already loading.</source>
        <translation>已有模型正在加载。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="299"/>
        <location filename="../ui/main_window.cpp" line="378"/>
        <source>loading model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="379"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="389"/>
        <source>Model: %1 (%2)</source>
        <translation>模型：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="393"/>
        <source>Device: %1, %2</source>
        <translation>设备：%1，%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="394"/>
        <source>Device: %1, %2, %3 decoder</source>
        <translation>设备：%1，%2，%3 解码器</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="398"/>
        <source>Model: %1 · %2 · template %3%4</source>
        <translation>模型：%1 · %2 · 模板 %3%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="400"/>
        <source> · text only: this model cannot see images</source>
        <translation> · 仅文本：此模型无法查看图像</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="402"/>
        <source>Model loaded in %1 s</source>
        <translation>模型已在 %1 秒内加载</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>No demo found (looked in %1). Help ▸ Set up the demo builds one.</source>
        <translation>未找到演示（已查找 %1）。“帮助 ▸ 设置演示”可创建一个。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>Demo opened from %1: its model, %2 reports and a judged self-training job.</source>
        <translation>已从 %1 打开演示：其模型、%2 份报告和一个已评审的自训练任务。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="425"/>
        <source>Demo opened from %1 (not finished: Help ▸ Set up the demo resumes it).</source>
        <translation>已从 %1 打开演示（未完成：“帮助 ▸ 设置演示”可继续）。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="434"/>
        <source>The demo is being set up already.</source>
        <translation>演示已在设置中。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="441"/>
        <source>Set up the demo</source>
        <translation>设置演示</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="442"/>
        <source>This builds a synthetic world of medical images, trains a tiny model on it (stage 1), lets it ask and answer questions about unlabeled images, judges them and trains on the preferences (stage 2), and evaluates both stages. It takes about 10 minutes on two cores and writes to
%1

A stopped setup resumes where it stopped.</source>
        <translation>此操作会生成一个合成的医学影像世界，在其上训练一个微型模型（第 1 阶段），让它就未标注的图像提问并回答，对回答进行评审并基于偏好训练（第 2 阶段），然后评估两个阶段。在双核上大约需要 10 分钟，输出写入
%1

停止的设置会从停止处继续。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="450"/>
        <source>setting up the demo</source>
        <translation>正在设置演示</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="465"/>
        <source>Settings saved; model settings apply to the next model loaded.</source>
        <translation>设置已保存；模型设置将应用于下一个加载的模型。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="473"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="484"/>
        <source>Endpoint: %1 @ %2</source>
        <translation>端点：%1 @ %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="485"/>
        <source>%1
API key: %2</source>
        <translation>%1
API 密钥：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="485"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="486"/>
        <source>Device: endpoint on this machine</source>
        <translation>设备：本机上的端点</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="487"/>
        <source>Device: remote endpoint</source>
        <translation>设备：远程端点</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="490"/>
        <source>Endpoint %1 at %2 (this machine)</source>
        <translation>端点 %1 位于 %2（本机）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="491"/>
        <source>Endpoint %1 at %2 · only the displayed pixels leave this machine%3</source>
        <translation>端点 %1 位于 %2 · 只有显示的像素会离开本机%3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="492"/>
        <source> · images need consent in Settings</source>
        <translation> · 发送图像需要在设置中同意</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="493"/>
        <source>Answers now come from %1</source>
        <translation>回答现在来自 %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PairFilter</name>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="14"/>
        <source>All pairs</source>
        <translation>所有偏好对</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="15"/>
        <source>Not decided by me</source>
        <translation>我尚未决定的</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="16"/>
        <source>Needs review</source>
        <translation>需要审阅</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="17"/>
        <source>Ties</source>
        <translation>平局</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="19"/>
        <source>Low margin (&lt; %1)</source>
        <translation>差值较小（&lt; %1）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="20"/>
        <source>Orders disagree</source>
        <translation>两种顺序不一致</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="21"/>
        <source>Status: auto-accepted</source>
        <translation>状态：自动接受</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="22"/>
        <source>Status: rejected</source>
        <translation>状态：已拒绝</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="23"/>
        <source>Adjudication queue</source>
        <translation>仲裁队列</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="30"/>
        <source>Job order</source>
        <translation>任务顺序</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="31"/>
        <source>Margin, smallest first</source>
        <translation>差值，从小到大</translation>
    </message>
    <message>
        <location filename="../ui/review/review_filter.cpp" line="32"/>
        <source>Margin, largest first</source>
        <translation>差值，从大到小</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PrivacySummary</name>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="11"/>
        <source>patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="12"/>
        <source>patient ID</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="13"/>
        <source>study date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="14"/>
        <source>institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="20"/>
        <source>No identifying tags</source>
        <translation>无身份识别标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/viewer/privacy_summary.cpp" line="22"/>
        <source>Identifiable (%n tag(s))</source>
        <translation>
            <numerusform>可识别身份（%n 个标签）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="23"/>
        <source>Burned-in text risk</source>
        <translation>存在烧录文字风险</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="30"/>
        <source>The file carries no patient name, ID, study date or institution.</source>
        <translation>该文件不含患者姓名、ID、检查日期或机构。</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="31"/>
        <source>The file carries: %1.</source>
        <translation>该文件包含：%1。</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="33"/>
        <source>No reason known for text burned into the pixels.</source>
        <translation>没有已知原因表明像素中烧录了文字。</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="35"/>
        <source>Pixels may show patient text: %1.</source>
        <translation>像素中可能显示患者文字：%1。</translation>
    </message>
    <message>
        <location filename="../ui/viewer/privacy_summary.cpp" line="36"/>
        <source>The chat runs on this machine; images are not sent anywhere.</source>
        <translation>对话在本机运行；图像不会被发送到任何地方。</translation>
    </message>
</context>
<context>
    <name>stllava::ui::PublishedFigures</name>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="16"/>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="22"/>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation>%1：不是有效的 JSON（第 %3 字节处：%2）</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="27"/>
        <source>%1: field &quot;figures&quot; must be a list</source>
        <translation>%1：字段“figures”必须是列表</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="37"/>
        <source>%1: figures[%2]: field &quot;%3&quot; must be a non-empty string</source>
        <translation>%1：figures[%2]：字段“%3”必须是非空字符串</translation>
    </message>
    <message>
        <location filename="../ui/reports/published_figures.cpp" line="50"/>
        <source>%1: figures[%2]: field &quot;value&quot; must be a number</source>
        <translation>%1：figures[%2]：字段“value”必须是数字</translation>
    </message>
</context>
<context>
    <name>stllava::ui::QuestionBrowser</name>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="41"/>
        <source>The report whose questions are listed</source>
        <translation>列出其问题的报告</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="44"/>
        <source>All questions</source>
        <translation>所有问题</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="45"/>
        <source>Open</source>
        <translation>开放式</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="46"/>
        <source>Closed</source>
        <translation>封闭式</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="47"/>
        <source>Closed: hits</source>
        <translation>封闭式：命中</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="48"/>
        <source>Closed: misses</source>
        <translation>封闭式：未命中</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="51"/>
        <source>Find in id, question, reference, prediction</source>
        <translation>在 ID、问题、参考答案、预测中查找</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="54"/>
        <source>&amp;Report:</source>
        <translation>报告(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="56"/>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="58"/>
        <source>F&amp;ind:</source>
        <translation>查找(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="89"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="90"/>
        <source>Reference</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="91"/>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="92"/>
        <source>Normalised</source>
        <translation>归一化后</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="93"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="182"/>
        <source>Folder of the benchmark&apos;s images</source>
        <translation>基准测试图像所在的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="197"/>
        <source>Open a report (Ctrl+Shift+R)</source>
        <translation>打开报告（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="197"/>
        <source>No question selected</source>
        <translation>未选择问题</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="204"/>
        <source>reference &quot;%1&quot;, prediction &quot;%2&quot;</source>
        <translation>参考答案“%1”，预测“%2”</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="208"/>
        <source>CLOSED: %1 by LLaVA-Med&apos;s substring rule, %2 by the strict whole-word rule</source>
        <translation>封闭式：按 LLaVA-Med 子串规则为 %1，按严格全词规则为 %2</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="209"/>
        <location filename="../ui/reports/question_browser.cpp" line="210"/>
        <source>hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="209"/>
        <location filename="../ui/reports/question_browser.cpp" line="210"/>
        <source>miss</source>
        <translation>未命中</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="212"/>
        <source>OPEN: recall %1, precision %2, F1 %3, exact %4</source>
        <translation>开放式：召回率 %1，精确率 %2，F1 %3，完全匹配 %4</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="218"/>
        <source>not scored (answer type neither OPEN nor CLOSED)</source>
        <translation>未评分（回答类型既非开放式也非封闭式）</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="226"/>
        <source>(no image)</source>
        <translation>（无图像）</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="227"/>
        <source>%1 not found: choose the image folder (Ctrl+Shift+I)</source>
        <translation>未找到 %1：请选择图像文件夹（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="235"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_browser.cpp" line="243"/>
        <source>%1: not a readable image</source>
        <translation>%1：不是可读取的图像</translation>
    </message>
</context>
<context>
    <name>stllava::ui::QuestionTableModel</name>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="63"/>
        <source>hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="63"/>
        <source>miss</source>
        <translation>未命中</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="64"/>
        <source>recall %1</source>
        <translation>召回率 %1</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="67"/>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="90"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="91"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="92"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="93"/>
        <source>Reference</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="94"/>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../ui/reports/question_table_model.cpp" line="95"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReadWorkspace</name>
    <message>
        <location filename="../ui/read_workspace.cpp" line="27"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="41"/>
        <source>Series list</source>
        <translation>序列列表</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="67"/>
        <source>Scanning: %n file(s) looked at</source>
        <translation>
            <numerusform>正在扫描：已查看 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="73"/>
        <source>Series in %1</source>
        <translation>%1 中的序列</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="87"/>
        <source>%n series found</source>
        <translation>
            <numerusform>找到 %n 个序列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="88"/>
        <source>, %n unreadable DICOM file(s)</source>
        <translation>
            <numerusform>，%n 个无法读取的 DICOM 文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/read_workspace.cpp" line="89"/>
        <source>, %n other file(s) skipped</source>
        <translation>
            <numerusform>，跳过了 %n 个其他文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/read_workspace.cpp" line="115"/>
        <source>scanning %1</source>
        <translation>正在扫描 %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportExport</name>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="34"/>
        <location filename="../ui/reports/report_export.cpp" line="35"/>
        <source>Benchmark reports</source>
        <translation>基准测试报告</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="36"/>
        <source>Our runs</source>
        <translation>我们的运行</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="37"/>
        <location filename="../ui/reports/report_export.cpp" line="60"/>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="37"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="38"/>
        <location filename="../ui/reports/report_export.cpp" line="61"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="38"/>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="39"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="39"/>
        <location filename="../ui/reports/report_export.cpp" line="62"/>
        <source>Value (%)</source>
        <translation>数值（%）</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="40"/>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="40"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="57"/>
        <source>Headline metrics (%), 95% intervals</source>
        <translation>主要指标（%），95% 区间</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="58"/>
        <source>Published figures (not ours)</source>
        <translation>已发表的数据（非我们的结果）</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="59"/>
        <source>As their sources printed them; each with its setting and the scoring behind it.</source>
        <translation>按其来源发表的原样列出；每项附有其设置及所依据的评分方式。</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="61"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="62"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="63"/>
        <source>Scoring</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_export.cpp" line="63"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportSummary</name>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="26"/>
        <source>Open</source>
        <translation>开放式</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="26"/>
        <source>Closed</source>
        <translation>封闭式</translation>
    </message>
    <message>
        <location filename="../ui/reports/report_summary.cpp" line="29"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReportsWorkspace</name>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="54"/>
        <source>Open reports…</source>
        <translation>打开报告…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="55"/>
        <source>Open one or more report.json files (Ctrl+Shift+R)</source>
        <translation>打开一个或多个 report.json 文件（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="58"/>
        <source>Close report</source>
        <translation>关闭报告</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="59"/>
        <source>Close the report shown in Questions (Ctrl+Shift+W)</source>
        <translation>关闭“问题”中显示的报告（Ctrl+Shift+W）</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="61"/>
        <source>Image folder…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="62"/>
        <source>Choose the folder of the shown report&apos;s images (Ctrl+Shift+I)</source>
        <translation>选择当前报告的图像文件夹（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="64"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="65"/>
        <source>Export the current tab as HTML: Summary: all reports with the published figures apart; Questions: the report with its images; Comparison: the two runs (Ctrl+E)</source>
        <translation>将当前标签页导出为 HTML：摘要：所有报告，已发表的数据单独列出；问题：该报告及其图像；比较：两次运行（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="70"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="71"/>
        <source>Export the current tab as CSV: Summary: our figures per benchmark and type; Questions: every question of the report; Comparison: the changed questions (Ctrl+Shift+E)</source>
        <translation>将当前标签页导出为 CSV：摘要：按基准测试和类型列出我们的数据；问题：该报告的每个问题；比较：发生变化的问题（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="91"/>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="92"/>
        <source>&amp;Questions</source>
        <translation>问题(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="93"/>
        <source>Com&amp;parison</source>
        <translation>比较(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="94"/>
        <source>Tables and charts per benchmark and question type (Alt+S)</source>
        <translation>按基准测试和问题类型列出的表格和图表（Alt+S）</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="95"/>
        <source>Every question with its image, reference, prediction and hit (Alt+Q)</source>
        <translation>每个问题及其图像、参考答案、预测和命中情况（Alt+Q）</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="96"/>
        <source>Two runs side by side with the questions that changed (Alt+P)</source>
        <translation>两次运行并排显示，并列出发生变化的问题（Alt+P）</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="136"/>
        <source>Open evaluation reports</source>
        <translation>打开评估报告</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="137"/>
        <source>Evaluation reports (report.json *.json);;All files (*)</source>
        <translation>评估报告 (report.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="144"/>
        <source>The demo in %1 has no reports yet.</source>
        <translation>%1 中的演示尚无报告。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="159"/>
        <source>Reading %n report(s)…</source>
        <translation>
            <numerusform>正在读取 %n 份报告…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="190"/>
        <source>%n report(s) opened.</source>
        <translation>
            <numerusform>已打开 %n 份报告。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="191"/>
        <source>%1 report(s) opened, %2 could not be read.</source>
        <translation>已打开 %1 份报告，%2 份无法读取。</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="211"/>
        <source>No report open: Open reports… (Ctrl+Shift+R)</source>
        <translation>未打开报告：打开报告…（Ctrl+Shift+R）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reports/reports_workspace.cpp" line="212"/>
        <source>%n report(s) open</source>
        <translation>
            <numerusform>已打开 %n 份报告</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="224"/>
        <source>Export HTML</source>
        <translation>导出 HTML</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="224"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
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
        <translation>没有可导出的内容：请先比较两次运行。</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="245"/>
        <location filename="../ui/reports/reports_workspace.cpp" line="258"/>
        <source>Nothing to export: open a report first.</source>
        <translation>没有可导出的内容：请先打开报告。</translation>
    </message>
    <message>
        <location filename="../ui/reports/reports_workspace.cpp" line="272"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReviewCommand</name>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="31"/>
        <source>Answer 1 is better</source>
        <translation>回答 1 更好</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="32"/>
        <source>Answer 2 is better</source>
        <translation>回答 2 更好</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="33"/>
        <source>Flip the judge&apos;s choice</source>
        <translation>翻转评审的选择</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="34"/>
        <source>Approve the judge&apos;s choice</source>
        <translation>认可评审的选择</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="35"/>
        <source>Reject the pair</source>
        <translation>拒绝此偏好对</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="36"/>
        <source>Tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="37"/>
        <source>Both wrong</source>
        <translation>两者都错误</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="38"/>
        <source>Write a note</source>
        <translation>写备注</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="39"/>
        <source>Undo my last decision</source>
        <translation>撤销我的上一个决定</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="40"/>
        <source>Next pair</source>
        <translation>下一个偏好对</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="41"/>
        <source>Previous pair</source>
        <translation>上一个偏好对</translation>
    </message>
    <message>
        <location filename="../ui/review/review_commands.cpp" line="78"/>
        <source>The key %1 is set for both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>按键 %1 同时设置给了“%2”和“%3”。</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ReviewWorkspace</name>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="56"/>
        <source>&lt;h3&gt;Review guidelines&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Look at the image first.&lt;/b&gt; Check every finding an answer states against the image; an answer that claims something the image does not show is worse than a shorter correct one.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Then accuracy&lt;/b&gt;, relevance to the question, helpfulness and detail, in that order.&lt;/li&gt;&lt;li&gt;Do not prefer an answer for its length, its position, or because the judge preferred it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;1 / 2&lt;/b&gt;: that answer is better and the pair is worth training on. &lt;b&gt;A&lt;/b&gt; approves the judge&apos;s choice, &lt;b&gt;F&lt;/b&gt; flips it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;T&lt;/b&gt; when neither is better; &lt;b&gt;B&lt;/b&gt; when both are wrong; &lt;b&gt;R&lt;/b&gt; when the pair should not be used at all (unreadable image, off-topic question, identical answers).&lt;/li&gt;&lt;li&gt;Write a note (&lt;b&gt;N&lt;/b&gt;) when a decision was hard: it helps adjudication.&lt;/li&gt;&lt;li&gt;Blind mode hides the judge&apos;s scores and shows the answers in a random order per pair; use it for agreement studies.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h3&gt;审阅准则&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;先看图像。&lt;/b&gt;对照图像核对回答所述的每一项发现；声称图像中并未显示之内容的回答，比更短但正确的回答更差。&lt;/li&gt;&lt;li&gt;&lt;b&gt;其次是准确性&lt;/b&gt;，然后依次是与问题的相关性、有用性和详细程度。&lt;/li&gt;&lt;li&gt;不要因为回答的长度、位置或评审的偏好而偏向某个回答。&lt;/li&gt;&lt;li&gt;&lt;b&gt;1 / 2&lt;/b&gt;：该回答更好，且此偏好对值得用于训练。&lt;b&gt;A&lt;/b&gt; 认可评审的选择，&lt;b&gt;F&lt;/b&gt; 将其翻转。&lt;/li&gt;&lt;li&gt;两者都不更好时按 &lt;b&gt;T&lt;/b&gt;；两者都错误时按 &lt;b&gt;B&lt;/b&gt;；此偏好对完全不应使用时（图像无法读取、问题离题、回答相同）按 &lt;b&gt;R&lt;/b&gt;。&lt;/li&gt;&lt;li&gt;决定困难时写一条备注（&lt;b&gt;N&lt;/b&gt;）：这有助于仲裁。&lt;/li&gt;&lt;li&gt;盲审模式会隐藏评审的分数，并以每个偏好对各自的随机顺序显示回答；用于一致性研究。&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="80"/>
        <source>Open store…</source>
        <translation>打开存储库…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="82"/>
        <source>Import pairs…</source>
        <translation>导入偏好对…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="83"/>
        <source>Import the pairs of a judged self-training job folder (or one pairs file)</source>
        <translation>导入已评审的自训练任务文件夹中的偏好对（或一个偏好对文件）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="84"/>
        <source>Export approved…</source>
        <translation>导出已认可的…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="86"/>
        <source>Write the approved pairs for `stllava train dpo` (STLLaVA JSON or TRL JSON lines)</source>
        <translation>为 `stllava train dpo` 写出已认可的偏好对（STLLaVA JSON 或 TRL JSON lines）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="91"/>
        <source>Keys…</source>
        <translation>按键…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="92"/>
        <source>Change the review keys</source>
        <translation>更改审阅按键</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="95"/>
        <source>Your name: every decision is recorded with it</source>
        <translation>您的姓名：每个决定都会与之一起记录</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="97"/>
        <source>&amp;Blind</source>
        <translation>盲审(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="99"/>
        <source>Hide the judge&apos;s scores and show the answers in a random order (kept per pair and curator)</source>
        <translation>隐藏评审的分数，并以随机顺序显示回答（按偏好对和审阅者保持不变）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="100"/>
        <source>Auto-advance</source>
        <translation>自动前进</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="102"/>
        <source>Move to the next pair after each decision</source>
        <translation>每次决定后转到下一个偏好对</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="108"/>
        <source>Only the pairs one curator decided</source>
        <translation>仅显示某位审阅者已决定的偏好对</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="118"/>
        <source>No store open</source>
        <translation>未打开存储库</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="131"/>
        <source>Curator:</source>
        <translation>审阅者：</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="236"/>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="239"/>
        <source>Imported %1 new pairs (%2 updated, %3 unchanged, %4 refused)</source>
        <translation>已导入 %1 个新偏好对（%2 个已更新，%3 个未变，%4 个被拒绝）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="245"/>
        <source>; %1 records left out, first: %2:%3: %4</source>
        <translation>；%1 条记录被略过，第一条：%2:%3：%4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="262"/>
        <source>Cannot read the image %1</source>
        <translation>无法读取图像 %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="300"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="302"/>
        <source>%1  [%2]</source>
        <translation>%1  [%2]</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="331"/>
        <source>Cannot open the review store: %1</source>
        <translation>无法打开审阅存储库：%1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="336"/>
        <source>Store: %1</source>
        <translation>存储库：%1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="344"/>
        <source>An import is running already.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="349"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="365"/>
        <source>The demo&apos;s pairs are in %1: Import pairs… adds them to this store.</source>
        <translation>演示的偏好对位于 %1：“导入偏好对…”可将其添加到此存储库。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="81"/>
        <source>Open or create a review store (a SQLite file, or a PostgreSQL database a team shares)</source>
        <translation>打开或创建审阅存储库（SQLite 文件，或团队共享的 PostgreSQL 数据库）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="87"/>
        <source>Train DPO on approved pairs</source>
        <translation>基于已认可的偏好对训练 DPO</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="89"/>
        <source>Export the approved pairs into the job folder, train DPO on them in the Training workspace, and open the new model&apos;s report beside the previous one</source>
        <translation>将已认可的偏好对导出到任务文件夹，在“训练”工作区中基于它们训练 DPO，并将新模型的报告与先前的报告并排打开</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="379"/>
        <source>Judged self-training job folder</source>
        <translation>已评审的自训练任务文件夹</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="384"/>
        <source>Open a store first.</source>
        <translation>请先打开存储库。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="386"/>
        <source>Export approved pairs</source>
        <translation>导出已认可的偏好对</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="387"/>
        <source>STLLaVA pairs (*.json);;TRL pairs (*.jsonl)</source>
        <translation>STLLaVA 偏好对 (*.json);;TRL 偏好对 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="392"/>
        <source>Wrote %1 approved pairs (%2 flipped) to %3</source>
        <translation>已将 %1 个已认可的偏好对（%2 个已翻转）写入 %3</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="394"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="441"/>
        <source>Any curator</source>
        <translation>任意审阅者</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="442"/>
        <source>Decided by %1</source>
        <translation>由 %1 决定</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="456"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="458"/>
        <source>%1 · %2 · margin %3 · %4</source>
        <translation>%1 · %2 · 差值 %3 · %4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="526"/>
        <source>Not in blind mode: it would show the judge&apos;s choice</source>
        <translation>盲审模式下不可用：它会显示评审的选择</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="530"/>
        <source>No pair in this view.</source>
        <translation>此视图中没有偏好对。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="530"/>
        <source>Open a store or import a judged job.</source>
        <translation>请打开存储库或导入已评审的任务。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="542"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; —— %2</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="552"/>
        <source>judge: %1 (order 1-2: %2, order 2-1: %3)%4</source>
        <translation>评审：%1（顺序 1-2：%2，顺序 2-1：%3）%4</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="554"/>
        <source> · the judge&apos;s choice</source>
        <translation> · 评审的选择</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="556"/>
        <location filename="../ui/review/review_workspace.cpp" line="557"/>
        <source>Answer %1 [%2]</source>
        <translation>回答 %1 [%2]</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="562"/>
        <source>Blind mode: the judge&apos;s scores, verdict and rationale are hidden.</source>
        <translation>盲审模式：评审的分数、结论和理由已隐藏。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="564"/>
        <source>only one order judged</source>
        <translation>仅评审了一种顺序</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="565"/>
        <source>both orders agree</source>
        <translation>两种顺序一致</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="566"/>
        <source>the orders disagree (the verdict changed with the order)</source>
        <translation>两种顺序不一致（结论随顺序而变）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="567"/>
        <source>Judge %1 · status %2%3 · margin %4 · %5</source>
        <translation>评审 %1 · 状态 %2%3 · 差值 %4 · %5</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="569"/>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="570"/>
        <source>&lt;br&gt;&lt;b&gt;Order 1-2:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;顺序 1-2：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="571"/>
        <source>&lt;br&gt;&lt;b&gt;Order 2-1:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;顺序 2-1：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="574"/>
        <source>&lt;b&gt;My notes:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;我的备注：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="581"/>
        <source>This pair has no image.</source>
        <translation>此偏好对没有图像。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="581"/>
        <source>Image not found: %1</source>
        <translation>未找到图像：%1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="584"/>
        <source>%1 — drag to change window/level</source>
        <translation>%1 —— 拖动以更改窗宽/窗位</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="614"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="614"/>
        <source>Note on %1:</source>
        <translation>关于 %1 的备注：</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="643"/>
        <source>Type your name in the Curator field first.</source>
        <translation>请先在“审阅者”字段中输入您的姓名。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="654"/>
        <source>%1: %2 saved (%3 ms)</source>
        <translation>%1：%2 已保存（%3 毫秒）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="670"/>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="674"/>
        <source>Undid %1 on %2</source>
        <translation>已撤销 %2 上的 %1</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="703"/>
        <source>%1 decided of %2 (%3 of %4 in this view)</source>
        <translation>已决定 %1 / %2（此视图中 %3 / %4）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="721"/>
        <source>&lt;b&gt;Agreement&lt;/b&gt;&lt;br&gt;%1 vs judge: κ %2, AC1 %3 (n = %4)</source>
        <translation>&lt;b&gt;一致性&lt;/b&gt;&lt;br&gt;%1 与评审：κ %2，AC1 %3（n = %4）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="728"/>
        <source>&lt;br&gt;vs %1: κ %2, AC1 %3 (n = %4)</source>
        <translation>&lt;br&gt;与 %1：κ %2，AC1 %3（n = %4）</translation>
    </message>
    <message>
        <location filename="../ui/review/review_workspace.cpp" line="730"/>
        <source>&lt;br&gt;Adjudication queue: %1</source>
        <translation>&lt;br&gt;仲裁队列：%1</translation>
    </message>
</context>
<context>
    <name>stllava::ui::RunPanel</name>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="38"/>
        <location filename="../ui/training/run_panel.cpp" line="137"/>
        <source>No run selected</source>
        <translation>未选择运行</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="52"/>
        <location filename="../ui/training/run_panel.cpp" line="215"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="54"/>
        <source>Pause the run (the process is suspended; Continue goes on where it was)</source>
        <translation>暂停运行（进程被挂起；“继续”会从暂停处接着运行）</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="55"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="57"/>
        <source>Stop the run: it writes a checkpoint at the next step and ends</source>
        <translation>停止运行：它会在下一步写入检查点，然后结束</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="60"/>
        <source>The run&apos;s checkpoints, newest first</source>
        <translation>此运行的检查点，最新的在前</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="62"/>
        <source>&amp;Resume from checkpoint</source>
        <translation>从检查点恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="64"/>
        <source>A new run with the same settings, continuing from the chosen checkpoint</source>
        <translation>以相同设置开始新的运行，从所选检查点继续</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="65"/>
        <source>Open in &amp;Read</source>
        <translation>在“阅片”中打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="67"/>
        <source>Load the trained model (or the base model with the trained adapter) in the Read workspace</source>
        <translation>在“阅片”工作区中加载训练好的模型（或基础模型加训练好的适配器）</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="142"/>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="191"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="195"/>
        <source>Images %1 / %2</source>
        <translation>图像 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="196"/>
        <source>%1 images/s</source>
        <translation>%1 张图像/秒</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="199"/>
        <source>Step %1 / %2 · epoch %3</source>
        <translation>第 %1 / %2 步 · 第 %3 轮</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="200"/>
        <source>%1 tokens/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="201"/>
        <source>Memory: %1</source>
        <translation>内存：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="202"/>
        <source>Memory: n/a</source>
        <translation>内存：不可用</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="204"/>
        <source>Step: none yet</source>
        <translation>训练步：尚无</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="209"/>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/run_panel.cpp" line="215"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
</context>
<context>
    <name>stllava::ui::SeriesListModel</name>
    <message>
        <location filename="../ui/series/series_list_model.cpp" line="39"/>
        <source>Series %1</source>
        <translation>序列 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/series/series_list_model.cpp" line="41"/>
        <source>%1
%2 · %n image(s)</source>
        <translation>
            <numerusform>%1
%2 · %n 幅图像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/series/series_list_model.cpp" line="45"/>
        <source>%1
Study: %2
Series UID: %3</source>
        <translation>%1
检查：%2
序列 UID：%3</translation>
    </message>
</context>
<context>
    <name>stllava::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="43"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="46"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="47"/>
        <source>&amp;Judge</source>
        <translation>评审(&amp;J)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="48"/>
        <source>&amp;Interface</source>
        <translation>界面(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="70"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="71"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="87"/>
        <source>A &amp;local model folder</source>
        <translation>本地模型文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="89"/>
        <source>An OpenAI-compatible &amp;endpoint (e.g. `stllava serve` on a GPU server)</source>
        <translation>兼容 OpenAI 的端点(&amp;E)（例如 GPU 服务器上的 `stllava serve`）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="91"/>
        <source>Answers from:</source>
        <translation>回答来自：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="96"/>
        <source>Endpoint &amp;address:</source>
        <translation>端点地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="99"/>
        <source>Endpoint m&amp;odel:</source>
        <translation>端点模型(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="101"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="103"/>
        <source>config.json, safetensors and tokenizer.model</source>
        <translation>config.json、safetensors 和 tokenizer.model</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="104"/>
        <source>Model &amp;folder:</source>
        <translation>模型文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="105"/>
        <source>LoRA adapter folder</source>
        <translation>LoRA 适配器文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="108"/>
        <source>LoRA &amp;adapter:</source>
        <translation>LoRA 适配器(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="109"/>
        <source>CLIP vision tower folder</source>
        <translation>CLIP 视觉塔文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="111"/>
        <source>the model&apos;s own (or the folder its config names)</source>
        <translation>模型自带的（或其配置指定的文件夹）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="112"/>
        <source>&amp;Vision tower:</source>
        <translation>视觉塔(&amp;V)：</translation>
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
        <translation>本机没有可用的 CUDA 设备。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="121"/>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="124"/>
        <source>Automatic (float32 on CPU, float16 on GPU)</source>
        <translation>自动（CPU 上为 float32，GPU 上为 float16）</translation>
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
        <translation>数值类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="131"/>
        <source>As stored</source>
        <translation>按存储原样</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="132"/>
        <source>int8 per channel (faster answers on the CPU)</source>
        <translation>按通道 int8（CPU 上回答更快）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="133"/>
        <source>4-bit, groups of 32 (least memory; less accurate)</source>
        <translation>4 位，每组 32（内存最少；精度较低）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="134"/>
        <source>Weight-only quantisation of the language model&apos;s linear layers, on the CPU only. Answers come faster and the weights take less memory; they can differ a little from the stored weights&apos; answers.</source>
        <translation>仅对语言模型的线性层权重进行量化，仅限 CPU。回答更快，权重占用更少内存；回答可能与存储权重的回答略有不同。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="137"/>
        <source>&amp;Quantisation:</source>
        <translation>量化(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="141"/>
        <source>One per core (%1)</source>
        <translation>每个核心一个（%1）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="142"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU 线程数(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="143"/>
        <source>Changes apply to the next model loaded. The endpoint&apos;s API key is found as the judge&apos;s (environment, then keychain) for its host.</source>
        <translation>更改将应用于下一个加载的模型。端点的 API 密钥按与评审相同的方式为其主机查找（先环境变量，后钥匙串）。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="172"/>
        <source>Any OpenAI-compatible endpoint, e.g. `stllava serve` at http://127.0.0.1:8080/v1</source>
        <translation>任何兼容 OpenAI 的端点，例如位于 http://127.0.0.1:8080/v1 的 `stllava serve`</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="173"/>
        <source>&amp;Endpoint:</source>
        <translation>端点(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="176"/>
        <source>Judge &amp;model:</source>
        <translation>评审模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="181"/>
        <source>paste a key to store it in the system keychain</source>
        <translation>粘贴密钥以将其存入系统钥匙串</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="182"/>
        <source>&amp;Store in keychain</source>
        <translation>存入钥匙串(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="191"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="196"/>
        <source>Allow sending &amp;de-identified images to an endpoint outside this machine</source>
        <translation>允许将去标识化图像发送到本机以外的端点(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="197"/>
        <source>Only pixels leave the machine, re-encoded without any DICOM header. Endpoints on this machine (127.0.0.1, localhost) never need this.</source>
        <translation>只有像素会离开本机，且重新编码、不含任何 DICOM 头。本机上的端点（127.0.0.1、localhost）无需此项。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="201"/>
        <source>The key is read from $STLLAVA_JUDGE_API_KEY or $OPENAI_API_KEY first, then from the keychain. It is never written to the settings file or a log.</source>
        <translation>密钥先从 $STLLAVA_JUDGE_API_KEY 或 $OPENAI_API_KEY 读取，然后从钥匙串读取。它绝不会写入设置文件或日志。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="220"/>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="222"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="223"/>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时更改。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="227"/>
        <source>Demo folder</source>
        <translation>演示文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="229"/>
        <source>where `stllava demo run` wrote (default ./stllava-demo)</source>
        <translation>`stllava demo run` 的输出位置（默认 ./stllava-demo）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="230"/>
        <source>De&amp;mo folder:</source>
        <translation>演示文件夹(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="245"/>
        <source>%1 (not available here)</source>
        <translation>%1（此处不可用）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="299"/>
        <source>Model folder %1: no config.json there.</source>
        <translation>模型文件夹 %1：其中没有 config.json。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="305"/>
        <source>Endpoint &apos;%1&apos;: expected an address such as http://127.0.0.1:8080/v1.</source>
        <translation>端点“%1”：应为类似 http://127.0.0.1:8080/v1 的地址。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="306"/>
        <source>Endpoint model: a name is needed (`stllava serve --model-id`).</source>
        <translation>端点模型：需要一个名称（`stllava serve --model-id`）。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="309"/>
        <source>LoRA adapter %1: no adapter_config.json there.</source>
        <translation>LoRA 适配器 %1：其中没有 adapter_config.json。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="311"/>
        <source>Vision tower %1: no config.json there.</source>
        <translation>视觉塔 %1：其中没有 config.json。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="316"/>
        <source>Judge endpoint &apos;%1&apos;: expected an http:// or https:// address such as https://api.openai.com/v1.</source>
        <translation>评审端点“%1”：应为类似 https://api.openai.com/v1 的 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="320"/>
        <source>Judge endpoint %1: plain http to another machine would send the API key and the images unencrypted; use https.</source>
        <translation>评审端点 %1：通过普通 http 连接其他机器会以未加密方式发送 API 密钥和图像；请使用 https。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="323"/>
        <source>Judge model: a name is needed (e.g. gpt-4o).</source>
        <translation>评审模型：需要一个名称（例如 gpt-4o）。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="326"/>
        <source>Demo folder %1 does not exist.</source>
        <translation>演示文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="351"/>
        <source>Key: give an endpoint first.</source>
        <translation>密钥：请先提供端点。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="354"/>
        <source>Key for %1: looking…</source>
        <translation>%1 的密钥：正在查找…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="363"/>
        <source>Key for %1: none found%2</source>
        <translation>%1 的密钥：未找到%2</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="363"/>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="365"/>
        <source>Key for %1: found in %2 (not shown).</source>
        <translation>%1 的密钥：已在 %2 中找到（不显示）。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="373"/>
        <source>Give the endpoint first: the key is stored for its host.</source>
        <translation>请先提供端点：密钥按其主机存储。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="379"/>
        <source>Storing the key for %1…</source>
        <translation>正在存储 %1 的密钥…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="385"/>
        <source>Key for %1 stored in the system keychain.</source>
        <translation>%1 的密钥已存入系统钥匙串。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="386"/>
        <source>The keychain did not store the key for %1: %2</source>
        <translation>钥匙串未能存储 %1 的密钥：%2</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ShortcutDialog</name>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="19"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="22"/>
        <source>Filter by action or key</source>
        <translation>按操作或按键筛选</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="24"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="29"/>
        <source>Alternative</source>
        <translation>备用按键</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="50"/>
        <source>Click and press the new key; Backspace clears it</source>
        <translation>单击后按下新按键；Backspace 清除</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="51"/>
        <source>%1, key %2</source>
        <translation>%1，按键 %2</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_dialog.cpp" line="78"/>
        <source>Review decision keys are set in the Review workspace (Keys…).</source>
        <translation>审阅决定所用的按键在“审阅”工作区中设置（“按键…”）。</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ShortcutMap</name>
    <message>
        <location filename="../ui/shortcuts/shortcut_map.cpp" line="94"/>
        <source>%1 is given twice to &quot;%2&quot;.</source>
        <translation>%1 被重复分配给“%2”。</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_map.cpp" line="97"/>
        <source>%1 is given to both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>%1 同时分配给了“%2”和“%3”。</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts/shortcut_map.cpp" line="136"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>stllava::ui::StoreLocationDialog</name>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="18"/>
        <source>Open or create a review store</source>
        <translation>打开或创建审阅存储库</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="19"/>
        <source>A SQLite file for one curator, or the PostgreSQL database a team shares: &lt;tt&gt;postgresql://user@host:port/dbname&lt;/tt&gt;. The password is not part of the URL: set PGPASSWORD or put it in ~/.pgpass.</source>
        <translation>供单个审阅者使用的 SQLite 文件，或团队共享的 PostgreSQL 数据库：&lt;tt&gt;postgresql://user@host:port/dbname&lt;/tt&gt;。密码不包含在 URL 中：请设置 PGPASSWORD 或将其写入 ~/.pgpass。</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="26"/>
        <source>review.sqlite or postgresql://user@host:5432/reviews</source>
        <translation>review.sqlite 或 postgresql://user@host:5432/reviews</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="28"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="29"/>
        <source>Pick or name a SQLite file</source>
        <translation>选择或命名一个 SQLite 文件</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="56"/>
        <source>Review store file</source>
        <translation>审阅存储库文件</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="58"/>
        <source>Review stores (*.sqlite);;All files (*)</source>
        <translation>审阅存储库 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/review/store_location_dialog.cpp" line="67"/>
        <source>Name a file or a postgresql:// URL.</source>
        <translation>请指定文件或 postgresql:// URL。</translation>
    </message>
</context>
<context>
    <name>stllava::ui::SummaryView</name>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="39"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Value (%)</source>
        <translation>数值（%）</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="40"/>
        <source>Also</source>
        <translation>另见</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="45"/>
        <source>Our numbers, as each report file carries them. Enter or double-click: the questions behind a row</source>
        <translation>我们的数值，与各报告文件中记录的一致。Enter 或双击：查看某行背后的问题</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="57"/>
        <source>Headline metrics (%)</source>
        <translation>主要指标（%）</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="65"/>
        <source>&lt;b&gt;Published figures&lt;/b&gt;, not ours: as their sources printed them, each with its setting and the scoring behind it (hatched bars in the chart).</source>
        <translation>&lt;b&gt;已发表的数据&lt;/b&gt;，非我们的结果：按其来源发表的原样列出，每项附有其设置及所依据的评分方式（图表中的斜线条）。</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Scoring</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="72"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="130"/>
        <source>95% bootstrap interval as the report carries it</source>
        <translation>报告中记录的 95% bootstrap 区间</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="137"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="140"/>
        <source>The file&apos;s figures differ from its own questions:
%1</source>
        <translation>该文件中的数据与其自身的问题不一致：
%1</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="181"/>
        <source>%1, %2: no report</source>
        <translation>%1，%2：无报告</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="185"/>
        <source>%1, %2: %3 %4 (%5, n = %6)</source>
        <translation>%1，%2：%3 %4（%5，n = %6）</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="200"/>
        <source>%1 (published)</source>
        <translation>%1（已发表）</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="206"/>
        <source>%1 published no figure for %2</source>
        <translation>%1 未发表 %2 的数据</translation>
    </message>
    <message>
        <location filename="../ui/reports/summary_view.cpp" line="211"/>
        <source>%1 (published, %2), %3: %4 — %5; %6</source>
        <translation>%1（已发表，%2），%3：%4 —— %5；%6</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingCharts</name>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="26"/>
        <source>Reward accuracy (DPO)</source>
        <translation>奖励准确率（DPO）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="27"/>
        <source>Margin (DPO)</source>
        <translation>奖励差值（DPO）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="44"/>
        <source>step</source>
        <translation>步</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingForm</name>
    <message>
        <location filename="../ui/training/training_form.cpp" line="79"/>
        <source>Stage 1: SFT with question learning</source>
        <translation>第 1 阶段：带提问学习的 SFT</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="80"/>
        <source>Stage 2: generation (questions and two answers per image)</source>
        <translation>第 2 阶段：生成（每幅图像生成问题和两个回答）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="81"/>
        <source>DPO on preference pairs</source>
        <translation>基于偏好对的 DPO</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="84"/>
        <source>&amp;Paper preset</source>
        <translation>论文预设(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="86"/>
        <source>The hyperparameters of STLLaVA-Med&apos;s scripts (LoRA 128/256, the paper&apos;s rates, batches and epochs)</source>
        <translation>STLLaVA-Med 脚本中的超参数（LoRA 128/256，论文中的学习率、批次和轮数）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="87"/>
        <source>&amp;Demo preset</source>
        <translation>演示预设(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="89"/>
        <source>What `stllava demo run` trained with, on the demo&apos;s data (open the demo first)</source>
        <translation>`stllava demo run` 在演示数据上训练时所用的设置（请先打开演示）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="93"/>
        <source>(the output folder&apos;s name)</source>
        <translation>（输出文件夹的名称）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="103"/>
        <source>Separate process</source>
        <translation>独立进程</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="104"/>
        <source>In this window</source>
        <translation>在此窗口中</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="105"/>
        <source>torchrun, several processes</source>
        <translation>torchrun，多个进程</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="106"/>
        <source>`stllava train` as a child process: a crash in training never takes the window down</source>
        <translation>`stllava train` 作为子进程：训练崩溃绝不会导致窗口关闭</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="108"/>
        <source>On a worker thread of this window: starts at once, no second program; one such run at a time</source>
        <translation>在此窗口的工作线程上：立即开始，无需第二个程序；同一时间只能有一个这样的运行</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="111"/>
        <source>torchrun (not found on PATH)</source>
        <translation>torchrun（PATH 中未找到）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="114"/>
        <source>Data parallel on this machine: torchrun starts one `stllava train` per process (one per GPU, or Gloo on the CPU); see docs/distributed-training.md for several machines</source>
        <translation>在本机上数据并行：torchrun 为每个进程启动一个 `stllava train`（每块 GPU 一个，或在 CPU 上使用 Gloo）；多台机器见 docs/distributed-training.md</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="121"/>
        <source> processes</source>
        <translation> 个进程</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="122"/>
        <source>torchrun&apos;s --nproc_per_node: the global batch is batch size x accumulation x processes</source>
        <translation>torchrun 的 --nproc_per_node：全局批次 = 批大小 x 累积步数 x 进程数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="137"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="138"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="139"/>
        <source>Run name:</source>
        <translation>运行名称：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="140"/>
        <source>Run as:</source>
        <translation>运行方式：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="149"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="150"/>
        <source>The model to train (config.json, safetensors, tokenizer.model); for DPO the stage-1 model</source>
        <translation>要训练的模型（config.json、safetensors、tokenizer.model）；DPO 时为第 1 阶段模型</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="151"/>
        <source>Start from adapter</source>
        <translation>起始适配器</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="152"/>
        <source>A LoRA adapter merged in first (stage 1&apos;s for DPO); empty: none</source>
        <translation>预先合并的 LoRA 适配器（DPO 时为第 1 阶段的适配器）；留空：无</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="153"/>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="154"/>
        <source>SFT: LLaVA conversations JSON. DPO: preference pairs (STLLaVA JSON or TRL JSON lines)</source>
        <translation>SFT：LLaVA 对话 JSON。DPO：偏好对（STLLaVA JSON 或 TRL JSON lines）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="155"/>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="156"/>
        <source>The folder the data&apos;s image paths are relative to; empty: beside the data file</source>
        <translation>数据中图像路径所相对的文件夹；留空：数据文件所在的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="157"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="158"/>
        <source>Checkpoints and the trained adapter or model go here (made when missing)</source>
        <translation>检查点以及训练好的适配器或模型存放于此（不存在时自动创建）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="163"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="169"/>
        <source>Decoder trains:</source>
        <translation>解码器训练方式：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="170"/>
        <source>Vision tower trains:</source>
        <translation>视觉塔训练方式：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="171"/>
        <source>Question learning share (sq_r)</source>
        <translation>提问学习比例（sq_r）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="172"/>
        <source>The chance that a later human turn becomes a question the model learns to ask (paper: 0.5)</source>
        <translation>后续的人类轮次被转为模型学习提出的问题的概率（论文：0.5）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="173"/>
        <source>DPO beta</source>
        <translation>DPO beta</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="174"/>
        <source>Strength of the pull towards the reference model (paper: 0.1)</source>
        <translation>向参考模型拉近的强度（论文：0.1）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="175"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="176"/>
        <source>Peak learning rate of the decoder (the vision tower&apos;s and projector&apos;s stay as the preset says)</source>
        <translation>解码器的峰值学习率（视觉塔和投影器的学习率保持预设值）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="177"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="177"/>
        <source>Passes over the data</source>
        <translation>遍历数据的次数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="178"/>
        <source>Most steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="179"/>
        <source>Caps the optimiser steps; -1: no cap</source>
        <translation>优化器步数上限；-1：无上限</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="180"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="180"/>
        <source>Items per device and micro-step</source>
        <translation>每个设备每个微步的样本数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="181"/>
        <source>Gradient accumulation</source>
        <translation>梯度累积</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="182"/>
        <source>Micro-steps per optimiser step</source>
        <translation>每个优化器步的微步数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="183"/>
        <source>Most tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="183"/>
        <source>Longest sequence kept</source>
        <translation>保留的最大序列长度</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="184"/>
        <source>LoRA rank</source>
        <translation>LoRA 秩</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="184"/>
        <source>Rank of the decoder&apos;s LoRA</source>
        <translation>解码器 LoRA 的秩</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="185"/>
        <source>LoRA alpha</source>
        <translation>LoRA alpha</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="186"/>
        <source>Scale of the decoder&apos;s LoRA (paper: twice the rank)</source>
        <translation>解码器 LoRA 的缩放系数（论文：秩的两倍）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="187"/>
        <source>Checkpoint every</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="188"/>
        <source>Steps between checkpoints; 0: at the end of every epoch</source>
        <translation>两个检查点之间的步数；0：每轮结束时</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="189"/>
        <source>Checkpoints kept</source>
        <translation>保留的检查点数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="190"/>
        <source>Older checkpoints are deleted; 0 keeps all</source>
        <translation>较旧的检查点会被删除；0 表示全部保留</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="193"/>
        <source>Stage-1 model</source>
        <translation>第 1 阶段模型</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="194"/>
        <source>The model that asks and answers (stage 1&apos;s)</source>
        <translation>负责提问和回答的模型（第 1 阶段的）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="195"/>
        <source>Adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="196"/>
        <source>Stage 1&apos;s LoRA adapter folder; empty: none</source>
        <translation>第 1 阶段的 LoRA 适配器文件夹；留空：无</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="197"/>
        <source>Images folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="198"/>
        <source>Unlabeled images (DICOM or raster), searched recursively</source>
        <translation>未标注的图像（DICOM 或栅格图像），递归搜索</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="199"/>
        <source>Questions per image</source>
        <translation>每幅图像的问题数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="200"/>
        <source>Questions the model asks per image (paper: 5)</source>
        <translation>模型对每幅图像提出的问题数（论文：5）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="201"/>
        <source>Answer seeds</source>
        <translation>回答种子</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="202"/>
        <source>The two seeds of the two answers (paper: 40,42)</source>
        <translation>两个回答各自的种子（论文：40,42）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="203"/>
        <source>Description tokens</source>
        <translation>描述词元数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="204"/>
        <source>Most tokens of the description</source>
        <translation>描述的最大词元数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="205"/>
        <source>Question tokens</source>
        <translation>问题词元数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="206"/>
        <source>Most tokens of a question (paper: 300)</source>
        <translation>单个问题的最大词元数（论文：300）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="207"/>
        <source>Answer tokens</source>
        <translation>回答词元数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="208"/>
        <source>Most tokens of an answer (paper: 1024)</source>
        <translation>单个回答的最大词元数（论文：1024）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="209"/>
        <source>Job folder</source>
        <translation>任务文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="210"/>
        <source>Items go here (made when missing; an existing job resumes)</source>
        <translation>生成的条目存放于此（不存在时自动创建；已有任务会继续）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="254"/>
        <location filename="../ui/training/training_form.cpp" line="279"/>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="275"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="276"/>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="357"/>
        <source>Paper preset.</source>
        <translation>论文预设。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="365"/>
        <source>Demo preset not available: %1</source>
        <translation>演示预设不可用：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="369"/>
        <source>Demo preset from %1.</source>
        <translation>演示预设来自 %1。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="411"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="417"/>
        <source>Question learning share (sq_r): question learning needs the v1_sq template (or set it to 0)</source>
        <translation>提问学习比例（sq_r）：提问学习需要 v1_sq 模板（或将其设为 0）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="429"/>
        <source>Ready to start.</source>
        <translation>可以开始。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_form.cpp" line="436"/>
        <source>Ready to start; it continues from %1 in the output folder.</source>
        <translation>可以开始；将从输出文件夹中的 %1 继续。</translation>
    </message>
</context>
<context>
    <name>stllava::ui::TrainingWorkspace</name>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="29"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="31"/>
        <location filename="../ui/training/training_workspace.cpp" line="66"/>
        <source>Start a run with these settings (a `stllava` child process)</source>
        <translation>以这些设置开始运行（一个 `stllava` 子进程）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="51"/>
        <source>Runs of this session:</source>
        <translation>本次会话的运行：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="90"/>
        <source>Not started: %1</source>
        <translation>未启动：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="99"/>
        <source>training %1</source>
        <translation>正在训练 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="103"/>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="114"/>
        <source>%1: no such checkpoint folder</source>
        <translation>%1：没有此检查点文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_workspace.cpp" line="119"/>
        <source>%1 from %2</source>
        <translation>%1（从 %2 继续）</translation>
    </message>
</context>
<context>
    <name>stllava::ui::ViewerPanel</name>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="25"/>
        <source>Brain</source>
        <translation>脑</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="26"/>
        <source>Lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="27"/>
        <source>Abdomen</source>
        <translation>腹部</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="28"/>
        <source>Bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="29"/>
        <source>Mediastinum</source>
        <translation>纵隔</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="30"/>
        <source>Liver</source>
        <translation>肝脏</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="36"/>
        <location filename="../ui/viewer/viewer_panel.cpp" line="264"/>
        <source>Window presets</source>
        <translation>窗预设</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="37"/>
        <source>Window presets: the file&apos;s own windows, and for CT the usual ones</source>
        <translation>窗预设：文件自带的窗，以及 CT 的常用窗</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="45"/>
        <source>Image in stack</source>
        <translation>堆栈中的图像</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="50"/>
        <source>&amp;Auto window</source>
        <translation>自动窗(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="51"/>
        <source>&amp;Invert</source>
        <translation>反相(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="52"/>
        <source>&amp;Fit to view</source>
        <translation>适合视图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="53"/>
        <source>Actual &amp;size (1:1)</source>
        <translation>实际大小(&amp;S)（1:1）</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="54"/>
        <source>&amp;Tag overlay</source>
        <translation>标签叠加(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="57"/>
        <source>&amp;Presentation mode (hide patient details)</source>
        <translation>演示模式(&amp;P)（隐藏患者信息）</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="58"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="59"/>
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="60"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="61"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="62"/>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="63"/>
        <source>&amp;Next image</source>
        <translation>下一幅图像(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="64"/>
        <source>P&amp;revious image</source>
        <translation>上一幅图像(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="128"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="270"/>
        <source>File window %1</source>
        <translation>文件窗 %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="271"/>
        <source>%1 (W %2 L %3)</source>
        <translation>%1（窗宽 %2 窗位 %3）</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="277"/>
        <source>CT %1 (W %2 L %3)</source>
        <translation>CT %1（窗宽 %2 窗位 %3）</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="300"/>
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
    <message>
        <location filename="../ui/viewer/viewer_panel.cpp" line="310"/>
        <source>Image %1 / %2</source>
        <translation>图像 %1 / %2</translation>
    </message>
</context>
<context>
    <name>stllava::ui::WindowLevelTool</name>
    <message>
        <location filename="../ui/viewer/window_level_tool.cpp" line="20"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
</context>
</TS>
