"""The tutorials' own Python, made to run on Python 3, as text the Lessons tab shows and runs.

Each program is a :class:`string.Template`: ``$port`` and ``$path`` stand for where the
server netbench started really listens (the tutorial's port, or another one when that is
busy; a Unix path made absolute), so "Run this client" talks to that server. Everything
else is the tutorials' code as written, with Python 2 ``print`` statements, curly quotes and
``str`` sends turned into Python 3.
"""

from __future__ import annotations

from string import Template

TIME_SERVER = """\
from socket import *
from time import ctime

HOST = ''
PORT = $port
BUFSIZ = 1024
ADDR = (HOST, PORT)

tcpSerSock = socket(AF_INET, SOCK_STREAM)
tcpSerSock.bind(ADDR)
tcpSerSock.listen(5)
while True:
    print('waiting for connection...')
    tcpCliSock, addr = tcpSerSock.accept()
    print('...connected from:', addr)
    while True:
        data = tcpCliSock.recv(BUFSIZ)
        if not data:
            break
        tcpCliSock.send(bytes(ctime(), encoding="utf-8") + data)
    tcpCliSock.close()
tcpSerSock.close()
"""

TIME_CLIENT = """\
from socket import *

HOST = '127.0.0.1'  # or 'localhost'
PORT = $port
BUFSIZ = 1024
ADDR = (HOST, PORT)

tcpCliSock = socket(AF_INET, SOCK_STREAM)
tcpCliSock.connect(ADDR)
while True:
    data = input('>>:')
    if not data:
        break
    tcpCliSock.send(bytes(data, 'utf-8'))
    data = tcpCliSock.recv(BUFSIZ)
    if not data:
        break
    print(str(data, encoding="utf-8"))
    # the same as: print(data.decode('utf-8'))
tcpCliSock.close()
"""

HEAR_SERVER = """\
import socket

# Address
HOST = '127.0.0.1'
PORT = $port

# Configure socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind((HOST, PORT))
# passively wait, 3: maximum number of connections in the queue
s.listen(3)
# accept and establish connection
conn, addr = s.accept()
# receive message
request = conn.recv(1024)
print('request is: ', request)
print('Connected by', addr)
# send message
reply = 'Yes'
conn.sendall(reply.encode())
# close connection
conn.close()
"""

HEAR_CLIENT = """\
import socket

# Address
HOST = '127.0.0.1'
PORT = $port

request = 'can you hear me?'

# configure socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))

# send message
s.sendall(request.encode())
# receive message
reply = s.recv(1024)
print('reply is: ', reply)
# close connection
s.close()
"""

UPPER_SERVER = """\
import socketserver


class Myserver(socketserver.BaseRequestHandler):
    def handle(self):
        print('self:', self)
        print('self.request:', self.request)
        while True:
            data = self.request.recv(1024)
            if not data:
                break
            print(data)
            self.request.send(data.upper())  # reply in upper case


if __name__ == '__main__':
    f = socketserver.ThreadingTCPServer(('127.0.0.1', $port), Myserver)
    f.serve_forever()
"""

UPPER_CLIENT = """\
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(('127.0.0.1', $port))

while True:  # the conversation loop
    try:
        msg = input('>>>: ').strip()
    except EOFError:  # no more input: the tutorial's loop runs until Ctrl+C
        break
    if not msg:
        continue
    client.send(msg.encode('utf-8'))
    data = client.recv(1024)
    print(data)

client.close()
"""

UDP_PROGRAM = """\
import socket, sys

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
MAX = 65535
PORT = $port

if sys.argv[1:] == ['server']:
    s.bind(('127.0.0.1', PORT))
    print('Listening at', s.getsockname())
    while True:
        data, address = s.recvfrom(MAX)
        print('The client at', address, 'says', repr(data))
        s.sendto(b'your data was %d bytes' % len(data), address)
elif sys.argv[1:] == ['client']:
    print('Address before sending:', s.getsockname())
    s.sendto(b'This is my message', ('127.0.0.1', PORT))
    print('Address after sending', s.getsockname())
    data, address = s.recvfrom(MAX)  # overly promiscuous - see text!
    print('The server', address, 'says', repr(data))
else:
    print('usage: udp_local.py server|client', file=sys.stderr)
"""

