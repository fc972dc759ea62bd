<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>UI language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>网络引擎</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>About netbench</source>
        <translation>关于 netbench</translation>
    </message>
    <message>
        <source>&lt;b&gt;netbench&lt;/b&gt; — a network workbench that shows every byte.</source>
        <translation>&lt;b&gt;netbench&lt;/b&gt; — 看得见每一个字节的网络调试工作台。</translation>
    </message>
</context>
<context>
    <name>Acceptor</name>
    <message>
        <source>accepting a connection failed: {reason}</source>
        <translation>接受连接失败：{reason}</translation>
    </message>
    <message>
        <source>out of file descriptors ({reason}; this process may open {limit}): accepting paused, {refused} waiting connection(s) refused; accepting resumes when connections close</source>
        <translation>文件描述符已用尽（{reason}；本进程最多可打开 {limit} 个）：已暂停接受连接，拒绝了 {refused} 个等待中的连接；有连接关闭后将恢复接受</translation>
    </message>
    <message>
        <source>still out of file descriptors: {refused} connection(s) refused so far</source>
        <translation>文件描述符仍然不足：至今已拒绝 {refused} 个连接</translation>
    </message>
    <message>
        <source>accepting again: {refused} connection(s) were refused while file descriptors ran out</source>
        <translation>已恢复接受连接：文件描述符用尽期间共拒绝了 {refused} 个连接</translation>
    </message>
</context>
<context>
    <name>AuthPage</name>
    <message>
        <source>Authentication</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic（用户名和密码）</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <source>Body kind</source>
        <translation>正文类型</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>格式化</translation>
    </message>
    <message>
        <source>Check the JSON and indent it</source>
        <translation>校验 JSON 并缩进</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>请求正文</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>表单字段</translation>
    </message>
    <message>
        <source>Value (@path sends a file)</source>
        <translation>值（@路径 表示发送文件）</translation>
    </message>
    <message>
        <source>Multipart fields</source>
        <translation>multipart 字段</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Body file</source>
        <translation>正文文件</translation>
    </message>
    <message>
        <source>File sent as the body, streamed</source>
        <translation>作为正文发送的文件（流式读取）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the body file</source>
        <translation>选择正文文件</translation>
    </message>
    <message>
        <source>This request has no body.</source>
        <translation>此请求没有正文。</translation>
    </message>
    <message>
        <source>No body</source>
        <translation>无正文</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Form (urlencoded)</source>
        <translation>表单（urlencoded）</translation>
    </message>
    <message>
        <source>Multipart form</source>
        <translation>multipart 表单</translation>
    </message>
    <message>
        <source>Binary file</source>
        <translation>二进制文件</translation>
    </message>
    <message>
        <source>File for the form</source>
        <translation>表单中的文件</translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>要发送的文件</translation>
    </message>
</context>
<context>
    <name>BodyViews</name>
    <message>
        <source>Response body</source>
        <translation>响应正文</translation>
    </message>
    <message>
        <source>Body, formatted</source>
        <translation>格式化的正文</translation>
    </message>
    <message>
        <source>Body as text</source>
        <translation>文本形式的正文</translation>
    </message>
    <message>
        <source>Character set</source>
        <translation>字符集</translation>
    </message>
    <message>
        <source>From Content-Type</source>
        <translation>取自 Content-Type</translation>
    </message>
    <message>
        <source>Body in hex</source>
        <translation>十六进制形式的正文</translation>
    </message>
    <message>
        <source>Server-sent events</source>
        <translation>服务器推送事件（SSE）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>格式化</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Text shows the first {shown} of {size}; Hex shows all</source>
        <translation>文本视图显示 {size} 中的前 {shown}；十六进制视图显示全部</translation>
    </message>
    <message>
        <source>Events arrive live; the rest of the body when it ends</source>
        <translation>事件实时到达；其余正文在响应结束时显示</translation>
    </message>
    <message>
        <source>Formatting…</source>
        <translation>正在格式化…</translation>
    </message>
    <message>
        <source>Pretty shows the first {shown} of {size} formatted (the rest is not parsed); Hex shows all</source>
        <translation>格式化视图显示 {size} 中格式化后的前 {shown}（其余部分未解析）；十六进制视图显示全部</translation>
    </message>
</context>
<context>
    <name>CalculatorPage</name>
    <message>
        <source>Address or network (CIDR)</source>
        <translation>地址或网络（CIDR）</translation>
    </message>
    <message>
        <source>192.168.1.0/24, 10.0.0.7/255.0.0.0, 2001:db8::/32</source>
        <translation>192.168.1.0/24、10.0.0.7/255.0.0.0、2001:db8::/32</translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>The network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The address in every form</source>
        <translation>地址的各种写法</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>写法</translation>
    </message>
    <message>
        <source>The socket module&apos;s conversions</source>
        <translation>socket 模块的转换结果</translation>
    </message>
    <message>
        <source>New prefix length</source>
        <translation>新的前缀长度</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Split the network into subnets</source>
        <translation>把网络划分为子网</translation>
    </message>
    <message>
        <source>Networks to join</source>
        <translation>要合并的网络</translation>
    </message>
    <message>
        <source>Supernet</source>
        <translation>超网</translation>
    </message>
    <message>
        <source>Find the smallest network holding them all</source>
        <translation>求包含它们全部的最小网络</translation>
    </message>
    <message>
        <source>Subnets and supernets</source>
        <translation>子网与超网</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Split into</source>
        <translation>划分为</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>dotted / text</source>
        <translation>点分 / 文本</translation>
    </message>
    <message>
        <source>exploded</source>
        <translation>完整写法</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <source>packed bytes</source>
        <translation>打包字节</translation>
    </message>
    <message>
        <source>IPv4-mapped</source>
        <translation>IPv4 映射</translation>
    </message>
    <message>
        <source>reverse DNS name</source>
        <translation>反向解析域名</translation>
    </message>
    <message>
        <source>Calculator {text}</source>
        <translation>地址计算 {text}</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络地址</translation>
    </message>
    <message>
        <source>Netmask</source>
        <translation>子网掩码</translation>
    </message>
    <message>
        <source>Wildcard</source>
        <translation>通配符掩码</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>广播地址</translation>
    </message>
    <message>
        <source>First host</source>
        <translation>第一个主机</translation>
    </message>
    <message>
        <source>Last host</source>
        <translation>最后一个主机</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机数</translation>
    </message>
    <message>
        <source>Gateway (.1)</source>
        <translation>网关 (.1)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Really means</source>
        <translation>实际含义</translation>
    </message>
    <message>
        <source>IPv4 inside</source>
        <translation>内含的 IPv4</translation>
    </message>
    <message>
        <source>Special range</source>
        <translation>特殊地址段</translation>
    </message>
    <message>
        <source>Split {network}</source>
        <translation>划分 {network}</translation>
    </message>
    <message>
        <source>{networks} are all in {supernet}</source>
        <translation>{networks} 都在 {supernet} 之内</translation>
    </message>
</context>
<context>
    <name>Checksum</name>
    <message>
        <source>LRC (Modbus ASCII) needs hex digits, but covered byte {number} is {byte}; skip the &apos;:&apos; and put the line ending after it</source>
        <translation>LRC (Modbus ASCII) 需要十六进制数字，但参与校验的第 {number} 个字节是 {byte}；请跳过 &apos;:&apos;，并把行尾放在校验和之后</translation>
    </message>
    <message>
        <source>LRC (Modbus ASCII) needs hex digit pairs, but {count} digits are covered</source>
        <translation>LRC (Modbus ASCII) 需要成对的十六进制数字，但参与校验的有 {count} 个数字</translation>
    </message>
    <message>
        <source>the checksum skips the first {skip} bytes, but the message before it has only {size}</source>
        <translation>校验和要跳过开头 {skip} 字节，但它前面的消息只有 {size} 字节</translation>
    </message>
</context>
<context>
    <name>ChecksumOptions</name>
    <message>
        <source>Checksum options</source>
        <translation>校验和选项</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Appended to every message sent, computed after {counter} and {time} are filled in</source>
        <translation>附加在每条发送的消息后，在填入 {counter} 和 {time} 之后计算</translation>
    </message>
    <message>
        <source>Checksum byte order</source>
        <translation>校验和字节序</translation>
    </message>
    <message>
        <source>How a 16- or 32-bit checksum is laid out: Modbus RTU sends its CRC low byte first, most other protocols high byte first</source>
        <translation>16 位或 32 位校验和的字节排列：Modbus RTU 的 CRC 低字节在前，其他多数协议高字节在前</translation>
    </message>
    <message>
        <source>low byte first (LE)</source>
        <translation>低字节在前 (LE)</translation>
    </message>
    <message>
        <source>high byte first (BE)</source>
        <translation>高字节在前 (BE)</translation>
    </message>
    <message>
        <source>Bytes at the start the checksum skips</source>
        <translation>校验时跳过的开头字节数</translation>
    </message>
    <message>
        <source>Leading bytes the checksum does not cover, such as a 0x02 or &apos;:&apos; start byte</source>
        <translation>不参与校验的开头字节，例如起始字节 0x02 或 &apos;:&apos;</translation>
    </message>
    <message>
        <source>skip first </source>
        <translation>跳过前 </translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Where the checksum goes</source>
        <translation>校验和的位置</translation>
    </message>
    <message>
        <source>Before the line ending: payload + checksum + line ending. After it: the checksum also covers the line ending and ends the message</source>
        <translation>在换行符之前：内容 + 校验和 + 换行符。在换行符之后：校验和也覆盖换行符，并位于消息末尾</translation>
    </message>
    <message>
        <source>before the line ending</source>
        <translation>在换行符之前</translation>
    </message>
    <message>
        <source>after the line ending</source>
        <translation>在换行符之后</translation>
    </message>
    <message>
        <source>{checksum}:</source>
        <translation>{checksum}：</translation>
    </message>
</context>
<context>
    <name>ClientInfo</name>
    <message>
        <source>enter the server&apos;s socket path</source>
        <translation>请输入服务器的套接字路径</translation>
    </message>
    <message>
        <source>enter a host name or an address</source>
        <translation>请输入主机名或地址</translation>
    </message>
    <message>
        <source>the connect timeout must be more than 0 ms</source>
        <translation>连接超时必须大于 0 ms</translation>
    </message>
    <message>
        <source>local port {port} is out of range: use 0 to 65535</source>
        <translation>本地端口 {port} 超出范围：请使用 0 到 65535</translation>
    </message>
    <message>
        <source>the CA file {path} does not exist</source>
        <translation>CA 文件 {path} 不存在</translation>
    </message>
    <message>
        <source>the certificate file {path} does not exist</source>
        <translation>证书文件 {path} 不存在</translation>
    </message>
    <message>
        <source>a key file needs its certificate file</source>
        <translation>私钥文件需要配合其证书文件</translation>
    </message>
    <message>
        <source>the key file {path} does not exist</source>
        <translation>私钥文件 {path} 不存在</translation>
    </message>
    <message>
        <source>ALPN protocol names are 1 to 255 bytes: {name} is not</source>
        <translation>ALPN 协议名须为 1 到 255 字节：{name} 不符合</translation>
    </message>
    <message>
        <source>the CA file {path} cannot be loaded: {reason}</source>
        <translation>无法加载 CA 文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>the client certificate cannot be used: {reason}</source>
        <translation>无法使用客户端证书：{reason}</translation>
    </message>
    <message>
        <source>the client certificate cannot be read: {reason}</source>
        <translation>无法读取客户端证书：{reason}</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>not tried (out of time)</source>
        <translation>未尝试（时间已用完）</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>无需尝试</translation>
    </message>
    <message>
        <source>timed out after {ms:.0f} ms</source>
        <translation>超时（{ms:.0f} ms）</translation>
    </message>
    <message>
        <source>{message} (tried {tried})</source>
        <translation>{message}（已尝试：{tried}）</translation>
    </message>
    <message>
        <source>{message}; check the host, or enter the name the certificate is for as the server name</source>
        <translation>{message}；请检查主机，或把证书所属的名称填为服务器名称</translation>
    </message>
    <message>
        <source>{message}; the certificate is not signed by a CA we trust: choose its CA file</source>
        <translation>{message}；该证书不是由受信任的 CA 签发的：请选择它的 CA 文件</translation>
    </message>
    <message>
        <source>{message}; the server must renew its certificate</source>
        <translation>{message}；服务器需要更新证书</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>{size} B</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>ClientTab</name>
    <message>
        <source>Client for the TCP time echo server</source>
        <translation>连接 TCP 时间回显服务器的客户端</translation>
    </message>
    <message>
        <source>Send 10 quick messages (粘包 demo)</source>
        <translation>快速发送 10 条消息（粘包演示）</translation>
    </message>
    <message>
        <source>Client sessions</source>
        <translation>客户端会话</translation>
    </message>
    <message>
        <source>+ Session</source>
        <translation>+ 会话</translation>
    </message>
    <message>
        <source>Add another session; each keeps its own connection</source>
        <translation>再添加一个会话；每个会话各有自己的连接</translation>
    </message>
    <message>
        <source>Example clients</source>
        <translation>示例客户端</translation>
    </message>
</context>
<context>
    <name>CloseReason</name>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>closed by us</source>
        <translation>由本端关闭</translation>
    </message>
    <message>
        <source>closed by peer</source>
        <translation>由对端先关闭</translation>
    </message>
    <message>
        <source>aborted by us (RST)</source>
        <translation>被本端强制断开 (RST)</translation>
    </message>
    <message>
        <source>reset by peer</source>
        <translation>被对端复位</translation>
    </message>
    <message>
        <source>closed after the idle timeout</source>
        <translation>因空闲超时而关闭</translation>
    </message>
    <message>
        <source>refused: connection limit reached</source>
        <translation>被拒绝：已达连接数上限</translation>
    </message>
    <message>
        <source>error</source>
        <translation>出错</translation>
    </message>
</context>
<context>
    <name>CurlDialog</name>
    <message>
        <source>Import a curl command</source>
        <translation>导入 curl 命令</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Paste the command (line continuations are fine):</source>
        <translation>粘贴命令（可以带续行符）：</translation>
    </message>
</context>
<context>
    <name>Datagram</name>
    <message>
        <source>the peer&apos;s port is closed (ICMP port unreachable)</source>
        <translation>对端端口未开放（ICMP 端口不可达）</translation>
    </message>
    <message>
        <source>{source} is closed: nothing was sent</source>
        <translation>{source} 已关闭：未发送任何数据</translation>
    </message>
    <message>
        <source>a Unix datagram listener needs a socket path</source>
        <translation>Unix 数据报监听需要一个套接字路径</translation>
    </message>
    <message>
        <source>{peer} has not written to us: its address is unknown</source>
        <translation>{peer} 尚未向本端发送过数据，不知道它的地址</translation>
    </message>
    <message>
        <source>a Unix datagram client needs the server&apos;s socket path</source>
        <translation>Unix 数据报客户端需要服务器的套接字路径</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>… (+{count} byte)</source>
        <translation>…（另 {count} 字节）</translation>
    </message>
    <message>
        <source>… (+{count} bytes)</source>
        <translation>…（另 {count} 字节）</translation>
    </message>
</context>
<context>
    <name>DnsPage</name>
    <message>
        <source>Name to ask for</source>
        <translation>要查询的域名</translation>
    </message>
    <message>
        <source>a name, or an address for PTR</source>
        <translation>域名；查 PTR 时填地址</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>All common types</source>
        <translation>所有常用类型</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>DNS 服务器</translation>
    </message>
    <message>
        <source>the system&apos;s server, or address:port</source>
        <translation>系统的服务器，或 地址:端口</translation>
    </message>
    <message>
        <source>Empty: the first server the system uses. Else an address or a name, with :port if not the usual one (53; 853 for TLS; 443 for HTTPS). In trace mode, the server to start from instead of the root servers.</source>
        <translation>留空：使用系统的第一个服务器。否则填地址或域名，端口不是常用端口时加 :端口（53；TLS 为 853；HTTPS 为 443）。追踪模式下，这是代替根服务器的起点服务器。</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>传输方式</translation>
    </message>
    <message>
        <source>TLS (DoT)</source>
        <translation>TLS (DoT)</translation>
    </message>
    <message>
        <source>HTTPS (DoH)</source>
        <translation>HTTPS (DoH)</translation>
    </message>
    <message>
        <source>Timeout in seconds</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>timeout </source>
        <translation>超时 </translation>
    </message>
    <message>
        <source>EDNS UDP payload size</source>
        <translation>EDNS UDP 载荷大小</translation>
    </message>
    <message>
        <source>no EDNS</source>
        <translation>不用 EDNS</translation>
    </message>
    <message>
        <source>EDNS </source>
        <translation>EDNS </translation>
    </message>
    <message>
        <source>DO (DNSSEC records)</source>
        <translation>DO（DNSSEC 记录）</translation>
    </message>
    <message>
        <source>Set the DO bit</source>
        <translation>设置 DO 位</translation>
    </message>
    <message>
        <source>How to ask</source>
        <translation>查询方式</translation>
    </message>
    <message>
        <source>One query</source>
        <translation>单次查询</translation>
    </message>
    <message>
        <source>Follow the CNAME chain</source>
        <translation>跟随 CNAME 链</translation>
    </message>
    <message>
        <source>Trace from the root</source>
        <translation>从根开始追踪</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Records of the answer</source>
        <translation>应答中的记录</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Query and response as a hex dump</source>
        <translation>查询与响应的十六进制转储</translation>
    </message>
    <message>
        <source>Query and response as dig shows them</source>
        <translation>dig 格式的查询与响应</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Raw messages</source>
        <translation>原始报文</translation>
    </message>
    <message>
        <source>dig text</source>
        <translation>dig 文本</translation>
    </message>
    <message>
        <source>Hex dump</source>
        <translation>十六进制转储</translation>
    </message>
    <message>
        <source>Type a name to ask for</source>
        <translation>请输入要查询的域名</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>additional</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>DNS {name} {type}</source>
        <translation>DNS {name} {type}</translation>
    </message>
    <message>
        <source>CNAME chain: {chain} → {records} (queries asked: {queries})</source>
        <translation>CNAME 链：{chain} → {records}（查询次数：{queries}）</translation>
    </message>
    <message>
        <source>CNAME chain of {name}</source>
        <translation>{name} 的 CNAME 链</translation>
    </message>
    <message>
        <source>Trace: {steps} steps: {zones}</source>
        <translation>追踪：共 {steps} 步：{zones}</translation>
    </message>
    <message>
        <source>Trace of {name}</source>
        <translation>追踪 {name}</translation>
    </message>
    <message>
        <source>Status: {rcode}   Flags: {flags}</source>
        <translation>状态：{rcode}   标志：{flags}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>Server: {server} over {transport}   Query time: {ms} ms</source>
        <translation>服务器：{server}，经 {transport}   查询耗时：{ms} 毫秒</translation>
    </message>
    <message>
        <source>EDNS: {edns}</source>
        <translation>EDNS：{edns}</translation>
    </message>
    <message>
        <source>The UDP answer was truncated (TC): asked again over TCP, which answered in full</source>
        <translation>UDP 应答被截断 (TC)：已改用 TCP 重新查询，得到完整应答</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Not built yet: this tab comes in a coming release.</source>
        <translation>尚未完成：此页将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>Encodings</name>
    <message>
        <source>unknown encoding {name}</source>
        <translation>未知的编码 {name}</translation>
    </message>
    <message>
        <source>encoding {name} is not supported</source>
        <translation>不支持编码 {name}</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Dismiss the error message</source>
        <translation>收起错误提示</translation>
    </message>
    <message>
        <source>Something went wrong: {summary}</source>
        <translation>出错了：{summary}</translation>
    </message>
    <message>
        <source>({count} errors so far)</source>
        <translation>（目前共 {count} 个错误）</translation>
    </message>
    <message>
        <source>The details are in the log: {path}</source>
        <translation>详细信息见日志：{path}</translation>
    </message>
</context>
<context>
    <name>Escapes</name>
    <message>
        <source>{character} cannot be encoded as {codec} at position {position}</source>
        <translation>位置 {position} 的 {character} 无法用 {codec} 编码</translation>
    </message>
    <message>
        <source>lone backslash at position {position} ends the text (write \\ for a backslash)</source>
        <translation>位置 {position} 处的单个反斜杠结束了文本（反斜杠本身请写成 \\）</translation>
    </message>
    <message>
        <source>unknown escape {escape} at position {position}</source>
        <translation>位置 {position} 处是未知的转义 {escape}</translation>
    </message>
    <message>
        <source>(backslash followed by {letter})</source>
        <translation>（反斜杠后跟 {letter}）</translation>
    </message>
    <message>
        <source>\{letter} at position {position} needs exactly two hex digits</source>
        <translation>位置 {position} 处的 \{letter} 后面需要正好两位十六进制数字</translation>
    </message>
    <message>
        <source>\{letter} at position {position} needs exactly four hex digits</source>
        <translation>位置 {position} 处的 \{letter} 后面需要正好四位十六进制数字</translation>
    </message>
    <message>
        <source>\{letter} at position {position} needs exactly eight hex digits</source>
        <translation>位置 {position} 处的 \{letter} 后面需要正好八位十六进制数字</translation>
    </message>
    <message>
        <source>\U{code_point:08x} at position {position} is beyond U+10FFFF, the last Unicode code point</source>
        <translation>位置 {position} 处的 \U{code_point:08x} 超出了最后一个 Unicode 码位 U+10FFFF</translation>
    </message>
</context>
<context>
    <name>EventRecords</name>
    <message>
        <source>first datagram from {peer} (no connection)</source>
        <translation>收到 {peer} 的第一个数据报（无连接）</translation>
    </message>
    <message>
        <source>ready: datagrams go to {peer} from {local} (no connection)</source>
        <translation>就绪：数据报从 {local} 发往 {peer}（无连接）</translation>
    </message>
    <message>
        <source>connected (local {local})</source>
        <translation>已连接（本地地址 {local}）</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>peer finished sending (FIN) after us: both sides are done</source>
        <translation>对端在本端之后结束发送（FIN）：双方都已结束</translation>
    </message>
    <message>
        <source>peer finished sending (FIN); we close our side too</source>
        <translation>对端已结束发送（FIN）；本端也关闭</translation>
    </message>
    <message>
        <source>peer finished sending (FIN); we can still reply</source>
        <translation>对端已结束发送 (FIN)；本端仍可回复</translation>
    </message>
    <message>
        <source>listening on {address}</source>
        <translation>正在监听 {address}</translation>
    </message>
    <message>
        <source>stopped: {reason}</source>
        <translation>已停止：{reason}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>FileSend</name>
    <message>
        <source>{path} is not a regular file</source>
        <translation>{path} 不是普通文件</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied</source>
        <translation>无法读取 {path}：权限不足</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{peer} is no longer connected: nothing was sent</source>
        <translation>{peer} 已断开：未发送任何数据</translation>
    </message>
    <message>
        <source>{peer} has not written to us: its address is unknown</source>
        <translation>{peer} 尚未向本端发送过数据，不知道它的地址</translation>
    </message>
    <message>
        <source>reading {path} failed: {reason}</source>
        <translation>读取 {path} 失败：{reason}</translation>
    </message>
