<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisSession</name>
    <message>
        <source>The baseline saved with this project cannot be computed, so it was left out: %1</source>
        <translation>无法计算此项目保存的基准，已忽略：%1</translation>
    </message>
    <message>
        <source>Reading from the database was stopped: the results shown are for the settings before the last change.</source>
        <translation>从数据库读取已停止：显示的结果对应上一次更改之前的设置。</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Recover Analysis</source>
        <translation>恢复分析</translation>
    </message>
    <message>
        <source>ValueScope did not close properly last time. Recover the unsaved analysis from %1?</source>
        <translation>ValueScope 上次未正常关闭。要恢复 %1 时未保存的分析吗？</translation>
    </message>
</context>
<context>
    <name>ChartExportDialog</name>
    <message>
        <source>Report (1200 × 800, 150 dpi)</source>
        <translation>报告（1200 × 800，150 dpi）</translation>
    </message>
    <message>
        <source>Slide 16:9 (1920 × 1080, 144 dpi)</source>
        <translation>幻灯片 16:9（1920 × 1080，144 dpi）</translation>
    </message>
    <message>
        <source>Print (2400 × 1600, 300 dpi)</source>
        <translation>印刷（2400 × 1600，300 dpi）</translation>
    </message>
    <message>
        <source>Screen (1000 × 600, 96 dpi)</source>
        <translation>屏幕（1000 × 600，96 dpi）</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>宽度(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>高度(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>Width, height and resolution apply to PNG pictures; SVG and PDF are drawn as vectors with the same proportions. A higher resolution gives larger text.</source>
        <translation>宽度、高度和分辨率用于 PNG 图片；SVG 和 PDF 以相同比例绘制为矢量图。分辨率越高，文字越大。</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>选择文件…</translation>
    </message>
</context>
<context>
    <name>ChartTabs</name>
    <message>
        <source>Holdout check as a table</source>
        <translation>保留期检验（表格）</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>图表：%1</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Value on the second date</source>
        <translation>第二个日期的价值</translation>
    </message>
    <message>
        <source>What the migration matrix&apos;s cells show</source>
        <translation>迁移矩阵单元格显示的内容</translation>
    </message>
    <message>
        <source>Cells &amp;show:</source>
        <translation>单元格显示(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Empty: %1</source>
        <translation>为空：%1</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; in exported files</source>
        <translation>导出文件中的列“%1”</translation>
    </message>
    <message>
        <source>There is not enough memory to sort the table; the order shown stays.</source>
        <translation>内存不足，无法排序表格；当前显示的顺序保持不变。</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
    <message>
        <source>Chart copied: paste it into a slide or a document</source>
        <translation>图表已复制：可粘贴到幻灯片或文档中</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <source>The report was not written.</source>
        <translation>报告未写入。</translation>
    </message>
    <message>
        <source>Export Customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Customers saved to %1</source>
        <translation>客户已保存到 %1</translation>
    </message>
    <message>
        <source>Export Call List</source>
        <translation>导出回访名单</translation>
    </message>
    <message>
        <source>The call list needs two snapshot dates: switch on “Compare the segments on two dates” in the parameters (Over time).</source>
        <translation>回访名单需要两个快照日期：请在参数（随时间变化）中开启“比较两个日期的细分”。</translation>
    </message>
    <message>
        <source>Export with Pseudonyms</source>
        <translation>以假名导出</translation>
    </message>
    <message>
        <source>Customer ids are replaced by keyed pseudonyms (HMAC-SHA256), and columns that look like names, e-mail addresses, phone numbers or addresses are left out. The same id always gets the same pseudonym under the same key, so whoever holds the key can match the list back in the CRM.

This is pseudonymisation, not anonymisation: with the key, or with enough of the other columns, people can be found again.

Key (keep it within the team; it is not saved):</source>
        <translation>客户编号将替换为带密钥的假名（HMAC-SHA256），看起来像姓名、电子邮件、电话或地址的列将被去掉。同一密钥下同一编号总是得到同一假名，因此持有密钥的人可以在 CRM 中对回名单。

这是假名化，而不是匿名化：有了密钥，或有足够多的其他列，仍然可以重新识别出个人。

密钥（仅限团队内部保管；不会被保存）：</translation>
    </message>
    <message>
        <source>Pseudonymised customers saved to %1</source>
        <translation>假名化客户已保存到 %1</translation>
    </message>
    <message>
        <source>Write Results to Database</source>
        <translation>将结果写入数据库</translation>
    </message>
    <message>
        <source>Table for the customers&apos; results (replaced if it exists):</source>
        <translation>存放客户结果的表（如已存在则替换）：</translation>
    </message>
    <message>
        <source>Database Password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>%1 在 %2 上的密码：</translation>
    </message>
    <message>
        <source>Results written to the table %1</source>
        <translation>结果已写入表 %1</translation>
    </message>
    <message>
        <source>1 customer to call saved to %1</source>
        <translation>1 位待回访客户已保存到 %1</translation>
    </message>
    <message>
        <source>%1 customers to call saved to %2</source>
        <translation>%1 位待回访客户已保存到 %2</translation>
    </message>
</context>
<context>
    <name>HeatmapChart</name>
    <message>
        <source>Nothing to show for these results.</source>
        <translation>这些结果没有可显示的内容。</translation>
    </message>
    <message>
        <source>no customers</source>
        <translation>无客户</translation>
    </message>
    <message>
        <source>
Customers: %1</source>
        <translation>
客户数：%1</translation>
    </message>
</context>
<context>
    <name>HoldoutTableModel</name>
    <message>
        <source>Repeat purchases</source>
        <translation>重复购买次数</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Actual (mean)</source>
        <translation>实际（平均）</translation>
    </message>
    <message>
        <source>Predicted (mean)</source>
        <translation>预测（平均）</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <source>semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>bar ( | )</source>
        <translation>竖线 ( | )</translation>
    </message>
    <message>
        <source>spaces</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Choose a data file</source>
        <translation>选择数据文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Import Data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1, %2 KB</source>
        <translation>%1，%2 KB</translation>
    </message>
    <message>
        <source>There is no file here.</source>
        <translation>此处没有文件。</translation>
    </message>
    <message>
        <source>How the file reads</source>
        <translation>文件读取方式</translation>
    </message>
    <message>
        <source>Everything below was detected; change anything that looks wrong and the preview follows.</source>
        <translation>以下各项均为自动检测；如有不对请修改，预览会随之更新。</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>point: 1,234.5</source>
        <translation>点：1,234.5</translation>
    </message>
    <message>
        <source>comma: 1.234,5</source>
        <translation>逗号：1.234,5</translation>
    </message>
    <message>
        <source>The row that holds the column names; 0 if there is none</source>
        <translation>列名所在的行；没有列名时为 0</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D)：</translation>
    </message>
    <message>
        <source>Decimal &amp;separator:</source>
        <translation>小数点(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Header row:</source>
        <translation>表头行(&amp;H)：</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 (hidden)</source>
        <translation>%1（隐藏）</translation>
    </message>
    <message>
        <source>detected: %1</source>
        <translation>检测结果：%1</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>What the rows are</source>
        <translation>每一行代表什么</translation>
    </message>
    <message>
        <source>&amp;Customers: one row per customer (revenue, cost, orders, scores…)</source>
        <translation>客户(&amp;C)：每行一个客户（收入、成本、订单数、评分…）</translation>
    </message>
    <message>
        <source>C&amp;ampaigns: one row per marketing campaign (sales and cost)</source>
        <translation>营销活动(&amp;A)：每行一个营销活动（销售额与成本）</translation>
    </message>
    <message>
        <source>Which column is what</source>
        <translation>各列的含义</translation>
    </message>
    <message>
        <source>Guessed from the column names; each role that needs numbers is checked against the data.</source>
        <translation>根据列名自动识别；需要数值的角色会用数据逐一核对。</translation>
    </message>
    <message>
        <source>Revenue per period (for discounted CLV and CVS), in time order:</source>
        <translation>各期收入（用于折现 CLV 与 CVS），按时间顺序：</translation>
    </message>
    <message>
        <source>Cost per period:</source>
        <translation>各期成本：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>A campaign table needs the campaign, its sales and its cost.</source>
        <translation>营销活动表需要活动名称、销售额和成本。</translation>
    </message>
    <message>
        <source>Map revenue and cost, or purchases and average spend, or revenue per period, so that a customer&apos;s value can be computed.</source>
        <translation>请映射收入和成本，或购买次数和平均消费，或各期收入，以便计算客户价值。</translation>
    </message>
    <message>
        <source>Check and start</source>
        <translation>检查并开始</translation>
    </message>
    <message>
        <source>The whole file is read now; rows with problems are listed with what will happen to them.</source>
        <translation>现在读取整个文件；有问题的行会列出，并说明将如何处理。</translation>
    </message>
    <message>
        <source>Stop &amp;reading</source>
        <translation>停止读取(&amp;R)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>The analysis cannot start:</source>
        <translation>无法开始分析：</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>What will happen to rows with problems:</source>
        <translation>有问题的行将如下处理：</translation>
    </message>
    <message>
        <source>&amp;Orders: one row per order line (customer, date, amount) — for RFM and predictive CLV</source>
        <translation>订单(&amp;O)：每行一条订单明细（客户、日期、金额）——用于 RFM 和预测型 CLV</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order lines need the customer, the date, and the amount (or quantity and unit price) of each line.</source>
        <translation>订单明细需要每行的客户、日期和金额（或数量与单价）。</translation>
    </message>
    <message>
        <source>Preview of the data</source>
        <translation>数据预览</translation>
    </message>
    <message>
        <source>Notes on the analysis:</source>
        <translation>关于分析的说明：</translation>
    </message>
    <message>
        <source>A spreadsheet with one row per customer, per order line, or per marketing campaign: CSV, TSV, Excel (.xlsx, .xls) or OpenDocument (.ods).</source>
        <translation>每行一位客户、一条订单明细或一个营销活动的表格：CSV、TSV、Excel（.xlsx、.xls）或 OpenDocument（.ods）。</translation>
    </message>
    <message>
        <source>Treat &amp;unreadable cells as missing (they are counted and listed)</source>
        <translation>将无法读取的单元格视为缺失(&amp;U)（会统计并列出）</translation>
    </message>
    <message>
        <source>1 sheet in the workbook</source>
        <translation>工作簿中有 1 个工作表</translation>
    </message>
    <message>
        <source>%1 sheets in the workbook</source>
        <translation>工作簿中有 %1 个工作表</translation>
    </message>
    <message>
        <source>%1 format, 1 column; the preview shows the first rows.</source>
        <translation>%1 格式，1 列；预览显示前几行。</translation>
    </message>
    <message>
        <source>%1 format, %2 columns; the preview shows the first rows.</source>
        <translation>%1 格式，%2 列；预览显示前几行。</translation>
    </message>
    <message>
        <source>1 data row read.</source>
        <translation>已读取 1 行数据。</translation>
    </message>
    <message>
        <source>%1 data rows read.</source>
        <translation>已读取 %1 行数据。</translation>
    </message>
    <message>
        <source>1 customer to analyse.</source>
        <translation>待分析的客户：1 位。</translation>
    </message>
    <message>
        <source>%1 customers to analyse.</source>
        <translation>待分析的客户：%1 位。</translation>
    </message>
    <message>
        <source>1 customer to analyse from their order lines.</source>
        <translation>根据订单明细，待分析客户 1 位。</translation>
    </message>
    <message>
        <source>%1 customers to analyse from their order lines.</source>
        <translation>根据订单明细，待分析客户 %1 位。</translation>
    </message>
    <message>
        <source>1 campaign to analyse.</source>
        <translation>待分析的营销活动：1 个。</translation>
    </message>
    <message>
        <source>%1 campaigns to analyse.</source>
        <translation>待分析的营销活动：%1 个。</translation>
    </message>
    <message>
        <source>Read from a &amp;database server instead (PostgreSQL, ClickHouse)</source>
        <translation>改为从数据库服务器读取(&amp;D)（PostgreSQL、ClickHouse）</translation>
    </message>
    <message>
        <source>The database read %1 rows and sent %2 in %3 s.</source>
        <translation>数据库读取了 %1 行，传回 %2 行，用时 %3 秒。</translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation>连接数据库</translation>
    </message>
    <message>
        <source>The analysis runs in the database: only a row per customer (and purchase day) comes back. The password stays in memory and is never saved.</source>
        <translation>分析在数据库中执行：只传回每位客户（及每个购买日）一行。密码只保存在内存中，绝不会写入文件。</translation>
    </message>
    <message>
        <source>The command line (valuescope run) reads the password from this environment variable; the project keeps only its name.</source>
        <translation>命令行（valuescope run）从此环境变量读取密码；项目文件只记录变量名。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>数据库引擎(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Password &amp;variable:</source>
        <translation>密码环境变量(&amp;V)：</translation>
    </message>
    <message>
        <source>A t&amp;able:</source>
        <translation>表(&amp;A)：</translation>
    </message>
    <message>
        <source>Search tables</source>
        <translation>搜索表</translation>
    </message>
    <message>
        <source>A &amp;query (run read-only):</source>
        <translation>查询(&amp;Q)（以只读方式执行）：</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected: 1 table.</source>
        <translation>已连接：1 个表。</translation>
    </message>
    <message>
        <source>Connected: %1 tables.</source>
        <translation>已连接：%1 个表。</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>正在读取前几行…</translation>
    </message>
    <message>
        <source>Preview of the data with the roles chosen above</source>
        <translation>数据预览（标出上面选定的角色）</translation>
    </message>
    <message>
        <source>Indicators for a &amp;score (optional):</source>
        <translation>评分指标（可选）(&amp;S)：</translation>
    </message>
    <message>
        <source>Tick survey or rating columns to add them up into a score with equal weights; the weights can be changed later under Parameters ▸ Scores.</source>
        <translation>勾选调查或评分列，按相同权重合成一个评分；权重可稍后在“参数 ▸ 评分”中修改。</translation>
    </message>
    <message>
        <source>Indicators for a score</source>
        <translation>评分指标</translation>
    </message>
    <message>
        <source>Score na&amp;me:</source>
        <translation>评分名称(&amp;M)：</translation>
    </message>
    <message>
        <source>satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Score name</source>
        <translation>评分名称</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>评分：%1</translation>
    </message>
    <message>
        <source>The database read %1 order lines and sent %2 rows, one per customer, in %3 s.</source>
        <translation>数据库读取了 %1 条订单明细，返回 %2 行（每位客户一行），用时 %3 秒。</translation>
    </message>
    <message>
        <source>The database read %1 order lines and sent %2 rows, one per customer and purchase day, in %3 s.</source>
        <translation>数据库读取了 %1 条订单明细，返回 %2 行（每位客户每个购买日一行），用时 %3 秒。</translation>
    </message>
    <message>
        <source>The database read %1 order lines and sent %2 rows, one per customer and one per week of the tracking chart, in %3 s.</source>
        <translation>数据库读取了 %1 条订单明细，返回 %2 行（每位客户一行，另有追踪图每周一行），用时 %3 秒。</translation>
    </message>
    <message>
        <source>Customer &amp;value:</source>
        <translation>客户价值(&amp;V)：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;b&gt;Segments and strategies&lt;/b&gt; (double-click a strategy to edit it)</source>
        <translation>&lt;b&gt;客户细分与策略&lt;/b&gt;（双击策略可编辑）</translation>
    </message>
    <message>
        <source>Find a customer id… (Ctrl+F)</source>
        <translation>查找客户编号…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>情景分析</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find Customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Set as &amp;Baseline</source>
        <translation>设为基准(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Clear Baseline</source>
        <translation>清除基准(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ValueScope</source>
        <translation>关于 ValueScope(&amp;A)</translation>
    </message>
    <message>
        <source>About ValueScope</source>
        <translation>关于 ValueScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ValueScope %1&lt;/h3&gt;&lt;p&gt;Customer value, segments and strategies for marketing and CRM teams.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ValueScope %1&lt;/h3&gt;&lt;p&gt;为市场营销与客户关系管理团队提供客户价值、细分与策略分析。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The analysis has unsaved changes. Save them first?</source>
        <translation>分析有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部细分</translation>
    </message>
    <message>
        <source>%1 customers (%2 shown), %3 with a value, total value %4</source>
        <translation>共 %1 个客户（显示 %2 个），%3 个有价值，总价值 %4</translation>
    </message>
    <message>
        <source>No data. Import a spreadsheet (Ctrl+I) or open a project (Ctrl+O).</source>
        <translation>暂无数据。请导入表格（Ctrl+I）或打开项目（Ctrl+O）。</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>ValueScope</source>
        <translation>ValueScope</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — ValueScope</source>
        <translation>%1[*] — ValueScope</translation>
    </message>
    <message>
        <source>&amp;Export Chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Customers…</source>
        <translation>导出客户(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;Report (PDF)…</source>
        <translation>导出报告 (PDF)(&amp;R)…</translation>
    </message>
    <message>
        <source>Copy &amp;Chart</source>
        <translation>复制图表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Segments and strategies</source>
        <translation>细分与策略</translation>
    </message>
    <message>
        <source>Find a customer id</source>
        <translation>查找客户编号</translation>
    </message>
    <message>
        <source>Descriptive statistics</source>
        <translation>描述性统计</translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation>全部复制(&amp;C)</translation>
    </message>
    <message>
        <source>⚠ 1 warning</source>
        <translation>⚠ 1 条警告</translation>
    </message>
    <message>
        <source>⚠ %1 warnings</source>
        <translation>⚠ %1 条警告</translation>
    </message>
    <message>
        <source>What ValueScope noticed in the data (1 warning):</source>
        <translation>ValueScope 在数据中发现的问题（1 条警告）：</translation>
    </message>
    <message>
        <source>What ValueScope noticed in the data (%1 warnings):</source>
        <translation>ValueScope 在数据中发现的问题（%1 条警告）：</translation>
    </message>
    <message>
        <source>Export Customers with &amp;Pseudonyms…</source>
        <translation>导出假名化客户(&amp;P)…</translation>
    </message>
    <message>
        <source>Export Ca&amp;ll List (Early Warnings)…</source>
        <translation>导出回访名单（预警）(&amp;L)…</translation>
    </message>
    <message>
        <source>Write Results to &amp;Database…</source>
        <translation>将结果写入数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>Database Password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>%1 在 %2 上的密码：</translation>
    </message>
    <message>
        <source>Moved: %1 → %2 (%3)</source>
        <translation>迁移：%1 → %2（%3）</translation>
    </message>
    <message>
        <source>Early warnings (%1)</source>
        <translation>预警客户（%1）</translation>
    </message>
    <message>
        <source>Lapsed: %1, no order between the dates (%2)</source>
        <translation>未再购买：%1，两个日期之间没有订单（%2）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the bootstrap: the CLV interval falls back to the one from the fits&apos; standard errors</source>
        <translation>停止自助法：CLV 区间改用由拟合标准误得到的区间</translation>
    </message>
    <message>
        <source>Bootstrap: %1 % of the resamples refitted</source>
        <translation>自助法：已重新拟合 %1% 的重抽样</translation>
    </message>
    <message>
        <source>Stop reading from the database: the analysis shown stays</source>
        <translation>停止从数据库读取：当前显示的分析保持不变</translation>
    </message>
    <message>
        <source>The database is working on the query</source>
        <translation>数据库正在执行查询</translation>
    </message>
    <message>
        <source>Reading from the database…</source>
        <translation>正在从数据库读取…</translation>
    </message>
    <message>
        <source>Reading from the database: %1 rows received</source>
        <translation>正在从数据库读取：已收到 %1 行</translation>
    </message>
    <message>
        <source>Reading stopped; the analysis shown stays.</source>
        <translation>读取已停止；当前显示的分析保持不变。</translation>
    </message>
</context>
<context>
    <name>MigrationModel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>was %1</source>
        <translation>原 %1</translation>
    </message>
    <message>
        <source>now %1</source>
        <translation>现 %1</translation>
    </message>
    <message>
        <source>1 customer was in %1 and is now in %2</source>
        <translation>1 位客户原在%1，现在在%2</translation>
    </message>
    <message>
        <source>%3 customers were in %1 and are now in %2</source>
        <translation>%3 位客户原在%1，现在在%2</translation>
    </message>
</context>
<context>
    <name>OverTimeBox</name>
    <message>
        <source>Over time</source>
        <translation>随时间变化</translation>
    </message>
    <message>
        <source>Compare the segments on two &amp;dates</source>
        <translation>比较两个日期的细分(&amp;D)</translation>
    </message>
    <message>
        <source>Segments as of each date, from the same order lines: who moved where, who is new, who stopped buying</source>
        <translation>按同一批订单明细计算每个日期的细分：谁迁到了哪里、谁是新客户、谁停止了购买</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止(&amp;T)：</translation>
    </message>
    <message>
        <source>Early warning: a valuable customer whose P(alive) fell below this (predictive models)</source>
        <translation>预警：高价值客户的 P(存活) 降到此值以下（预测模型）</translation>
    </message>
    <message>
        <source>Warn below P(&amp;alive):</source>
        <translation>P(存活) 低于此值时预警(&amp;A)：</translation>
    </message>
    <message>
        <source>Show &amp;cohorts by first purchase</source>
        <translation>按首次购买显示同期群(&amp;C)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Cohort &amp;period:</source>
        <translation>同期群周期(&amp;P)：</translation>
    </message>
    <message>
        <source>Active customers (% of cohort)</source>
        <translation>活跃客户（占同期群 %）</translation>
    </message>
    <message>
        <source>Cumulated revenue per customer</source>
        <translation>每位客户累计收入</translation>
    </message>
    <message>
        <source>Cohort &amp;measure:</source>
        <translation>同期群指标(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <source>Customer value</source>
        <translation>客户价值</translation>
    </message>
    <message>
        <source>How each customer&apos;s value is computed</source>
        <translation>每个客户价值的计算方式</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <source>Segment &amp;by:</source>
        <translation>细分依据(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>Number of se&amp;gments:</source>
        <translation>细分数量(&amp;G)：</translation>
    </message>
    <message>
        <source>Segment names from lowest to highest, separated by commas</source>
        <translation>细分名称，从低到高，用逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Names:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>The values between segments, lowest first, separated by spaces or semicolons</source>
        <translation>细分之间的分界值，从低到高，用空格或分号分隔</translation>
    </message>
    <message>
        <source>&amp;Thresholds:</source>
        <translation>阈值(&amp;T)：</translation>
    </message>
    <message>
        <source>Scores (weighted indicators)</source>
        <translation>评分（加权指标）</translation>
    </message>
    <message>
        <source>Add score…</source>
        <translation>添加评分…</translation>
    </message>
    <message>
        <source>Remove score</source>
        <translation>删除评分</translation>
    </message>
    <message>
        <source>Add a score first: the weighted-score model uses one as the value.</source>
        <translation>请先添加评分：加权评分模型以评分作为价值。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; thresholds are numbers separated by spaces or semicolons.</source>
        <translation>“%1”不是数字；阈值应为用空格或分号分隔的数字。</translation>
    </message>
    <message>
        <source>Add Score</source>
        <translation>添加评分</translation>
    </message>
    <message>
        <source>Name of the new score:</source>
        <translation>新评分的名称：</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>A score named &apos;%1&apos; exists already.</source>
        <translation>已存在名为“%1”的评分。</translation>
    </message>
    <message>
        <source>These settings cannot be computed: %1</source>
        <translation>这些设置无法计算：%1</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Divide by the sum of the weights</source>
        <translation>除以权重之和</translation>
    </message>
    <message>
        <source>Scale indicators to 0–1</source>
        <translation>指标缩放到 0–1</translation>
    </message>
    <message>
        <source>Min–max scale each indicator first, for indicators on different scales</source>
        <translation>先对每个指标做最小–最大缩放，适用于量纲不同的指标</translation>
    </message>
    <message>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Remove indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>A score needs at least one indicator; remove the score instead.</source>
        <translation>评分至少需要一个指标；如不需要请删除该评分。</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>RFM segment rules (first match wins; others: &quot;Others&quot;)</source>
        <translation>RFM 细分规则（按顺序首个匹配生效；其余为“Others”）</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date; write it as yyyy-mm-dd, or leave it empty for the last order&apos;s date.</source>
        <translation>“%1”不是日期；请写成 yyyy-mm-dd，或留空以使用最后一笔订单的日期。</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频率</translation>
    </message>
    <message>
        <source>Monetary</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>%1: %2–%3</source>
        <translation>%1：%2–%3</translation>
    </message>
    <message>
        <source>RFM segment rules</source>
        <translation>RFM 细分规则</translation>
    </message>
    <message>
        <source>Weights of the score %1</source>
        <translation>评分“%1”的权重</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Kept with their strategies: %1.</source>
        <translation>保留原有策略：%1。</translation>
    </message>
    <message>
        <source>New: %1 (a suggested strategy; double-click it to edit).</source>
        <translation>新增：%1（已给出建议策略，双击可编辑）。</translation>
    </message>
    <message>
        <source>No longer used: %1 (Undo brings them back).</source>
        <translation>不再使用：%1（撤销可恢复）。</translation>
    </message>
    <message>
        <source>Divide by the number of indicators</source>
        <translation>除以指标个数</translation>
    </message>
    <message>
        <source>No scores yet. A score adds up indicator columns (satisfaction, loyalty, …) with weights; press &lt;b&gt;Add score…&lt;/b&gt; to make one, then add its indicators.</source>
        <translation>还没有评分。评分按权重汇总多个指标列（满意度、忠诚度等）；点击&lt;b&gt;添加评分…&lt;/b&gt;新建一个，再添加它的指标。</translation>
    </message>
    <message>
        <source>RFM segment rules (first match wins; the rest: “%1”)</source>
        <translation>RFM 细分规则（按顺序首个匹配生效；其余为“%1”）</translation>
    </message>
    <message>
        <source>1 segment.</source>
        <translation>1 个分群。</translation>
    </message>
    <message>
        <source>%1 segments, named from lowest to highest.</source>
        <translation>%1 个分群，名称由低到高排列。</translation>
    </message>
</context>
<context>
    <name>PeriodMigrationChart</name>
    <message>
        <source>(new customers)</source>
        <translation>（新客户）</translation>
    </message>
    <message>
        <source>(no segment)</source>
        <translation>（无细分）</translation>
    </message>
    <message>
        <source>Set two snapshot dates to see how customers moved between them.</source>
        <translation>设置两个快照日期，查看客户在两者之间如何迁移。</translation>
    </message>
    <message>
        <source>How customers moved between %1 and %2</source>
        <translation>客户在 %1 与 %2 之间的迁移</translation>
    </message>
    <message>
        <source>rows: segment on %1 · columns: segment on %2</source>
        <translation>行：%1 的细分 · 列：%2 的细分</translation>
    </message>
    <message>
        <source>The ten largest moves</source>
        <translation>最大的十个流动</translation>
    </message>
    <message>
        <source>%1 → %2
%3 customers, value on %4: %5</source>
        <translation>%1 → %2
%3 位客户，%4 的价值：%5</translation>
    </message>
    <message>
        <source>1 valuable customer fell (File ▸ Export Call List)</source>
        <translation>1 位高价值客户下滑（文件 ▸ 导出回访名单）</translation>
    </message>
    <message>
        <source>%1 valuable customers fell (File ▸ Export Call List)</source>
        <translation>%1 位高价值客户下滑（文件 ▸ 导出回访名单）</translation>
    </message>
    <message>
        <source>Cells: value on %1 · </source>
        <translation>单元格：%1 的价值 · </translation>
    </message>
    <message>
        <source>%1 of %2 customers changed segment · %3 new · %4 lapsed (no order between the dates: the last column) · click a cell for its customers</source>
        <translation>%2 位客户中有 %1 位改变了细分 · %3 位新客户 · %4 位未再购买（两个日期之间没有订单：最后一列）· 点击单元格查看这些客户</translation>
    </message>
    <message>
        <source>%1: %2 customers bought nothing between %3 and %4
Their value on %4: %5</source>
        <translation>%1：%2 位客户在 %3 与 %4 之间没有购买
他们在 %4 的价值：%5</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>未再购买</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Change weight</source>
        <translation>修改权重</translation>
    </message>
    <message>
        <source>Change indicator</source>
        <translation>修改指标</translation>
    </message>
    <message>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Remove indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Change normalisation</source>
        <translation>修改归一化方式</translation>
    </message>
    <message>
        <source>Add score</source>
        <translation>添加评分</translation>
    </message>
    <message>
        <source>Remove score</source>
        <translation>删除评分</translation>
    </message>
    <message>
        <source>Rename score</source>
        <translation>重命名评分</translation>
    </message>
    <message>
        <source>Change value model</source>
        <translation>修改价值模型</translation>
    </message>
    <message>
        <source>Change model parameter</source>
        <translation>修改模型参数</translation>
    </message>
    <message>
        <source>Segment by %1</source>
        <translation>按 %1 细分</translation>
    </message>
    <message>
        <source>Change segmentation method</source>
        <translation>修改细分方法</translation>
    </message>
    <message>
        <source>Change number of segments</source>
        <translation>修改细分数量</translation>
    </message>
    <message>
        <source>Rename segments</source>
        <translation>重命名细分</translation>
    </message>
    <message>
        <source>Change segment thresholds</source>
        <translation>修改细分阈值</translation>
    </message>
    <message>
        <source>Change strategy of %1</source>
        <translation>修改 %1 的策略</translation>
    </message>
    <message>
        <source>Revert to baseline</source>
        <translation>恢复为基准</translation>
    </message>
    <message>
        <source>(no segment)</source>
        <translation>（无细分）</translation>
    </message>
    <message>
        <source>ValueScope projects (*.valuescope.json *.json)</source>
        <translation>ValueScope 项目 (*.valuescope.json *.json)</translation>
    </message>
    <message>
        <source>Compare segments on %1 and %2</source>
        <translation>比较 %1 与 %2 的细分</translation>
    </message>
    <message>
        <source>Stop comparing two dates</source>
        <translation>停止比较两个日期</translation>
    </message>
    <message>
        <source>Change cohorts</source>
        <translation>更改同期群</translation>
    </message>
    <message>
        <source>Hide cohorts</source>
        <translation>隐藏同期群</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Charts in the report:</source>
        <translation>报告中的图表(&amp;C)：</translation>
    </message>
    <message>
        <source>The report also holds the data source, the model and its parameters, the segments with their strategies and the descriptive statistics, on A4 pages.</source>
        <translation>报告还包含数据来源、模型及其参数、各细分及其策略以及描述性统计，按 A4 纸排版。</translation>
    </message>
</context>
<context>
    <name>RfmRulesModel</name>
    <message>
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>R from</source>
        <translation>R 从</translation>
    </message>
    <message>
        <source>R to</source>
        <translation>R 到</translation>
    </message>
    <message>
        <source>F from</source>
        <translation>F 从</translation>
    </message>
    <message>
        <source>F to</source>
        <translation>F 到</translation>
    </message>
    <message>
        <source>M from</source>
        <translation>M 从</translation>
    </message>
    <message>
        <source>M to</source>
        <translation>M 到</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Change RFM rule</source>
        <translation>修改 RFM 规则</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>细分 %1</translation>
    </message>
    <message>
        <source>Add RFM rule</source>
        <translation>添加 RFM 规则</translation>
    </message>
    <message>
        <source>Remove RFM rule</source>
        <translation>删除 RFM 规则</translation>
    </message>
    <message>
        <source>Move RFM rule</source>
        <translation>移动 RFM 规则</translation>
    </message>
</context>
<context>
    <name>ScatterChart</name>
    <message>
        <source>&amp;Horizontal:</source>
        <translation>横轴(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Vertical:</source>
        <translation>纵轴(&amp;V)：</translation>
    </message>
</context>
<context>
    <name>SegmentChart</name>
    <message>
        <source>No segments yet</source>
        <translation>尚无细分</translation>
    </message>
    <message>
        <source>Customers and value by segment</source>
        <translation>各细分的客户与价值</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>%1
%2 customers, %3 of those in a segment
value %4, %5 of all value
mean value %6</source>
        <translation>%1
%2 位客户，占已细分客户的 %3
价值 %4，占总价值的 %5
平均价值 %6</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>Double-click to edit the strategy for this segment</source>
        <translation>双击编辑此细分的策略</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>总价值</translation>
    </message>
    <message>
        <source>Mean value</source>
        <translation>平均价值</translation>
    </message>
    <message>
        <source>Share of value</source>
        <translation>价值占比</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
</context>
<context>
    <name>ShiftModel</name>
    <message>
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Value (baseline)</source>
        <translation>价值（基准）</translation>
    </message>
    <message>
        <source>Value (now)</source>
        <translation>价值（当前）</translation>
    </message>
    <message>
        <source>Value shift</source>
        <translation>价值变化</translation>
    </message>
    <message>
        <source>%1 before, %2 now</source>
        <translation>基准 %1，当前 %2</translation>
    </message>
    <message>
        <source>Customers in the segment in the baseline</source>
        <translation>基准中该细分的客户数</translation>
    </message>
    <message>
        <source>Customers in the segment now</source>
        <translation>当前该细分的客户数</translation>
    </message>
    <message>
        <source>Customers now less customers in the baseline</source>
        <translation>当前客户数减去基准客户数</translation>
    </message>
    <message>
        <source>Total value now less total value in the baseline</source>
        <translation>当前总价值减去基准总价值</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>StatsModel</name>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>方差</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
</context>
<context>
    <name>TablePreviewModel</name>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>ValueScope User Guide</source>
        <translation>ValueScope 用户指南</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>WeightTableModel</name>
    <message>
        <source>weight ÷ number of indicators (the seed&apos;s formula)</source>
        <translation>权重 ÷ 指标个数（需求原公式）</translation>
    </message>
    <message>
        <source>weight ÷ sum of the weights</source>
        <translation>权重 ÷ 权重之和</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>实际权重</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <source>Set as &amp;baseline</source>
        <translation>设为基准(&amp;B)</translation>
    </message>
    <message>
        <source>Remember the current segments; later changes are compared with them</source>
        <translation>记住当前细分；之后的修改都与其比较</translation>
    </message>
    <message>
        <source>&amp;Revert to baseline</source>
        <translation>恢复为基准(&amp;R)</translation>
    </message>
    <message>
        <source>Clear baseline</source>
        <translation>清除基准</translation>
    </message>
    <message>
        <source>&lt;b&gt;Migration&lt;/b&gt;: customers by baseline segment (rows) and current segment (columns)</source>
        <translation>&lt;b&gt;迁移矩阵&lt;/b&gt;：按基准细分（行）与当前细分（列）统计客户数</translation>
    </message>
    <message>
        <source>&lt;b&gt;Value shift&lt;/b&gt; per segment</source>
        <translation>各细分的&lt;b&gt;价值变化&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No baseline. Press “Set as baseline”, then change weights or parameters to see which customers move between segments.</source>
        <translation>尚无基准。点击“设为基准”，再修改权重或参数，即可看到哪些客户在细分之间移动。</translation>
    </message>
    <message>
        <source>%1 of %2 customers are in another segment than in the baseline.</source>
        <translation>%2 个客户中有 %1 个与基准相比换了细分。</translation>
    </message>
    <message>
        <source>Migration between segments</source>
        <translation>细分之间的迁移</translation>
    </message>
    <message>
        <source>Value shift per segment</source>
        <translation>各细分的价值变化</translation>
    </message>
    <message>
        <source>value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Segments are made by %1; the weights you changed belong to the score “%2”, which does not decide them, so nobody can move.</source>
        <translation>细分依据是%1；您修改的权重属于评分“%2”，它不决定细分，因此没有客户会迁移。</translation>
    </message>
    <message>
        <source>Segment by %1</source>
        <translation>按 %1 细分</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>No holdout period: set an observation end before the last order</source>
        <translation>没有保留期：请将观察截止日设在最后一笔订单之前</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>repeat purchases up to the observation end</source>
        <translation>截止日前的重复购买次数</translation>
    </message>
    <message>
        <source>mean purchases per customer</source>
        <translation>每位客户的平均购买次数</translation>
    </message>
    <message>
        <source>%1 repeat purchases: %2 customers
actual %3, predicted %4</source>
        <translation>重复购买 %1 次：%2 位客户
实际 %3，预测 %4</translation>
    </message>
    <message>
        <source>recency: time of the last purchase since the first (%1)</source>
        <translation>最近度：首次到最后一次购买的时间（%1）</translation>
    </message>
    <message>
        <source>repeat purchases (frequency)</source>
        <translation>重复购买次数（频率）</translation>
    </message>
    <message>
        <source>P(alive)</source>
        <translation>P(活跃)</translation>
    </message>
    <message>
        <source>purchases</source>
        <translation>购买次数</translation>
    </message>
    <message>
        <source>Mean spend by recency and frequency score (customers in brackets)</source>
        <translation>按最近度与频率评分的平均消费（括号内为客户数）</translation>
    </message>
    <message>
        <source>frequency score F</source>
        <translation>频率评分 F</translation>
    </message>
    <message>
        <source>recency score R (5 = most recent)</source>
        <translation>最近度评分 R（5 = 最近）</translation>
    </message>
    <message>
        <source>mean spend</source>
        <translation>平均消费</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>RFM heatmap</source>
        <translation>RFM 热力图</translation>
    </message>
    <message>
        <source>Frequency/recency</source>
        <translation>频率/最近度</translation>
    </message>
    <message>
        <source>Holdout check</source>
        <translation>保留期检验</translation>
    </message>
    <message>
        <source>there are no segments</source>
        <translation>没有细分</translation>
    </message>
    <message>
        <source>unknown chart</source>
        <translation>未知图表</translation>
    </message>
    <message>
        <source>the RFM heatmap needs RFM scores: order lines with the &apos;rfm&apos; model or RFM segments</source>
        <translation>RFM 热力图需要 RFM 评分：使用“rfm”模型或 RFM 细分的订单数据</translation>
    </message>
    <message>
        <source>this chart needs the &apos;predictive_clv&apos; model (order lines)</source>
        <translation>此图表需要“predictive_clv”模型（订单数据）</translation>
    </message>
    <message>
        <source>No values to show</source>
        <translation>没有可显示的数值</translation>
    </message>
    <message>
        <source>no customer has a value</source>
        <translation>没有客户有价值</translation>
    </message>
    <message>
        <source>Distribution of customer value (%1 customers)</source>
        <translation>客户价值分布（%1 位客户）</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>segment boundaries</source>
        <translation>细分边界</translation>
    </message>
    <message>
        <source>value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>%1 to %2: %3 customers</source>
        <translation>%1 至 %2：%3 位客户</translation>
    </message>
    <message>
        <source>cumulative share of value</source>
        <translation>累计价值占比</translation>
    </message>
    <message>
        <source>top 20 %</source>
        <translation>前 20%</translation>
    </message>
    <message>
        <source>share of customers, most valuable first</source>
        <translation>客户占比（价值从高到低）</translation>
    </message>
    <message>
        <source>share of value</source>
        <translation>价值占比</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <source>No baseline: press “Set as baseline”, then change a parameter</source>
        <translation>没有基准：请点击“设为基准”，然后修改参数</translation>
    </message>
    <message>
        <source>the migration chart needs a baseline (Analysis ▸ Set as Baseline, or &apos;baseline&apos; in the project)</source>
        <translation>迁移图需要基准（分析 ▸ 设为基准，或项目中的 “baseline”）</translation>
    </message>
    <message>
        <source>Customers per segment, baseline and now · %1 of %2 moved</source>
        <translation>各细分客户数：基准与当前 · %2 位中有 %1 位迁移</translation>
    </message>
    <message>
        <source>%1
baseline: %2 customers, value %3
now: %4 customers, value %5</source>
        <translation>%1
基准：%2 位客户，价值 %3
当前：%4 位客户，价值 %5</translation>
    </message>
    <message>
        <source>Descriptive statistics (%1 rows)</source>
        <translation>描述性统计（%1 行）</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>方差</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>散点图</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>迁移</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>there are no results yet</source>
        <translation>还没有结果</translation>
    </message>
    <message>
        <source>the scatter needs a score or a model column to set against value</source>
        <translation>散点图需要一个评分或模型列来与价值对比</translation>
    </message>
    <message>
        <source>there are no statistics</source>
        <translation>没有统计数据</translation>
    </message>
    <message>
        <source>Add a score to set customers&apos; value against it</source>
        <translation>请添加一个评分，以便与客户价值对比</translation>
    </message>
    <message>
        <source>%1 against %2 · a random sample of %3 of %4 customers</source>
        <translation>%1 对 %2 · 从 %4 位客户中随机抽取 %3 位</translation>
    </message>
    <message>
        <source>%1 against %2 · %3 customers</source>
        <translation>%1 对 %2 · %3 位客户</translation>
    </message>
    <message>
        <source>no segment</source>
        <translation>无细分</translation>
    </message>
    <message>
        <source>Customer %1 (%2)
%3: %4
%5: %6</source>
        <translation>客户 %1（%2）
%3：%4
%5：%6</translation>
    </message>
    <message>
        <source>the holdout chart needs predictive CLV and an observation end before the last order</source>
        <translation>保留期图表需要预测型 CLV，且观察截止日早于最后一笔订单</translation>
    </message>
    <message>
        <source>Probability that a customer is still active (age %1)</source>
        <translation>客户仍然活跃的概率（客龄 %1）</translation>
    </message>
    <message>
        <source>Expected purchases in the next %1 (age %2)</source>
        <translation>下一%1内的预期购买次数（客龄 %2）</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences, one after the other</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>0 or less</source>
        <translation>0 或以下</translation>
    </message>
    <message>
        <source>≤ 0</source>
        <translation>≤ 0</translation>
    </message>
    <message>
        <source>Log scale: every bar spans the same ratio of values, so that the many small values and the few large ones both show.</source>
        <translation>对数刻度：每个柱形跨越相同的数值倍数，因此大量较小的值和少数很大的值都能看清。</translation>
    </message>
    <message>
        <source>The one customer with a value of 0 or less is in the grey bar.</source>
        <translation>价值为 0 或以下的 1 位客户在灰色柱形中。</translation>
    </message>
    <message>
        <source>The %1 customers with a value of 0 or less are in the grey bar.</source>
        <translation>价值为 0 或以下的 %1 位客户在灰色柱形中。</translation>
    </message>
    <message>
        <source>value (log scale)</source>
        <translation>价值（对数刻度）</translation>
    </message>
    <message>
        <source>up to %1: %2 customers</source>
        <translation>不超过 %1：%2 位客户</translation>
    </message>
    <message>
        <source>0 or less: %1 customers</source>
        <translation>0 或以下：%1 位客户</translation>
    </message>
    <message>
        <source>Top 20 % of customers bring %1 of the value above zero · Gini %2</source>
        <translation>前 20% 的客户贡献了正价值的 %1 · 基尼系数 %2</translation>
    </message>
    <message>
        <source>Top 20 % of customers bring %1 of value · Gini %2</source>
        <translation>前 20% 的客户贡献了 %1 的价值 · 基尼系数 %2</translation>
    </message>
    <message>
        <source>cumulative share of the value above zero</source>
        <translation>正价值的累计占比</translation>
    </message>
    <message>
        <source>all customers alike</source>
        <translation>所有客户价值相同</translation>
    </message>
    <message>
        <source>share of the value above zero</source>
        <translation>正价值占比</translation>
    </message>
    <message>
        <source>One customer has a value below zero (%1).</source>
        <translation>1 位客户的价值低于零（%1）。</translation>
    </message>
    <message>
        <source>%2 customers have a value below zero (%1 in all).</source>
        <translation>%2 位客户的价值低于零（合计 %1）。</translation>
    </message>
    <message>
        <source>The curve shows shares of the value above zero (%1), so it ends at 100 %; of the net total (%2) the top 20 % bring %3.</source>
        <translation>曲线显示的是正价值（%1）的占比，因此终点为 100%；按净总额（%2）计算，前 20% 的客户贡献 %3。</translation>
    </message>
    <message>
        <source>Top %1 of customers: %2 of the value above zero</source>
        <translation>前 %1 的客户：正价值的 %2</translation>
    </message>
    <message>
        <source>Top %1 of customers: %2 of value</source>
        <translation>前 %1 的客户：价值的 %2</translation>
    </message>
    <message>
        <source>Purchases in the holdout period (%1): actual and predicted</source>
        <translation>保留期（%1）内的购买：实际与预测</translation>
    </message>
    <message>
        <source>Cumulated revenue per customer by cohort of first purchase</source>
        <translation>按首次购买同期群的每位客户累计收入</translation>
    </message>
    <message>
        <source>Share of each cohort still buying, in % (customers in brackets)</source>
        <translation>各同期群仍在购买的比例 %（括号内为客户数）</translation>
    </message>
    <message>
        <source>quarters since the first purchase</source>
        <translation>首次购买后的季度数</translation>
    </message>
    <message>
        <source>months since the first purchase</source>
        <translation>首次购买后的月数</translation>
    </message>
    <message>
        <source>cohort (quarter of the first purchase) and its customers</source>
        <translation>同期群（首次购买季度）及其客户数</translation>
    </message>
    <message>
        <source>cohort (month of the first purchase) and its customers</source>
        <translation>同期群（首次购买月份）及其客户数</translation>
    </message>
    <message>
        <source>revenue per customer</source>
        <translation>每位客户收入</translation>
    </message>
    <message>
        <source>% active</source>
        <translation>活跃 %</translation>
    </message>
    <message>
        <source>Migration between dates</source>
        <translation>两日期间的迁移</translation>
    </message>
    <message>
        <source>the migration between dates needs order lines and two snapshot dates (Parameters ▸ Over time, or &apos;snapshots&apos; in the project)</source>
        <translation>两日期间的迁移需要订单明细和两个快照日期（参数 ▸ 随时间变化，或项目中的 &apos;snapshots&apos;）</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>同期群</translation>
    </message>
    <message>
        <source>the cohort chart needs order lines and cohorts switched on (Parameters ▸ Over time, or &apos;cohorts&apos; in the project)</source>
        <translation>同期群图需要订单明细并开启同期群（参数 ▸ 随时间变化，或项目中的 &apos;cohorts&apos;）</translation>
    </message>
    <message>
        <source>Purchase models compared (%1 customers)</source>
        <translation>购买模型比较（%1 位客户）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Log-likelihood</source>
        <translation>对数似然</translation>
    </message>
    <message>
        <source>AIC</source>
        <translation>AIC</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Holdout MAE</source>
        <translation>保留期 MAE</translation>
    </message>
    <message>
        <source>Holdout RMSE</source>
        <translation>保留期 RMSE</translation>
    </message>
    <message>
        <source>Predicted / actual purchases</source>
        <translation>预测 / 实际购买次数</translation>
    </message>
    <message>
        <source>%1 (chosen)</source>
        <translation>%1（已选用）</translation>
    </message>
    <message>
        <source>predicted (%1)</source>
        <translation>预测（%1）</translation>
    </message>
    <message>
        <source>No purchase model could be fitted</source>
        <translation>没有可拟合的购买模型</translation>
    </message>
    <message>
        <source>the tracking chart needs predictive CLV with a fitted purchase model</source>
        <translation>跟踪图需要预测型 CLV 且至少拟合出一个购买模型</translation>
    </message>
    <message>
        <source>Cumulative repeat purchases: actual and expected by each model</source>
        <translation>累计重复购买：实际值与各模型的期望值</translation>
    </message>
    <message>
        <source>Repeat purchases per week: actual and expected by each model</source>
        <translation>每周重复购买：实际值与各模型的期望值</translation>
    </message>
    <message>
        <source>Repeat purchases per period: actual and expected by each model</source>
        <translation>每期重复购买：实际值与各模型的期望值</translation>
    </message>
    <message>
        <source>end of calibration</source>
        <translation>校准期结束</translation>
    </message>
    <message>
        <source>week (its first day)</source>
        <translation>周（以首日表示）</translation>
    </message>
    <message>
        <source>period (its first day)</source>
        <translation>期间（以首日表示）</translation>
    </message>
    <message>
        <source>repeat purchases</source>
        <translation>重复购买次数</translation>
    </message>
    <message>
        <source>from %1: actual %2</source>
        <translation>自 %1 起：实际 %2</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Tracking (cumulative)</source>
        <translation>跟踪（累计）</translation>
    </message>
    <message>
        <source>Model comparison</source>
        <translation>模型比较</translation>
    </message>
    <message>
        <source>the model comparison needs predictive CLV with a fitted purchase model</source>
        <translation>模型比较需要预测型 CLV 且至少拟合出一个购买模型</translation>
    </message>
</context>
<context>
    <name>defaults</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Very High</source>
        <translation>很高</translation>
    </message>
    <message>
        <source>Very Low</source>
        <translation>很低</translation>
    </message>
    <message>
        <source>Lower Middle</source>
        <translation>中低</translation>
    </message>
    <message>
        <source>Upper Middle</source>
        <translation>中高</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>Develop</source>
        <translation>培育</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保持</translation>
    </message>
    <message>
        <source>Maintain</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>冠军客户</translation>
    </message>
    <message>
        <source>Reward them: early access, loyalty perks; ask for reviews</source>
        <translation>给予回馈：抢先体验、会员特权；邀请评价</translation>
    </message>
    <message>
        <source>Potential Loyalist</source>
        <translation>潜在忠诚客户</translation>
    </message>
    <message>
        <source>Offer membership or a loyalty programme; recommend related products</source>
        <translation>提供会员或忠诚度计划；推荐相关产品</translation>
    </message>
    <message>
        <source>Loyal Customers</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Upsell higher-value products; ask for referrals</source>
        <translation>向上销售高价值产品；请其推荐新客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>有潜力客户</translation>
    </message>
    <message>
        <source>Build awareness: free trials, onboarding offers</source>
        <translation>提升认知：免费试用、新手优惠</translation>
    </message>
    <message>
        <source>New Customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Welcome them: onboarding, early support, a second-purchase offer</source>
        <translation>欢迎新客：入门引导、及时支持、二次购买优惠</translation>
    </message>
    <message>
        <source>Can&apos;t Lose Them</source>
        <translation>不可流失客户</translation>
    </message>
    <message>
        <source>Win them back: renewals, new products, a personal call</source>
        <translation>赢回客户：续约、新产品、专人致电</translation>
    </message>
    <message>
        <source>At Risk</source>
        <translation>流失风险客户</translation>
    </message>
    <message>
        <source>Reconnect with personalised emails and renewal offers</source>
        <translation>以个性化邮件和续约优惠重新联系</translation>
    </message>
    <message>
        <source>Need Attention</source>
        <translation>需关注客户</translation>
    </message>
    <message>
        <source>Limited-time offers based on past purchases</source>
        <translation>根据历史购买推送限时优惠</translation>
    </message>
    <message>
        <source>About To Sleep</source>
        <translation>即将沉睡客户</translation>
    </message>
    <message>
        <source>Share useful content; recommend popular products with a discount</source>
        <translation>分享有用内容；以折扣推荐热门产品</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失客户</translation>
    </message>
    <message>
        <source>One outreach campaign to revive interest; otherwise low priority</source>
        <translation>做一次唤回活动；否则低优先级</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Review individually</source>
        <translation>逐一评估</translation>
    </message>
</context>
<context>
    <name>measures</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频率</translation>
    </message>
    <message>
        <source>Monetary</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>R score</source>
        <translation>R 分</translation>
    </message>
    <message>
        <source>F score</source>
        <translation>F 分</translation>
    </message>
    <message>
        <source>M score</source>
        <translation>M 分</translation>
    </message>
    <message>
        <source>RFM cell</source>
        <translation>RFM 组合</translation>
    </message>
    <message>
        <source>Customer age (T)</source>
        <translation>客户年龄 (T)</translation>
    </message>
    <message>
        <source>P(alive)</source>
        <translation>P(活跃)</translation>
    </message>
    <message>
        <source>Expected purchases</source>
        <translation>预期购买次数</translation>
    </message>
    <message>
        <source>Expected spend per purchase</source>
        <translation>预期单次消费</translation>
    </message>
    <message>
        <source>CLV</source>
        <translation>客户终身价值 (CLV)</translation>
    </message>
    <message>
        <source>CLV, low</source>
        <translation>CLV 下限</translation>
    </message>
    <message>
        <source>CLV, high</source>
        <translation>CLV 上限</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>消费总额</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>首次购买</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近一次购买</translation>
    </message>
    <message>
        <source>CVS score</source>
        <translation>CVS 得分</translation>
    </message>
    <message>
        <source>CVB</source>
        <translation>CVB</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投资回报率</translation>
    </message>
    <message>
        <source>Holdout purchases</source>
        <translation>保留期购买次数</translation>
    </message>
    <message>
        <source>Holdout spend</source>
        <translation>保留期消费</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;</source>
        <translation>“%1”列</translation>
    </message>
    <message>
        <source>row %1, column &apos;%2&apos;</source>
        <translation>第 %1 行，“%2”列</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the file cannot be opened (does it exist, and may you read it?)</source>
        <translation>文件无法打开（文件是否存在？您是否有读取权限？）</translation>
    </message>
    <message>
        <source>the file cannot be opened (may you read it?)</source>
        <translation>文件无法打开（您是否有读取权限？）</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>文件无法打开</translation>
    </message>
    <message>
        <source>the file cannot be read to its end</source>
        <translation>文件无法读取到末尾</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <source>the file is empty: it has no rows of data</source>
        <translation>文件是空的：没有任何数据行</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the file is named like a workbook but is not one (it may be damaged)</source>
        <translation>文件名像工作簿，但内容不是工作簿（文件可能已损坏）</translation>
    </message>
    <message>
        <source>a quoted field starts here and is never closed (a &quot; is missing)</source>
        <translation>一个带引号的字段从这里开始，但一直没有结束（缺少一个 &quot;）</translation>
    </message>
    <message>
        <source>this is a spreadsheet workbook, not a text (CSV) file; open it as a workbook</source>
        <translation>这是电子表格工作簿，不是文本（CSV）文件；请按工作簿打开</translation>
    </message>
    <message>
        <source>the file holds binary data, not text; is it really a CSV file?</source>
        <translation>文件包含二进制数据而不是文本；它真的是 CSV 文件吗？</translation>
    </message>
    <message>
        <source>the file holds binary data (zero bytes), not text in %1; is it really a CSV file?</source>
        <translation>文件包含二进制数据（零字节），不是 %1 编码的文本；它真的是 CSV 文件吗？</translation>
    </message>
    <message>
        <source>the header row %1 is past the end of the file</source>
        <translation>表头行 %1 超出了文件末尾</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8 near byte %1; choose the file&apos;s encoding (for example GB18030 or Windows-1252)</source>
        <translation>文本在第 %1 字节附近不是有效的 UTF-8；请选择文件的编码（例如 GB18030 或 Windows-1252）</translation>
    </message>
    <message>
        <source>the encoding &apos;%1&apos; is not supported</source>
        <translation>不支持编码“%1”</translation>
    </message>
    <message>
        <source>the file ends in the middle of a character (byte %1)</source>
        <translation>文件在一个字符的中间结束（第 %1 字节）</translation>
    </message>
    <message>
        <source>a byte sequence is not valid %1 (byte %2)</source>
        <translation>有一段字节不是有效的 %1（第 %2 字节）</translation>
    </message>
    <message>
        <source>the workbook has no sheet named &apos;%1&apos; (it has %2)</source>
        <translation>工作簿中没有名为“%1”的工作表（现有工作表：%2）</translation>
    </message>
    <message>
        <source>the sheet &apos;%1&apos; is empty</source>
        <translation>工作表“%1”是空的</translation>
    </message>
    <message>
        <source>the sheet &apos;%1&apos; has more cells than this program can hold (%2 columns and more than %3 rows)</source>
        <translation>工作表“%1”的单元格超出了本程序的容量（%2 列，超过 %3 行）</translation>
    </message>
    <message>
        <source>the sheet &apos;%1&apos; is missing from the workbook</source>
        <translation>工作簿中缺少工作表“%1”</translation>
    </message>
    <message>
        <source>the sheet &apos;%1&apos; is a chart sheet: it has no cells to read</source>
        <translation>工作表“%1”是图表工作表，没有可读取的单元格</translation>
    </message>
    <message>
        <source>the sheet &apos;%1&apos; cannot be read: %2</source>
        <translation>工作表“%1”无法读取：%2</translation>
    </message>
    <message>
        <source>the sheet &apos;%1&apos; cannot be read</source>
        <translation>工作表“%1”无法读取</translation>
    </message>
    <message>
        <source>the Excel 97-2003 workbook is damaged, password-protected or not a workbook (freexl error %1)</source>
        <translation>这个 Excel 97-2003 工作簿已损坏、受密码保护，或者不是工作簿（freexl 错误 %1）</translation>
    </message>
    <message>
        <source>the workbook is password-protected; save it without a password first</source>
        <translation>工作簿受密码保护；请先去掉密码另存一份</translation>
    </message>
    <message>
        <source>the workbook has no sheets</source>
        <translation>工作簿中没有工作表</translation>
    </message>
    <message>
        <source>the spreadsheet has no sheets</source>
        <translation>电子表格中没有工作表</translation>
    </message>
    <message>
        <source>this is a zip file, but not an Excel (.xlsx) or OpenDocument (.ods) workbook</source>
        <translation>这是 zip 文件，但不是 Excel（.xlsx）或 OpenDocument（.ods）工作簿</translation>
    </message>
    <message>
        <source>this zip file is not an Excel workbook (it has no xl/workbook.xml)</source>
        <translation>这个 zip 文件不是 Excel 工作簿（其中没有 xl/workbook.xml）</translation>
    </message>
    <message>
        <source>this zip file is not an OpenDocument spreadsheet (it has no content.xml)</source>
        <translation>这个 zip 文件不是 OpenDocument 电子表格（其中没有 content.xml）</translation>
    </message>
    <message>
        <source>the workbook is damaged or incomplete (its zip container cannot be read); was the download or copy cut short?</source>
        <translation>工作簿已损坏或不完整（其 zip 容器无法读取）；是否下载或复制时中断了？</translation>
    </message>
    <message>
        <source>the workbook lacks its part &apos;%1&apos;</source>
        <translation>工作簿缺少组成部分“%1”</translation>
    </message>
    <message>
        <source>the part &apos;%1&apos; would inflate to %2 MiB, more than a workbook can sensibly hold; refusing it (a zip bomb?)</source>
        <translation>组成部分“%1”解压后将达 %2 MiB，远超工作簿的合理大小；已拒绝（可能是 zip 炸弹）</translation>
    </message>
    <message>
        <source>the part &apos;%1&apos; is compressed %2 to 1, far more than real data; refusing it (a zip bomb?)</source>
        <translation>组成部分“%1”的压缩比为 %2 比 1，远超真实数据；已拒绝（可能是 zip 炸弹）</translation>
    </message>
    <message>
        <source>the part &apos;%1&apos; inflates to more than its directory says; refusing it (a zip bomb?)</source>
        <translation>组成部分“%1”解压后比目录中记载的更大；已拒绝（可能是 zip 炸弹）</translation>
    </message>
    <message>
        <source>the part &apos;%1&apos; of the workbook cannot be read</source>
        <translation>工作簿的组成部分“%1”无法读取</translation>
    </message>
    <message>
        <source>the workbook is damaged: its part &apos;%1&apos; cannot be inflated (%2)</source>
        <translation>工作簿已损坏：组成部分“%1”无法解压（%2）</translation>
    </message>
    <message>
        <source>the part &apos;%1&apos; is too large</source>
        <translation>组成部分“%1”太大</translation>
    </message>
    <message>
        <source>the workbook part &apos;%1&apos; cannot be read: %2</source>
        <translation>工作簿的组成部分“%1”无法读取：%2</translation>
    </message>
    <message>
        <source>the workbook&apos;s shared strings are more text than it can hold</source>
        <translation>工作簿的共享字符串超出了可容纳的文本量</translation>
    </message>
    <message>
        <source>the spreadsheet&apos;s content.xml cannot be read: %1</source>
        <translation>电子表格的 content.xml 无法读取：%1</translation>
    </message>
    <message>
        <source>it declares a document type (DTD), which no workbook does; refused, as it could be an XML entity bomb</source>
        <translation>其中声明了文档类型（DTD），而工作簿从不这样做；已拒绝，因为它可能是 XML 实体炸弹</translation>
    </message>
    <message>
        <source>the XML ends inside a declaration</source>
        <translation>XML 在一个声明的中间结束</translation>
    </message>
    <message>
        <source>the XML ends in the middle of a tag (the file is cut short)</source>
        <translation>XML 在一个标签的中间结束（文件被截断了）</translation>
    </message>
    <message>
        <source>the XML is malformed (%1 at line %2)</source>
        <translation>XML 格式有误（%1，位于第 %2 行）</translation>
    </message>
    <message>
        <source>cannot write here (is the folder missing or read-only?)</source>
        <translation>无法写入此处（文件夹是否不存在或只读？）</translation>
    </message>
    <message>
        <source>writing failed (is the disk full?)</source>
        <translation>写入失败（磁盘是否已满？）</translation>
    </message>
    <message>
        <source>cannot replace the file: %1</source>
        <translation>无法替换文件：%1</translation>
    </message>
    <message>
        <source>the workbook cannot be created (is the folder writable?)</source>
        <translation>无法创建工作簿（文件夹是否可写？）</translation>
    </message>
    <message>
        <source>the workbook cannot be written: %1</source>
        <translation>工作簿无法写入：%1</translation>
    </message>
    <message>
        <source>a worksheet holds at most 1,048,575 rows; write .csv for %1 customers</source>
        <translation>一个工作表最多容纳 1,048,575 行；%1 位客户请导出为 .csv</translation>
    </message>
    <message>
        <source>the output must be a .csv or .xlsx file</source>
        <translation>输出文件必须是 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <source>charts cannot be written by this version yet</source>
        <translation>此版本尚不能写出图表</translation>
    </message>
    <message>
        <source>reports cannot be written by this version yet</source>
        <translation>此版本尚不能写出报告</translation>
    </message>
    <message>
        <source>a chart is written as .png, .svg or .pdf, not &apos;.%1&apos;</source>
        <translation>图表只能保存为 .png、.svg 或 .pdf，而不是“.%1”</translation>
    </message>
    <message>
        <source>the chart cannot be written: %1</source>
        <translation>图表无法写入：%1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a chart kind; use one of %2</source>
        <translation>“%1”不是图表类型；请使用以下之一：%2</translation>
    </message>
    <message>
        <source>the chart &apos;%1&apos; cannot be drawn: %2</source>
        <translation>无法绘制图表“%1”：%2</translation>
    </message>
    <message>
        <source>there are no results to report</source>
        <translation>没有可写入报告的结果</translation>
    </message>
    <message>
        <source>a report is written as a .pdf file</source>
        <translation>报告只能保存为 .pdf 文件</translation>
    </message>
    <message>
        <source>the report cannot be written: %1</source>
        <translation>报告无法写入：%1</translation>
    </message>
    <message>
        <source>the data have no column named &apos;%1&apos;</source>
        <translation>数据中没有名为“%1”的列</translation>
    </message>
    <message>
        <source>this column holds dates, but a number is needed here</source>
        <translation>此列是日期，但这里需要数字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number (%2 cells in this column are not numbers)</source>
        <translation>“%1”不是数字（此列共有 %2 个单元格不是数字）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (expected e.g. 2024-03-31)</source>
        <translation>“%1”不是日期（应为例如 2024-03-31 的形式）</translation>
    </message>
    <message>
        <source>the role &apos;%1&apos; is mapped to the column &apos;%2&apos;, which the data do not have</source>
        <translation>角色“%1”对应的列“%2”在数据中不存在</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names the column &apos;%2&apos;, which the data do not have</source>
        <translation>“%1”指定的列“%2”在数据中不存在</translation>
    </message>
    <message>
        <source>the score &apos;%1&apos; uses the column &apos;%2&apos;, which the data do not have</source>
        <translation>得分“%1”用到的列“%2”在数据中不存在</translation>
    </message>
    <message>
        <source>the rate &apos;%1&apos; uses the column &apos;%2&apos;, which the data do not have</source>
        <translation>比率“%1”用到的列“%2”在数据中不存在</translation>
    </message>
    <message>
        <source>the data have no rows to analyse</source>
        <translation>数据中没有可分析的行</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs revenue (PV): map a column to the role &apos;%2&apos;</source>
        <translation>价值模型“%1”需要收入（PV）：请把一列对应到角色“%2”</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs the cost of each customer (C): map a column to the role &apos;%2&apos;</source>
        <translation>价值模型“%1”需要每位客户的成本（C）：请把一列对应到角色“%2”</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs the lifetime of each customer (L): map a column to the role &apos;%2&apos;</source>
        <translation>价值模型“%1”需要每位客户的生命周期（L）：请把一列对应到角色“%2”</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs the number of purchases (orders): map a column to the role &apos;%2&apos;</source>
        <translation>价值模型“%1”需要购买次数（订单数）：请把一列对应到角色“%2”</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs the average spend per purchase: map a column to the role &apos;%2&apos;</source>
        <translation>价值模型“%1”需要每次购买的平均消费：请把一列对应到角色“%2”</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs the sales of each campaign: map a column to the role &apos;%2&apos;</source>
        <translation>价值模型“%1”需要每个活动的销售额：请把一列对应到角色“%2”</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs the cost of each campaign: map a column to the role &apos;%2&apos;</source>
        <translation>价值模型“%1”需要每个活动的成本：请把一列对应到角色“%2”</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs the revenue of each period: list the columns as &apos;revenue_periods&apos;</source>
        <translation>价值模型“%1”需要各期收入：请在“revenue_periods”中列出这些列</translation>
    </message>
    <message>
        <source>&apos;cost_periods&apos; lists %1 columns but &apos;revenue_periods&apos; %2; each period needs both</source>
        <translation>“cost_periods”列出了 %1 列，而“revenue_periods”列出了 %2 列；每一期都需要两者</translation>
    </message>
    <message>
        <source>the score &apos;%1&apos; is divided by the sum of its weights, which is 0</source>
        <translation>得分“%1”要除以其权重之和，而权重之和为 0</translation>
    </message>
    <message>
        <source>the reference customer &apos;%1&apos; for the value ratio (CVB) is not in the data</source>
        <translation>价值比（CVB）的参照客户“%1”不在数据中</translation>
    </message>
    <message>
        <source>the value model &apos;weighted_score&apos; uses the score &apos;%1&apos;, which the project does not define (set value.score to a score&apos;s name)</source>
        <translation>价值模型“weighted_score”用到的得分“%1”在项目中没有定义（请把 value.score 设为某个得分的名称）</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs order lines (the transactions layout); it is not available in this version yet</source>
        <translation>价值模型“%1”需要订单明细（交易布局）；此版本尚不支持</translation>
    </message>
    <message>
        <source>segments are made by &apos;%1&apos;, which is neither &apos;value&apos; nor a score&apos;s name</source>
        <translation>分群依据“%1”既不是“value”，也不是某个得分的名称</translation>
    </message>
    <message>
        <source>there are %1 quantile segments but %2 segment names; give one name per segment</source>
        <translation>共有 %1 个分位数分群，但只有 %2 个分群名称；请为每个分群各起一个名称</translation>
    </message>
    <message>
        <source>threshold segments need one more edge than names (or one fewer: inner cut points); got %1 edges for %2 names</source>
        <translation>阈值分群的边界数应比名称多一个（或少一个：仅内部分割点）；现有 %1 个边界、%2 个名称</translation>
    </message>
    <message>
        <source>the threshold edges must increase from left to right</source>
        <translation>阈值边界必须从左到右递增</translation>
    </message>
    <message>
        <source>the segment method &apos;%1&apos; is not known (quantile, thresholds or rfm_rules)</source>
        <translation>未知的分群方法“%1”（可用：quantile、thresholds 或 rfm_rules）</translation>
    </message>
    <message>
        <source>segments by RFM rules need order lines (the transactions layout) and the &apos;rfm&apos; or &apos;predictive_clv&apos; value model</source>
        <translation>按 RFM 规则分群需要订单明细（交易布局）以及“rfm”或“predictive_clv”价值模型</translation>
    </message>
    <message>
        <source>the baseline cannot be computed: %1</source>
        <translation>无法计算基准：%1</translation>
    </message>
    <message>
        <source>value.time_unit must be days, weeks or months, not &apos;%1&apos;</source>
        <translation>value.time_unit 必须是 days、weeks 或 months，而不是“%1”</translation>
    </message>
    <message>
        <source>order lines need the customer of each line: map a column to &apos;customer&apos;</source>
        <translation>订单明细需要每行的客户：请把一列对应到“customer”</translation>
    </message>
    <message>
        <source>order lines need the date of each line: map a column to &apos;date&apos;</source>
        <translation>订单明细需要每行的日期：请把一列对应到“date”</translation>
    </message>
    <message>
        <source>order lines need what each line is worth: map &apos;amount&apos;, or both &apos;quantity&apos; and &apos;unit_price&apos;</source>
        <translation>订单明细需要每行的金额：请对应“amount”，或同时对应“quantity”和“unit_price”</translation>
    </message>
    <message>
        <source>the order lines name no customer</source>
        <translation>订单明细中没有任何客户</translation>
    </message>
    <message>
        <source>the value model &apos;%1&apos; needs one row per customer; for order lines (the transactions layout) choose &apos;rfm&apos; or &apos;predictive_clv&apos;</source>
        <translation>价值模型“%1”需要每位客户一行；订单明细（交易布局）请选择“rfm”或“predictive_clv”</translation>
    </message>
    <message>
        <source>scores need one row per customer; order lines (the transactions layout) cannot carry them — remove the scores or import a customer table</source>
        <translation>得分需要每位客户一行；订单明细（交易布局）无法承载得分——请删除得分，或导入客户表</translation>
    </message>
    <message>
        <source>the observation end &apos;%1&apos; is not a date (expected e.g. 1997-09-30)</source>
        <translation>观察期结束日“%1”不是日期（应为例如 1997-09-30 的形式）</translation>
    </message>
    <message>
        <source>the observation end %1 lies before the first order (%2)</source>
        <translation>观察期结束日 %1 早于第一笔订单（%2）</translation>
    </message>
    <message>
        <source>the %1 fit did not converge (a parameter ran off towards 0 or infinity); the data may not follow the model (too few repeat customers?)</source>
        <translation>%1 拟合未收敛（有参数趋向 0 或无穷大）；数据可能不符合该模型（回头客太少？）</translation>
    </message>
    <message>
        <source>the %1 fit did not converge; the data may not follow the model (too few repeat customers?)</source>
        <translation>%1 拟合未收敛；数据可能不符合该模型（回头客太少？）</translation>
    </message>
    <message>
        <source>all purchases fall on the observation end; customers&apos; ages are all 0</source>
        <translation>所有购买都发生在观察期结束日；客户的“年龄”全为 0</translation>
    </message>
    <message>
        <source>Gamma-Gamma needs repeat customers with a positive mean spend</source>
        <translation>Gamma-Gamma 需要平均消费为正的回头客</translation>
    </message>
    <message>
        <source>only %1 repeat customers have a positive spend; Gamma-Gamma needs more to be fitted</source>
        <translation>只有 %1 位回头客的消费为正；Gamma-Gamma 需要更多才能拟合</translation>
    </message>
    <message>
        <source>every repeat customer spends the same; Gamma-Gamma has nothing to fit</source>
        <translation>每位回头客的消费都相同；Gamma-Gamma 无从拟合</translation>
    </message>
    <message>
        <source>the Gamma-Gamma fit gives q &lt;= 1: the spread of spend is so wide that the expected spend per purchase is not finite</source>
        <translation>Gamma-Gamma 拟合得到 q ≤ 1：消费的离散程度过大，每次购买的期望消费不是有限值</translation>
    </message>
    <message>
        <source>the project file cannot be opened</source>
        <translation>项目文件无法打开</translation>
    </message>
    <message>
        <source>the project file is not valid JSON</source>
        <translation>项目文件不是有效的 JSON</translation>
    </message>
    <message>
        <source>the project file must hold a JSON object</source>
        <translation>项目文件必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>this is not a ValueScope project (the key &apos;valuescope&apos; is missing)</source>
        <translation>这不是 ValueScope 项目（缺少键“valuescope”）</translation>
    </message>
    <message>
        <source>&apos;valuescope&apos; must be 1; this file is from another version</source>
        <translation>“valuescope”必须为 1；此文件来自其他版本</translation>
    </message>
    <message>
        <source>the project file is too large to be a project</source>
        <translation>项目文件太大，不可能是项目文件</translation>
    </message>
    <message>
        <source>in &apos;%1&apos;: %2</source>
        <translation>在“%1”中：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is missing: the project must name its data file</source>
        <translation>“%1”缺少：项目必须指明其数据文件</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is missing</source>
        <translation>“%1”缺少</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known model (&apos;%2&apos;)</source>
        <translation>“%1”不是已知的模型（“%2”）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known role</source>
        <translation>“%1”不是已知的角色</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be 0 or more</source>
        <translation>“%1”必须大于或等于 0</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a column name</source>
        <translation>“%1”必须是列名</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of column names in period order</source>
        <translation>“%1”必须是按期间顺序排列的列名列表</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of column names</source>
        <translation>“%1”必须是列名列表</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of names</source>
        <translation>“%1”必须是名称列表</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of numbers</source>
        <translation>“%1”必须是数字列表</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of {name, r, f, m}</source>
        <translation>“%1”必须是 {name, r, f, m} 的列表</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list</source>
        <translation>“%1”必须是列表</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a number</source>
        <translation>“%1”必须是数字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a row number (0 for no header)</source>
        <translation>“%1”必须是行号（0 表示没有表头）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a score range [low, high] within 1-5</source>
        <translation>“%1”必须是 1-5 之内的得分范围 [下限, 上限]</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a single character</source>
        <translation>“%1”必须是单个字符</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number from 1 to 100</source>
        <translation>“%1”必须是 1 到 100 的整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number of months from 1 to 600</source>
        <translation>“%1”必须是 1 到 600 的整月数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an object with a name and r, f, m ranges</source>
        <translation>“%1”必须是带有名称及 r、f、m 范围的对象</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an object with the baseline&apos;s value, scores and segments</source>
        <translation>“%1”必须是包含基准的价值、得分和细分的对象</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an object</source>
        <translation>“%1”必须是对象</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be count or weights</source>
        <translation>“%1”必须是 count 或 weights</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be customers, transactions or campaigns, not &apos;%2&apos;</source>
        <translation>“%1”必须是 customers、transactions 或 campaigns，而不是“%2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be days, weeks or months, not &apos;%2&apos;</source>
        <translation>“%1”必须是 days、weeks 或 months，而不是“%2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be greater than -1</source>
        <translation>“%1”必须大于 -1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be quantile, thresholds or rfm_rules</source>
        <translation>“%1”必须是 quantile、thresholds 或 rfm_rules</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be text</source>
        <translation>“%1”必须是文本</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false</source>
        <translation>“%1”必须是 true 或 false</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must lie between 0 and 1 (e.g. 0.9)</source>
        <translation>“%1”必须介于 0 和 1 之间（例如 0.9）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must list at least one indicator</source>
        <translation>“%1”必须至少列出一个指标</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must map roles to column names</source>
        <translation>“%1”必须把角色映射到列名</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must map segment names to strategies</source>
        <translation>“%1”必须把细分名称映射到策略</translation>
    </message>
    <message>
        <source>&apos;%1&apos; &apos;%2&apos; is used by two scores</source>
        <translation>“%1”：“%2”被两个得分同时使用</translation>
    </message>
    <message>
        <source>%1 line(s) above the header row were skipped</source>
        <translation>跳过了表头行之前的 %1 行</translation>
    </message>
    <message>
        <source>%1 column(s) have no name in the header; they are called &quot;column N&quot;</source>
        <translation>表头中有 %1 列没有名称，已命名为“column N”</translation>
    </message>
    <message>
        <source>%1 column name(s) repeat; later ones got a number, e.g. &quot;name (2)&quot;</source>
        <translation>有 %1 个列名重复，后出现的列已加编号，例如“name (2)”</translation>
    </message>
    <message>
        <source>%1 row(s) have fewer fields than the header (first: row %2); the missing cells are empty</source>
        <translation>%1 行的字段少于表头（首个：第 %2 行）；缺少的单元格按空值处理</translation>
    </message>
    <message>
        <source>%1 row(s) have more fields than the header (first: row %2); the extra fields were ignored</source>
        <translation>%1 行的字段多于表头（首个：第 %2 行）；多出的字段已忽略</translation>
    </message>
    <message>
        <source>%1 cell(s) hold Excel errors (first: %2); they are read as missing</source>
        <translation>%1 个单元格为 Excel 错误值（首个：%2），按缺失值读取</translation>
    </message>
    <message>
        <source>%1 cell(s) point at text the workbook does not have; read as empty</source>
        <translation>%1 个单元格引用了工作簿中不存在的文本，按空值读取</translation>
    </message>
    <message>
        <source>%1 row(s) have no customer id (first: row %2); left out</source>
        <translation>%1 行没有客户编号（首个：第 %2 行），已排除</translation>
    </message>
    <message>
        <source>%1 row(s) repeat a customer id seen before (first: row %2, id &apos;%3&apos;); only the first row of each customer is used</source>
        <translation>%1 行的客户编号与前面重复（首个：第 %2 行，编号“%3”）；每位客户只使用第一行</translation>
    </message>
    <message>
        <source>%1 customer(s) have no value (revenue, cost or lifetime is missing); they get no segment</source>
        <translation>%1 位客户没有价值（缺少收入、成本或生命周期），不参与细分</translation>
    </message>
    <message>
        <source>%1 customer(s) have no value (orders or spend is missing); they get no segment</source>
        <translation>%1 位客户没有价值（缺少购买次数或消费金额），不参与细分</translation>
    </message>
    <message>
        <source>%1 customer(s) have no value (a period&apos;s revenue or cost is missing); they get no segment</source>
        <translation>%1 位客户没有价值（缺少某一期的收入或成本），不参与细分</translation>
    </message>
    <message>
        <source>%1 campaign(s) have no effect (sales or cost is missing)</source>
        <translation>%1 项营销活动没有效果值（缺少销售额或成本）</translation>
    </message>
    <message>
        <source>no cost per period is mapped (&apos;cost_periods&apos;); costs are taken as 0</source>
        <translation>未映射各期成本（cost_periods），成本按 0 计算</translation>
    </message>
    <message>
        <source>the indicator &apos;%1&apos; of the score &apos;%2&apos; has one value for everyone; scaled to 0</source>
        <translation>评分“%2”的指标“%1”对所有客户取值相同，缩放后为 0</translation>
    </message>
    <message>
        <source>%1 customer(s) lack an indicator of the score &apos;%2&apos;; their score is missing</source>
        <translation>%1 位客户缺少评分“%2”的某个指标，其评分为缺失</translation>
    </message>
    <message>
        <source>%1 customer(s) have a negative cost; it is used as given (it raises their value)</source>
        <translation>%1 位客户的成本为负数，按原值使用（会提高其价值）</translation>
    </message>
    <message>
        <source>%1 customer(s) have a lifetime of zero or less; their value per lifetime is missing</source>
        <translation>%1 位客户的生命周期小于或等于 0，其单位生命周期价值为缺失</translation>
    </message>
    <message>
        <source>every customer has the same value score; the 0-100 score is 0 for all</source>
        <translation>所有客户的价值得分相同，0–100 分均为 0</translation>
    </message>
    <message>
        <source>the reference value for CVB is 0; the ratios are missing</source>
        <translation>CVB 的参照值为 0，比值为缺失</translation>
    </message>
    <message>
        <source>%1 campaign(s) have a cost of 0; their ROI is missing</source>
        <translation>%1 项营销活动的成本为 0，其投资回报率为缺失</translation>
    </message>
    <message>
        <source>the rate &apos;%1&apos; has no answers in the column &apos;%2&apos;</source>
        <translation>比率“%1”在列“%2”中没有任何回答</translation>
    </message>
    <message>
        <source>no customer has a value to segment by</source>
        <translation>没有客户具有可用于细分的数值</translation>
    </message>
    <message>
        <source>many customers share the same %1, so some quantile edges coincide: %2 segments became %3 (%4)</source>
        <translation>许多客户的 %1 相同，部分分位点重合：%2 个细分合并为 %3 个（%4）</translation>
    </message>
    <message>
        <source>%1 customer(s) lie outside the threshold edges; they get no segment</source>
        <translation>%1 位客户落在阈值范围之外，不参与细分</translation>
    </message>
    <message>
        <source>%1: every customer has the same value; all get the score 3</source>
        <translation>%1：所有客户取值相同，均记 3 分</translation>
    </message>
    <message>
        <source>%1: %2 of customers share the value %3, so quintile edges coincide and only the scores %4 are used; rank-based scoring (RFM scores ▸ Quintiles of the ranks) spreads ties over 1-5</source>
        <translation>%1：%2 的客户取值均为 %3，五分位点重合，只用到了 %4 分；按排名打分（RFM 评分 ▸ 按排名分五等份）可把相同值分散到 1–5 分</translation>
    </message>
    <message>
        <source>%1 order line(s) have no customer id (first: row %2); left out</source>
        <translation>%1 条订单明细没有客户编号（首个：第 %2 行），已排除</translation>
    </message>
    <message>
        <source>%1 order line(s) have no date (first: row %2); left out</source>
        <translation>%1 条订单明细没有日期（首个：第 %2 行），已排除</translation>
    </message>
    <message>
        <source>%1 order line(s) have no amount (first: row %2); left out</source>
        <translation>%1 条订单明细没有金额（首个：第 %2 行），已排除</translation>
    </message>
    <message>
        <source>%1 order line(s) are returns or cancellations (a negative quantity or amount, or an invoice starting with &apos;C&apos;); netted out of the customers&apos; spend, not counted as purchases</source>
        <translation>%1 条订单明细为退货或取消（数量或金额为负，或发票号以 C 开头）；已从客户消费中冲减，不计为购买</translation>
    </message>
    <message>
        <source>BG/NBD: a and b run towards 0 — the data show no sign of customers dropping out (is the observation period long enough?), so the fit is the NBD model without drop-out and P(alive) is about 1 for everyone</source>
        <translation>BG/NBD：参数 a 和 b 趋近于 0——数据中看不出客户流失（观察期是否足够长？），因此拟合结果相当于无流失的 NBD 模型，所有客户的 P(alive) 约为 1</translation>
    </message>
    <message>
        <source>%1 repeat customer(s) have a mean repeat spend of zero or less (returns); left out of the Gamma-Gamma fit</source>
        <translation>%1 位复购客户的平均复购金额小于或等于 0（退货），未参与 Gamma-Gamma 拟合</translation>
    </message>
    <message>
        <source>the fits&apos; standard errors cannot be estimated (the likelihood is flat in some direction); the CLV has no interval</source>
        <translation>无法估计拟合参数的标准误（似然函数在某个方向上是平的），CLV 没有区间</translation>
    </message>
    <message>
        <source>%1 customer(s) first bought after the observation end (%2); they count only in the holdout period and get no value</source>
        <translation>%1 位客户在观察期结束（%2）之后才首次购买，只计入保留期，没有价值</translation>
    </message>
    <message>
        <source>%1 customer(s) have only returns or cancellations in the data, no purchase; they get no value</source>
        <translation>%1 位客户在数据中只有退货或取消、没有购买，没有价值</translation>
    </message>
    <message>
        <source>the report was cancelled</source>
        <translation>报告已取消</translation>
    </message>
    <message>
        <source>the computation was stopped: newer settings came</source>
        <translation>计算已停止：有更新的设置</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be error or missing</source>
        <translation>“%1”必须为 error 或 missing</translation>
    </message>
    <message>
        <source>%1 cell(s) of the column &apos;%2&apos; are not numbers (first: row %3, &apos;%4&apos;); they count as missing</source>
        <translation>“%2”列中有 %1 个单元格不是数字（首个：第 %3 行，“%4”）；它们按缺失值处理</translation>
    </message>
    <message>
        <source>the file would need more than %1 MiB of memory for %2 KiB of data, far more than any table needs: it is damaged, or made to exhaust memory</source>
        <translation>读取这个文件需要超过 %1 MiB 内存，而其中的数据只有 %2 KiB，远超任何表格所需：文件已损坏，或是被故意构造来耗尽内存</translation>
    </message>
    <message>
        <source>the data do not fit in this computer&apos;s memory: the file is too large for it, or damaged</source>
        <translation>这台计算机的内存装不下这些数据：文件对它来说太大，或者文件已损坏</translation>
    </message>
    <message>
        <source>a cell holds more than %1 MiB of text, more than any table needs: the file is damaged, or made to exhaust memory</source>
        <translation>有一个单元格的文本超过 %1 MiB，远超任何表格所需：文件已损坏，或是被故意构造来耗尽内存</translation>
    </message>
    <message>
        <source>the Excel 97-2003 reader cannot be started (%1)</source>
        <translation>无法启动 Excel 97-2003 读取程序（%1）</translation>
    </message>
    <message>
        <source>this .xls file is damaged: the Excel 97-2003 reader failed on it (%1)</source>
        <translation>这个 .xls 文件已损坏：Excel 97-2003 读取程序读取它时出错（%1）</translation>
    </message>
    <message>
        <source>this .xls file is damaged: reading it took more than %1 seconds</source>
        <translation>这个 .xls 文件已损坏：读取它用了超过 %1 秒</translation>
    </message>
    <message>
        <source>this .xls file is damaged or too large: reading it needs more than %1 MiB of memory</source>
        <translation>这个 .xls 文件已损坏或过大：读取它需要超过 %1 MiB 内存</translation>
    </message>
    <message>
        <source>this .xls file is damaged: what the Excel 97-2003 reader made of it cannot be read</source>
        <translation>这个 .xls 文件已损坏：Excel 97-2003 读取程序从中得到的内容无法识别</translation>
    </message>
    <message>
        <source>it holds a tag or text longer than %1 MiB, more than any workbook needs: the file is damaged, or made to exhaust memory</source>
        <translation>其中有长度超过 %1 MiB 的标签或文本，远超任何工作簿所需：文件已损坏，或是被故意构造来耗尽内存</translation>
    </message>
    <message>
        <source>its text is not valid UTF-8 (byte %1)</source>
        <translation>其中的文本不是有效的 UTF-8（第 %1 字节）</translation>
    </message>
    <message>
        <source>it refers to a character that does not exist (%1)</source>
        <translation>其中引用了一个不存在的字符（%1）</translation>
    </message>
    <message>
        <source>the project file nests lists or objects more than %1 deep; no project does</source>
        <translation>项目文件中列表或对象的嵌套超过 %1 层；正常的项目文件不会这样</translation>
    </message>
    <message>
        <source>%1 row(s) have more than %2 fields (first: row %3); the fields past column %2 were left out</source>
        <translation>%1 行的字段数超过 %2 个（第一处：第 %3 行）；第 %2 列之后的字段已略去</translation>
    </message>
    <message>
        <source>there is not enough memory to write the file; nothing was written</source>
        <translation>内存不足，无法写入文件；没有写入任何内容</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a date such as 2024-03-31, not &apos;%2&apos;</source>
        <translation>&apos;%1&apos; 必须是日期，例如 2024-03-31，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a number from 0 to 1</source>
        <translation>&apos;%1&apos; 必须是 0 到 1 之间的数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be month or quarter, not &apos;%2&apos;</source>
        <translation>&apos;%1&apos; 必须是 month 或 quarter，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be customers or revenue, not &apos;%2&apos;</source>
        <translation>&apos;%1&apos; 必须是 customers 或 revenue，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>segment migration between dates and cohorts need order lines (layout &apos;transactions&apos;); they are left out</source>
        <translation>两日期间的细分迁移和同期群需要订单明细（布局 &apos;transactions&apos;）；已略去</translation>
    </message>
    <message>
        <source>the first snapshot date (%1) must lie before the second (%2); no migration between them is shown</source>
        <translation>第一个快照日期（%1）必须早于第二个（%2）；不显示两者之间的迁移</translation>
    </message>
    <message>
        <source>the snapshot date %1 lies before the first order (%2); no migration between the dates is shown</source>
        <translation>快照日期 %1 早于第一笔订单（%2）；不显示两日期间的迁移</translation>
    </message>
    <message>
        <source>the segments as of %1 could not be computed (%2); no migration between the dates is shown</source>
        <translation>无法计算截至 %1 的细分（%2）；不显示两日期间的迁移</translation>
    </message>
    <message>
        <source>the environment variable %1 holds no key for the pseudonyms; set it to a secret only your team keeps</source>
        <translation>环境变量 %1 中没有假名密钥；请将其设为只有您的团队保管的密钥</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be postgresql or clickhouse, not &apos;%2&apos;</source>
        <translation>“%1”必须是 postgresql 或 clickhouse，而不是“%2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a port number from 1 to 65535</source>
        <translation>“%1”必须是 1 到 65535 之间的端口号</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed: a project never holds a password; name an environment variable in password_env instead</source>
        <translation>不允许使用“%1”：项目文件中不能保存密码；请在 password_env 中填写保存密码的环境变量名</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs either a table or a query (one of the two)</source>
        <translation>“%1”需要一个表或一个查询（二者选一）</translation>
    </message>
    <message>
        <source>the database password is read from the environment variable %1, which is not set</source>
        <translation>数据库密码从环境变量 %1 读取，但该变量未设置</translation>
    </message>
    <message>
        <source>cannot connect to the %1 server at %2: %3</source>
        <translation>无法连接到 %2 上的 %1 服务器：%3</translation>
    </message>
    <message>
        <source>the table &apos;%1&apos; does not exist in the database &apos;%2&apos; (%3)</source>
        <translation>数据库“%2”中不存在表“%1”（%3）</translation>
    </message>
    <message>
        <source>the %1 server could not run the query: %2</source>
        <translation>%1 服务器无法执行查询：%2</translation>
    </message>
    <message>
        <source>the column &apos;%1&apos; is of the type %2 in the database; the role &apos;%3&apos; needs a date or timestamp column</source>
        <translation>列“%1”在数据库中的类型为 %2；角色“%3”需要日期或时间戳列</translation>
    </message>
    <message>
        <source>the column &apos;%1&apos; is of the type %2 in the database; the role &apos;%3&apos; needs a number column</source>
        <translation>列“%1”在数据库中的类型为 %2；角色“%3”需要数值列</translation>
    </message>
    <message>
        <source>%1 order line(s) in the database have no %2; left out</source>
        <translation>数据库中有 %1 条订单明细缺少 %2，已排除</translation>
    </message>
    <message>
        <source>cannot write the table &apos;%1&apos; into the database: %2; the database is unchanged</source>
        <translation>无法将表“%1”写入数据库：%2；数据库未作任何更改</translation>
    </message>
    <message>
        <source>--write-table needs a project whose data come from a database (source.database)</source>
        <translation>--write-table 需要数据来自数据库的项目（source.database）</translation>
    </message>
    <message>
        <source>this build of ValueScope cannot read from %1 servers</source>
        <translation>此版本的 ValueScope 无法读取 %1 服务器</translation>
    </message>
    <message>
        <source>a purchase model needs frequency &gt;= 0 and 0 &lt;= recency &lt;= T for every customer (BG/BB also frequency &lt;= T)</source>
        <translation>购买模型要求每位客户的频率 &gt;= 0 且 0 &lt;= 最近购买间隔 &lt;= T（BG/BB 还要求频率 &lt;= T）</translation>
    </message>
    <message>
        <source>only %1 customers bought before the observation end; a purchase model needs at least 10</source>
        <translation>观察截止日之前只有 %1 位客户购买过；购买模型至少需要 10 位</translation>
    </message>
    <message>
        <source>no customer bought on more than one day (or in more than one period), so how often customers come back cannot be estimated (a purchase model needs repeat purchases)</source>
        <translation>没有客户在一天以上（或一个周期以上）购买过，因此无法估计客户回购的频率（购买模型需要重复购买）</translation>
    </message>
    <message>
        <source>only %1 customers bought again; a purchase model needs more repeat customers to be fitted</source>
        <translation>只有 %1 位客户再次购买；购买模型需要更多重复购买的客户才能拟合</translation>
    </message>
    <message>
        <source>BG/BB counts purchase opportunities: it needs the period week, month, quarter or year, not day</source>
        <translation>BG/BB 以购买机会计数：购买周期须为周、月、季度或年，而不是天</translation>
    </message>
    <message>
        <source>the holdout end &apos;%1&apos; is not a date (expected e.g. 1998-06-30)</source>
        <translation>保留期截止日“%1”不是日期（应为如 1998-06-30 的格式）</translation>
    </message>
    <message>
        <source>the holdout end %1 lies before the observation end %2</source>
        <translation>保留期截止日 %1 早于观察截止日 %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be bgnbd, pareto_nbd, mbgnbd, bgbb or auto, not &apos;%2&apos;</source>
        <translation>“%1”必须是 bgnbd、pareto_nbd、mbgnbd、bgbb 或 auto，而不是“%2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be day, week, month, quarter or year, not &apos;%2&apos;</source>
        <translation>“%1”必须是 day、week、month、quarter 或 year，而不是“%2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be greater than 0</source>
        <translation>“%1”必须大于 0</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a number of months greater than 0 and at most 600</source>
        <translation>“%1”必须是大于 0 且不超过 600 的月数</translation>
    </message>
    <message>
        <source>%1 cannot be fitted, so its predictions are left empty: %2</source>
        <translation>%1 无法拟合，其预测列留空：%2</translation>
    </message>
    <message>
        <source>Gamma-Gamma cannot be fitted, so the expected spend and the CLV are left empty: %1</source>
        <translation>Gamma-Gamma 无法拟合，期望消费额与 CLV 留空：%1</translation>
    </message>
    <message>
        <source>Gamma-Gamma reaches its boundary (q and v run to infinity): spend per purchase does not differ between customers, so every customer&apos;s expected spend is the shared mean %1 (complete shrinkage); the CLV interval covers the purchase model&apos;s uncertainty only</source>
        <translation>Gamma-Gamma 到达参数边界（q 与 v 趋于无穷）：各客户每次购买的消费额没有差别，因此每位客户的期望消费额都是共同均值 %1（完全收缩）；CLV 区间只包含购买模型的不确定性</translation>
    </message>
    <message>
        <source>purchase model &apos;auto&apos;: %1 chosen, it predicts the holdout period best (mean absolute error %2 purchases per customer; %3)</source>
        <translation>购买模型“auto”：选用 %1，它对保留期的预测最好（每位客户的平均绝对误差 %2 次购买；%3）</translation>
    </message>
    <message>
        <source>purchase model &apos;auto&apos;: %1 chosen, it has the lowest BIC (%2; %3); with a holdout period (a later holdout end than observation end) the choice would rest on predictions instead</source>
        <translation>购买模型“auto”：选用 %1，它的 BIC 最低（%2；%3）；若有保留期（保留期截止日晚于观察截止日），将改为按预测效果选择</translation>
    </message>
    <message>
        <source>Gamma-Gamma assumes spend per purchase does not depend on how often a customer buys, but among repeat customers the two correlate (Pearson %1, %2 customers); expected spend may be biased</source>
        <translation>Gamma-Gamma 假设每次购买的消费额与购买频率无关，但在重复购买客户中两者相关（Pearson 相关系数 %1，%2 位客户）；期望消费额可能有偏差</translation>
    </message>
    <message>
        <source>clv_low and clv_high: a %1 % interval by the delta method from the fits&apos; standard errors; it covers the uncertainty of the model parameters only, not whether a customer buys more or less than expected</source>
        <translation>clv_low 与 clv_high：由拟合标准误按 delta 方法得到的 %1% 区间；它只包含模型参数的不确定性，不包含客户实际购买多于或少于预期的情况</translation>
    </message>
    <message>
        <source>the file is named like a workbook (%1) but holds text; it was read as a delimited text (CSV) file</source>
        <translation>文件名看起来是工作簿（%1），但内容是文本；已按分隔符文本（CSV）文件读取</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be quantile, rank or rfm</source>
        <translation>“%1”必须是 quantile、rank 或 rfm</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be delta or bootstrap, not &apos;%2&apos;</source>
        <translation>“%1”必须是 delta 或 bootstrap，而不是“%2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number from 20 to 10000</source>
        <translation>“%1”必须是 20 到 10000 之间的整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number from 0 to 999999999</source>
        <translation>“%1”必须是 0 到 999999999 之间的整数</translation>
    </message>
    <message>
        <source>clv_low and clv_high: a %1 % percentile bootstrap interval from %2 resamples of the customers, both models refitted on each (seed %3); it covers the uncertainty of the model parameters only, not whether a customer buys more or less than expected</source>
        <translation>clv_low 与 clv_high：由 %2 次客户重抽样得到的 %1% 百分位自助法区间，每次都重新拟合两个模型（种子 %3）；它只包含模型参数的不确定性，不包含客户实际购买多于或少于预期的情况</translation>
    </message>
    <message>
        <source>the bootstrap was stopped after %1 of %2 resamples; clv_low and clv_high are the delta method&apos;s</source>
        <translation>自助法在 %2 次重抽样中的第 %1 次后被停止；clv_low 与 clv_high 为 delta 方法的区间</translation>
    </message>
    <message>
        <source>%1 of %2 bootstrap resamples could not be refitted; the interval rests on the other %3</source>
        <translation>%2 次自助法重抽样中有 %1 次无法重新拟合；区间基于其余 %3 次</translation>
    </message>
    <message>
        <source>only %1 of %2 bootstrap resamples could be refitted, too few for an interval; clv_low and clv_high are the delta method&apos;s</source>
        <translation>%2 次自助法重抽样中只有 %1 次能重新拟合，不足以给出区间；clv_low 与 clv_high 为 delta 方法的区间</translation>
    </message>
    <message>
        <source>the database summed the order lines per customer for the observation end %1 and purchases per day; read the data again for other dates or periods</source>
        <translation>数据库已按观察截止日 %1、按日计购买汇总了每位客户的订单明细；如需其他日期或周期，请重新读取数据</translation>
    </message>
    <message>
        <source>the connection to the %1 server at %2 was lost while reading; nothing of this reading is used: %3</source>
        <translation>读取时与位于 %2 的 %1 服务器的连接中断；本次读取的内容一概不用：%3</translation>
    </message>
    <message>
        <source>the file changed while it was read (another program shortened it); open it again when that program is done</source>
        <translation>读取期间文件发生了变化（另一个程序把它截短了）；请等该程序完成后再打开</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Profit: revenue − cost</source>
        <translation>利润：收入 − 成本</translation>
    </message>
    <message>
        <source>Profit per lifetime: (revenue − cost) ÷ lifetime</source>
        <translation>单位生命周期利润：(收入 − 成本) ÷ 生命周期</translation>
    </message>
    <message>
        <source>Purchases × average spend</source>
        <translation>购买次数 × 平均消费</translation>
    </message>
    <message>
        <source>Discounted CLV: Σ (revenue − cost) ÷ (1+r)^t</source>
        <translation>折现客户终身价值 CLV：Σ (收入 − 成本) ÷ (1+r)^t</translation>
    </message>
    <message>
        <source>Value score CVS: Σ revenue ÷ (1+r)^t</source>
        <translation>客户价值分数 CVS：Σ 收入 ÷ (1+r)^t</translation>
    </message>
    <message>
        <source>A weighted score</source>
        <translation>加权评分</translation>
    </message>
    <message>
        <source>RFM: recency, frequency, monetary (value = spend)</source>
        <translation>RFM：最近购买、频率、金额（价值 = 消费额）</translation>
    </message>
    <message>
        <source>Predictive CLV: BG/NBD + Gamma-Gamma</source>
        <translation>预测型 CLV：BG/NBD + Gamma-Gamma</translation>
    </message>
</context>
<context>
    <name>numbers</name>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 day</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 week</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>%1 month</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>month</source>
        <translation>个月</translation>
    </message>
</context>
<context>
    <name>parameters</name>
    <message>
        <source>Discount &amp;rate r:</source>
        <translation>折现率 r(&amp;R)：</translation>
    </message>
    <message>
        <source>Discount rate per period: 0.1 = 10 %</source>
        <translation>每期折现率：0.1 = 10 %</translation>
    </message>
    <message>
        <source>&amp;Score:</source>
        <translation>评分(&amp;S)：</translation>
    </message>
    <message>
        <source>The score whose value is each customer&apos;s value</source>
        <translation>以此评分作为每位客户的价值</translation>
    </message>
    <message>
        <source>CVB &amp;reference:</source>
        <translation>CVB 参照(&amp;R)：</translation>
    </message>
    <message>
        <source>The value ratio CVB divides by the mean value, or by one customer&apos;s value</source>
        <translation>价值比 CVB 以平均价值或某一客户的价值为分母</translation>
    </message>
    <message>
        <source>mean, or a customer id</source>
        <translation>mean（平均值）或客户编号</translation>
    </message>
    <message>
        <source>Observation &amp;end:</source>
        <translation>观察截止日(&amp;E)：</translation>
    </message>
    <message>
        <source>yyyy-mm-dd. Orders after it are the holdout period that checks the predictions.</source>
        <translation>yyyy-mm-dd。此日期之后的订单作为检验预测的保留期。</translation>
    </message>
    <message>
        <source>the last order&apos;s date</source>
        <translation>最后一笔订单的日期</translation>
    </message>
    <message>
        <source>Time &amp;unit:</source>
        <translation>时间单位(&amp;U)：</translation>
    </message>
    <message>
        <source>The unit of recency, T and the BG/NBD fit</source>
        <translation>最近一次购买间隔、T 与 BG/NBD 拟合所用的时间单位</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>months</source>
        <translation>月</translation>
    </message>
    <message>
        <source>CLV &amp;horizon:</source>
        <translation>CLV 预测期(&amp;H)：</translation>
    </message>
    <message>
        <source>How far ahead the CLV counts purchases</source>
        <translation>CLV 计算未来多长时间内的购买</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Monthly &amp;discount:</source>
        <translation>月折现率(&amp;D)：</translation>
    </message>
    <message>
        <source>Discount rate per month for the CLV: 0.01 = 1 %</source>
        <translation>CLV 的每月折现率：0.01 = 1 %</translation>
    </message>
    <message>
        <source>Fit &amp;penalty:</source>
        <translation>拟合惩罚(&amp;P)：</translation>
    </message>
    <message>
        <source>CLV &amp;interval:</source>
        <translation>CLV 区间(&amp;I)：</translation>
    </message>
    <message>
        <source>Coverage of the CLV interval (0.9 = 90 %)</source>
        <translation>CLV 区间的覆盖概率（0.9 = 90 %）</translation>
    </message>
    <message>
        <source>RFM &amp;scores:</source>
        <translation>RFM 评分(&amp;S)：</translation>
    </message>
    <message>
        <source>How recency, frequency and spend become scores from 1 to 5</source>
        <translation>如何把最近购买、频次和金额换算为 1–5 分</translation>
    </message>
    <message>
        <source>Quintiles of the values</source>
        <translation>按数值五分位</translation>
    </message>
    <message>
        <source>Quintiles of the ranks (ties spread over 1–5)</source>
        <translation>按排名五分位（并列值分散到 1–5）</translation>
    </message>
    <message>
        <source>L2 penalty on the purchase model&apos;s parameters; 0 = plain maximum likelihood</source>
        <translation>对购买模型参数的 L2 惩罚；0 = 普通最大似然</translation>
    </message>
    <message>
        <source>S&amp;pend fit penalty:</source>
        <translation>消费模型惩罚(&amp;P)：</translation>
    </message>
    <message>
        <source>L2 penalty on the Gamma-Gamma parameters; 0 = plain maximum likelihood</source>
        <translation>对 Gamma-Gamma 参数的 L2 惩罚；0 = 普通最大似然</translation>
    </message>
    <message>
        <source>P&amp;urchase model:</source>
        <translation>购买模型(&amp;U)：</translation>
    </message>
    <message>
        <source>The model of how often customers buy and whether they are still customers</source>
        <translation>描述客户购买频率及是否仍为活跃客户的模型</translation>
    </message>
    <message>
        <source>BG/NBD</source>
        <translation>BG/NBD</translation>
    </message>
    <message>
        <source>Pareto/NBD</source>
        <translation>Pareto/NBD</translation>
    </message>
    <message>
        <source>MBG/NBD</source>
        <translation>MBG/NBD</translation>
    </message>
    <message>
        <source>BG/BB (purchase opportunities: needs a period)</source>
        <translation>BG/BB（按购买机会：需要购买周期）</translation>
    </message>
    <message>
        <source>The best on the holdout period (auto)</source>
        <translation>保留期表现最佳者（auto）</translation>
    </message>
    <message>
        <source>Pu&amp;rchase period:</source>
        <translation>购买周期(&amp;R)：</translation>
    </message>
    <message>
        <source>Purchases on one day, or in one calendar week, month… count as one purchase; with a period, recency and T are whole periods</source>
        <translation>同一天（或同一自然周、月…）内的购买计为一次；选择周期后，最近购买间隔与 T 以整周期计</translation>
    </message>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>calendar week</source>
        <translation>自然周</translation>
    </message>
    <message>
        <source>calendar month</source>
        <translation>自然月</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Days per &amp;month:</source>
        <translation>每月天数(&amp;M)：</translation>
    </message>
    <message>
        <source>Days in a month for the CLV horizon and discounting (30.4375 = 365.25 ÷ 12; lifetimes uses 30)</source>
        <translation>CLV 预测期与折现所用的每月天数（30.4375 = 365.25 ÷ 12；lifetimes 用 30）</translation>
    </message>
    <message>
        <source>&amp;Holdout end:</source>
        <translation>保留期截止日(&amp;H)：</translation>
    </message>
    <message>
        <source>yyyy-mm-dd. Orders after it are left out; the holdout period runs from the observation end to it.</source>
        <translation>yyyy-mm-dd。此日期之后的订单不计入；保留期为观察截止日至此日。</translation>
    </message>
    <message>
        <source>As the R package rfm scores (the same scores as in R)</source>
        <translation>按 R 软件包 rfm 的方式评分（与 R 中的分数相同）</translation>
    </message>
    <message>
        <source>Interval me&amp;thod:</source>
        <translation>区间方法(&amp;T)：</translation>
    </message>
    <message>
        <source>How the CLV interval is found. Either way it covers the uncertainty of the fitted models only, not whether a customer buys more or less than expected.</source>
        <translation>CLV 区间的求法。两种方法都只包含拟合模型的不确定性，不包含客户实际购买多于或少于预期的情况。</translation>
    </message>
    <message>
        <source>&amp;Bootstrap resamples:</source>
        <translation>自助法重抽样次数(&amp;B)：</translation>
    </message>
    <message>
        <source>How often the customers are resampled and both models refitted; more is steadier and slower</source>
        <translation>客户重抽样并重新拟合两个模型的次数；次数越多越稳定，也越慢</translation>
    </message>
    <message>
        <source>B&amp;ootstrap seed:</source>
        <translation>自助法种子(&amp;O)：</translation>
    </message>
    <message>
        <source>The same seed gives the same resamples, so a run repeats exactly</source>
        <translation>相同的种子给出相同的重抽样，因此结果可完全重现</translation>
    </message>
    <message>
        <source>Standard errors (quick)</source>
        <translation>标准误（快速）</translation>
    </message>
    <message>
        <source>Bootstrap: refit on resampled customers (slower)</source>
        <translation>自助法：对重抽样客户重新拟合（较慢）</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Customer value report</source>
        <translation>客户价值报告</translation>
    </message>
    <message>
        <source>Made by ValueScope on %1</source>
        <translation>由 ValueScope 生成于 %1</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>数据布局</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customers with a value</source>
        <translation>有价值的客户</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>总价值</translation>
    </message>
    <message>
        <source>Mean value</source>
        <translation>平均价值</translation>
    </message>
    <message>
        <source>Top 20 % of customers</source>
        <translation>前 20% 的客户</translation>
    </message>
    <message>
        <source>Gini coefficient</source>
        <translation>基尼系数</translation>
    </message>
    <message>
        <source>Model and parameters</source>
        <translation>模型与参数</translation>
    </message>
    <message>
        <source>Value model</source>
        <translation>价值模型</translation>
    </message>
    <message>
        <source>Discount rate per period</source>
        <translation>每期折现率</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Observation end</source>
        <translation>观察期结束</translation>
    </message>
    <message>
        <source>Time unit</source>
        <translation>时间单位</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>预测期</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>Monthly discount</source>
        <translation>月折现率</translation>
    </message>
    <message>
        <source>Gamma-Gamma</source>
        <translation>Gamma-Gamma</translation>
    </message>
    <message>
        <source>value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>thresholds %1</source>
        <translation>阈值 %1</translation>
    </message>
    <message>
        <source>RFM rules (%1 segments)</source>
        <translation>RFM 规则（%1 个细分）</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation>按%1，%2</translation>
    </message>
    <message>
        <source>Score “%1”: weighted sum %2%3</source>
        <translation>评分“%1”：加权和%2%3</translation>
    </message>
    <message>
        <source>divided by the number of indicators (%1)</source>
        <translation>除以指标个数（%1）</translation>
    </message>
    <message>
        <source>divided by the sum of the weights</source>
        <translation>除以权重之和</translation>
    </message>
    <message>
        <source>, each indicator scaled to 0–1 first</source>
        <translation>，各指标先缩放到 0–1</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Effective weight</source>
        <translation>实际权重</translation>
    </message>
    <message>
        <source>Segments and strategies</source>
        <translation>细分与策略</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Share of value</source>
        <translation>价值占比</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Against the baseline</source>
        <translation>与基准对比</translation>
    </message>
    <message>
        <source>%1 customers are in another segment than in the baseline.</source>
        <translation>%1 位客户所在细分与基准不同。</translation>
    </message>
    <message>
        <source>Customers (baseline)</source>
        <translation>客户数（基准）</translation>
    </message>
    <message>
        <source>Customers (now)</source>
        <translation>客户数（当前）</translation>
    </message>
    <message>
        <source>Value (baseline)</source>
        <translation>价值（基准）</translation>
    </message>
    <message>
        <source>Value (now)</source>
        <translation>价值（当前）</translation>
    </message>
    <message>
        <source>Descriptive statistics</source>
        <translation>描述性统计</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>one row per customer</source>
        <translation>每位客户一行</translation>
    </message>
    <message>
        <source>order lines</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>%1 quantile groups (equal numbers of customers)</source>
        <translation>%1 个分位数组（各组客户数相同）</translation>
    </message>
    <message>
        <source>%1 of value</source>
        <translation>价值的 %1</translation>
    </message>
    <message>
        <source>Standard deviations are those of a sample (n − 1). Identifiers and codes (such as a customer number or the RFM cell) have no meaningful mean and are left out.</source>
        <translation>标准差为样本标准差（n − 1）。标识符和代码（如客户编号或 RFM 单元）的平均值没有意义，未列入。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>(no segment)</source>
        <translation>（无细分）</translation>
    </message>
    <message>
        <source>Who moved: a row is a segment of the baseline, a column (by its number) a segment now; the diagonal stayed.</source>
        <translation>客户迁移：每行是基准中的一个细分，每列（按编号）是当前的一个细分；对角线上的客户未变动。</translation>
    </message>
    <message>
        <source>Who moved: a row is a segment of the baseline, a column a segment now; the diagonal stayed.</source>
        <translation>客户迁移：每行是基准中的一个细分，每列是当前的一个细分；对角线上的客户未变动。</translation>
    </message>
    <message>
        <source>Baseline → now</source>
        <translation>基准 → 当前</translation>
    </message>
    <message>
        <source>Columns: %1.</source>
        <translation>列：%1。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Customer value — %1</source>
        <translation>客户价值 — %1</translation>
    </message>
    <message>
        <source>%1 (chosen)</source>
        <translation>%1（已选用）</translation>
    </message>
    <message>
        <source>at its boundary: everyone&apos;s expected spend is the mean %1</source>
        <translation>位于参数边界：每位客户的期望消费额都是均值 %1</translation>
    </message>
    <message>
        <source>Between %1 and %2</source>
        <translation>%1 至 %2 之间</translation>
    </message>
    <message>
        <source>%1 of %2 customers changed segment; %3 are new (first order after %4); %5 lapsed: they bought nothing between the dates (the last column; they are counted in the matrix as well, by their segment on %6).</source>
        <translation>%2 位客户中有 %1 位改变了细分；%3 位是新客户（首次下单在 %4 之后）；%5 位未再购买：他们在两个日期之间没有购买（最后一列；他们也按 %6 的细分计入矩阵）。</translation>
    </message>
    <message>
        <source>Their value on %1: a row is a segment on %2, a column a segment on %1.</source>
        <translation>他们在 %1 的价值：每行是 %2 的一个细分，每列是 %1 的一个细分。</translation>
    </message>
    <message>
        <source>Customers: a row is a segment on %1, a column (%2) a segment on %3; the diagonal stayed.</source>
        <translation>客户数：每行是 %1 的一个细分，每列（%2）是 %3 的一个细分；对角线为未变动的客户。</translation>
    </message>
    <message>
        <source>by its number</source>
        <translation>以编号表示</translation>
    </message>
    <message>
        <source>by its name</source>
        <translation>以名称表示</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>未再购买</translation>
    </message>
    <message>
        <source>Columns: %1. Segments without customers on either date are left out.</source>
        <translation>列：%1。两个日期都没有客户的细分未列出。</translation>
    </message>
    <message>
        <source>Segments without customers on either date are left out.</source>
        <translation>两个日期都没有客户的细分未列出。</translation>
    </message>
    <message>
        <source>CLV interval</source>
        <translation>CLV 区间</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Customer id</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Revenue (PV)</source>
        <translation>收入 (PV)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Cost (C)</source>
        <translation>成本 (C)</translation>
    </message>
    <message>
        <source>Lifetime (L)</source>
        <translation>生命周期 (L)</translation>
    </message>
    <message>
        <source>Number of purchases</source>
        <translation>购买次数</translation>
    </message>
    <message>
        <source>Average spend</source>
        <translation>平均消费</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Revenue per period</source>
        <translation>每期收入</translation>
    </message>
    <message>
        <source>Cost per period</source>
        <translation>每期成本</translation>
    </message>
</context>
<context>
    <name>segment_methods</name>
    <message>
        <source>Quantiles (equal numbers of customers)</source>
        <translation>分位数（各组客户数相等）</translation>
    </message>
    <message>
        <source>Thresholds (value ranges)</source>
        <translation>阈值（按数值区间）</translation>
    </message>
    <message>
        <source>RFM rules (named segments)</source>
        <translation>RFM 规则（命名细分）</translation>
    </message>
</context>
<context>
    <name>sources</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>TLS (sslmode=verify-full)</source>
        <translation>TLS（sslmode=verify-full）</translation>
    </message>
    <message>
        <source>ClickHouse</source>
        <translation>ClickHouse</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
</context>
</TS>