UNIX_SERVER = """\
from socket import *
import os

sock_file = '$path'  # the file used as the socket
if os.path.exists(sock_file):  # is it there already?
    os.unlink(sock_file)
sockfd = socket(AF_UNIX, SOCK_STREAM)  # a local socket
sockfd.bind(sock_file)  # bind
sockfd.listen(5)  # listen
while True:
    c, addr = sockfd.accept()  # a connection
    while True:
        data = c.recv(1024)
        if not data:
            break
        print(data.decode())
    c.close()
sockfd.close()
"""

UNIX_CLIENT = """\
from socket import *

sock_file = '$path'  # both ends use the same socket file
sockfd = socket(AF_UNIX, SOCK_STREAM)  # a local socket
sockfd.connect(sock_file)  # connect
while True:
    try:
        msg = input('Msg>>')
    except EOFError:
        break
    if msg:
        sockfd.send(msg.encode())
    else:
        break
sockfd.close()
"""

STICKY_SERVER = """\
from socket import *

sockfd = socket(AF_INET, SOCK_STREAM)  # a TCP socket
sockfd.bind(('127.0.0.1', $port))  # bind
sockfd.listen(5)  # listen
while True:  # wait for a client
    print('Waiting for connect...')
    connfd, addr = sockfd.accept()
    print('Connect from', addr)
    while True:  # receive
        data = connfd.recv(1024)
        if not data:
            break
        print('Receive:', data.decode())
    connfd.close()
sockfd.close()
"""


def _sticky_client(send_loop: str, done: str, imports: str = "") -> str:
    """The 粘包 lesson's client: connect, send ten messages in a loop, close. Its four
    versions differ only in the loop (where each fix goes) and in what they print."""
    return (
        f"{imports}from socket import *\n\n"
        "sockfd = socket()\n"
        "sockfd.connect(('127.0.0.1', $port))\n"
        f"{send_loop}"
        "sockfd.close()\n"
        f"print('{done}')\n"
    )


STICKY_CLIENT = _sticky_client(
    """\
for i in range(1, 11):  # send quickly, one after another
    sockfd.send(('message %d;' % i).encode())
""",
    "sent 10 messages",
)

DELIMITER_CLIENT = _sticky_client(
    """\
for i in range(1, 11):
    sockfd.send(('message %d\\n' % i).encode())  # fix 1: an end mark after each message
""",
    "sent 10 lines",
)

LENGTH_CLIENT = _sticky_client(
    """\
for i in range(10):
    body = b'hello'
    # fix 2: send a structure, a 4-byte big-endian length, then the body
    sockfd.send(struct.pack('!I', len(body)) + body)
""",
    "sent 10 messages, each with a length header",
    imports="import struct\n",
)

DELAY_CLIENT = _sticky_client(
    """\
for i in range(1, 11):
    sockfd.send(('message %d;' % i).encode())
    time.sleep(0.2)  # fix 3: a short pause between sends
""",
    "sent 10 messages, 0.2 s apart",
    imports="import time\n",
)

HTTP_SERVER = """\
from socket import *


def handle(connfd):  # handle one request
    request = connfd.recv(4096)  # receive the request
    if not request:  # the client went away
        return
    request_line = request.splitlines()[0]  # the first line: GET / HTTP/1.1
    info = request_line.decode().split(' ')[1]
    if info == '/':
        with open('index.html') as f:
            response = "HTTP/1.1 200 OK\\r\\n"  # status line
            response += "Content-Type:text/html\\r\\n"  # headers
            response += '\\r\\n'  # blank line
            response += f.read()  # body
    else:
        response = "HTTP/1.1 404 Not Found\\r\\n"
        response += "Content-Type:text/html\\r\\n"
        response += '\\r\\n'
        response += "<h1>Sorry...</h1>"
    connfd.send(response.encode())  # send it to the browser


sockfd = socket()  # a TCP server
sockfd.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
sockfd.bind(('0.0.0.0', $port))
sockfd.listen(3)
while True:
    connfd, addr = sockfd.accept()
    handle(connfd)
    connfd.close()
"""