</context>
<context>
    <name>FileSender</name>
    <message>
        <source>Send file…</source>
        <translation>发送文件…</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <source>Send a file&apos;s bytes as they are, streamed: any size, with progress</source>
        <translation>按原样流式发送文件的字节：不限大小，显示进度</translation>
    </message>
    <message>
        <source>File send progress</source>
        <translation>文件发送进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the file send</source>
        <translation>取消发送文件</translation>
    </message>
    <message>
        <source>{count} peers</source>
        <translation>{count} 个对端</translation>
    </message>
    <message>
        <source>{name} to {whom}: {sent} of {total} · {rate}/s · {left} s left</source>
        <translation>{name} 发往 {whom}：{sent} / {total} · {rate}/s · 剩余 {left} 秒</translation>
    </message>
    <message>
        <source>{name}: {sent} of {total} · {rate}/s · {left} s left</source>
        <translation>{name}：{sent} / {total} · {rate}/s · 剩余 {left} 秒</translation>
    </message>
    <message>
        <source>{sent} of {total} · {rate}/s · {left} s left</source>
        <translation>{sent} / {total} · {rate}/s · 剩余 {left} 秒</translation>
    </message>
    <message>
        <source>Sending {name} to {whom} stopped after {sent}: {error}</source>
        <translation>向 {whom} 发送 {name} 在 {sent} 后中止：{error}</translation>
    </message>
    <message>
        <source>Sending {name} stopped after {sent}: {error}</source>
        <translation>发送 {name} 在 {sent} 后中止：{error}</translation>
    </message>
    <message>
        <source>Sending {name} to {whom} cancelled after {sent} of {total}</source>
        <translation>已取消向 {whom} 发送 {name}：已发送 {sent} / {total}</translation>
    </message>
    <message>
        <source>Sending {name} cancelled after {sent} of {total}</source>
        <translation>已取消发送 {name}：已发送 {sent} / {total}</translation>
    </message>
    <message>
        <source>Sent {name} ({size}) to {done} of {count} peers in {seconds} s</source>
        <translation>已向 {count} 个对端中的 {done} 个发送 {name}（{size}），用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>Sent {name} ({size}) to {whom} in {seconds} s ({rate}/s)</source>
        <translation>已向 {whom} 发送 {name}（{size}），用时 {seconds} 秒（{rate}/s）</translation>
    </message>
    <message>
        <source>Sent {name}: {sent} in {seconds} s ({rate}/s)</source>
        <translation>已发送 {name}：{sent}，用时 {seconds} 秒（{rate}/s）</translation>
    </message>
    <message>
        <source>{peer} stopped after {sent}: {error}</source>
        <translation>{peer} 在 {sent} 后中止：{error}</translation>
    </message>
    <message>
        <source>{count} more</source>
        <translation>另有 {count} 个</translation>
    </message>
</context>
<context>
    <name>Framing</name>
    <message>
        <source>unknown framing kind {kind}</source>
        <translation>未知的分帧方式 {kind}</translation>
    </message>
    <message>
        <source>max frame size must be at least 1 byte, got {size}</source>
        <translation>最大帧长至少为 1 字节，而不是 {size}</translation>
    </message>
    <message>
        <source>delimiter must not be empty</source>
        <translation>分隔符不能为空</translation>
    </message>
    <message>
        <source>fixed length must be at least 1 byte, got {size}</source>
        <translation>固定长度至少为 1 字节，而不是 {size}</translation>
    </message>
    <message>
        <source>fixed length ({size} bytes) must not exceed the max frame size ({limit} bytes)</source>
        <translation>固定长度（{size} 字节）不能超过最大帧长（{limit} 字节）</translation>
    </message>
    <message>
        <source>length prefix must be 1, 2, 4 or 8 bytes, got {size}</source>
        <translation>长度前缀必须是 1、2、4 或 8 字节，而不是 {size}</translation>
    </message>
    <message>
        <source>byte order must be &apos;big&apos; or &apos;little&apos;, got {order}</source>
        <translation>字节序必须是 &apos;big&apos; 或 &apos;little&apos;，而不是 {order}</translation>
    </message>
    <message>
        <source>{name}-delimited, delimiter kept</source>
        <translation>以 {name} 分隔，保留分隔符</translation>
    </message>
    <message>
        <source>{name}-delimited</source>
        <translation>以 {name} 分隔</translation>
    </message>
    <message>
        <source>fixed {size} byte</source>
        <translation>固定 {size} 字节</translation>
    </message>
    <message>
        <source>fixed {size} bytes</source>
        <translation>固定 {size} 字节</translation>
    </message>
    <message>
        <source>{size}-byte length prefix (header counted)</source>
        <translation>{size} 字节长度前缀（含头部）</translation>
    </message>
    <message>
        <source>{size}-byte length prefix (header not counted)</source>
        <translation>{size} 字节长度前缀（不含头部）</translation>
    </message>
    <message>
        <source>{size}-byte little-endian length prefix (header counted)</source>
        <translation>{size} 字节小端长度前缀（含头部）</translation>
    </message>
    <message>
        <source>{size}-byte little-endian length prefix (header not counted)</source>
        <translation>{size} 字节小端长度前缀（不含头部）</translation>
    </message>
    <message>
        <source>{size}-byte big-endian length prefix (header counted)</source>
        <translation>{size} 字节大端长度前缀（含头部）</translation>
    </message>
    <message>
        <source>{size}-byte big-endian length prefix (header not counted)</source>
        <translation>{size} 字节大端长度前缀（不含头部）</translation>
    </message>
    <message>
        <source>raw chunks</source>
        <translation>原始数据块</translation>
    </message>
    <message>
        <source>stream ended inside a frame: {count} bytes left over</source>
        <translation>数据流在帧中途结束：剩余 {count} 字节</translation>
    </message>
    <message>
        <source>stream ended while discarding an oversized frame; {rest} more bytes discarded ({total} in all)</source>
        <translation>丢弃超长帧时数据流结束；又丢弃了 {rest} 字节（共 {total} 字节）</translation>
    </message>
    <message>
        <source>frame exceeds {limit} bytes without a delimiter; {discarded} bytes discarded, skipping to the next delimiter</source>
        <translation>帧超过 {limit} 字节仍无分隔符；已丢弃 {discarded} 字节，跳到下一个分隔符</translation>
    </message>
    <message>
        <source>delimiter found, framing resumed; {rest} more bytes of the oversized frame discarded ({total} in all)</source>
        <translation>找到分隔符，恢复分帧；超长帧又丢弃了 {rest} 字节（共 {total} 字节）</translation>
    </message>
    <message>
        <source>{count} bytes discarded after framing lost sync</source>
        <translation>分帧失去同步后丢弃了 {count} 字节</translation>
    </message>
    <message>
        <source>stream ended while skipping an oversized frame; {count} of its bytes never arrived</source>
        <translation>跳过超长帧时数据流结束；该帧还有 {count} 字节没有到达</translation>
    </message>
    <message>
        <source>length prefix declares {declared} bytes, less than its own {header}-byte header; framing cannot resynchronise, so the rest of the stream is discarded</source>
        <translation>长度前缀声明 {declared} 字节，小于其自身 {header} 字节的头部；分帧无法重新同步，数据流的其余部分将被丢弃</translation>
    </message>
    <message>
        <source>length prefix declares a {length}-byte payload, over the {limit}-byte limit; skipping the frame ({total} bytes)</source>
        <translation>长度前缀声明的内容为 {length} 字节，超过 {limit} 字节的上限；跳过该帧（{total} 字节）</translation>
    </message>
</context>
<context>
    <name>HexModel</name>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>HTTP history</source>
        <translation>HTTP 历史记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>Export JSON Lines…</source>
        <translation>导出 JSON Lines…</translation>
    </message>
    <message>
        <source>Authorization and cookies are masked in the file</source>
        <translation>文件中的 Authorization 和 Cookie 会被遮盖</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>{count} exchanges</source>
        <translation>{count} 次请求</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>{count} exchanges written to {path}</source>
        <translation>已将 {count} 次请求写入 {path}</translation>
    </message>
</context>
<context>
    <name>HttpAnomalies</name>
    <message>
        <source>a line ends in a bare LF instead of CRLF (at byte {offset})</source>
        <translation>有一行以单独的 LF 而不是 CRLF 结尾（位于第 {offset} 字节）</translation>
    </message>
    <message>
        <source>a header is folded over two lines (obsolete, at byte {offset})</source>
        <translation>有一个头部被折成两行（已废弃的写法，位于第 {offset} 字节）</translation>
    </message>
    <message>
        <source>Content-Length and Transfer-Encoding are both present: the length must be ignored, and proxies may disagree on where the body ends</source>
        <translation>同时出现了 Content-Length 和 Transfer-Encoding：长度必须忽略，而代理可能对正文在哪里结束有不同判断</translation>
    </message>
    <message>
        <source>Content-Length has conflicting values: {values}</source>
        <translation>Content-Length 的值相互矛盾：{values}</translation>
    </message>
    <message>
        <source>Content-Length is repeated</source>
        <translation>Content-Length 重复出现</translation>
    </message>
    <message>
        <source>an interim response {status} {reason} came before the final one</source>
        <translation>在最终响应之前收到了临时响应 {status} {reason}</translation>
    </message>
</context>
<context>
    <name>HttpBodies</name>
    <message>
        <source>not valid JSON at line {line}, column {column}: {reason}</source>
        <translation>第 {line} 行第 {column} 列不是有效的 JSON：{reason}</translation>
    </message>
</context>
<context>
    <name>HttpCurl</name>
    <message>
        <source>the command does not parse: {reason}</source>
        <translation>无法解析该命令：{reason}</translation>
    </message>
    <message>
        <source>the command must start with curl</source>
        <translation>命令必须以 curl 开头</translation>
    </message>
    <message>
        <source>the command has no URL</source>
        <translation>命令中没有 URL</translation>
    </message>
</context>
<context>
    <name>HttpDecode</name>
    <message>
        <source>unknown content coding {coding}</source>
        <translation>未知的内容编码 {coding}</translation>
    </message>
    <message>
        <source>the body does not decode: {reason}</source>
        <translation>正文无法解码：{reason}</translation>
    </message>
</context>
<context>
    <name>HttpErrors</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the whole exchange took longer than {seconds} s</source>
        <translation>整个请求耗时超过 {seconds} 秒</translation>
    </message>
    <message>
        <source>more than {count} redirects: stopped</source>
        <translation>重定向超过 {count} 次：已停止</translation>
    </message>
    <message>
        <source>{target} closed the connection without answering</source>
        <translation>{target} 未作响应就关闭了连接</translation>
    </message>
    <message>
        <source>the response head from {target} is too large (over 100 KB)</source>
        <translation>{target} 的响应头过大（超过 100 KB）</translation>
    </message>
    <message>
        <source>the chunked body is malformed after {got} bytes: {reason}</source>
        <translation>分块正文在 {got} 字节之后格式错误：{reason}</translation>
    </message>
    <message>
        <source>the response&apos;s Content-Length is invalid: {reason}</source>
        <translation>响应的 Content-Length 无效：{reason}</translation>
    </message>
    <message>
        <source>{target} broke the HTTP protocol: {reason}</source>
        <translation>{target} 违反了 HTTP 协议：{reason}</translation>
    </message>
    <message>
        <source>the connection ended after {got} of the {expected} body bytes announced</source>
        <translation>连接在声明的 {expected} 字节正文中收到 {got} 字节后就结束了</translation>
    </message>
    <message>
        <source>the connection ended in the middle of the body, after {got} bytes</source>
        <translation>连接在正文中途结束，已收到 {got} 字节</translation>
    </message>
    <message>
        <source>{target} reset the connection after {got} body bytes</source>
        <translation>{target} 在发送 {got} 字节正文后复位了连接</translation>
    </message>
    <message>
        <source>{target} reset the connection before answering</source>
        <translation>{target} 在响应之前复位了连接</translation>
    </message>
    <message>
        <source>reading from {target} failed: {reason}</source>
        <translation>从 {target} 读取失败：{reason}</translation>
    </message>
    <message>
        <source>{target} sent nothing for {seconds} s (read timeout)</source>
        <translation>{target} 在 {seconds} 秒内没有发送任何数据（读取超时）</translation>
    </message>
    <message>
        <source>timed out: {reason}</source>
        <translation>超时：{reason}</translation>
    </message>
    <message>
        <source>the request is not valid HTTP: {reason}</source>
        <translation>请求不是有效的 HTTP：{reason}</translation>
    </message>
    <message>
        <source>the SOCKS5 proxy {proxy} refused to connect to {target}: {reason}</source>
        <translation>SOCKS5 代理 {proxy} 拒绝连接 {target}：{reason}</translation>
    </message>
    <message>
        <source>the proxy {proxy} refused the tunnel to {target}: {reason}</source>
        <translation>代理 {proxy} 拒绝建立到 {target} 的隧道：{reason}</translation>
    </message>
    <message>
        <source>the proxy {proxy} cannot be reached: {reason}</source>
        <translation>连不上代理 {proxy}：{reason}</translation>
    </message>
    <message>
        <source>unsupported URL: {reason}</source>
        <translation>不支持的 URL：{reason}</translation>
    </message>
    <message>
        <source>the TLS files do not load: {reason}</source>
        <translation>无法加载 TLS 文件：{reason}</translation>
    </message>
    <message>
        <source>the proxy must start with http://, https:// or socks5://: {proxy}</source>
        <translation>代理必须以 http://、https:// 或 socks5:// 开头：{proxy}</translation>
    </message>
    <message>
        <source>no answer within the read timeout</source>
        <translation>在读取超时内没有响应</translation>
    </message>
    <message>
        <source>the server reset the connection after {got} body bytes</source>
        <translation>服务器在发送 {got} 字节正文后复位了连接</translation>
    </message>
    <message>
        <source>the response is not valid HTTP: {reason}</source>
        <translation>响应不是有效的 HTTP：{reason}</translation>
    </message>
    <message>
        <source>the certificate of {target} is not trusted: {reason}</source>
        <translation>{target} 的证书不受信任：{reason}</translation>
    </message>
    <message>
        <source>the TLS handshake with {target} timed out</source>
        <translation>与 {target} 的 TLS 握手超时</translation>
    </message>
    <message>
        <source>the TLS handshake with {target} failed: {reason}</source>
        <translation>与 {target} 的 TLS 握手失败：{reason}</translation>
    </message>
    <message>
        <source>looking up {host} timed out</source>
        <translation>解析 {host} 超时</translation>
    </message>
</context>
<context>
    <name>HttpFile</name>
    <message>
        <source>line {line} is not a request line: {text}</source>
        <translation>第 {line} 行不是请求行：{text}</translation>
    </message>
</context>
<context>
    <name>HttpGaps</name>
    <message>
        <source>{ms} ms between two small reads: the server&apos;s second write waited for the ACK of its first (Nagle), which the client delays; the server should write head and body at once or set TCP_NODELAY</source>
        <translation>两次小数据读取之间隔了 {ms} 毫秒：服务器的第二次写入在等待第一次写入的 ACK（Nagle 算法），而客户端延迟了 ACK；服务器应一次写出响应头和正文，或设置 TCP_NODELAY</translation>
    </message>
    <message>
        <source>the name lookup took {seconds} s: a resolver that does not answer is retried after a timeout (often 5 s)</source>
        <translation>域名解析耗时 {seconds} 秒：不响应的解析服务器要等超时（通常 5 秒）后才会重试</translation>
    </message>
    <message>
        <source>{address} took {seconds} s to fail before the next address was tried: it is unreachable from here (often IPv6)</source>
        <translation>{address} 耗时 {seconds} 秒才失败，之后才尝试下一个地址：从这里无法到达它（常见于 IPv6）</translation>
    </message>
</context>
<context>
    <name>HttpHeaders</name>
    <message>
        <source>a line break in the header name at position {position}</source>
        <translation>请求头名称的第 {position} 个字符处有换行符</translation>
    </message>
    <message>
        <source>the header has no name</source>
        <translation>请求头没有名称</translation>
    </message>
    <message>
        <source>{char} cannot be in a header name (position {position})</source>
        <translation>请求头名称中不能有 {char}（第 {position} 个字符）</translation>
    </message>
    <message>
        <source>a line break or NUL in the value of {name} at position {position}</source>
        <translation>{name} 的值在第 {position} 个字符处有换行符或 NUL</translation>
    </message>
</context>
<context>
    <name>HttpTab</name>
    <message>
        <source>GET the Server tab&apos;s HTTP site (port 8000)</source>
        <translation>GET 服务器页的 HTTP 站点（端口 8000）</translation>
    </message>
    <message>
        <source>JSON POST to the HTTP site (it answers 405)</source>
        <translation>向 HTTP 站点 POST JSON（它会回应 405）</translation>
    </message>
    <message>
        <source>HEAD: the headers without the body</source>
        <translation>HEAD：只取响应头，不要正文</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>+ Request</source>
        <translation>+ 请求</translation>
    </message>
    <message>
        <source>Add another request; each keeps its own response</source>
        <translation>再添加一个请求；每个请求保留各自的响应</translation>
    </message>
    <message>
        <source>Example requests</source>
        <translation>示例请求</translation>
    </message>
</context>
<context>
    <name>HttpTls</name>
    <message>
        <source>Certificate {number}</source>
        <translation>证书 {number}</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>主体：{subject}</translation>
    </message>
    <message>
        <source>Issuer: {issuer}</source>
        <translation>签发者：{issuer}</translation>
    </message>
    <message>
        <source>Names: {names}</source>
        <translation>名称：{names}</translation>
    </message>
    <message>
        <source>Valid: {start} to {end}</source>
        <translation>有效期：{start} 至 {end}</translation>
    </message>
    <message>
        <source>Certificate verified</source>
        <translation>证书已验证</translation>
    </message>
    <message>
        <source>Certificate NOT verified</source>
        <translation>证书未验证</translation>
    </message>
    <message>
        <source>Version: {version}</source>
        <translation>版本：{version}</translation>
    </message>
    <message>
        <source>Cipher: {cipher}</source>
        <translation>加密套件：{cipher}</translation>
    </message>
    <message>
        <source>ALPN: {alpn}</source>
        <translation>ALPN：{alpn}</translation>
    </message>
    <message>
        <source>Only the leaf certificate is available (the chain needs Python 3.13).</source>
        <translation>只能取得服务器自己的证书（完整证书链需要 Python 3.13）。</translation>
    </message>
</context>
<context>
    <name>HttpVariables</name>
    <message>
        <source>unknown variable {name} at position {position}</source>
        <translation>第 {position} 个字符处的变量 {name} 未定义</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>This {kind} image is broken: {reason} ({size})</source>
        <translation>这张 {kind} 图片已损坏：{reason}（{size}）</translation>
    </message>
    <message>
        <source>This body is not an image that can be shown ({media}, {size}).</source>
        <translation>正文不是可显示的图片（{media}，{size}）。</translation>
    </message>
    <message>
        <source>{kind} image, {width} × {height} pixels, {size}</source>
        <translation>{kind} 图片，{width} × {height} 像素，{size}</translation>
    </message>
</context>
<context>
    <name>ImportQuestion</name>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace the saved messages of the same name</source>
        <translation>替换同名的常用消息</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>都保留</translation>
    </message>
    <message>
        <source>Keep both, the imported ones under new names</source>
        <translation>都保留，导入的消息使用新名称</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Skip the imported messages whose names are taken</source>
        <translation>跳过名称已被占用的导入消息</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
</context>
<context>
    <name>InputMode</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Text with escapes</source>
        <translation>文本（支持转义）</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
</context>
<context>
    <name>LadderDiagram</name>
    <message>
        <source>{state} (from the kernel&apos;s socket table)</source>
        <translation>{state}（内核套接字表所示）</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <source>Our side</source>
        <translation>本端</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
</context>
<context>
    <name>LadderPage</name>
    <message>
        <source>Watch connections</source>
        <translation>观察连接</translation>
    </message>
    <message>
        <source>Watch the connections on this port</source>
        <translation>观察此端口上的连接</translation>
    </message>
    <message>
        <source>Capture the packets of this port&apos;s connections on the loopback device</source>
        <translation>在回环设备上抓取此端口各连接的数据包</translation>
    </message>
    <message>
        <source>Which connection</source>
        <translation>哪条连接</translation>
    </message>
    <message>
        <source>Save capture…</source>
        <translation>保存抓包…</translation>
    </message>
    <message>
        <source>Save the capture as pcapng</source>
        <translation>将抓包保存为 pcapng</translation>
    </message>
    <message>
        <source>Save this connection&apos;s packets for Wireshark</source>
        <translation>保存此连接的数据包，供 Wireshark 打开</translation>
    </message>
    <message>
        <source>TIME_WAIT: why a restarted server needs SO_REUSEADDR</source>
        <translation>TIME_WAIT：为什么重启的服务端需要 SO_REUSEADDR</translation>
    </message>
    <message>
        <source>Open the lesson about SO_REUSEADDR</source>
        <translation>打开讲 SO_REUSEADDR 的教程</translation>
    </message>
    <message>
        <source>Tick Watch, then start or connect: the handshake, the data and the close are drawn here, with our side&apos;s TCP state.</source>
        <translation>勾选“观察连接”，再启动或连接：握手、数据和关闭都画在这里，并标出本端的 TCP 状态。</translation>
    </message>
    <message>
        <source>Capturing the packets of port {port} on the loopback device</source>
        <translation>正在回环设备上抓取端口 {port} 的数据包</translation>
    </message>
    <message>
        <source>No capture here ({reason}): the states below are what the kernel&apos;s socket table said, read every 50 ms while the connection lives; short states can go by unseen.</source>
        <translation>此处无法抓包（{reason}）：下面的状态来自内核套接字表，连接存活期间每 50 毫秒读一次；很短的状态可能看不到。</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {count} packets to {path}</source>
        <translation>已将 {count} 个数据包保存到 {path}</translation>
    </message>
    <message>
        <source>Save the capture</source>
        <translation>保存抓包</translation>
    </message>
    <message>
        <source>pcapng (*.pcapng)</source>
        <translation>pcapng (*.pcapng)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>LengthHeader</name>
    <message>
        <source>{length} bytes do not fit a {size}-byte length header (at most {largest})</source>
        <translation>{length} 字节超出 {size} 字节长度头的上限（最多 {largest}）</translation>
    </message>
</context>
<context>
    <name>LengthHeaderOption</name>
    <message>
        <source>Length header</source>
        <translation>长度头</translation>
    </message>
    <message>
        <source>Put each message&apos;s length in front of it, as struct.pack(&apos;!I&apos;, len(data)) does; a server framing by length prefix reads each message back whole</source>
        <translation>在每条消息前加上它的长度，如同 struct.pack(&apos;!I&apos;, len(data))；按长度前缀分帧的服务器能完整读回每条消息</translation>
    </message>
    <message>
        <source>No length header</source>
        <translation>不加长度头</translation>
    </message>
    <message>
        <source>{n}-byte length header</source>
        <translation>{n} 字节长度头</translation>
    </message>
    <message>
        <source>Length header byte order</source>
        <translation>长度头字节序</translation>
    </message>
    <message>
        <source>big-endian (!)</source>
        <translation>大端（!）</translation>
    </message>
    <message>
        <source>Big-endian is network order, struct&apos;s &apos;!&apos;; little-endian is struct&apos;s &apos;&lt;&apos;</source>
        <translation>大端即网络字节序，对应 struct 的 &apos;!&apos;；小端对应 struct 的 &apos;&lt;&apos;</translation>
    </message>
    <message>
        <source>little-endian (&lt;)</source>
        <translation>小端（&lt;）</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Time-stamp echo server (TCP, port 9999)</source>
        <translation>时间戳回显服务器（TCP，端口 9999）</translation>
    </message>
    <message>
        <source>The server puts time.ctime() in front of each message, without a space, as the tutorial does. The Client tab shows the reply, e.g. “Fri Dec  4 20:00:19 2026hello”. Type more and press Send; the Server tab lists the client as a peer.</source>
        <translation>服务器把 time.ctime() 加在每条消息前面，中间没有空格，与教程一致。客户端标签页显示回复，例如“Fri Dec  4 20:00:19 2026hello”。再输入内容并点击发送；服务器标签页把该客户端列为对端。</translation>
    </message>
    <message>
        <source>“can you hear me?” → “Yes” (TCP, port 8000)</source>
        <translation>“can you hear me?” → “Yes”（TCP，端口 8000）</translation>
    </message>
    <message>
        <source>A rule answers Yes to exactly “can you hear me?” and then closes the connection, like the tutorial&apos;s one-shot server. The Client tab shows Yes, then that the server closed.</source>
        <translation>一条规则对内容恰为“can you hear me?”的消息回复 Yes，然后关闭连接，就像教程里只应答一次的服务器。客户端标签页先显示 Yes，再显示服务器已关闭。</translation>
    </message>
    <message>
        <source>Several clients at once (socketserver, port 8080)</source>
        <translation>同时服务多个客户端（socketserver，端口 8080）</translation>
    </message>
    <message>
        <source>ThreadingTCPServer serves each client on a thread of its own, so a second client need not wait for the first to leave. Two sessions connect and each gets its text back in upper case; the Server tab lists both peers.</source>
        <translation>ThreadingTCPServer 为每个客户端单独开一个线程，第二个客户端不必等第一个离开。两个会话连接后各自收到转为大写的文本；服务器标签页同时列出两个对端。</translation>
    </message>
    <message>
        <source>UDP: “your data was N bytes” (port 1060)</source>
        <translation>UDP：“your data was N bytes”（端口 1060）</translation>
    </message>
    <message>
        <source>No connection and no accept(): each datagram is answered on its own, to the address it came from. The client sends hello (5 bytes) and the Client tab shows “your data was 5 bytes”.</source>
        <translation>没有连接，也没有 accept()：每个数据报单独应答，发回它的来源地址。客户端发送 hello（5 字节），客户端标签页显示“your data was 5 bytes”。</translation>
    </message>
    <message>
        <source>A local socket (AF_UNIX, ./sock)</source>
        <translation>本地套接字（AF_UNIX，./sock）</translation>
    </message>
    <message>
        <source>An AF_UNIX socket has a file instead of an address and a port; here {path}. The server only prints what arrives: the Server tab shows hello.</source>
        <translation>AF_UNIX 套接字用一个文件代替地址和端口，这里是 {path}。服务器只打印收到的内容：服务器标签页显示 hello。</translation>
    </message>
    <message>
        <source>TCP 粘包: quick messages merge</source>
        <translation>TCP 粘包：快速发送的消息粘在一起</translation>
    </message>
    <message>
        <source>粘包 fix 1: an end mark after each message</source>
        <translation>粘包解决方法一：每条消息后加结束标志</translation>
    </message>
    <message>
        <source>粘包 fix 2: a length header (struct)</source>
        <translation>粘包解决方法二：长度头（struct）</translation>
    </message>
    <message>
        <source>The client sends 10 short messages as fast as it can. TCP is a stream of bytes with no message boundaries, so one recv() takes several of them: on the Server tab, which shows a row per read here, they run together in one row (粘包).</source>
        <translation>客户端尽快连续发送 10 条短消息。TCP 是没有消息边界的字节流，一次 recv() 会收到其中好几条：服务器标签页在这里每次读取显示一行，几条消息连在同一行里（粘包）。</translation>
    </message>
    <message>
        <source>Each message ends in \n and the server splits what it reads at \n (framing: lines ending in LF). The Server tab shows 10 separate messages; those that came in one read are marked ❐ in its Reads column.</source>
        <translation>每条消息以 \n 结尾，服务器在 \n 处切分读到的数据（分帧：按行，以 LF 结尾）。服务器标签页显示 10 条独立的消息；一次读到的几条在“读取”列标有 ❐。</translation>
    </message>
    <message>
        <source>Each message starts with struct.pack(&apos;!I&apos;, len(body)): its length in 4 bytes, big-endian. On the Client tab, the send row&apos;s “4-byte length header” puts it in front of every message. The server reads the header, then exactly that many bytes (framing: length prefix): the Server tab shows 10 separate hello messages.</source>
        <translation>每条消息以 struct.pack(&apos;!I&apos;, len(body)) 开头：用 4 字节、大端序写出消息长度。客户端标签页发送行的“4 字节长度头”会把它加在每条消息前面。服务器先读长度头，再读恰好那么多字节（分帧：长度前缀）：服务器标签页显示 10 条独立的 hello 消息。</translation>
    </message>
    <message>
        <source>粘包 fix 3: a short pause between sends</source>
        <translation>粘包解决方法三：两次发送之间稍作停顿</translation>
    </message>
    <message>
        <source>The client waits 200 ms between messages, so each one usually arrives in a read of its own. It works, but slowly and without a guarantee: the other two fixes are the reliable ones.</source>
        <translation>客户端每发一条消息等待 200 毫秒，所以每条消息通常单独被读到。这样可行，但很慢，也没有保证：另外两种方法才可靠。</translation>
    </message>
    <message>
        <source>HTTP: a request and its response (port 8000)</source>
        <translation>HTTP：一次请求和它的响应（端口 8000）</translation>
    </message>
    <message>
        <source>The Server tab serves a small site. The Client tab sends a request typed by hand (request line, headers, a blank line) and shows the response: status line, headers, a blank line, the body. Open http://127.0.0.1:{port}/ in a browser, or in the HTTP tab.</source>
        <translation>服务器标签页提供一个小网站。客户端标签页发送一条手写的请求（请求行、请求头、空行），并显示响应：状态行、响应头、空行、响应体。可在浏览器或 HTTP 标签页中打开 http://127.0.0.1:{port}/。</translation>
    </message>
    <message>
        <source>Host names and addresses</source>
        <translation>主机名与地址</translation>
    </message>
    <message>
        <source>gethostname() names this computer, gethostbyname() turns a name into an IPv4 address and gethostbyaddr() goes back. The Lookup tab&apos;s Names page does the same; run the program to see Python&apos;s answers here.</source>
        <translation>gethostname() 给出本机名称，gethostbyname() 把名称转换为 IPv4 地址，gethostbyaddr() 则反过来。查询标签页的“域名解析”页做的是同样的事；运行程序可看到 Python 在本机给出的结果。</translation>
    </message>
    <message>
        <source>inet_aton, inet_ntoa and getservbyname</source>
        <translation>inet_aton、inet_ntoa 与 getservbyname</translation>
    </message>
    <message>
        <source>An IPv4 address is a 32-bit number: inet_aton() gives its 4 bytes, inet_ntoa() the dotted form again. getservbyname(&apos;mysql&apos;) reads 3306 from the system&apos;s list of services, which the Lookup tab&apos;s Services page shows.</source>
        <translation>IPv4 地址是一个 32 位的数：inet_aton() 给出它的 4 字节，inet_ntoa() 再转回点分十进制。getservbyname(&apos;mysql&apos;) 从系统的服务列表中读到 3306，查询标签页的“服务与端口”页显示的就是这个列表。</translation>
    </message>
    <message>
        <source>Port ranges and special addresses</source>
        <translation>端口范围与特殊地址</translation>
    </message>
    <message>
        <source>Ports 1–255 are well known, 256–1023 belong to the system, 1024–65535 are free to use. 127.0.0.1 is this computer and 0.0.0.0 every interface; in 192.168.1.0/24, .0 names the network, .1 is usually the gateway and .255 is the broadcast address. The Lookup tab&apos;s Calculator page works these out.</source>
        <translation>端口 1–255 是众所周知的端口，256–1023 属于系统应用，1024–65535 可自由使用。127.0.0.1 表示本机，0.0.0.0 表示所有网卡；在 192.168.1.0/24 中，.0 表示网段本身，.1 通常是网关，.255 是广播地址。查询标签页的“地址计算器”页可以算出这些。</translation>
    </message>
    <message>
        <source>Three-way handshake, four-way close</source>
        <translation>三次握手，四次挥手</translation>
    </message>
    <message>
        <source>connect() is the handshake: SYN, SYN+ACK, ACK. Now press Half-close (FIN) on the Client tab: the server&apos;s recv() returns b&apos;&apos;, it closes its side too, and the Client tab says so. That is the four-way close: FIN, ACK, FIN, ACK.</source>
        <translation>connect() 就是握手：SYN、SYN+ACK、ACK。现在在客户端标签页点击“半关闭 (FIN)”：服务器的 recv() 返回 b&apos;&apos;，它也关闭自己这一端，客户端标签页会显示出来。这就是四次挥手：FIN、ACK、FIN、ACK。</translation>
    </message>
    <message>
        <source>A socket&apos;s attributes</source>
        <translation>套接字的属性</translation>
    </message>
    <message>
        <source>The Client tab&apos;s socket panel shows what s.type, s.family, s.fileno(), s.getsockname() and s.getpeername() return, and the socket&apos;s options (SO_REUSEADDR and others).</source>
        <translation>客户端标签页的套接字面板显示 s.type、s.family、s.fileno()、s.getsockname() 和 s.getpeername() 的返回值，以及套接字的选项（SO_REUSEADDR 等）。</translation>
    </message>
</context>
<context>
    <name>LessonsTab</name>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Set up this step</source>
        <translation>准备此步骤</translation>
    </message>
    <message>
        <source>Start the server and the client sessions, then show the result</source>
        <translation>启动服务器和客户端会话，然后显示结果</translation>
    </message>
    <message>
        <source>Which program to show</source>
        <translation>显示哪个程序</translation>
    </message>
    <message>
        <source>Client program</source>
        <translation>客户端程序</translation>
    </message>
    <message>
        <source>Server program</source>
        <translation>服务器程序</translation>
    </message>
    <message>
        <source>Python code</source>
        <translation>Python 代码</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Run this client</source>
        <translation>运行此客户端</translation>
    </message>
    <message>
        <source>Run the program as a separate Python process</source>
        <translation>以独立的 Python 进程运行该程序</translation>
    </message>
    <message>
        <source>The program&apos;s output</source>
        <translation>程序的输出</translation>
    </message>
    <message>
        <source>What the program prints shows here</source>
        <translation>程序打印的内容显示在这里</translation>
    </message>
    <message>
        <source>Run this program</source>
        <translation>运行此程序</translation>
    </message>
    <message>
        <source>Copied the program</source>
        <translation>已复制程序</translation>
    </message>
    <message>
        <source>The server did not start: the Server tab says why</source>
        <translation>服务器未能启动：原因见服务器标签页</translation>
    </message>
    <message>
        <source>Listening on {where}</source>
        <translation>正在监听 {where}</translation>
    </message>
    <message>
        <source>Port {port} is busy here; listening on {where} instead</source>
        <translation>端口 {port} 在本机已被占用，改为监听 {where}</translation>
    </message>
    <message>
        <source>the client could not connect</source>
        <translation>客户端无法连接</translation>
    </message>
    <message>
        <source>Lesson: {title} · {where}</source>
        <translation>教程：{title} · {where}</translation>
    </message>
    <message>
        <source>[exit status {code}]</source>
        <translation>[退出码 {code}]</translation>
    </message>
</context>
<context>
    <name>ListenerForm</name>
    <message>
        <source>Listener kind</source>
        <translation>监听类型</translation>
    </message>
    <message>
        <source>Address to listen on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>0 = any</source>
        <translation>0 = 任意</translation>
    </message>
    <message>
        <source>0 picks any free port; the bound address is shown after start</source>
        <translation>0 表示任选一个空闲端口；启动后显示实际绑定的地址</translation>
    </message>
    <message>
        <source>127.0.0.1: this machine only. 0.0.0.0, or empty as in bind((&apos;&apos;, port)): every IPv4 interface. ::: every IPv6 interface only (IPV6_V6ONLY is on), so IPv4 clients such as 127.0.0.1 cannot reach it.</source>
        <translation>127.0.0.1：仅本机。0.0.0.0 或留空（同 bind((&apos;&apos;, port))）：所有 IPv4 网卡。::：仅所有 IPv6 网卡（IPV6_V6ONLY 已开启），127.0.0.1 等 IPv4 客户端连不上。</translation>
    </message>
    <message>
        <source>Socket path, e.g. ./sock</source>
        <translation>套接字路径，如 ./sock</translation>
    </message>
    <message>
        <source>Remove a stale socket file</source>
        <translation>删除残留的套接字文件</translation>
    </message>
    <message>
        <source>Only a socket file nobody answers on is removed; never a regular file</source>
        <translation>只删除无人响应的套接字文件，绝不删除普通文件</translation>
    </message>
    <message>
        <source>Raw chunks as received</source>
        <translation>按收到的原始数据块</translation>
    </message>
    <message>
        <source>Lines ending in LF (\n)</source>
        <translation>按行，以 LF (\n) 结尾</translation>
    </message>
    <message>
        <source>Lines ending in CRLF (\r\n)</source>
        <translation>按行，以 CRLF (\r\n) 结尾</translation>
    </message>
    <message>
        <source>NUL-terminated (\0)</source>
        <translation>以 NUL (\0) 结尾</translation>
    </message>
    <message>
        <source>Custom delimiter</source>
        <translation>自定义分隔符</translation>
    </message>
    <message>
        <source>Fixed length</source>
        <translation>固定长度</translation>
    </message>
    <message>
        <source>Length prefix</source>
        <translation>长度前缀</translation>
    </message>
    <message>
        <source>How received bytes are split into messages</source>
        <translation>收到的字节如何拆分成消息（处理粘包）</translation>
    </message>
    <message>
        <source>Delimiter bytes, with escapes: \n, \r\n, \x03</source>
        <translation>分隔符字节，可用转义：\n、\r\n、\x03</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Message length</source>
        <translation>消息长度</translation>
    </message>
    <message>
        <source>{n}-byte</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <source>Length prefix size</source>
        <translation>长度前缀的字节数</translation>
    </message>
    <message>
        <source>big-endian</source>
        <translation>大端</translation>
    </message>
    <message>
        <source>little-endian</source>
        <translation>小端</translation>
    </message>
    <message>
        <source>Length prefix byte order</source>
        <translation>长度前缀的字节序</translation>
    </message>
    <message>
        <source>counts the header</source>
        <translation>长度含头部</translation>
    </message>
    <message>
        <source>Length counts the header</source>
        <translation>长度值包含头部本身</translation>
    </message>
    <message>
        <source> B max</source>
        <translation> 字节上限</translation>
    </message>
    <message>
        <source>A longer message is reported and skipped, never buffered</source>
        <translation>超长的消息会被报告并跳过，不会缓存</translation>
    </message>
    <message>
        <source>Maximum message size</source>
        <translation>消息最大长度</translation>
    </message>
    <message>
        <source>Framing</source>
        <translation>分帧</translation>
    </message>
    <message>
        <source>No automatic reply</source>
        <translation>不自动回复</translation>
    </message>
    <message>
        <source>Echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <source>Upper-case echo</source>
        <translation>大写回显</translation>
    </message>
    <message>
        <source>Timestamp prefix (time.ctime)</source>
        <translation>加时间戳前缀 (time.ctime)</translation>
    </message>
    <message>
        <source>Time stamp as the tutorial: ctime() + data</source>
        <translation>时间戳（与教程相同）：ctime() + 数据</translation>
    </message>
    <message>
        <source>Byte count</source>
        <translation>字节计数</translation>
    </message>
    <message>
        <source>Fixed reply</source>
        <translation>固定回复</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>HTTP static site</source>
        <translation>HTTP 静态网站</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <source>Reply text, escapes allowed: OK\r\n</source>
        <translation>回复内容，可用转义：OK\r\n</translation>
    </message>
    <message>
        <source>Folder served over HTTP</source>
        <translation>通过 HTTP 提供的文件夹</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Choose the folder to serve</source>
        <translation>选择要提供的文件夹</translation>
    </message>
    <message>
        <source> ms delay</source>
        <translation> ms 延迟</translation>
    </message>
    <message>
        <source>Delay before replying</source>
        <translation>回复前的延迟</translation>
    </message>
    <message>
        <source>close after reply</source>
        <translation>回复后关闭</translation>
    </message>
    <message>
        <source>Close after replying</source>
        <translation>回复后关闭连接</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>One rule per line: KIND PATTERN =&gt; REPLY
KIND is exact, prefix, contains, regex or hex. REPLY may use {data} {upper} {len} {time} {counter} {peer} and escapes.
prefix HELLO =&gt; hi {peer}\n</source>
        <translation>每行一条规则：KIND PATTERN =&gt; REPLY
KIND 取 exact、prefix、contains、regex 或 hex。REPLY 可用 {data} {upper} {len} {time} {counter} {peer} 和转义。
prefix HELLO =&gt; hi {peer}\n</translation>
    </message>
    <message>
        <source>Reply rules</source>
        <translation>回复规则</translation>
    </message>
    <message>
        <source>certificate .pem</source>
        <translation>证书 .pem</translation>
    </message>
    <message>
        <source>TLS certificate file</source>
        <translation>TLS 证书文件</translation>
    </message>
    <message>
        <source>key .pem</source>
        <translation>私钥 .pem</translation>
    </message>
    <message>
        <source>TLS key file</source>
        <translation>TLS 私钥文件</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <source>Make a certificate for localhost on start</source>
        <translation>启动时为 localhost 生成证书</translation>
    </message>
    <message>
        <source>Use a self-signed certificate</source>
        <translation>使用自签名证书</translation>
    </message>
    <message>
        <source>Listening on all interfaces: other machines on your network can connect. Use 127.0.0.1 to stay on this machine.</source>
        <translation>正在所有网卡上监听：局域网内的其他机器都能连接。只想本机访问请用 127.0.0.1。</translation>
    </message>
    <message>
        <source>Rule {numbers}: a repeated group that itself repeats, such as (a+)+, can take forever on some messages; such a match is stopped after a moment and the rule skipped. Write a+ instead of (a+)+.</source>
        <translation>规则 {numbers}：重复的分组内部又有重复（如 (a+)+），遇到某些消息可能永远匹配不完；这样的匹配会在片刻后被中止，并跳过该规则。请用 a+ 代替 (a+)+。</translation>
    </message>
    <message>
        <source>Folder to serve</source>
        <translation>要提供的文件夹</translation>
    </message>
    <message>
        <source>Delimiter: {message}</source>
        <translation>分隔符：{message}</translation>
    </message>
    <message>
        <source>Enter the delimiter bytes, e.g. \x03</source>
        <translation>请输入分隔符字节，如 \x03</translation>
    </message>
    <message>
        <source>Fixed reply: {message}</source>
        <translation>固定回复：{message}</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path} 不是文件夹</translation>
    </message>
    <message>
        <source>Rule {number}: write KIND PATTERN =&gt; REPLY, with KIND one of {kinds}</source>
        <translation>第 {number} 条规则：请写成 KIND PATTERN =&gt; REPLY，KIND 取 {kinds} 之一</translation>
    </message>
    <message>
        <source>Rule {number}: {message}</source>
        <translation>第 {number} 条规则：{message}</translation>
    </message>
    <message>
        <source>Add at least one rule</source>
        <translation>请至少添加一条规则</translation>
    </message>
    <message>
        <source>Choose a certificate and a key, or tick self-signed</source>
        <translation>请选择证书和私钥，或勾选“自签名”</translation>
    </message>
</context>
<context>
    <name>ListenerLimits</name>
    <message>
        <source>Listen backlog</source>
        <translation>监听队列长度 (backlog)</translation>
    </message>
    <message>
        <source>backlog </source>
        <translation>backlog </translation>
    </message>
    <message>
        <source>SO_REUSEADDR</source>
        <translation>SO_REUSEADDR</translation>
    </message>
    <message>
        <source>Reuse the address (SO_REUSEADDR)</source>
        <translation>地址重用 (SO_REUSEADDR)</translation>
    </message>
    <message>
        <source>max </source>
        <translation>最多 </translation>
    </message>
    <message>
        <source> connections</source>
        <translation> 个连接</translation>
    </message>
    <message>
        <source>Maximum connections</source>
        <translation>最大连接数</translation>
    </message>
    <message>
        <source>at most {budget} (open-file limit)</source>
        <translation>最多 {budget} 个（打开文件数上限）</translation>
    </message>
    <message>
        <source>Each connection holds a file descriptor; some are kept for the rest of the app. Raise the system&apos;s open-file limit (ulimit -n) to allow more.</source>
        <translation>每个连接占用一个文件描述符，另有一部分留给程序的其他功能。提高系统的打开文件数上限（ulimit -n）即可允许更多连接。</translation>
    </message>
    <message>
        <source>no idle timeout</source>
        <translation>无空闲超时</translation>
    </message>
    <message>
        <source> s idle timeout</source>
        <translation> 秒空闲超时</translation>
    </message>
    <message>
        <source>Idle timeout in seconds</source>
        <translation>空闲超时（秒）</translation>
    </message>
    <message>
        <source>keep half-open</source>
        <translation>保持半关闭</translation>
    </message>
    <message>
        <source>When a peer finishes sending (FIN), keep our side open so you can still reply. Off: our side closes once what was queued is sent.</source>
        <translation>对端结束发送（FIN）后，本端保持打开，以便仍可回复。关闭此项：排队的数据发送完毕后本端即关闭。</translation>
    </message>
    <message>
        <source>Keep connections half-open after the peer&apos;s FIN</source>
        <translation>收到对端 FIN 后保持连接半关闭</translation>
    </message>
    <message>
        <source>system receive buffer</source>
        <translation>系统默认接收缓冲区</translation>
    </message>
    <message>
        <source>receive buffer </source>
        <translation>接收缓冲区 </translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source>SO_RCVBUF: how much the system holds for this socket before it drops datagrams (UDP) or makes the sender wait (TCP). Linux doubles it, up to net.core.rmem_max.</source>
        <translation>SO_RCVBUF：系统为此套接字缓存的数据量上限，超出后会丢弃数据报（UDP）或让发送方等待（TCP）。Linux 会将其翻倍，最大不超过 net.core.rmem_max。</translation>
    </message>
    <message>
        <source>Receive buffer size in KB (SO_RCVBUF)</source>
        <translation>接收缓冲区大小，单位 KB（SO_RCVBUF）</translation>
    </message>