HTTP_CLIENT = """\
from socket import *

s = socket()
s.connect(('127.0.0.1', $port))
# request line, headers, a blank line (and no body for GET)
s.sendall(b'GET / HTTP/1.1\\r\\nHost: 127.0.0.1:$port\\r\\nConnection: close\\r\\n\\r\\n')
response = b''
while True:
    data = s.recv(4096)
    if not data:
        break
    response += data
s.close()
head, _, body = response.partition(b'\\r\\n\\r\\n')
print(head.decode())  # status line and headers
print()
print(body[:200].decode(errors='replace'))
"""

NAMES = """\
import socket

print(socket.gethostname())  # this computer's name
print(socket.gethostbyname('localhost'))  # '127.0.0.1'
print(socket.gethostbyaddr('127.0.0.1'))  # (host, aliases, addresses)
"""

CONVERSIONS = """\
import socket

print(socket.inet_aton('192.168.1.2'))  # b'\\xc0\\xa8\\x01\\x02'
print(socket.inet_ntoa(b'\\xc0\\xa8\\x01\\x02'))  # '192.168.1.2'
for name in ('mysql', 'http', 'ssh'):
    try:
        print(name, socket.getservbyname(name))  # 3306, 80, 22
    except OSError as error:
        print(name, 'is not in this system\\'s services list:', error)
"""

PORTS = """\
import ipaddress

for port in (22, 80, 300, 8888, 65535):
    kind = 'well known' if port <= 255 else 'system' if port <= 1023 else 'free to use'
    print(port, kind)
for address in ('127.0.0.1', '0.0.0.0', '192.168.1.0', '192.168.1.1', '192.168.1.255'):
    ip = ipaddress.ip_address(address)
    net = ipaddress.ip_network('192.168.1.0/24')
    note = 'loopback' if ip.is_loopback else 'every interface' if ip.is_unspecified else ''
    if ip == net.network_address:
        note = 'the network itself'
    elif ip == net.broadcast_address:
        note = 'broadcast'
    elif address.endswith('.1') and not ip.is_loopback:
        note = 'usually the gateway'
    print(address, note)
"""

HANDSHAKE_CLIENT = """\
from socket import *

s = socket(AF_INET, SOCK_STREAM)
s.connect(('127.0.0.1', $port))  # three-way handshake: SYN, SYN+ACK, ACK
s.sendall(b'hello')
print('reply:', s.recv(1024))
s.shutdown(SHUT_WR)  # our FIN: "we are done sending"
print('after our FIN, recv gives', s.recv(1024), '- the server closed too (its FIN)')
s.close()
"""

ATTRIBUTES = """\
from socket import *

s = socket()
# repr(): since Python 3.11 print() shows these as bare numbers (1, 2)
print(repr(s.type))  # <SocketKind.SOCK_STREAM: 1>
print(repr(s.family))  # <AddressFamily.AF_INET: 2>
print(s.fileno())  # the file descriptor
s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)  # let the port be reused
print(s.getsockopt(SOL_SOCKET, SO_REUSEADDR))  # 1
s.connect(('127.0.0.1', $port))
print(s.getsockname())  # our address
print(s.getpeername())  # the other end's address
s.close()
"""


def render(code: str, port: int = 0, path: str = "") -> str:
    """`code` with ``$port`` and ``$path`` filled in (other text left exactly as it is)."""
    return Template(code).safe_substitute(port=port, path=path)