</context>
<context>
    <name>ListenerPanel</name>
    <message>
        <source>Start listening</source>
        <translation>开始监听</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>停止监听</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>已连接的对端</translation>
    </message>
    <message>
        <source>Close the selected peers (FIN)</source>
        <translation>断开所选对端 (FIN)</translation>
    </message>
    <message>
        <source>Close gracefully: queued data, then FIN</source>
        <translation>正常关闭：先发完队列中的数据，再发 FIN</translation>
    </message>
    <message>
        <source>Reset the selected peers (RST)</source>
        <translation>复位所选对端 (RST)</translation>
    </message>
    <message>
        <source>Reset the connection: RST, queued data is lost</source>
        <translation>复位连接：发送 RST，队列中的数据丢弃</translation>
    </message>
    <message>
        <source>Remove closed peers</source>
        <translation>移除已关闭的对端</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>to selected peers</source>
        <translation>发给所选对端</translation>
    </message>
    <message>
        <source>to all peers</source>
        <translation>发给所有对端</translation>
    </message>
    <message>
        <source>Send to which peers</source>
        <translation>发给哪些对端</translation>
    </message>
    <message>
        <source>Where the editor&apos;s message and a file go</source>
        <translation>编辑器中的消息和文件发往何处</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Start the listener first: “{name}” is in the editor, ready to send</source>
        <translation>请先启动监听：“{name}”已放入编辑框，随时可以发送</translation>
    </message>
    <message>
        <source>New listener</source>
        <translation>新监听</translation>
    </message>
    <message>
        <source>the certificate folder</source>
        <translation>证书文件夹</translation>
    </message>
    <message>
        <source>(held by {process})</source>
        <translation>（被 {process} 占用）</translation>
    </message>
    <message>
        <source>Certificate SHA-256: {fingerprint} · {subject} · valid until {date}</source>
        <translation>证书 SHA-256：{fingerprint} · {subject} · 有效期至 {date}</translation>
    </message>
    <message>
        <source>(held by a socket bound but not listening; the system does not say which process has it)</source>
        <translation>（被一个已绑定但未监听的套接字占用；系统不说明是哪个进程）</translation>
    </message>
    <message>
        <source>(held by {process}, bound but not listening)</source>
        <translation>（被 {process} 占用，已绑定但未监听）</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Abort</source>
        <translation>复位(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;lear closed</source>
        <translation>清除已关闭(&amp;L)</translation>
    </message>
    <message>
        <source>(a closed connection of this port is in TIME_WAIT, which lasts about a minute: tick SO_REUSEADDR to listen anyway)</source>
        <translation>（此端口上一个已关闭的连接处于 TIME_WAIT，约持续一分钟：勾选 SO_REUSEADDR 即可照常监听）</translation>
    </message>
    <message>
        <source>Listening on {address} · try: {command}</source>
        <translation>正在监听 {address} · 试试：{command}</translation>
    </message>
    <message>
        <source>Listening on {address} · open {link}</source>
        <translation>正在监听 {address} · 打开 {link}</translation>
    </message>
    <message>
        <source>{open} open · {total} total · in {msgs_in} {bytes_in} · out {msgs_out} {bytes_out}</source>
        <translation>在线 {open} · 累计 {total} · 收 {msgs_in} {bytes_in} · 发 {msgs_out} {bytes_out}</translation>
    </message>
    <message>
        <source>msg</source>
        <translation>条</translation>
    </message>
    <message>
        <source> · {count} dropped by the system (receive buffer full)</source>
        <translation> · 系统丢弃 {count} 个（接收缓冲区已满）</translation>
    </message>
    <message>
        <source>Start the listener first</source>
        <translation>请先启动监听</translation>
    </message>
    <message>
        <source>Select a peer in the table, or send to all peers</source>
        <translation>请在表格中选择对端，或发给所有对端</translation>
    </message>
    <message>
        <source>No peer is connected yet</source>
        <translation>还没有对端连接</translation>
    </message>
    <message>
        <source>Sent {size} to {count} peer(s)</source>
        <translation>已向 {count} 个对端发送 {size}</translation>
    </message>
</context>
<context>
    <name>ListenerSocketsPage</name>
    <message>
        <source>Which socket to show</source>
        <translation>显示哪个套接字</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Start the listener to see its socket, and pick a peer&apos;s.</source>
        <translation>启动监听后可查看它的套接字，也可选一个对端的。</translation>
    </message>
    <message>
        <source>Listening socket</source>
        <translation>监听套接字</translation>
    </message>
    <message>
        <source>Peer {peer}</source>
        <translation>对端 {peer}</translation>
    </message>
</context>
<context>
    <name>ListenerViews</name>
    <message>
        <source>Transcript, ladder or sockets</source>
        <translation>收发记录、时序图或套接字</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>收发记录</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>Socket · Python</source>
        <translation>套接字 · Python</translation>
    </message>
    <message>
        <source>A connection&apos;s packets and TCP states, in time order</source>
        <translation>一条连接的数据包和 TCP 状态，按时间排列</translation>
    </message>
    <message>
        <source>The listening socket or a peer&apos;s, and the same calls in Python</source>
        <translation>监听套接字或某个对端的套接字，以及对应的 Python 调用</translation>
    </message>
</context>
<context>
    <name>Listeners</name>
    <message>
        <source>enter a socket path, e.g. ./sock</source>
        <translation>请输入套接字路径，如 ./sock</translation>
    </message>
    <message>
        <source>{host} is not an IP address: listen on an address of this machine</source>
        <translation>{host} 不是 IP 地址：请监听本机的某个地址</translation>
    </message>
    <message>
        <source>TLS needs a certificate and key, or a self-signed one</source>
        <translation>TLS 需要证书和私钥，或使用自签名证书</translation>
    </message>
    <message>
        <source>allow at least one connection</source>
        <translation>请至少允许一个连接</translation>
    </message>
    <message>
        <source>the receive buffer must be from 1 byte to 1 GB</source>
        <translation>接收缓冲区必须在 1 字节到 1 GB 之间</translation>
    </message>
    <message>
        <source>the idle timeout must be more than 0 seconds</source>
        <translation>空闲超时必须大于 0 秒</translation>
    </message>
</context>
<context>
    <name>LoadPanel</name>
    <message>
        <source>One reply per read</source>
        <translation>每次读取算一条应答</translation>
    </message>
    <message>
        <source>A line ending in LF (\n)</source>
        <translation>以 LF (\n) 结尾的一行</translation>
    </message>
    <message>
        <source>A line ending in CRLF (\r\n)</source>
        <translation>以 CRLF (\r\n) 结尾的一行</translation>
    </message>
    <message>
        <source>NUL-terminated (\0)</source>
        <translation>以 NUL (\0) 结尾</translation>
    </message>
    <message>
        <source>As many bytes as sent (echo)</source>
        <translation>与发送的字节数相同（回显）</translation>
    </message>
    <message>
        <source>Concurrent connections</source>
        <translation>并发连接数</translation>
    </message>
    <message>
        <source>How many connections run at the same time</source>
        <translation>同时运行多少个连接</translation>
    </message>
    <message>
        <source>messages each</source>
        <translation>条/每连接</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>End after a message count or a time</source>
        <translation>按消息条数或时长结束</translation>
    </message>
    <message>
        <source>Messages per connection</source>
        <translation>每个连接的消息数</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Duration in seconds</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <source>Ramp-up in milliseconds</source>
        <translation>逐步建立连接的用时（毫秒）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Open the connections evenly over this time instead of all at once</source>
        <translation>在这段时间内均匀地建立连接，而不是一次全部建立</translation>
    </message>
    <message>
        <source>Rate limit in messages per second</source>
        <translation>速率上限（条/秒）</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> 条/秒</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>Messages per second on a steady grid of deadlines; a sender that falls behind skips the late slots instead of bursting</source>
        <translation>每秒消息数，按固定节拍发送；跟不上时跳过来不及发的几条，而不是集中补发</translation>
    </message>
    <message>
        <source>per connection</source>
        <translation>每连接</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>The rate is per connection or in total</source>
        <translation>速率按每个连接计还是按总数计</translation>
    </message>
    <message>
        <source>Wait for each reply (latency)</source>
        <translation>等待每条应答（测延迟）</translation>
    </message>
    <message>
        <source>Request/response: send, wait for the reply, then send the next, and measure each round trip. Off: send as fast as allowed and only count what comes back.</source>
        <translation>请求/应答：发送后等待应答再发下一条，并测量每次往返时间。不勾选：尽可能快地发送，只统计收到的数据。</translation>
    </message>
    <message>
        <source>Wait for each reply</source>
        <translation>等待每条应答</translation>
    </message>
    <message>
        <source>What makes a reply complete; a datagram is always one reply</source>
        <translation>怎样算收到一条完整应答；一个数据报总是算一条应答</translation>
    </message>
    <message>
        <source>What makes a reply complete</source>
        <translation>怎样算收到完整应答</translation>
    </message>
    <message>
        <source>Reply timeout in milliseconds</source>
        <translation>应答超时（毫秒）</translation>
    </message>
    <message>
        <source>A stream connection without a reply in this time ends (a late reply would be taken for the next one&apos;s); a lost datagram is counted and the next one sent</source>
        <translation>流式连接在这段时间内没收到应答就结束（迟到的应答会被当成下一条的应答）；丢失的数据报计入统计，并继续发送下一条</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Ramp-up</source>
        <translation>逐步连接</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Reply is</source>
        <translation>应答判定</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the load test</source>
        <translation>开始压力测试</translation>
    </message>
    <message>
        <source>Open the connections to the session&apos;s target and send its payload</source>
        <translation>向本会话的目标建立连接并发送其发送内容</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the load test</source>
        <translation>取消压力测试</translation>
    </message>
    <message>
        <source>Stop now and close every connection; what was measured is kept</source>
        <translation>立即停止并关闭所有连接；已测得的数据会保留</translation>
    </message>
    <message>
        <source>Load test progress</source>
        <translation>压力测试进度</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Load test figures</source>
        <translation>压力测试数据</translation>
    </message>
    <message>
        <source>Networking runs on the window&apos;s loop, so a big load slows the window down; Settings › Run networking on an IO thread runs it at full speed.</source>
        <translation>网络与窗口在同一线程运行，负载大时窗口会变慢；“设置 › 在后台线程运行网络”可全速运行。</translation>
    </message>
    <message>
        <source>This process may open {limit} files (ulimit -n): past about {count} connections the run will stop with &apos;too many open files&apos;</source>
        <translation>本进程最多可打开 {limit} 个文件 (ulimit -n)：超过约 {count} 个连接时，测试会因 &apos;too many open files&apos; 而停止</translation>
    </message>
    <message>
        <source>&apos;As many bytes as sent&apos; needs a payload of one size: {counter} and {time} change it. End the payload with a line ending and pick a line.</source>
        <translation>“与发送的字节数相同”要求发送内容长度固定：{counter} 和 {time} 会改变长度。请在发送内容末尾加上换行，并选择按行判定。</translation>
    </message>
    <message>
        <source>Check the connection settings above: {message}</source>
        <translation>请检查上方的连接设置：{message}</translation>
    </message>
    <message>
        <source>The payload below is not valid: {message}</source>
        <translation>下方的发送内容无效：{message}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{elapsed} of {total} s</source>
        <translation>{elapsed} / {total} 秒</translation>
    </message>
    <message>
        <source>{sent} of {total} messages</source>
        <translation>{sent} / {total} 条</translation>
    </message>
    <message>
        <source>{rate} msg/s</source>
        <translation>{rate} 条/秒</translation>
    </message>
    <message>
        <source>{open} open of {connections}</source>
        <translation>在线 {open} / {connections}</translation>
    </message>
    <message>
        <source>{sent} sent · {replies} replies</source>
        <translation>已发 {sent} · 应答 {replies}</translation>
    </message>
    <message>
        <source>{out} out · {into} in</source>
        <translation>发 {out} · 收 {into}</translation>
    </message>
    <message>
        <source>mean latency {latency}</source>
        <translation>平均延迟 {latency}</translation>
    </message>
    <message>
        <source>{errors} errors</source>
        <translation>{errors} 个错误</translation>
    </message>
    <message>
        <source>{timeouts} timeouts</source>
        <translation>{timeouts} 次超时</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Failed: {summary}</source>
        <translation>失败：{summary}</translation>
    </message>
    <message>
        <source>Cancelled at {time}</source>
        <translation>已于 {time} 取消</translation>
    </message>
    <message>
        <source>Done at {time}</source>
        <translation>已于 {time} 完成</translation>
    </message>
    <message>
        <source>{summary} in {elapsed} s</source>
        <translation>{summary}，用时 {elapsed} 秒</translation>
    </message>
    <message>
        <source>Too many open files: the limit was reached with {count} connections; raise it (ulimit -n) or use fewer connections</source>
        <translation>打开的文件过多：在 {count} 个连接时达到上限；请调高上限 (ulimit -n) 或减少连接数</translation>
    </message>
</context>
<context>
    <name>LoadResults</name>
    <message>
        <source>{connections} × {seconds} s</source>
        <translation>{connections} × {seconds} 秒</translation>
    </message>
    <message>
        <source>{connections} × {messages} messages</source>
        <translation>{connections} × {messages} 条</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>per connection</source>
        <translation>每连接</translation>
    </message>
    <message>
        <source>{rate} msg/s {scope}</source>
        <translation>{scope} {rate} 条/秒</translation>
    </message>
    <message>
        <source>ramp-up {ms} ms</source>
        <translation>{ms} ms 内逐步连接</translation>
    </message>
    <message>
        <source>fire and forget</source>
        <translation>只发不等</translation>
    </message>
    <message>
        <source>one datagram</source>
        <translation>一个数据报</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <source>one read</source>
        <translation>一次读取</translation>
    </message>
    <message>
        <source>request/response ({rule}, timeout {ms} ms)</source>
        <translation>请求/应答（{rule}，超时 {ms} ms）</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>({count} not tried)</source>
        <translation>（{count} 个未尝试）</translation>
    </message>
    <message>
        <source>{count} exact</source>
        <translation>{count}（精确）</translation>
    </message>
    <message>
        <source>{sampled} sampled of {count}</source>
        <translation>{count} 次中抽样 {sampled} 次</translation>
    </message>
    <message>
        <source>run</source>
        <translation>整体</translation>
    </message>
    <message>
        <source>#{number}</source>
        <translation>#{number}</translation>
    </message>
    <message>
        <source>reached at {count} connections</source>
        <translation>在 {count} 个连接时达到</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>发送内容</translation>
    </message>
    <message>
        <source>Connections attempted</source>
        <translation>尝试连接数</translation>
    </message>
    <message>
        <source>Connections ok</source>
        <translation>成功连接数</translation>
    </message>
    <message>
        <source>Connections failed</source>
        <translation>失败连接数</translation>
    </message>
    <message>
        <source>Open at once (peak)</source>
        <translation>同时在线（峰值）</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>已发消息数</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>收到应答数</translation>
    </message>
    <message>
        <source>Replies timed out</source>
        <translation>应答超时数</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>发送字节数</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>接收字节数</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Throughput (msg/s)</source>
        <translation>吞吐量（条/秒）</translation>
    </message>
    <message>
        <source>Replies per second</source>
        <translation>每秒应答数</translation>
    </message>
    <message>
        <source>MB/s out</source>
        <translation>发送 MB/s</translation>
    </message>
    <message>
        <source>MB/s in</source>
        <translation>接收 MB/s</translation>
    </message>
    <message>
        <source>Latency min</source>
        <translation>延迟 最小</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>延迟 p50</translation>
    </message>
    <message>
        <source>Latency p90</source>
        <translation>延迟 p90</translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation>延迟 p99</translation>
    </message>
    <message>
        <source>Latency max</source>
        <translation>延迟 最大</translation>
    </message>
    <message>
        <source>Latency mean</source>
        <translation>延迟 平均</translation>
    </message>
    <message>
        <source>Round trips measured</source>
        <translation>测得往返次数</translation>
    </message>
    <message>
        <source>Late slots skipped</source>
        <translation>来不及发而跳过</translation>
    </message>
    <message>
        <source>Open file limit</source>
        <translation>打开文件数上限</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>First errors</source>
        <translation>最早的错误</translation>
    </message>
    <message>
        <source>No runs yet. Set the load above and press Start: the target is this session&apos;s form, the payload is the editor below ({counter} is filled in per message). Each run adds a column here, next to the earlier ones.</source>
        <translation>还没有测试记录。在上方设置负载后点“启动”：目标取自本会话的表单，发送内容取自下方编辑框（每条消息填入 {counter}）。每次测试在这里新增一列，与之前的结果并排显示。</translation>
    </message>
    <message>
        <source>Load test results, one column per run</source>
        <translation>压力测试结果，每次测试一列</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <source>Copy the results as plain text</source>
        <translation>将结果复制为纯文本</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>Copy the results as a Markdown table</source>
        <translation>将结果复制为 Markdown 表格</translation>
    </message>
    <message>
        <source>Clear runs</source>
        <translation>清除记录</translation>
    </message>
    <message>
        <source>Remove every run from the table</source>
        <translation>从表格中移除所有测试记录</translation>
    </message>
    <message>
        <source>Run {number} · {time}</source>
        <translation>第 {number} 次 · {time}</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>LoadTest</name>
    <message>
        <source>connections must be from 1 to {limit:,}, not {count}</source>
        <translation>连接数必须在 1 到 {limit:,} 之间，而不是 {count}</translation>
    </message>
    <message>
        <source>the duration cannot be negative</source>
        <translation>持续时间不能为负数</translation>
    </message>
    <message>
        <source>send at least 1 message per connection, or set a duration</source>
        <translation>每个连接至少发送 1 条消息，或设置持续时间</translation>
    </message>
    <message>
        <source>the rate cannot be negative</source>
        <translation>速率不能为负数</translation>
    </message>
    <message>
        <source>the ramp-up cannot be negative</source>
        <translation>逐步连接的用时不能为负数</translation>
    </message>
    <message>
        <source>the ramp-up must be shorter than the duration</source>
        <translation>逐步连接的用时必须短于持续时间</translation>
    </message>
    <message>
        <source>the reply timeout must be more than 0 ms</source>
        <translation>应答超时必须大于 0 ms</translation>
    </message>
    <message>
        <source>the payload is empty: a stream cannot send an empty message</source>
        <translation>发送内容为空：流式连接无法发送空消息</translation>
    </message>
    <message>
        <source>the payload is {size:,} bytes: a datagram holds at most {limit:,}</source>
        <translation>发送内容有 {size:,} 字节：一个数据报最多容纳 {limit:,} 字节</translation>
    </message>
    <message>
        <source>{target} closed the connection</source>
        <translation>{target} 关闭了连接</translation>
    </message>
    <message>
        <source>{target} finished sending (FIN) before the run ended</source>
        <translation>测试结束前 {target} 就结束了发送 (FIN)</translation>
    </message>
    <message>
        <source>no reply within {ms:.0f} ms</source>
        <translation>{ms:.0f} ms 内没有应答</translation>
    </message>
    <message>
        <source>{target} refused the datagram: nothing is listening there (ICMP port unreachable)</source>
        <translation>{target} 拒收数据报：那里没有程序在监听（ICMP 端口不可达）</translation>
    </message>
    <message>
        <source>message {number}: {problem}</source>
        <translation>第 {number} 条消息：{problem}</translation>
    </message>
    <message>
        <source>too many open files: this process&apos;s limit ({limit:,} with ulimit -n) was reached with {count:,} connections open or opening</source>
        <translation>打开的文件过多：在 {count:,} 个连接已打开或正在打开时达到了本进程的上限（ulimit -n 为 {limit:,}）</translation>
    </message>
    <message>
        <source>too many open files: the system&apos;s limit ({limit:,} with ulimit -n) was reached with {count:,} connections open or opening</source>
        <translation>打开的文件过多：在 {count:,} 个连接已打开或正在打开时达到了系统的上限（ulimit -n 为 {limit:,}）</translation>
    </message>
    <message>
        <source>replies that could not be framed (too long, or malformed)</source>
        <translation>无法分帧的应答（过长或格式错误）</translation>
    </message>
    <message>
        <source>no connection was opened</source>
        <translation>没有建立任何连接</translation>
    </message>
    <message>
        <source>all {count:,} connections failed: {message}</source>
        <translation>全部 {count:,} 个连接均失败：{message}</translation>
    </message>
    <message>
        <source>{sent:,} messages sent, {replies:,} replies over {connected:,} connections</source>
        <translation>经 {connected:,} 个连接发送 {sent:,} 条消息，收到 {replies:,} 条应答</translation>
    </message>
    <message>
        <source>{count:,} connections failed</source>
        <translation>{count:,} 个连接失败</translation>
    </message>
    <message>
        <source>{count:,} connections ended with an error</source>
        <translation>{count:,} 个连接因错误结束</translation>
    </message>
    <message>
        <source>{count:,} replies timed out</source>
        <translation>{count:,} 条应答超时</translation>
    </message>
    <message>
        <source>stopped opening at {count:,} connections: too many open files</source>
        <translation>打开 {count:,} 个连接后停止：打开的文件过多</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <source>at character {n}</source>
        <translation>在第 {n} 个字符处</translation>
    </message>
    <message>
        <source>type an address, such as 192.168.1.0/24 or 2001:db8::/32</source>
        <translation>请输入地址，例如 192.168.1.0/24 或 2001:db8::/32</translation>
    </message>
    <message>
        <source>the prefix /{prefix} {where} is not a number from 0 to {limit}</source>
        <translation>前缀 /{prefix}（{where}）不是 0 到 {limit} 之间的数</translation>
    </message>
    <message>
        <source>{prefix} {where} is not a prefix length (0 to {limit}) nor a netmask whose ones come first, such as 255.255.255.0</source>
        <translation>{prefix}（{where}）既不是前缀长度（0 到 {limit}），也不是 1 在前的子网掩码（如 255.255.255.0）</translation>
    </message>
    <message>
        <source>{typed} is not a standard address, but inet_aton and getaddrinfo accept it as {meaning}: a part starting with 0 is octal, 0x is hexadecimal, a missing part fills the last one, and text after a space is ignored</source>
        <translation>{typed} 不是标准地址，但 inet_aton 和 getaddrinfo 会把它当作 {meaning}：以 0 开头的部分是八进制，0x 开头是十六进制，缺少的部分由最后一部分补足，空格之后的文字被忽略</translation>
    </message>
    <message>
        <source>{text} is not an IPv6 address: {reason}</source>
        <translation>{text} 不是 IPv6 地址：{reason}</translation>
    </message>
    <message>
        <source>{part} {where} is not a number from 0 to 255</source>
        <translation>{part}（{where}）不是 0 到 255 之间的数</translation>
    </message>
    <message>
        <source>{part} {where} starts with 0, which the C library reads as octal</source>
        <translation>{part}（{where}）以 0 开头，C 库会按八进制读取</translation>
    </message>
    <message>
        <source>an IPv4 address has four numbers separated by dots; {text} has {count}</source>
        <translation>IPv4 地址由点分隔的四个数组成；{text} 有 {count} 个</translation>
    </message>
    <message>
        <source>{text} is not an IPv{version} address, integer (0 to {top}), 0x hex or {bits}-bit binary number</source>
        <translation>{text} 不是 IPv{version} 地址、整数（0 到 {top}）、0x 十六进制数或 {bits} 位二进制数</translation>
    </message>
    <message>
        <source>ICMP echo (the ping command) needs a raw socket, which takes administrator rights (root or CAP_NET_RAW); this times TCP handshakes to an open port instead</source>
        <translation>ICMP 回显（ping 命令）需要原始套接字，而这需要管理员权限（root 或 CAP_NET_RAW）；这里改为计时到开放端口的 TCP 握手</translation>
    </message>
    <message>
        <source>type ports, such as 22,80,8000-8100 or http,ssh</source>
        <translation>请输入端口，例如 22,80,8000-8100 或 http,ssh</translation>
    </message>
    <message>
        <source>the range {item} {where} runs backwards</source>
        <translation>范围 {item}（{where}）是倒序的</translation>
    </message>
    <message>
        <source>{text} {where} is not a port from 1 to 65535</source>
        <translation>{text}（{where}）不是 1 到 65535 之间的端口</translation>
    </message>
    <message>
        <source>{name} {where} is neither a port number nor a {protocol} service</source>
        <translation>{name}（{where}）既不是端口号，也不是 {protocol} 服务</translation>
    </message>
    <message>
        <source>{name} {where} is port 0, which cannot be contacted</source>
        <translation>{name}（{where}）是端口 0，无法连接</translation>
    </message>
    <message>
        <source>not published by this system</source>
        <translation>本系统未公布</translation>
    </message>
    <message>
        <source>{low}-{high} (from {source})</source>
        <translation>{low}-{high}（来自 {source}）</translation>
    </message>
    <message>
        <source>{network}: {name} ({rfc})</source>
        <translation>{network}：{name} ({rfc})</translation>
    </message>
    <message>
        <source>ask for at least one subnet, not {count}</source>
        <translation>至少要划分出一个子网，而不是 {count} 个</translation>
    </message>
    <message>
        <source>{network} has {size} addresses: it cannot make {count} subnets</source>
        <translation>{network} 只有 {size} 个地址：无法划分出 {count} 个子网</translation>
    </message>
    <message>
        <source>the new prefix /{new} must be between /{old} and /{top}</source>
        <translation>新前缀 /{new} 必须在 /{old} 和 /{top} 之间</translation>
    </message>
    <message>
        <source>{network} in /{new} pieces makes {total} subnets; the list stops at {limit}: pick a shorter prefix</source>
        <translation>{network} 按 /{new} 划分会得到 {total} 个子网；列表最多列出 {limit} 个：请选择更短的前缀</translation>
    </message>
    <message>
        <source>{text} is not a network: {reason}</source>
        <translation>{text} 不是网络：{reason}</translation>
    </message>
    <message>
        <source>type at least one network</source>
        <translation>请至少输入一个网络</translation>
    </message>
    <message>
        <source>IPv4 and IPv6 networks have no common supernet</source>
        <translation>IPv4 和 IPv6 网络没有共同的超网</translation>
    </message>
    <message>
        <source>this system names no DNS server: {reason}</source>
        <translation>本系统没有配置 DNS 服务器：{reason}</translation>
    </message>
    <message>
        <source>{address} is not an IP address</source>
        <translation>{address} 不是 IP 地址</translation>
    </message>
    <message>
        <source>cannot ask for {rdtype} of {name}: {reason}</source>
        <translation>无法查询 {name} 的 {rdtype} 记录：{reason}</translation>
    </message>
    <message>
        <source>the answer was truncated (TC) and not retried</source>
        <translation>应答被截断 (TC)，且未重试</translation>
    </message>
    <message>
        <source>the CNAME chain from {name} loops or is longer than {limit} links</source>
        <translation>从 {name} 开始的 CNAME 链出现循环，或超过 {limit} 环</translation>
    </message>
    <message>
        <source>no server of {zone} answered</source>
        <translation>{zone} 的服务器都没有应答</translation>
    </message>
    <message>
        <source>{zone} referred to {next}, which does not lead closer to {name}</source>
        <translation>{zone} 转介到 {next}，但这并没有更接近 {name}</translation>
    </message>
    <message>
        <source>no address found for any server of {next}</source>
        <translation>找不到 {next} 任何服务器的地址</translation>
    </message>
    <message>
        <source>more than {limit} referrals</source>
        <translation>转介超过 {limit} 次</translation>
    </message>
    <message>
        <source>no such name: {name} does not exist (NXDOMAIN)</source>
        <translation>域名不存在：{name} 不存在 (NXDOMAIN)</translation>
    </message>
    <message>
        <source>the server failed to answer for {name} (SERVFAIL): it could not reach or validate the zone&apos;s own servers</source>
        <translation>服务器未能应答 {name} (SERVFAIL)：它无法联系或验证该区域自己的服务器</translation>
    </message>
    <message>
        <source>the server refused to answer for {name} (REFUSED): it does not serve that zone, or not to this client</source>
        <translation>服务器拒绝应答 {name} (REFUSED)：它不负责该区域，或不为本客户端服务</translation>
    </message>
    <message>
        <source>the server answered {rcode} for {name}</source>
        <translation>服务器对 {name} 的应答为 {rcode}</translation>
    </message>
    <message>
        <source>{name} exists, but has no {rdtype} records (NODATA)</source>
        <translation>{name} 存在，但没有 {rdtype} 记录 (NODATA)</translation>
    </message>
    <message>
        <source>no answer from {server} within {timeout} s (timeout)</source>
        <translation>{server} 在 {timeout} 秒内没有应答（超时）</translation>
    </message>
    <message>
        <source>connection refused by {server}: no DNS server listens there</source>
        <translation>{server} 拒绝连接：那里没有 DNS 服务器在监听</translation>
    </message>
    <message>
        <source>{server} sent a truncated answer</source>
        <translation>{server} 发来了被截断的应答</translation>
    </message>
    <message>
        <source>{server} sent a malformed answer: {reason}</source>
        <translation>{server} 发来了格式错误的应答：{reason}</translation>
    </message>
    <message>
        <source>cannot query {server}: {reason}</source>
        <translation>无法查询 {server}：{reason}</translation>
    </message>
    <message>
        <source>routes are not available here: only Linux publishes them in /proc</source>
        <translation>此处无法获取路由：只有 Linux 在 /proc 中公布路由</translation>
    </message>
    <message>
        <source>the system denies access to the list of sockets (macOS allows it to administrators only)</source>
        <translation>系统拒绝访问套接字列表（macOS 只允许管理员访问）</translation>
    </message>
    <message>
        <source>processes are shown for your own sockets only: other users&apos; are hidden unless netbench runs as root</source>
        <translation>只显示本用户套接字所属的进程：除非以 root 运行 netbench，否则其他用户的进程不显示</translation>
    </message>
    <message>
        <source>no answer for {name}: the lookup timed out</source>
        <translation>{name} 没有结果：解析超时</translation>
    </message>
    <message>
        <source>no network to look up {name} ({reason})</source>
        <translation>没有可用网络来解析 {name}（{reason}）</translation>
    </message>
    <message>
        <source>cannot look up {name}: {reason}</source>
        <translation>无法解析 {name}：{reason}</translation>
    </message>
    <message>
        <source>no such name: {name} ({reason})</source>
        <translation>域名不存在：{name}（{reason}）</translation>
    </message>
    <message>
        <source>{name} exists, but has no data of that type ({reason})</source>
        <translation>{name} 存在，但没有该类型的数据（{reason}）</translation>
    </message>
    <message>
        <source>temporary failure looking up {name}: the name server did not answer or failed; try again, and check the network ({reason})</source>
        <translation>解析 {name} 暂时失败：域名服务器没有应答或出错；请重试，并检查网络（{reason}）</translation>
    </message>
    <message>
        <source>the name server failed for {name}: a permanent error ({reason})</source>
        <translation>域名服务器解析 {name} 失败：永久性错误（{reason}）</translation>
    </message>
    <message>
        <source>{name}: this system does not support that address family ({reason})</source>
        <translation>{name}：本系统不支持该地址族（{reason}）</translation>
    </message>
    <message>
        <source>the timeout must be more than 0 s</source>
        <translation>超时必须大于 0 秒</translation>
    </message>
    <message>
        <source>{port} is not a port from 1 to 65535</source>
        <translation>{port} 不是 1 到 65535 之间的端口</translation>
    </message>
    <message>
        <source>cannot find the server {host}: {reason}</source>
        <translation>找不到服务器 {host}：{reason}</translation>
    </message>
    <message>
        <source>type a host, addresses or a network such as 127.0.0.0/30</source>
        <translation>请输入主机、地址或网段，例如 127.0.0.0/30</translation>
    </message>
    <message>
        <source>{hosts} hosts times {ports} ports is {total} connects; a check makes at most {limit}</source>
        <translation>{hosts} 台主机乘以 {ports} 个端口共需 {total} 次连接；一次扫描最多 {limit} 次</translation>
    </message>
    <message>
        <source>{item} {where} is not a host name, address or network</source>
        <translation>{item}（{where}）不是主机名、地址或网段</translation>
    </message>
    <message>
        <source>{item} {where} is not a network</source>
        <translation>{item}（{where}）不是网段</translation>
    </message>
    <message>
        <source>{item} {where} holds {count} addresses; a check takes IPv{version} ranges up to /{smallest} ({most} addresses)</source>
        <translation>{item}（{where}）包含 {count} 个地址；一次扫描的 IPv{version} 范围最大为 /{smallest}（{most} 个地址）</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>the DoH server answered HTTP {status} {reason}</source>
        <translation>DoH 服务器返回了 HTTP {status} {reason}</translation>
    </message>
    <message>
        <source>the DoH server answered with {kind}, not application/dns-message</source>
        <translation>DoH 服务器返回的是 {kind}，而不是 application/dns-message</translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <source>Lookup tools</source>
        <translation>查询工具</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>域名解析</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Services &amp;&amp; ports</source>
        <translation>服务与端口</translation>
    </message>
    <message>
        <source>Address calculator</source>
        <translation>地址计算器</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Port check</source>
        <translation>端口扫描</translation>
    </message>
</context>
<context>
    <name>MachinePage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the machine again</source>
        <translation>重新读取本机信息</translation>
    </message>
    <message>
        <source>Network interfaces</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Filter the sockets</source>
        <translation>筛选套接字</translation>
    </message>
    <message>
        <source>text anywhere in a row: a port, an address, a process</source>
        <translation>行内任意文字：端口、地址、进程</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>TCP and UDP</source>
        <translation>TCP 和 UDP</translation>
    </message>
    <message>
        <source>All protocols</source>
        <translation>所有协议</translation>
    </message>
    <message>
        <source>Listening only</source>
        <translation>仅监听</translation>
    </message>
    <message>
        <source>Sockets of this machine</source>
        <translation>本机的套接字</translation>
    </message>
    <message>
        <source>Proto</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Open a Client session to this port</source>
        <translation>在客户端打开此端口</translation>
    </message>
    <message>
        <source>Open a Client session to the selected socket&apos;s port</source>
        <translation>在客户端标签页打开到所选套接字端口的会话</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>up</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>down</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <source>Default route: {routes}</source>
        <translation>默认路由：{routes}</translation>
    </message>
    <message>
        <source>No default route</source>
        <translation>没有默认路由</translation>
    </message>
    <message>
        <source>Default routes</source>
        <translation>默认路由</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>netbench</source>
        <translation>netbench</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>教程</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>菜单栏</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <source>Server and client</source>
        <translation>服务器和客户端</translation>
    </message>
    <message>
        <source>Example started: {what} · server on {where}, client connected</source>
        <translation>已启动示例：{what} · 服务器在 {where}，客户端已连接</translation>
    </message>
    <message>
        <source>Run networking on an &amp;IO thread</source>
        <translation>在后台线程运行网络(&amp;I)</translation>
    </message>
    <message>
        <source>Faster under floods; takes effect the next time netbench starts</source>
        <translation>数据洪流下更快；下次启动 netbench 时生效</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About netbench</source>
        <translation>关于 netbench(&amp;A)</translation>
    </message>
    <message>
        <source>Example started: {what}</source>
        <translation>已启动示例：{what}</translation>
    </message>
    <message>
        <source>Networking on the UI loop</source>
        <translation>网络与界面同一线程</translation>
    </message>
    <message>
        <source>Networking on an IO thread</source>
        <translation>网络在后台线程</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>The networking mode changes the next time netbench starts</source>
        <translation>网络运行方式将在下次启动 netbench 时更改</translation>
    </message>
</context>
<context>
    <name>MessageInspector</name>
    <message>
        <source>Message inspector</source>
        <translation>消息查看器</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Framing and notes</source>
        <translation>分帧与备注</translation>
    </message>
    <message>
        <source>Framing</source>
        <translation>分帧</translation>
    </message>
    <message>
        <source>The text with escapes, a hex dump, or both side by side</source>
        <translation>带转义的文本、十六进制转储，或两者并排显示</translation>
    </message>
    <message>
        <source>Message as text</source>
        <translation>消息文本</translation>
    </message>
    <message>
        <source>Controls and undecodable bytes as escapes, a line break after each \n; very long lines are broken here, Copy text gives them whole</source>
        <translation>控制字符和无法解码的字节显示为转义，每个 
 后换行；过长的行在此处折断，“复制文本”得到完整的行</translation>
    </message>
    <message>
        <source>Message as hex</source>
        <translation>消息十六进制</translation>
    </message>
    <message>
        <source>Offset, 16 bytes in hex, and the same bytes as ASCII</source>
        <translation>偏移量、16 字节的十六进制，以及这些字节的 ASCII 形式</translation>
    </message>
    <message>
        <source>How much of the message is shown</source>
        <translation>消息显示了多少</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Show all of the message</source>
        <translation>显示整条消息</translation>
    </message>
    <message>
        <source>Render the rest of the message, a slice at a time (up to {size})</source>
        <translation>分段显示消息的其余部分（最多 {size}）</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>保存到文件…</translation>
    </message>
    <message>
        <source>Save the message to a file</source>
        <translation>将消息保存到文件</translation>
    </message>
    <message>
        <source>Write every byte of the message to a file</source>
        <translation>将消息的每个字节写入文件</translation>
    </message>
    <message>
        <source>Inspector status</source>
        <translation>查看器状态</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Copy the message as text</source>
        <translation>以文本复制消息</translation>
    </message>
    <message>
        <source>Copy all of the message as text with escapes, in the chosen encoding</source>
        <translation>以所选编码、带转义的文本复制整条消息</translation>
    </message>
    <message>
        <source>Copy hex</source>
        <translation>复制十六进制</translation>
    </message>
    <message>
        <source>Copy the message as hex</source>
        <translation>以十六进制复制消息</translation>
    </message>
    <message>
        <source>Copy all of the message as hex bytes (48 65 6c …), as the send box reads them</source>
        <translation>以十六进制字节（48 65 6c …）复制整条消息，发送框可直接读取</translation>
    </message>
    <message>
        <source>Save bytes…</source>
        <translation>保存字节…</translation>
    </message>
    <message>
        <source>Save the bytes to a file</source>
        <translation>将字节保存到文件</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>关闭查看器</translation>
    </message>
    <message>
        <source>Message inspector — {arrow} {peer}</source>
        <translation>消息查看器 — {arrow} {peer}</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <source>{count} bytes ({size})</source>
        <translation>{count} 字节（{size}）</translation>
    </message>
    <message>
        <source>Copied the message as text</source>
        <translation>已以文本复制消息</translation>
    </message>
    <message>
        <source>Copied the message as hex</source>
        <translation>已以十六进制复制消息</translation>
    </message>
    <message>
        <source>Could not save to {path}: {reason}</source>
        <translation>无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {size} to {path}</source>
        <translation>已将 {size} 保存到 {path}</translation>
    </message>
    <message>
        <source>Save the message&apos;s bytes</source>
        <translation>保存消息的字节</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Showing {shown} of {total}…</source>
        <translation>正在显示 {shown} / {total}…</translation>
    </message>
    <message>
        <source>Showing the first {shown} of {total}, the most this window shows: save the message to a file for all of it.</source>
        <translation>显示了 {total} 中的前 {shown}，这是本窗口显示的上限：要得到全部内容，请将消息保存到文件。</translation>
    </message>
    <message>
        <source>Showing the first {shown} of {total}.</source>
        <translation>显示了 {total} 中的前 {shown}。</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <source>This host: …</source>
        <translation>本机：…</translation>
    </message>
    <message>
        <source>Name to look up</source>
        <translation>要解析的域名</translation>
    </message>
    <message>
        <source>a name such as localhost or example.com</source>
        <translation>域名，例如 localhost 或 example.com</translation>
    </message>
    <message>
        <source>Address family</source>
        <translation>地址族</translation>
    </message>
    <message>
        <source>IPv4 and IPv6</source>
        <translation>IPv4 和 IPv6</translation>
    </message>
    <message>
        <source>IPv4 only</source>
        <translation>仅 IPv4</translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation>仅 IPv6</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Look the name up</source>
        <translation>解析该域名</translation>
    </message>
    <message>
        <source>Addresses of the name, in the system&apos;s order</source>
        <translation>该域名的地址，按系统的顺序</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>地址族</translation>
    </message>
    <message>
        <source>Socket type</source>
        <translation>套接字类型</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Canonical name</source>
        <translation>规范名称</translation>
    </message>
    <message>
        <source>gethostbyname, gethostbyname_ex and gethostbyaddr results</source>
        <translation>gethostbyname、gethostbyname_ex 和 gethostbyaddr 的结果</translation>
    </message>
    <message>
        <source>Address to name</source>
        <translation>要反向解析的地址</translation>
    </message>
    <message>
        <source>Reverse lookup</source>
        <translation>反向解析</translation>
    </message>
    <message>
        <source>Find the name of the address</source>
        <translation>查找该地址的域名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>域名</translation>
    </message>
    <message>
        <source>This host: {name}   FQDN: {fqdn}</source>
        <translation>本机：{name}   完整域名：{fqdn}</translation>
    </message>
    <message>
        <source>Type a name to look up</source>
        <translation>请输入要解析的域名</translation>
    </message>
    <message>
        <source>Looking up {name}…</source>
        <translation>正在解析 {name}…</translation>
    </message>
    <message>
        <source>{count} rows, {unique} addresses, canonical name {canon} ({ms} ms)</source>
        <translation>{count} 行，{unique} 个地址，规范名称 {canon}（{ms} 毫秒）</translation>
    </message>
    <message>
        <source>getaddrinfo {name}</source>
        <translation>getaddrinfo {name}</translation>
    </message>
    <message>
        <source>The socket module&apos;s answers</source>
        <translation>socket 模块的结果</translation>
    </message>
    <message>
        <source>no answer: {reason}</source>
        <translation>没有结果：{reason}</translation>
    </message>
    <message>
        <source>Type an address</source>
        <translation>请输入地址</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>正在解析…</translation>
    </message>
    <message>
        <source>getnameinfo {address}</source>
        <translation>getnameinfo {address}</translation>
    </message>
</context>
<context>
    <name>NetErrors</name>
    <message>
        <source>port {port} is out of range: use {low} to 65535</source>
        <translation>端口 {port} 超出范围：请使用 {low} 到 65535</translation>
    </message>
    <message>
        <source>a zone id (%{zone}) needs a link-local address (fe80::…); {address} is not one: write it without %{zone}</source>
        <translation>区域标识（%{zone}）只能用于链路本地地址（fe80::…）；{address} 不是链路本地地址：请去掉 %{zone}</translation>
    </message>
    <message>
        <source>name not found: {target} ({reason})</source>
        <translation>找不到主机名：{target}（{reason}）</translation>
    </message>
    <message>
        <source>connection refused by {target}: nothing is listening there</source>
        <translation>{target} 拒绝连接：那里没有程序在监听</translation>
    </message>
    <message>
        <source>timed out connecting to {target}</source>
        <translation>连接 {target} 超时</translation>
    </message>
    <message>
        <source>{target} is already in use by another socket</source>
        <translation>{target} 已被另一个套接字占用</translation>
    </message>
    <message>
        <source>permission denied for {target}: ports below 1024 and protected paths need privileges; pick a port of 1024 or more</source>
        <translation>无权使用 {target}：1024 以下的端口和受保护的路径需要特权；请选择 1024 或更大的端口</translation>
    </message>
    <message>
        <source>{target} is not an address of this machine</source>
        <translation>{target} 不是本机的地址</translation>
    </message>
    <message>
        <source>{target} is unreachable: {reason}</source>
        <translation>{target} 不可达：{reason}</translation>
    </message>
    <message>
        <source>connection reset by {target}</source>
        <translation>连接被 {target} 复位</translation>
    </message>
    <message>
        <source>the Unix socket path is too long: {target}</source>
        <translation>Unix 套接字路径过长：{target}</translation>
    </message>
    <message>
        <source>{target}: {reason}</source>
        <translation>{target}：{reason}</translation>
    </message>
    <message>
        <source>{host} port {port}</source>
        <translation>{host} 端口 {port}</translation>
    </message>
    <message>
        <source>local port {port} is already in use by another socket</source>
        <translation>本地端口 {port} 已被另一个套接字占用</translation>
    </message>
    <message>
        <source>permission denied binding {where}: pick a port of 1024 or more</source>
        <translation>无权绑定 {where}：请选择 1024 或更大的端口</translation>
    </message>
    <message>
        <source>{host} is not an address of this machine</source>
        <translation>{host} 不是本机的地址</translation>
    </message>
    <message>
        <source>{host} cannot reach the target: its family (IPv4 or IPv6) differs</source>
        <translation>{host} 无法到达目标：两者的地址族（IPv4 或 IPv6）不同</translation>
    </message>
    <message>
        <source>cannot bind {where}: {reason}</source>
        <translation>无法绑定 {where}：{reason}</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <source>Total timeout</source>
        <translation>总超时</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Follow redirects</source>
        <translation>跟随重定向</translation>
    </message>
    <message>
        <source>Max hops</source>
        <translation>最多跳数</translation>
    </message>
    <message>
        <source>HTTP version</source>
        <translation>HTTP 版本</translation>
    </message>
    <message>
        <source>Auto (ALPN)</source>
        <translation>自动（ALPN）</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>验证服务器证书</translation>
    </message>
    <message>
        <source>Not verified: anyone on the path can read and change this exchange.</source>
        <translation>未验证：路径上的任何人都能读取和篡改这次请求。</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix 套接字</translation>
    </message>
    <message>
        <source>Path of a Unix socket (curl --unix-socket)</source>
        <translation>Unix 套接字路径（curl --unix-socket）</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>New connection for this request</source>
        <translation>为此请求新建连接</translation>
    </message>
    <message>
        <source>Timeouts (connect, read, total)</source>
        <translation>超时（连接、读取、总计）</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>Redirects</source>
        <translation>重定向</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose: {what}</source>
        <translation>选择：{what}</translation>
    </message>
</context>
<context>
    <name>Outflow</name>
    <message>
        <source>the socket is closed</source>
        <translation>套接字已关闭</translation>
    </message>
    <message>
        <source>the connection is closing</source>
        <translation>连接正在关闭</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>the connection was {reason}</source>
        <translation>连接{reason}</translation>
    </message>
</context>
<context>
    <name>Payload</name>
    <message>
        <source>{character} at position {position} is not a hex digit</source>
        <translation>位置 {position} 的 {character} 不是十六进制数字</translation>
    </message>
    <message>
        <source>{prefix} at position {position} is not followed by hex digits</source>
        <translation>位置 {position} 的 {prefix} 后面没有十六进制数字</translation>
    </message>
    <message>
        <source>odd number of hex digits: the digit at position {position} has no partner</source>
        <translation>十六进制数字个数为奇数：位置 {position} 的数字没有配对</translation>
    </message>
</context>
<context>
    <name>PayloadEditor</name>
    <message>
        <source>Payload to send</source>
        <translation>待发送内容</translation>
    </message>
    <message>
        <source>In text modes {counter} becomes the send number (1, 2, 3…) and {time} the time (14:03:07.250); write {{counter}} or {{time}} to send the braces as typed. Ctrl+Enter sends, Up/Down walk the history.</source>
        <translation>文本模式下 {counter} 会替换为发送序号（1、2、3…），{time} 替换为时间（14:03:07.250）；要原样发送花括号，请写 {{counter}} 或 {{time}}。Ctrl+Enter 发送，上/下方向键浏览历史。</translation>
    </message>
    <message>
        <source>Input mode</source>
        <translation>输入模式</translation>
    </message>
    <message>
        <source>How the text above is read</source>
        <translation>如何解读上方的文本</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>How text is turned into bytes</source>
        <translation>文本如何转换为字节</translation>
    </message>
    <message>
        <source>Line ending</source>
        <translation>换行符</translation>
    </message>
    <message>
        <source>Appended to every message sent</source>
        <translation>附加在每条发送的消息末尾</translation>
    </message>
    <message>
        <source>No line ending</source>
        <translation>不加换行</translation>
    </message>
    <message>
        <source>LF \n</source>
        <translation>LF \n</translation>
    </message>
    <message>
        <source>CR \r</source>
        <translation>CR \r</translation>
    </message>
    <message>
        <source>CRLF \r\n</source>
        <translation>CRLF \r\n</translation>
    </message>
    <message>
        <source>Payload error</source>
        <translation>发送内容错误</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>发送(&amp;N)</translation>
    </message>
    <message>
        <source>Send the payload</source>
        <translation>发送内容</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Type text… Ctrl+Enter sends</source>
        <translation>输入文本… Ctrl+Enter 发送</translation>
    </message>
    <message>
        <source>Text with escapes: \n \r \t \0 \\ \xNN \uNNNN… Ctrl+Enter sends</source>
        <translation>可用转义的文本：\n \r \t \0 \\ \xNN \uNNNN… Ctrl+Enter 发送</translation>
    </message>
    <message>
        <source>Hex bytes: 48 65 6c 6c 6f, 0x48,0x65… Ctrl+Enter sends</source>
        <translation>十六进制字节：48 65 6c 6c 6f、0x48,0x65… Ctrl+Enter 发送</translation>
    </message>
    <message>
        <source>Cannot send: {message}</source>
        <translation>无法发送：{message}</translation>
    </message>
</context>
<context>
    <name>PayloadPreview</name>
    <message>
        <source>Bytes to send</source>
        <translation>将发送的字节</translation>
    </message>
    <message>
        <source>0 bytes</source>
        <translation>0 字节</translation>
    </message>
    <message>
        <source>1 byte: {hex}</source>
        <translation>1 字节：{hex}</translation>
    </message>
    <message>
        <source>{count} bytes: {hex}</source>
        <translation>{count} 字节：{hex}</translation>
    </message>
    <message>
        <source>send #{number}, {preview}</source>
        <translation>第 {number} 次发送，{preview}</translation>
    </message>
    <message>
        <source>{body} + {checksum} {value}</source>
        <translation>{body} + {checksum} {value}</translation>
    </message>
</context>
<context>
    <name>PeersModel</name>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>First datagram</source>
        <translation>首个数据报</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>连接时间</translation>
    </message>
    <message>
        <source>In</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{messages} msg · {size}</source>
        <translation>{messages} 条 · {size}</translation>
    </message>
    <message>
        <source>paused: not reading our replies</source>
        <translation>已暂停：对端未读取本端的回复</translation>
    </message>
    <message>
        <source>no connection (datagrams)</source>
        <translation>无连接（数据报）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>half-closed by peer</source>
        <translation>对端已半关闭</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>PortWatch</name>
    <message>
        <source>capturing is switched off</source>
        <translation>抓包已关闭</translation>
    </message>
    <message>
        <source>capturing packets needs Linux</source>
        <translation>抓包需要 Linux</translation>
    </message>
    <message>
        <source>capturing packets needs root (or the CAP_NET_RAW capability)</source>
        <translation>抓包需要 root（或 CAP_NET_RAW 权限）</translation>
    </message>
    <message>
        <source>cannot capture packets: {reason}</source>
        <translation>无法抓包：{reason}</translation>
    </message>
    <message>
        <source>cannot capture on lo: {reason}</source>
        <translation>无法在 lo 上抓包：{reason}</translation>
    </message>
</context>
<context>
    <name>Programs</name>
    <message>
        <source>this build of netbench has no Python</source>
        <translation>此版本的 netbench 不带 Python</translation>
    </message>
    <message>
        <source>Python did not start: {error}</source>
        <translation>Python 未能启动：{error}</translation>
    </message>
    <message>
        <source>stopped after {seconds} s</source>
        <translation>{seconds} 秒后已停止</translation>
    </message>
</context>
<context>
    <name>PythonPage</name>
    <message>
        <source>The calls a Python program makes to do what you did here, in order</source>
        <translation>Python 程序做到本端这些操作时依次发出的调用</translation>
    </message>
    <message>
        <source>The calls a Python server makes to do what this listener did</source>
        <translation>Python 服务端要做到这个监听做的事，依次调用这些</translation>
    </message>
    <message>
        <source>The same in Python</source>
        <translation>对应的 Python 代码</translation>
    </message>
    <message>
        <source>Start the listener: socket(), bind() and listen() show here</source>
        <translation>启动监听：socket()、bind() 和 listen() 会显示在这里</translation>
    </message>
    <message>
        <source>Connect: socket() and connect() show here</source>
        <translation>连接：socket() 和 connect() 会显示在这里</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the program</source>
        <translation>复制程序</translation>
    </message>
</context>
<context>
    <name>RawView</name>
    <message>
        <source>Raw wire</source>
        <translation>原始报文</translation>
    </message>
    <message>
        <source>HTTP/1 rendering</source>
        <translation>HTTP/1 形式的呈现</translation>
    </message>
    <message>
        <source>The same exchange written as HTTP/1 (a rendering: these bytes were not sent)</source>
        <translation>以 HTTP/1 形式写出的同一次请求（仅为呈现：这些字节并未发送）</translation>
    </message>
    <message>
        <source>Nothing was recorded for this hop.</source>
        <translation>这一跳没有记录到任何数据。</translation>
    </message>
    <message>
        <source>→ sent</source>
        <translation>→ 发送</translation>
    </message>
    <message>
        <source>→ sent to the proxy</source>
        <translation>→ 发往代理</translation>
    </message>
    <message>
        <source>← received</source>
        <translation>← 接收</translation>
    </message>
    <message>
        <source>… {size} more (the Hex view shows the whole body)</source>
        <translation>… 还有 {size}（十六进制视图显示完整正文）</translation>
    </message>
    <message>
        <source>← received from the proxy</source>
        <translation>← 来自代理</translation>
    </message>
    <message>
        <source>The connection carried {size}: too much to decode its frames here.</source>
        <translation>该连接传输了 {size}：数据太多，无法在此解码其帧。</translation>
    </message>
</context>
<context>
    <name>Reconnector</name>
    <message>
        <source>Auto-reconnect</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>When the connection ends or cannot be opened, try again after the delay (doubling while it keeps failing); Close stops it</source>
        <translation>连接断开或无法建立时，等待一段时间后重试（持续失败时间隔加倍）；点“断开”停止重连</translation>
    </message>
    <message>
        <source>Delay before reconnecting</source>
        <translation>重连延迟</translation>
    </message>
    <message>
        <source>after </source>
        <translation>间隔 </translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long to wait before reconnecting</source>
        <translation>重连前等待多久</translation>
    </message>
    <message>
        <source>{reason} · reconnecting in {seconds} s (attempt {attempt})</source>
        <translation>{reason} · {seconds} 秒后重连（第 {attempt} 次）</translation>
    </message>
</context>
<context>
    <name>RenameDelegate</name>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
</context>
<context>
    <name>RepeatRow</name>
    <message>
        <source>Number of repeated sends</source>
        <translation>重复发送次数</translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>How many sends; 0 sends until you stop</source>
        <translation>发送次数；0 表示一直发送到手动停止</translation>
    </message>
    <message>
        <source>Interval between sends in ms</source>
        <translation>发送间隔（毫秒）</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每隔 </translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Time between sends; 0 sends them back to back (needs a count)</source>
        <translation>两次发送的间隔；0 表示连续发送（需设定次数）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start repeating the payload</source>
        <translation>开始循环发送</translation>
    </message>
    <message>
        <source>Send the payload repeatedly; {counter} goes on from the last send and {time} is filled in each time, then the checksum is appended</source>
        <translation>重复发送内容；{counter} 接着上次发送继续计数，{time} 每次重新填入，然后附加校验和</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop repeating</source>
        <translation>停止循环发送</translation>
    </message>
    <message>
        <source>{counter} and {time} in the text are filled in</source>
        <translation>文本中的 {counter} 和 {time} 会被填入</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>循环发送</translation>
    </message>
    <message>
        <source>Sending until stopped needs an interval of at least 1 ms</source>
        <translation>一直发送到停止时，间隔至少为 1 ms</translation>
    </message>
    <message>
        <source>sent {sent} of {total}</source>
        <translation>已发送 {sent} / {total}</translation>
    </message>
    <message>
        <source>{skipped} late slots skipped</source>
        <translation>{skipped} 条来不及发，已跳过</translation>
    </message>
    <message>
        <source>stopped: {reason}</source>
        <translation>已停止：{reason}</translation>
    </message>
    <message>
        <source>done at {time}</source>
        <translation>已于 {time} 完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>the recording holds no messages, only notes: nothing to replay</source>
        <translation>该记录文件只有提示行，没有消息：没有可回放的内容</translation>
    </message>
    <message>
        <source>nothing was sent to {peer} in this recording</source>
        <translation>该记录文件中没有发往 {peer} 的消息</translation>
    </message>
    <message>
        <source>nothing was received from {peer} in this recording</source>
        <translation>该记录文件中没有收自 {peer} 的消息</translation>
    </message>
    <message>
        <source>the recording holds no sent (&quot;out&quot;) messages: choose &quot;in&quot; to send what was received</source>
        <translation>该记录文件中没有发送 (out) 的消息：选择“收到 (in)”即可发送当时收到的内容</translation>
    </message>
    <message>
        <source>the recording holds no received (&quot;in&quot;) messages: choose &quot;out&quot; to send what was sent</source>
        <translation>该记录文件中没有收到 (in) 的消息：选择“发送 (out)”即可发送当时发出的内容</translation>
    </message>
    <message>
        <source>it is a folder, not a recording</source>
        <translation>这是一个文件夹，不是记录文件</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>这不是普通文件</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file cannot be read: permission denied</source>
        <translation>无法读取文件：权限不足</translation>
    </message>
    <message>
        <source>the file cannot be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>line {line} is not UTF-8 text</source>
        <translation>第 {line} 行不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>{reason} at column {column}</source>
        <translation>第 {column} 列：{reason}</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套层次过深</translation>
    </message>
    <message>
        <source>line {line} is not a JSON object</source>
        <translation>第 {line} 行不是 JSON 对象</translation>
    </message>
    <message>
        <source>this is not a netbench recording: line {line} has no &quot;at&quot; and &quot;dir&quot; fields (Record to file and Export › JSON Lines write them)</source>
        <translation>这不是 netbench 记录文件：第 {line} 行没有 &quot;at&quot; 和 &quot;dir&quot; 字段（“记录到文件”和“导出 › JSON Lines”会写入这两个字段）</translation>
    </message>
    <message>
        <source>does not match the messages&apos; bytes</source>
        <translation>与消息的字节不符</translation>
    </message>
    <message>
        <source>is missing or not valid</source>
        <translation>缺失或无效</translation>
    </message>
    <message>
        <source>this is not a netbench recording: {problem}</source>
        <translation>这不是 netbench 记录文件：{problem}</translation>
    </message>
    <message>
        <source>line {line} is not JSON ({reason})</source>
        <translation>第 {line} 行不是 JSON（{reason}）</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>does not match the bytes after the row (the file is cut short or damaged)</source>
        <translation>与该行之后的字节不符（文件被截断或已损坏）</translation>
    </message>
    <message>
        <source>is not a time in seconds</source>
        <translation>不是以秒为单位的时间</translation>
    </message>
    <message>
        <source>is not in, out, info or error</source>
        <translation>不是 in、out、info 或 error</translation>
    </message>
    <message>
        <source>is not text</source>
        <translation>不是文本</translation>
    </message>
    <message>
        <source>is not valid hexadecimal (at character {position})</source>
        <translation>不是有效的十六进制（第 {position} 个字符）</translation>
    </message>
    <message>
        <source>line {line}: &quot;{field}&quot; {problem}</source>
        <translation>第 {line} 行：&quot;{field}&quot; {problem}</translation>
    </message>
    <message>
        <source>the file is empty: nothing to replay</source>
        <translation>文件为空：没有可回放的内容</translation>
    </message>
    <message>
        <source>line {line} is longer than {size} MB: not a netbench recording</source>
        <translation>第 {line} 行超过 {size} MB：不是 netbench 记录文件</translation>
    </message>
    <message>
        <source>reading the file failed: {reason}</source>
        <translation>读取文件失败：{reason}</translation>
    </message>
</context>
<context>
    <name>ReplayPanel</name>
    <message>
        <source>as recorded</source>
        <translation>按记录的间隔</translation>
    </message>
    <message>
        <source>×0.5 (slower)</source>
        <translation>×0.5（更慢）</translation>
    </message>
    <message>
        <source>×2 (faster)</source>
        <translation>×2（更快）</translation>
    </message>
    <message>
        <source>×10 (faster)</source>
        <translation>×10（更快）</translation>
    </message>
    <message>
        <source>fixed interval</source>
        <translation>固定间隔</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>Replay…</source>
        <translation>回放…</translation>
    </message>
    <message>
        <source>Replay a recording</source>
        <translation>回放记录文件</translation>
    </message>
    <message>
        <source>Replay status</source>
        <translation>回放状态</translation>
    </message>
    <message>
        <source>Close the recording</source>
        <translation>关闭记录文件</translation>
    </message>
    <message>
        <source>Put the recording away (the file is left as it is)</source>
        <translation>收起记录文件（文件本身不变）</translation>
    </message>
    <message>
        <source>Messages to send</source>
        <translation>要发送的消息</translation>
    </message>
    <message>
        <source>What was sent (out), or what was received (in): from a Server tab&apos;s recording, the device&apos;s side</source>
        <translation>当时发送的 (out)，或当时收到的 (in)：对服务器页的记录而言就是设备一方</translation>
    </message>
    <message>
        <source>Peer to replay</source>
        <translation>要回放的对端</translation>
    </message>
    <message>
        <source>Every peer&apos;s messages, in the order recorded, or one peer&apos;s</source>
        <translation>按记录顺序回放所有对端的消息，或只回放一个对端的</translation>
    </message>
    <message>
        <source>Replay timing</source>
        <translation>回放节奏</translation>
    </message>
    <message>
        <source>The gaps between messages as recorded, or scaled (×2 halves them), a fixed interval, or none: as fast as the socket takes them</source>
        <translation>消息之间的间隔：按记录、按比例缩放（×2 即减半）、固定间隔，或不等待：套接字能收多快就发多快</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每隔 </translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Interval between replayed messages</source>
        <translation>回放消息的间隔</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the replay</source>
        <translation>开始回放</translation>
    </message>
    <message>
        <source>Send the chosen messages on this connection</source>
        <translation>在此连接上发送所选消息</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the replay</source>
        <translation>停止回放</translation>
    </message>
    <message>
        <source>What the replay sends</source>
        <translation>回放将发送的内容</translation>
    </message>
    <message>
        <source>Replay progress</source>
        <translation>回放进度</translation>
    </message>
    <message>
        <source>Send a recording again: from Record to file or Export</source>
        <translation>重新发送一份记录：来自“记录到文件”或“导出”</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl *.ndjson *.json *.nbrec)</source>
        <translation>记录文件 (*.jsonl *.ndjson *.json *.nbrec)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Send the messages of a recording again: Record to file (JSON Lines or compact) or Export, on the Client or the Server tab</source>
        <translation>重新发送一份记录中的消息：来自客户端或服务器标签页的“记录到文件”（JSON Lines 或紧凑格式）或“导出”</translation>
    </message>
    <message>
        <source>Connect first: a replay goes out on this session&apos;s connection</source>
        <translation>请先连接：回放在此会话的连接上发送</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {name}… {percent}%</source>
        <translation>正在读取 {name}… {percent}%</translation>
    </message>
    <message>
        <source>Cannot replay {name}: {reason}</source>
        <translation>无法回放 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is still loaded</source>
        <translation>仍保留已载入的 {name}</translation>
    </message>
    <message>
        <source>sent (out) · {count}</source>
        <translation>发送 (out) · {count}</translation>
    </message>
    <message>
        <source>received (in) · {count}</source>
        <translation>收到 (in) · {count}</translation>
    </message>
    <message>
        <source>all peers</source>
        <translation>所有对端</translation>
    </message>
    <message>
        <source>{peer} · {count}</source>
        <translation>{peer} · {count}</translation>
    </message>
    <message>
        <source>{sent} of {total} sent</source>
        <translation>已发送 {sent} / {total}</translation>
    </message>
</context>
<context>
    <name>ReplayWords</name>
    <message>
        <source>1 message</source>
        <translation>1 条消息</translation>
    </message>
    <message>
        <source>{count} messages</source>
        <translation>{count} 条消息</translation>
    </message>
    <message>
        <source>{count} peers</source>
        <translation>{count} 个对端</translation>
    </message>
    <message>
        <source>{messages} sent to {peers} ({size})</source>
        <translation>向 {peers} 发送 {messages}（{size}）</translation>
    </message>
    <message>
        <source>nothing sent</source>
        <translation>无发送</translation>
    </message>
    <message>
        <source>{messages} received from {peers} ({size})</source>
        <translation>从 {peers} 收到 {messages}（{size}）</translation>
    </message>
    <message>
        <source>nothing received</source>
        <translation>无接收</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 条提示</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>{count} 条提示</translation>
    </message>
    <message>
        <source>{seconds} s long</source>
        <translation>时长 {seconds} 秒</translation>
    </message>
    <message>
        <source>{name}: {summary}</source>
        <translation>{name}：{summary}</translation>
    </message>
    <message>
        <source>→ {peer}: {messages}, {size}</source>
        <translation>→ {peer}：{messages}，{size}</translation>
    </message>
    <message>
        <source>← {peer}: {messages}, {size}</source>
        <translation>← {peer}：{messages}，{size}</translation>
    </message>
    <message>
        <source>… and more peers</source>
        <translation>…… 以及更多对端</translation>
    </message>
    <message>
        <source>{messages} · {size}</source>
        <translation>{messages} · {size}</translation>
    </message>
    <message>
        <source>about {seconds} s</source>
        <translation>约 {seconds} 秒</translation>
    </message>
    <message>
        <source>Done: {messages} sent in {seconds} s</source>
        <translation>完成：{seconds} 秒内发送 {messages}</translation>
    </message>
    <message>
        <source>Stopped at {done} of {total}: {reason}</source>
        <translation>停在 {done} / {total}：{reason}</translation>
    </message>
    <message>
        <source>Stopped at {done} of {total}</source>
        <translation>停在 {done} / {total}</translation>
    </message>
    <message>
        <source>sent {messages} / {size} in {seconds} s</source>
        <translation>{seconds} 秒内发送 {messages} / {size}</translation>
    </message>
    <message>
        <source>Replayed {name}: {sent}</source>
        <translation>已回放 {name}：{sent}</translation>
    </message>
    <message>
        <source>Replay of {name} stopped at {done} of {total}: {reason} · {sent}</source>
        <translation>{name} 的回放停在 {done} / {total}：{reason} · {sent}</translation>
    </message>
    <message>
        <source>Replay of {name} stopped at {done} of {total} · {sent}</source>
        <translation>{name} 的回放停在 {done} / {total} · {sent}</translation>
    </message>
    <message>
        <source>skipped 1 row of the other direction or another peer</source>
        <translation>跳过 1 行另一方向或其他对端的消息</translation>
    </message>
    <message>
        <source>skipped {count} rows of the other direction or other peers</source>
        <translation>跳过 {count} 行另一方向或其他对端的消息</translation>
    </message>
    <message>
        <source>skipped 1 note</source>
        <translation>跳过 1 条提示</translation>
    </message>
    <message>
        <source>skipped {count} notes</source>
        <translation>跳过 {count} 条提示</translation>
    </message>
    <message>
        <source>{seconds} s behind the recorded timing</source>
        <translation>比记录的节奏落后 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>RequestActions</name>
    <message>
        <source>Request menu</source>
        <translation>请求菜单</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Import curl command…</source>
        <translation>导入 curl 命令…</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <source>Copy as Python (httpx2)</source>
        <translation>复制为 Python（httpx2）</translation>
    </message>
    <message>
        <source>Copy as Python (raw socket)</source>
        <translation>复制为 Python（原始套接字）</translation>
    </message>
    <message>
        <source>Send the exact bytes from the Client tab</source>
        <translation>在客户端标签页中发送原样字节</translation>
    </message>
    <message>
        <source>Open .http file…</source>
        <translation>打开 .http 文件…</translation>
    </message>
    <message>
        <source>Save as .http file…</source>
        <translation>另存为 .http 文件…</translation>
    </message>
    <message>
        <source>Export the exchange as JSON Lines…</source>
        <translation>将本次交换导出为 JSON Lines…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>打开请求</translation>
    </message>
    <message>
        <source>{path} holds no request.</source>
        <translation>{path} 中没有请求。</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>保存请求</translation>
    </message>
    <message>
        <source>Send the request first: there is no exchange yet</source>
        <translation>请先发送请求：还没有可导出的交换</translation>
    </message>
    <message>
        <source>Export the exchange</source>
        <translation>导出本次交换</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>https://example.org/path — or paste a curl command</source>
        <translation>https://example.org/path — 或粘贴 curl 命令</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>发送请求（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>查询参数</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>⚠ TLS not verified</source>
        <translation>⚠ TLS 未验证</translation>
    </message>
    <message>
        <source>Type a URL first.</source>
        <translation>请先输入 URL。</translation>
    </message>
    <message>
        <source>Header {row}: {problem}</source>
        <translation>第 {row} 个请求头：{problem}</translation>
    </message>
    <message>
        <source>Not understood, left out: {flags}</source>
        <translation>无法识别，已忽略：{flags}</translation>
    </message>
</context>
<context>
    <name>RequestPanel</name>
    <message>
        <source>New request</source>
        <translation>新请求</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Request sent, waiting for the response…</source>
        <translation>请求已发送，等待响应…</translation>
    </message>
    <message>
        <source>Receiving…</source>
        <translation>正在接收…</translation>
    </message>
    <message>
        <source>Redirect {number}: {phase}</source>
        <translation>第 {number} 次重定向：{phase}</translation>
    </message>
</context>
<context>
    <name>Responders</name>
    <message>
        <source>match</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>template</source>
        <translation>回复模板</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>rule {number}, {field}: {problem}</source>
        <translation>第 {number} 条规则，{field}：{problem}</translation>
    </message>
    <message>
        <source>unknown match kind {kind}</source>
        <translation>未知的匹配方式 {kind}</translation>
    </message>
    <message>
        <source>invalid regular expression: {reason}</source>
        <translation>正则表达式无效：{reason}</translation>
    </message>
    <message>
        <source>&apos;}}&apos; at position {position} has no &apos;{{&apos; (write }}}} for a brace)</source>
        <translation>位置 {position} 处的 &apos;}}&apos; 没有对应的 &apos;{{&apos;（花括号本身请写成 }}}}）</translation>
    </message>
    <message>
        <source>&apos;{{&apos; at position {position} is not closed (write {{{{ for a brace)</source>
        <translation>位置 {position} 处的 &apos;{{&apos; 没有闭合（花括号本身请写成 {{{{）</translation>
    </message>
    <message>
        <source>unknown placeholder {name} at position {position}; use {known}</source>
        <translation>位置 {position} 处是未知的占位符 {name}；可用的有 {known}</translation>
    </message>
    <message>
        <source>a backslash cannot escape a brace (position {position}); write {{{{ or }}}} for a brace</source>
        <translation>反斜杠不能转义花括号（位置 {position}）；花括号本身请写成 {{{{ 或 }}}}</translation>
    </message>
    <message>
        <source>rule {number}: its regular expression took more than {seconds:g} s on a message from this peer and was stopped; it is skipped for this peer from now on (a repeat that can match the same text in many ways, such as (a|aa)+, backtracks without end)</source>
        <translation>规则 {number}：其正则表达式匹配该对端的一条消息超过 {seconds:g} 秒，已被中止；此后对该对端跳过此规则（能以多种方式匹配同一段文字的重复，如 (a|aa)+，会无休止地回溯）</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message>
        <source>Status</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>No response yet: press Send.</source>
        <translation>还没有响应：请点击发送。</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>跳</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>响应头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>TLS details</source>
        <translation>TLS 详情</translation>
    </message>
    <message>
        <source>Redirect chain</source>
        <translation>重定向链</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <source>Raw wire</source>
        <translation>原始报文</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Redirects</source>
        <translation>重定向</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/秒</translation>
    </message>
    <message>
        <source>Receiving… {size} at {rate}</source>
        <translation>正在接收… 已收 {size}，速率 {rate}</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not a TLS connection.</source>
        <translation>不是 TLS 连接。</translation>
    </message>
    <message>
        <source>Body {decoded} (as sent {raw}); on the wire {wire} received, {sent} sent</source>
        <translation>正文 {decoded}（传输时 {raw}）；连同头部共收到 {wire}，发出 {sent}</translation>
    </message>
    <message>
        <source>connection #{number}</source>
        <translation>连接 #{number}</translation>
    </message>
    <message>
        <source>(reused)</source>
        <translation>（复用）</translation>
    </message>
    <message>
        <source>No redirects.</source>
        <translation>没有重定向。</translation>
    </message>
</context>
<context>
    <name>ResultLog</name>
    <message>
        <source>History of results</source>
        <translation>结果历史</translation>
    </message>
    <message>
        <source>Every result is kept here, as text to copy.</source>
        <translation>每个结果都以文本形式保存在这里，可供复制。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the history</source>
        <translation>复制历史</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the history to a text file</source>
        <translation>把历史导出为文本文件</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the history</source>
        <translation>清空历史</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>导出历史</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>SavedMessagesList</name>
    <message>
        <source>Saved messages</source>
        <translation>常用消息</translation>
    </message>
    <message>
        <source>Click or Enter: load into the editor. Double-click or Ctrl+Enter: send. F2: rename. Del: delete. Alt+Up/Down: move.</source>
        <translation>单击或回车：载入编辑框。双击或 Ctrl+Enter：发送。F2：重命名。Del：删除。Alt+上/下：移动。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Load into the editor</source>
        <translation>载入编辑框</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
</context>
<context>
    <name>ScanModel</name>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>被过滤</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Address and port</source>
        <translation>地址和端口</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>耗时（毫秒）</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Hosts to check</source>
        <translation>要扫描的主机</translation>
    </message>
    <message>
        <source>A name or address, several separated by commas, or a network such as 127.0.0.0/30 (IPv4 up to /16, IPv6 up to /112). Only these are contacted.</source>
        <translation>一个主机名或地址，多个用逗号分隔，或一个网段，例如 127.0.0.0/30（IPv4 最大 /16，IPv6 最大 /112）。只会连接这些地址。</translation>
    </message>
    <message>
        <source>Ports to check</source>
        <translation>要扫描的端口</translation>
    </message>
    <message>
        <source>Numbers, ranges and service names: 22,80,8000-8100 or http,ssh</source>
        <translation>端口号、范围和服务名：22,80,8000-8100 或 http,ssh</translation>
    </message>
    <message>
        <source>Connections at once</source>
        <translation>同时连接数</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> 个并发</translation>
    </message>
    <message>
        <source>Timeout per port</source>
        <translation>每个端口的超时</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>timeout </source>
        <translation>超时 </translation>
    </message>
    <message>
        <source>Check</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Check the ports</source>
        <translation>扫描这些端口</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the check</source>
        <translation>取消扫描</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Show closed ports</source>
        <translation>显示关闭的端口</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the results as CSV</source>
        <translation>把结果导出为 CSV</translation>
    </message>
    <message>
        <source>Results of the check</source>
        <translation>扫描结果</translation>
    </message>
    <message>
        <source>Port to ping</source>
        <translation>要 ping 的端口</translation>
    </message>
    <message>
        <source>Number of pings</source>
        <translation>ping 次数</translation>
    </message>
    <message>
        <source>Seconds between pings</source>
        <translation>两次 ping 的间隔（秒）</translation>
    </message>
    <message>
        <source>TCP ping</source>
        <translation>TCP ping</translation>
    </message>
    <message>
        <source>Time TCP handshakes to the port</source>
        <translation>计时到该端口的 TCP 握手</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>TCP ping to port</source>
        <translation>TCP ping 端口</translation>
    </message>
    <message>
        <source>Checking {count} ports on {host}…</source>
        <translation>正在扫描 {host} 的 {count} 个端口…</translation>
    </message>
    <message>
        <source>{n} hosts</source>
        <translation>{n} 台主机</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{done} of {total} ports: {found}</source>
        <translation>已扫描 {done} / {total} 个端口：{found}</translation>
    </message>
    <message>
        <source>{text} in {seconds} s</source>
        <translation>{text}，用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>Cancelled: {text}</source>
        <translation>已取消：{text}</translation>
    </message>
    <message>
        <source>Port check of {host}</source>
        <translation>端口扫描 {host}</translation>
    </message>
    <message>
        <source>Port check</source>
        <translation>端口扫描</translation>
    </message>
    <message>
        <source>Export the port check as CSV</source>
        <translation>把端口扫描结果导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Pinging…</source>
        <translation>正在 ping…</translation>
    </message>
    <message>
        <source>seq {seq}: {state} in {ms} ms</source>
        <translation>序号 {seq}：{state}，{ms} 毫秒</translation>
    </message>
    <message>
        <source>{sent} sent, {received} answered, {loss}% lost</source>
        <translation>已发送 {sent} 次，应答 {received} 次，丢失 {loss}%</translation>
    </message>
    <message>
        <source>min/avg/max = {min}/{avg}/{max} ms</source>
        <translation>最小/平均/最大 = {min}/{avg}/{max} 毫秒</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <source>TCP time echo (port 9999)</source>
        <translation>TCP 时间回显（端口 9999）</translation>
    </message>
    <message>
        <source>Upper-case echo (port 8080)</source>
        <translation>大写回显（端口 8080）</translation>
    </message>
    <message>
        <source>UDP byte counter (port 1060)</source>
        <translation>UDP 字节计数（端口 1060）</translation>
    </message>
    <message>
        <source>Unix socket server (./sock)</source>
        <translation>Unix 套接字服务器 (./sock)</translation>
    </message>
    <message>
        <source>HTTP static site (port 8000)</source>
        <translation>HTTP 静态网站（端口 8000）</translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation>监听列表</translation>
    </message>
    <message>
        <source>+ Listener</source>
        <translation>+ 监听</translation>
    </message>
    <message>
        <source>Add another listener; each keeps its own state</source>
        <translation>再添加一个监听；每个监听各自保持状态</translation>
    </message>
    <message>
        <source>Example servers</source>
        <translation>示例服务器</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Service name or port number</source>
        <translation>服务名或端口号</translation>
    </message>
    <message>
        <source>a name such as mysql, or a port such as 3306</source>
        <translation>服务名如 mysql，或端口如 3306</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Look the service up</source>
        <translation>查询该服务</translation>
    </message>
    <message>
        <source>The service and its port</source>
        <translation>服务及其端口</translation>
    </message>
    <message>
        <source>Search the services table</source>
        <translation>搜索服务表</translation>
    </message>
    <message>
        <source>part of a name, alias or port</source>
        <translation>名称、别名或端口的一部分</translation>
    </message>
    <message>
        <source>Services table</source>
        <translation>服务表</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>This system&apos;s ephemeral ports (for outgoing connections): {range}</source>
        <translation>本系统的临时端口（用于向外连接）：{range}</translation>
    </message>
    <message>
        <source>Service or port</source>
        <translation>服务或端口</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>well-known (0-1023)</source>
        <translation>知名端口 (0-1023)</translation>
    </message>
    <message>
        <source>registered (1024-49151)</source>
        <translation>注册端口 (1024-49151)</translation>
    </message>
    <message>
        <source>dynamic or private (49152-65535)</source>
        <translation>动态或私有端口 (49152-65535)</translation>
    </message>
    <message>
        <source>Type a service name or a port number</source>
        <translation>请输入服务名或端口号</translation>
    </message>
    <message>
        <source>{port} is not a port: ports go from 0 to 65535</source>
        <translation>{port} 不是端口：端口范围是 0 到 65535</translation>
    </message>
    <message>
        <source>No service is called {name}</source>
        <translation>没有名为 {name} 的服务</translation>
    </message>
    <message>
        <source>Service {text}</source>
        <translation>服务 {text}</translation>
    </message>
    <message>
        <source>no service registered</source>
        <translation>未登记服务</translation>
    </message>
    <message>
        <source>range: {range}</source>
        <translation>范围：{range}</translation>
    </message>
    <message>
        <source>this system may pick this port for outgoing connections</source>
        <translation>本系统可能选用此端口作为向外连接的本地端口</translation>
    </message>
    <message>
        <source>{shown} of {count} entries, from {source}</source>
        <translation>{count} 项中的 {shown} 项，来自 {source}</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>Connection kind</source>
        <translation>连接类型</translation>
    </message>
    <message>
        <source>name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <source>A name (example.com) or an IPv4 or IPv6 address</source>
        <translation>主机名 (example.com) 或 IPv4/IPv6 地址</translation>
    </message>
    <message>
        <source>Host to connect to</source>
        <translation>要连接的主机</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Server socket path, e.g. ./sock</source>
        <translation>服务器套接字路径，如 ./sock</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long to wait for the connection</source>
        <translation>连接的等待时间</translation>
    </message>
    <message>
        <source>Connect timeout in milliseconds</source>
        <translation>连接超时（毫秒）</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>any local address</source>
        <translation>任意本地地址</translation>
    </message>
    <message>
        <source>Bind to this address of this machine before connecting (optional)</source>
        <translation>连接前先绑定本机的这个地址（可选）</translation>
    </message>
    <message>
        <source>Local address to bind</source>
        <translation>要绑定的本地地址</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Connect from this local port (0: the system picks one)</source>
        <translation>从这个本地端口发起连接（0：由系统选择）</translation>
    </message>
    <message>
        <source>Local port to bind</source>
        <translation>要绑定的本地端口</translation>
    </message>
    <message>
        <source>From</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Verify the certificate</source>
        <translation>验证证书</translation>
    </message>
    <message>
        <source>Check the chain against the system&apos;s CAs (and the CA file) and the name</source>
        <translation>用系统 CA（及 CA 文件）校验证书链和主机名</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>验证服务器证书</translation>
    </message>
    <message>
        <source>extra CA file (.pem), optional</source>
        <translation>额外的 CA 文件 (.pem)，可选</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>CA file…</source>
        <translation>CA 文件…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>server name (SNI): the host by default</source>
        <translation>服务器名称 (SNI)：默认为主机</translation>
    </message>
    <message>
        <source>TLS server name (SNI)</source>
        <translation>TLS 服务器名称 (SNI)</translation>
    </message>
    <message>
        <source>client certificate (.pem), optional</source>
        <translation>客户端证书 (.pem)，可选</translation>
    </message>
    <message>
        <source>For servers that ask clients for a certificate (mutual TLS)</source>
        <translation>用于要求客户端提供证书的服务器（双向 TLS）</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>客户端证书文件</translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation>证书…</translation>
    </message>
    <message>
        <source>Choose a client certificate file</source>
        <translation>选择客户端证书文件</translation>
    </message>
    <message>
        <source>its key, if not in the certificate file</source>
        <translation>对应私钥（若不在证书文件中）</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>客户端私钥文件</translation>
    </message>
    <message>
        <source>Key…</source>
        <translation>私钥…</translation>
    </message>
    <message>
        <source>Choose the client key file</source>
        <translation>选择客户端私钥文件</translation>
    </message>
    <message>
        <source>ALPN, e.g. h2, http/1.1</source>
        <translation>ALPN，如 h2, http/1.1</translation>
    </message>
    <message>
        <source>Application protocols to offer, comma-separated; the server picks one</source>
        <translation>提供的应用层协议，用逗号分隔；由服务器选择其一</translation>
    </message>
    <message>
        <source>ALPN protocols to offer</source>
        <translation>提供的 ALPN 协议</translation>
    </message>
    <message>
        <source>Insecure: the certificate is not checked, so anyone between you and the server can read and change the traffic.</source>
        <translation>不安全：不校验证书，本端和服务器之间的任何人都能读取和篡改通信内容。</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SessionPages</name>
    <message>
        <source>Ladder</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>The connection&apos;s packets and TCP states, in time order</source>
        <translation>这条连接的数据包和 TCP 状态，按时间排列</translation>
    </message>
    <message>
        <source>As Python</source>
        <translation>Python 代码</translation>
    </message>
    <message>
        <source>What you did, as Python socket calls</source>
        <translation>本端的操作，写成 Python 套接字调用</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Open the connection</source>
        <translation>建立连接</translation>
    </message>
    <message>
        <source>Close the connection</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Close gracefully: what is queued is sent, then FIN</source>
        <translation>正常关闭：先发完队列中的数据，再发 FIN</translation>
    </message>
    <message>
        <source>Finish sending (FIN)</source>
        <translation>结束发送 (FIN)</translation>
    </message>
    <message>
        <source>Send FIN: the server reads end-of-stream and can still answer</source>
        <translation>发送 FIN：服务器会读到流结束，但仍可回复</translation>
    </message>
    <message>
        <source>Reset the connection (RST)</source>
        <translation>复位连接 (RST)</translation>
    </message>
    <message>
        <source>Reset the connection: RST, queued data is lost</source>
        <translation>复位连接：发送 RST，队列中的数据丢弃</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重连</translation>
    </message>
    <message>
        <source>Close if open, then connect again with the form as it is</source>
        <translation>若已连接则先断开，再按当前表单重新连接</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Transcript or load test</source>
        <translation>收发记录或压力测试</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>收发记录</translation>
    </message>
    <message>
        <source>Load test</source>
        <translation>压力测试</translation>
    </message>
    <message>
        <source>Many connections to this target with this payload: throughput and latency</source>
        <translation>用这份发送内容向该目标建立大量连接：测吞吐量和延迟</translation>
    </message>
    <message>
        <source>Connect first: “{name}” is in the editor, ready to send</source>
        <translation>请先连接：“{name}”已放入编辑框，随时可以发送</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新会话</translation>
    </message>
    <message>
        <source>Connect to see the socket: addresses, options and, for TLS, the certificate.</source>
        <translation>连接后在此查看套接字：地址、选项，以及 TLS 证书。</translation>
    </message>
    <message>
        <source>Stopped reconnecting</source>
        <translation>已停止重连</translation>
    </message>
    <message>
        <source>Connection closed: we finished sending first, then {peer}</source>
        <translation>连接已关闭：本端先结束发送，{peer} 随后</translation>
    </message>
    <message>
        <source>Connection closed: {peer} finished sending first, then we did</source>
        <translation>连接已关闭：{peer} 先结束发送，本端随后</translation>
    </message>
    <message>
        <source>Reconnected after {attempts} attempt(s)</source>
        <translation>经 {attempts} 次尝试后已重新连接</translation>
    </message>
    <message>
        <source>we sent FIN</source>
        <translation>本端已发送 FIN</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Half-clos&amp;e (FIN)</source>
        <translation>半关闭（FIN）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Abort (RST)</source>
        <translation>复位（RST）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>重连(&amp;R)</translation>
    </message>
    <message>
        <source>we finished sending (FIN)</source>
        <translation>本端已结束发送（FIN）</translation>
    </message>
    <message>
        <source>Sent FIN to {peer}: we send no more, the server can still answer</source>
        <translation>已向 {peer} 发送 FIN：本端不再发送，服务器仍可回复</translation>
    </message>
    <message>
        <source>Connecting to {target}…</source>
        <translation>正在连接 {target}…</translation>
    </message>
    <message>
        <source>{message} (after {ms} ms)</source>
        <translation>{message}（用时 {ms} ms）</translation>
    </message>
    <message>
        <source>Not connected: {error}</source>
        <translation>未连接：{error}</translation>
    </message>
    <message>
        <source>Ready: datagrams go to {peer} (no connection)</source>
        <translation>就绪：数据报发往 {peer}（无连接）</translation>
    </message>
    <message>
        <source>Connected to {peer}</source>
        <translation>已连接到 {peer}</translation>
    </message>
    <message>
        <source>Connection {reason}</source>
        <translation>连接{reason}</translation>
    </message>
    <message>
        <source>{peer} closed the connection (FIN)</source>
        <translation>{peer} 关闭了连接 (FIN)</translation>
    </message>
    <message>
        <source>{peer} finished sending (FIN): it sends no more, you can still send</source>
        <translation>{peer} 已结束发送（FIN）：对端不再发送，本端仍可发送</translation>
    </message>
    <message>
        <source>Connection {reason}{detail}</source>
        <translation>连接{reason}{detail}</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>in {msgs_in} msg · {bytes_in} · out {msgs_out} msg · {bytes_out}</source>
        <translation>收 {msgs_in} 条 · {bytes_in} · 发 {msgs_out} 条 · {bytes_out}</translation>
    </message>
    <message>
        <source>Connect first: nothing was sent</source>
        <translation>请先连接：未发送任何内容</translation>
    </message>
</context>
<context>
    <name>SnippetPanel</name>
    <message>
        <source>Saved messages</source>
        <translation>常用消息</translation>
    </message>
    <message>
        <source>Show or hide the saved messages</source>
        <translation>显示或隐藏常用消息</translation>
    </message>
    <message>
        <source>Filter the saved messages</source>
        <translation>筛选常用消息</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Shows the messages whose name, note or text contains this</source>
        <translation>显示名称、备注或内容包含此文字的消息</translation>
    </message>
    <message>
        <source>Name for the payload in the editor</source>
        <translation>编辑框中内容的名称</translation>
    </message>
    <message>
        <source>Name…</source>
        <translation>名称…</translation>
    </message>
    <message>
        <source>A name for the payload in the editor; a name in the list updates that one</source>
        <translation>为编辑框中的内容命名；与列表中同名则更新那一条</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the payload in the editor</source>
        <translation>保存编辑框中的内容</translation>
    </message>
    <message>
        <source>Save the payload in the editor under this name</source>
        <translation>以此名称保存编辑框中的内容</translation>
    </message>
    <message>
        <source>Move the saved message up</source>
        <translation>上移常用消息</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>上移 (Alt+Up)</translation>
    </message>
    <message>
        <source>Move the saved message down</source>
        <translation>下移常用消息</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>下移 (Alt+Down)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected saved messages</source>
        <translation>删除所选常用消息</translation>
    </message>
    <message>
        <source>Delete the selected messages (Del); Undo brings them back</source>
        <translation>删除所选消息 (Del)；可用“撤销”恢复</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import saved messages from a file</source>
        <translation>从文件导入常用消息</translation>
    </message>
    <message>
        <source>Add the messages of a saved-messages file (JSON)</source>
        <translation>添加常用消息文件 (JSON) 中的消息</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the saved messages to a file</source>
        <translation>将常用消息导出到文件</translation>
    </message>
    <message>
        <source>Write all saved messages to a file to share (JSON)</source>
        <translation>将全部常用消息写入文件以便分享 (JSON)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一次更改</translation>
    </message>
    <message>
        <source>Saved messages ({count})</source>
        <translation>常用消息（{count}）</translation>
    </message>
    <message>
        <source>No saved message matches “{filter}”</source>
        <translation>没有与“{filter}”匹配的常用消息</translation>
    </message>
    <message>
        <source>No saved messages yet: type a payload and press Save</source>
        <translation>还没有常用消息：输入内容后点“保存”</translation>
    </message>
    <message>
        <source>Type a name for the payload, then press Enter</source>
        <translation>输入内容的名称，然后按回车</translation>
    </message>
    <message>
        <source>Cannot save: {problem}</source>
        <translation>无法保存：{problem}</translation>
    </message>
    <message>
        <source>Saved “{name}”</source>
        <translation>已保存“{name}”</translation>
    </message>
    <message>
        <source>Updated “{name}”</source>
        <translation>已更新“{name}”</translation>
    </message>
    <message>
        <source>Not renamed: {problem}</source>
        <translation>未重命名：{problem}</translation>
    </message>
    <message>
        <source>Renamed “{old}” to “{new}”</source>
        <translation>已将“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <source>Select the messages to delete first</source>
        <translation>请先选择要删除的消息</translation>
    </message>
    <message>
        <source>Deleted “{name}”</source>
        <translation>已删除“{name}”</translation>
    </message>
    <message>
        <source>Deleted {count} saved messages</source>
        <translation>已删除 {count} 条常用消息</translation>
    </message>
    <message>
        <source>Select the message to move first</source>
        <translation>请先选择要移动的消息</translation>
    </message>
</context>
<context>
    <name>SnippetSharing</name>
    <message>
        <source>Import saved messages</source>
        <translation>导入常用消息</translation>
    </message>
    <message>
        <source>Export saved messages</source>
        <translation>导出常用消息</translation>
    </message>
    <message>
        <source>Export the selected messages</source>
        <translation>导出所选消息</translation>
    </message>
    <message>
        <source>Saved messages (*.json)</source>
        <translation>常用消息 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing was imported from {file}: {problem}</source>
        <translation>未从 {file} 导入任何内容：{problem}</translation>
    </message>
    <message>
        <source>{file} has no saved messages</source>
        <translation>{file} 中没有常用消息</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>等另外 {count} 条</translation>
    </message>
    <message>
        <source>{clashes} of the {count} messages in {file} have names already in the list ({names}). What should happen to them?</source>
        <translation>{file} 的 {count} 条消息中有 {clashes} 条与列表中的名称重复（{names}）。如何处理？</translation>
    </message>
    <message>
        <source>{count} added</source>
        <translation>新增 {count} 条</translation>
    </message>
    <message>
        <source>{count} replaced</source>
        <translation>替换 {count} 条</translation>
    </message>
    <message>
        <source>{count} kept under new names</source>
        <translation>{count} 条以新名称保留</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>跳过 {count} 条</translation>
    </message>
    <message>
        <source>Imported {file}: {parts}</source>
        <translation>已导入 {file}：{parts}</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>Could not export to {path}: {reason}</source>
        <translation>无法导出到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Exported {count} saved messages to {file}</source>
        <translation>已将 {count} 条常用消息导出到 {file}</translation>
    </message>
</context>
<context>
    <name>SnippetStore</name>
    <message>
        <source>The saved messages could not be read ({problem}). The file was kept as {kept} next to it, and the list starts empty.</source>
        <translation>无法读取常用消息（{problem}）。原文件已另存为同目录下的 {kept}，列表从空开始。</translation>
    </message>
    <message>
        <source>The saved messages could not be read ({problem}). Changes are not saved until netbench restarts, so the file is not overwritten.</source>
        <translation>无法读取常用消息（{problem}）。在 netbench 重启前不会保存更改，以免覆盖该文件。</translation>
    </message>
    <message>
        <source>The saved messages could not be written to {path}: {reason}. They are kept while netbench runs, and the next change tries again.</source>
        <translation>无法将常用消息写入 {path}：{reason}。netbench 运行期间它们仍会保留，下次更改时会再次尝试写入。</translation>
    </message>
    <message>
        <source>low byte first</source>
        <translation>低字节在前</translation>
    </message>
    <message>
        <source>high byte first</source>
        <translation>高字节在前</translation>
    </message>
    <message>
        <source>skipping the first byte</source>
        <translation>跳过第 1 个字节</translation>
    </message>
    <message>
        <source>skipping the first {count} bytes</source>
        <translation>跳过前 {count} 字节</translation>
    </message>
    <message>
        <source>after the line ending</source>
        <translation>在换行符之后</translation>
    </message>
    <message>
        <source>{checksum} ({details})</source>
        <translation>{checksum}（{details}）</translation>
    </message>
    <message>
        <source>{size} + {checksum}</source>
        <translation>{size} + 校验 {checksum} 字节</translation>
    </message>
    <message>
        <source>{summary} · {size}</source>
        <translation>{summary} · {size}</translation>
    </message>
</context>
<context>
    <name>Snippets</name>
    <message>
        <source>{name} is larger than {size} MB; it is not a saved-messages file</source>
        <translation>{name} 大于 {size} MB；它不是常用消息文件</translation>
    </message>
    <message>
        <source>{problem} (it could not be renamed aside: {reason})</source>
        <translation>{problem}（也无法将其改名留存：{reason}）</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>The name {problem}</source>
        <translation>名称{problem}</translation>
    </message>
    <message>
        <source>&quot;{field}&quot; {problem}</source>
        <translation>“{field}”{problem}</translation>
    </message>
    <message>
        <source>This is not a saved-messages file: it holds {kind}, not an object with &quot;format&quot;: &quot;{format}&quot;</source>
        <translation>这不是常用消息文件：其内容是{kind}，而不是带有 &quot;format&quot;: &quot;{format}&quot; 的对象</translation>
    </message>
    <message>
        <source>This is not a saved-messages file: it has no &quot;format&quot;, not &quot;{format}&quot;</source>
        <translation>这不是常用消息文件：它没有 &quot;format&quot;，应为 &quot;{format}&quot;</translation>
    </message>
    <message>
        <source>This is not a saved-messages file: it has {value} as &quot;format&quot;, not &quot;{format}&quot;</source>
        <translation>这不是常用消息文件：它的 &quot;format&quot; 是 {value}，而不是 &quot;{format}&quot;</translation>
    </message>
    <message>
        <source>The file has an unknown field {field}; known fields are {known}</source>
        <translation>文件中有未知字段 {field}；已知字段为 {known}</translation>
    </message>
    <message>
        <source>&quot;snippets&quot; must be a list of saved messages, not {kind}</source>
        <translation>&quot;snippets&quot; 必须是常用消息的列表，而不是{kind}</translation>
    </message>
    <message>
        <source>{entry}: this name is already used by entry {earlier}</source>
        <translation>{entry}：此名称已被第 {earlier} 条使用</translation>
    </message>
    <message>
        <source>This is not a saved-messages file: byte {offset} is not UTF-8 text</source>
        <translation>这不是常用消息文件：第 {offset} 字节不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>This is not a JSON file: {reason} at line {line}, column {column}</source>
        <translation>这不是 JSON 文件：第 {line} 行第 {column} 列：{reason}</translation>
    </message>
    <message>
        <source>The file names the field {field} twice in one object</source>
        <translation>文件在同一个对象中两次出现字段 {field}</translation>
    </message>
    <message>
        <source>This is not a saved-messages file: it is nested too deeply</source>
        <translation>这不是常用消息文件：嵌套层次过深</translation>
    </message>
    <message>
        <source>This is not a saved-messages file: {reason}</source>
        <translation>这不是常用消息文件：{reason}</translation>
    </message>
    <message>
        <source>The file has no &quot;version&quot;</source>
        <translation>文件中没有 &quot;version&quot;</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number of at least 1, not {value}</source>
        <translation>&quot;version&quot; 必须是不小于 1 的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>The file is in version {version} of the saved-messages format, written by a newer netbench; this netbench reads version {supported}. Update netbench to read it.</source>
        <translation>该文件是第 {version} 版常用消息格式，由更新的 netbench 写入；本 netbench 只能读取第 {supported} 版。请更新 netbench 后再读取。</translation>
    </message>
    <message>
        <source>Entry {number}: must be an object with &quot;name&quot; and &quot;text&quot;, not {kind}</source>
        <translation>第 {number} 条：必须是带有 &quot;name&quot; 和 &quot;text&quot; 的对象，而不是{kind}</translation>
    </message>
    <message>
        <source>{entry}: unknown field {field}; known fields are {known}</source>
        <translation>{entry}：未知字段 {field}；已知字段为 {known}</translation>
    </message>
    <message>
        <source>{entry}: &quot;{field}&quot; {problem}</source>
        <translation>{entry}：“{field}”{problem}</translation>
    </message>
    <message>
        <source>is {value}, which is not one of {supported}</source>
        <translation>为 {value}，不在 {supported} 之中</translation>
    </message>
    <message>
        <source>contains a lone surrogate, which no file can hold</source>
        <translation>含有单独的代理字符，任何文件都无法保存</translation>
    </message>
    <message>
        <source>cannot be sent as {mode}: {problem}</source>
        <translation>无法作为{mode}发送：{problem}</translation>
    </message>
    <message>
        <source>cannot be computed over this message: {problem}</source>
        <translation>无法对这条消息计算：{problem}</translation>
    </message>
    <message>
        <source>must be an object like {{&quot;algorithm&quot;: &quot;crc16-modbus&quot;}}, not {kind}</source>
        <translation>必须是形如 {{&quot;algorithm&quot;: &quot;crc16-modbus&quot;}} 的对象，而不是{kind}</translation>
    </message>
    <message>
        <source>is an unknown field; known fields are {known}</source>
        <translation>是未知字段；已知字段为 {known}</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to {limit}, not {value}</source>
        <translation>必须是 0 到 {limit} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>text with escapes</source>
        <translation>转义文本</translation>
    </message>
    <message>
        <source>hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>contains a line break or control character (U+{code:04X})</source>
        <translation>含有换行符或控制字符 (U+{code:04X})</translation>
    </message>
    <message>
        <source>must be a string, not {kind}</source>
        <translation>必须是字符串，而不是{kind}</translation>
    </message>
    <message>
        <source>is {value}; expected one of {choices} or null (the algorithm&apos;s usual order)</source>
        <translation>为 {value}；应为 {choices} 之一，或 null（该算法的惯用字节序）</translation>
    </message>
    <message>
        <source>is {value}; expected one of {choices}</source>
        <translation>为 {value}；应为 {choices} 之一</translation>
    </message>
    <message>
        <source>is {value}, not a time like 2024-05-01T12:30:00+00:00</source>
        <translation>为 {value}，不是形如 2024-05-01T12:30:00+00:00 的时间</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>a saved message is already called {name}</source>
        <translation>已有名为 {name} 的常用消息</translation>
    </message>
    <message>
        <source>Entry {number}</source>
        <translation>第 {number} 条</translation>
    </message>
    <message>
        <source>Entry {number} ({name})</source>
        <translation>第 {number} 条（{name}）</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
</context>
<context>
    <name>SocketForm</name>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>Unix stream</source>
        <translation>Unix 流</translation>
    </message>
    <message>
        <source>Unix datagram</source>
        <translation>Unix 数据报</translation>
    </message>
    <message>
        <source>TLS over TCP</source>
        <translation>TLS（基于 TCP）</translation>
    </message>
    <message>
        <source>Unix socket path</source>
        <translation>Unix 套接字路径</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Port must be a number from {low} to 65535, not {text!r}</source>
        <translation>端口必须是 {low} 到 65535 之间的数字，而不是 {text!r}</translation>
    </message>
</context>
<context>
    <name>SocketInfoView</name>
    <message>
        <source>Socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>Socket information</source>
        <translation>套接字信息</translation>
    </message>
    <message>
        <source>Resolved to</source>
        <translation>解析结果</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>已连接到</translation>
    </message>
    <message>
        <source>nobody: it listens</source>
        <translation>无：它在监听</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>本地地址</translation>
    </message>
    <message>
        <source>Family · type</source>
        <translation>地址族 · 类型</translation>
    </message>
    <message>
        <source>File descriptor</source>
        <translation>文件描述符</translation>
    </message>
    <message>
        <source>tried in the system&apos;s order of preference</source>
        <translation>按系统的优先顺序尝试</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>加密套件</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>none negotiated</source>
        <translation>未协商</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>presented</source>
        <translation>已出示</translation>
    </message>
    <message>
        <source>none sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>from {start}&lt;br&gt;until {end}</source>
        <translation>自 {start}&lt;br&gt;至 {end}</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
</context>
<context>
    <name>StoreNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>收起提示</translation>
    </message>
    <message>
        <source>The saved messages live in {folder}</source>
        <translation>常用消息保存在 {folder}</translation>
    </message>
</context>
<context>
    <name>Stream</name>
    <message>
        <source>{peer} is closed: nothing was sent</source>
        <translation>{peer} 已关闭：未发送任何数据</translation>
    </message>
    <message>
        <source>a Unix listener needs a socket path</source>
        <translation>Unix 监听需要一个套接字路径</translation>
    </message>
    <message>
        <source>the client spoke plain HTTP to a TLS port (try https://)</source>
        <translation>客户端向 TLS 端口发送了明文 HTTP（请改用 https://）</translation>
    </message>
    <message>
        <source>the client did not start TLS (plain text on a TLS port?)</source>
        <translation>客户端没有发起 TLS（是否向 TLS 端口发送了明文？）</translation>
    </message>
    <message>
        <source>no handshake within {seconds:.0f} s</source>
        <translation>{seconds:.0f} 秒内未完成握手</translation>
    </message>
    <message>
        <source>the client closed the connection during the handshake</source>
        <translation>客户端在握手期间关闭了连接</translation>
    </message>
    <message>
        <source>TLS handshake with {peer} failed: {reason}</source>
        <translation>与 {peer} 的 TLS 握手失败：{reason}</translation>
    </message>
    <message>
        <source>connection limit of {limit} reached: {peer} was turned away; the others are still served</source>
        <translation>已达连接数上限 {limit}：{peer} 被拒绝，其他连接照常服务</translation>
    </message>
    <message>
        <source>{peer} is no longer connected: nothing was sent</source>
        <translation>{peer} 已断开：未发送任何数据</translation>
    </message>
    <message>
        <source>a Unix client needs a socket path</source>
        <translation>Unix 客户端需要一个套接字路径</translation>
    </message>
    <message>
        <source>timed out after {ms:.0f} ms connecting to {target}</source>
        <translation>连接 {target} 超时（{ms:.0f} ms）</translation>
    </message>
    <message>
        <source>TLS verification failed for {target}: {reason}</source>
        <translation>{target} 的 TLS 证书验证失败：{reason}</translation>
    </message>
    <message>
        <source>the TLS handshake with {target} failed: {reason}</source>
        <translation>与 {target} 的 TLS 握手失败：{reason}</translation>
    </message>
</context>
<context>
    <name>TabFrame</name>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
</context>
<context>
    <name>TimingView</name>
    <message>
        <source>Timing</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Timing figures</source>
        <translation>耗时数据</translation>
    </message>
    <message>
        <source>reused</source>
        <translation>复用</translation>
    </message>
    <message>
        <source>Connection #{number} reused: no lookup, connect or handshake</source>
        <translation>复用连接 #{number}：没有解析、连接或握手</translation>
    </message>
    <message>
        <source>Addresses tried:</source>
        <translation>尝试过的地址：</translation>
    </message>
</context>
<context>
    <name>Tls</name>
    <message>
        <source>cannot read the certificate {path}: {reason}</source>
        <translation>无法读取证书 {path}：{reason}</translation>
    </message>
    <message>
        <source>the certificate and key do not load together: {reason}</source>
        <translation>证书与私钥无法配对加载：{reason}</translation>
    </message>
</context>
<context>
    <name>TranscriptFiles</name>
    <message>
        <source>Could not record to {path}: {reason}</source>
        <translation>无法记录到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Could not finish the recording {path}: {reason}</source>
        <translation>无法完成记录 {path}：{reason}</translation>
    </message>
    <message>
        <source>Recorded 1 record to {path}</source>
        <translation>已向 {path} 记录 1 条</translation>
    </message>
    <message>
        <source>Recorded {count} records to {path}</source>
        <translation>已向 {path} 记录 {count} 条</translation>
    </message>
    <message>
        <source>Recording to {path} stopped: {reason}</source>
        <translation>记录到 {path} 已停止：{reason}</translation>
    </message>
    <message>
        <source>Recording stopped: {count} records went to {path}, but that file was deleted while recording; they are lost</source>
        <translation>录制已停止：{count} 条记录写入了 {path}，但该文件在录制期间被删除，这些记录已丢失</translation>
    </message>
    <message>
        <source>The recording file {path} was deleted: the {count} records written so far are lost, and so are the next ones. Stop, and record to a new file</source>
        <translation>录制文件 {path} 已被删除：至今写入的 {count} 条记录已丢失，之后的记录也会丢失。请停止录制，并录制到新文件</translation>
    </message>
    <message>
        <source>Recording stopped: {count} records went to the file that was at {path}, but it was moved or replaced while recording; {path} does not hold them</source>
        <translation>录制已停止：{count} 条记录写入了原先位于 {path} 的文件，但该文件在录制期间被移动或替换；{path} 中没有这些记录</translation>
    </message>
    <message>
        <source>The recording file {path} was moved or replaced: the {count} records so far, and the next ones, go to the moved file, not to {path}</source>
        <translation>录制文件 {path} 已被移动或替换：至今的 {count} 条记录以及之后的记录都写入被移走的文件，而不是 {path}</translation>
    </message>
    <message>
        <source>Record the transcript to a file (new records are appended)</source>
        <translation>将收发记录写入文件（新记录追加在后）</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Compact recording, fastest for floods (*.nbrec)</source>
        <translation>紧凑记录，应对洪流最快 (*.nbrec)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not export to {path}: {reason}</source>
        <translation>无法导出到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Exported 1 record to {path}</source>
        <translation>已导出 1 条记录到 {path}</translation>
    </message>
    <message>
        <source>Exported {count} records to {path}</source>
        <translation>已导出 {count} 条记录到 {path}</translation>
    </message>
    <message>
        <source>Only TCP and UDP messages can be exported as packets</source>
        <translation>只有 TCP 和 UDP 消息能导出为数据包</translation>
    </message>
    <message>
        <source>Exported {count} messages as packets to {path}</source>
        <translation>已将 {count} 条消息作为数据包导出到 {path}</translation>
    </message>
    <message>
        <source>{count} without an IP address left out</source>
        <translation>{count} 条没有 IP 地址，未导出</translation>
    </message>
    <message>
        <source>pcapng (*.pcapng)</source>
        <translation>pcapng (*.pcapng)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Export the transcript</source>
        <translation>导出收发记录</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Time (+s)</source>
        <translation>时间（+秒）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Data (text)</source>
        <translation>数据（文本）</translation>
    </message>
    <message>
        <source>Data (hex)</source>
        <translation>数据（十六进制）</translation>
    </message>
    <message>
        <source>Data (text | hex)</source>
        <translation>数据（文本 | 十六进制）</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>When the record was made, or seconds since the first one</source>
        <translation>记录产生的时间，或距第一条记录的秒数</translation>
    </message>
    <message>
        <source>← received, → sent, • information, ! error</source>
        <translation>← 接收，→ 发送，• 信息，! 错误</translation>
    </message>
    <message>
        <source>The other end of the connection</source>
        <translation>连接的另一端</translation>
    </message>
    <message>
        <source>Length of the data in bytes</source>
        <translation>数据长度（字节）</translation>
    </message>
    <message>
        <source>The bytes, with controls and undecodable bytes as escapes; long data is cut here: double-click a row to see all of it</source>
        <translation>数据字节，控制字符和无法解码的字节以转义显示；过长的数据在此截断：双击一行可查看完整内容</translation>
    </message>
    <message>
        <source>{block}
…(+{count} more bytes)</source>
        <translation>{block}
…（另有 {count} 字节）</translation>
    </message>
    <message>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>❐ several messages came in one read (粘包); ✂ one message came in several reads (拆包). Point at a mark for the whole note</source>
        <translation>❐ 一次读到多条消息（粘包）；✂ 一条消息分几次读到（拆包）。指向标记可看完整说明</translation>
    </message>
    <message>
        <source>{text}…(+1 byte)</source>
        <translation>{text}…（另有 1 字节）</translation>
    </message>
    <message>
        <source>{text}…(+{count} bytes)</source>
        <translation>{text}…（另有 {count} 字节）</translation>
    </message>
    <message>
        <source>✂ {count} reads</source>
        <translation>✂ {count} 次读到</translation>
    </message>
    <message>
        <source>❐ {index}/{count}</source>
        <translation>❐ {index}/{count}</translation>
    </message>
    <message>
        <source>❐ ×{count}</source>
        <translation>❐ ×{count}</translation>
    </message>
    <message>
        <source>split over reads {first}–{last}</source>
        <translation>拆包：跨第 {first}–{last} 次读取</translation>
    </message>
    <message>
        <source>merged: {index} of {count} in one read</source>
        <translation>粘包：第 {index}/{count} 条</translation>
    </message>
    <message>
        <source>merged: {count} in one read</source>
        <translation>粘包：一次读到 {count} 条</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Transcript status</source>
        <translation>收发记录状态</translation>
    </message>
    <message>
        <source>Show the data as text with escapes, hex, or both</source>
        <translation>以转义文本、十六进制或两者同时显示数据</translation>
    </message>
    <message>
        <source>Time format</source>
        <translation>时间格式</translation>
    </message>
    <message>
        <source>Clock time</source>
        <translation>时钟时间</translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation>相对时间</translation>
    </message>
    <message>
        <source>Wall-clock time, or seconds since the first record since the last clear</source>
        <translation>实际时间，或自上次清空后距第一条记录的秒数</translation>
    </message>
    <message>
        <source>Autoscroll</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <source>Follow new records; pauses while you scroll up, resumes at the bottom</source>
        <translation>跟随新记录；向上滚动时暂停，回到底部后恢复</translation>
    </message>
    <message>
        <source>Find in transcript</source>
        <translation>在收发记录中查找</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Enter finds the next match, Shift+Enter the previous</source>
        <translation>回车查找下一个，Shift+回车查找上一个</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>复制行</translation>
    </message>
    <message>
        <source>Copy the selected rows as text, or every row when none is selected</source>
        <translation>将所选行复制为文本；未选择时复制全部行</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>导出收发记录</translation>
    </message>
    <message>
        <source>Save the rows in view to a file</source>
        <translation>将当前显示的行保存到文件</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <source>As text…</source>
        <translation>文本…</translation>
    </message>
    <message>
        <source>As JSON Lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <source>As pcapng (Wireshark)…</source>
        <translation>导出为 pcapng（Wireshark）…</translation>
    </message>
    <message>
        <source>Record to file…</source>
        <translation>记录到文件…</translation>
    </message>
    <message>
        <source>Record to file</source>
        <translation>记录到文件</translation>
    </message>
    <message>
        <source>Stream every new record to a JSON Lines file, including rows the view drops</source>
        <translation>将每条新记录实时写入 JSON Lines 文件，包括视图中丢弃的行</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear transcript</source>
        <translation>清空收发记录</translation>
    </message>
    <message>
        <source>Empty the view; the totals keep counting</source>
        <translation>清空视图；总计继续统计</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>收发记录</translation>
    </message>
    <message>
        <source>Inspect message</source>
        <translation>查看消息</translation>
    </message>
    <message>
        <source>Show the whole message in a window (double-click or Enter)</source>
        <translation>在窗口中显示整条消息（双击或按回车）</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>以文本复制</translation>
    </message>
    <message>
        <source>Copy the whole messages as text with escapes</source>
        <translation>以带转义的文本复制完整消息</translation>
    </message>
    <message>
        <source>Copy as hex</source>
        <translation>以十六进制复制</translation>
    </message>
    <message>
        <source>Copy the whole messages as hex bytes, one line each</source>
        <translation>以十六进制字节复制完整消息，每条一行</translation>
    </message>
    <message>
        <source>Copy data only</source>
        <translation>只复制数据</translation>
    </message>
    <message>
        <source>Copy the payloads in their multi-line form (hex dump)</source>
        <translation>以多行形式复制数据（十六进制转储）</translation>
    </message>
    <message>
        <source>Copied 1 row</source>
        <translation>已复制 1 行</translation>
    </message>
    <message>
        <source>Copied {count} rows</source>
        <translation>已复制 {count} 行</translation>
    </message>
    <message>
        <source>Copied the data of 1 row</source>
        <translation>已复制 1 行的数据</translation>
    </message>
    <message>
        <source>Copied the data of {count} rows</source>
        <translation>已复制 {count} 行的数据</translation>
    </message>
    <message>
        <source>Copied 1 message as text</source>
        <translation>已以文本复制 1 条消息</translation>
    </message>
    <message>
        <source>Copied {count} messages as text</source>
        <translation>已以文本复制 {count} 条消息</translation>
    </message>
    <message>
        <source>Copied 1 message as hex</source>
        <translation>已以十六进制复制 1 条消息</translation>
    </message>
    <message>
        <source>Copied {count} messages as hex</source>
        <translation>已以十六进制复制 {count} 条消息</translation>
    </message>
    <message>
        <source>No match for “{query}”</source>
        <translation>未找到“{query}”</translation>
    </message>
    <message>
        <source>Match in row {row} of {count}</source>
        <translation>匹配第 {row} 行，共 {count} 行</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>显示 {count} 条</translation>
    </message>
    <message>
        <source>{count} in ({size})</source>
        <translation>收 {count} 条（{size}）</translation>
    </message>
    <message>
        <source>{count} out ({size})</source>
        <translation>发 {count} 条（{size}）</translation>
    </message>
    <message>
        <source>{count} dropped from view</source>
        <translation>{count} 条已移出视图</translation>
    </message>
    <message>
        <source>recording to {path}: {count} written</source>
        <translation>正在记录到 {path}：已写入 {count} 条</translation>
    </message>
    <message>
        <source>autoscroll paused</source>
        <translation>自动滚动已暂停</translation>
    </message>
</context>
<context>
    <name>UnixPaths</name>
    <message>
        <source>{path} is in use by a running server: pick another path</source>
        <translation>{path} 正被一个运行中的服务器使用：请换一个路径</translation>
    </message>
    <message>
        <source>{path} exists and is not a socket: it is left untouched</source>
        <translation>{path} 已存在且不是套接字：不会动它</translation>
    </message>
    <message>
        <source>{path} is a stale socket file left by a server that is gone; remove it to listen there</source>
        <translation>{path} 是已退出的服务器留下的残留套接字文件；删除它才能在此监听</translation>
    </message>
</context>
<context>
    <name>VariablesPage</name>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Type a new name and press Enter to add an environment</source>
        <translation>输入新名称并按回车即可添加环境</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Write {{name}} in the URL, headers or body.</source>
        <translation>在 URL、请求头或正文中写 {{name}} 即可引用。</translation>
    </message>
    <message>
        <source>Shared (every environment)</source>
        <translation>共享（所有环境）</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>Show data as</source>
        <translation>数据显示为</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Text + hex</source>
        <translation>文本 + 十六进制</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>How the bytes are decoded into text</source>
        <translation>字节如何解码为文本</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
</context>
<context>
    <name>Waterfall</name>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>reused</source>
        <translation>复用</translation>
    </message>
</context>
<context>
    <name>checksum</name>
    <message>
        <source>No checksum</source>
        <translation>无校验</translation>
    </message>
    <message>
        <source>Sum8</source>
        <translation>Sum8 累加和</translation>
    </message>
    <message>
        <source>XOR8 (BCC)</source>
        <translation>XOR8 异或 (BCC)</translation>
    </message>
    <message>
        <source>LRC (Modbus ASCII)</source>
        <translation>LRC (Modbus ASCII)</translation>
    </message>
    <message>
        <source>CRC-16/MODBUS</source>
        <translation>CRC-16/MODBUS</translation>
    </message>
    <message>
        <source>CRC-16/CCITT-FALSE</source>
        <translation>CRC-16/CCITT-FALSE</translation>
    </message>
    <message>
        <source>CRC-32</source>
        <translation>CRC-32</translation>
    </message>
</context>
<context>
    <name>format_size</name>
    <message>
        <source>{size} B</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>{size} TB</source>
        <translation>{size} TB</translation>
    </message>
</context>
</TS>
