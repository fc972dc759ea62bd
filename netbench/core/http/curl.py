"""A curl command line in (pasted from a browser's "Copy as cURL" or docs) and out.

Import reads the flags that shape a request and reports every flag it does not know
rather than dropping it quietly: a request that differs from the pasted command without
saying so would be a lie. Export writes the flags back, quoted for a POSIX shell.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

from netbench.core.errors import MessageError
from netbench.core.http.bodies import basic_auth
from netbench.core.http.model import (
    BytesBody,
    ConnectionSettings,
    FileBody,
    FormField,
    Header,
    HttpRequest,
    HttpVersion,
    MultipartBody,
    NoBody,
    TlsOptions,
)
from netbench.core.text import QT_TRANSLATE_NOOP

_WITH_VALUE = {
    "-X": "--request",
    "-H": "--header",
    "-d": "--data",
    "-F": "--form",
    "-u": "--user",
    "-x": "--proxy",
    "-A": "--user-agent",
    "-e": "--referer",
    "-b": "--cookie",
    "-o": "--output",
}
# Flags whose value is kept as it came, read once the command is parsed (TLS files,
# proxy, Unix socket, redirect limit, URL).
_KEPT_AS_OPTIONS = {
    "--proxy",
    "--unix-socket",
    "--url",
    "--cacert",
    "--cert",
    "--key",
    "--max-redirs",
}
_LONG_WITH_VALUE = (
    set(_WITH_VALUE.values())
    | {"--data-raw", "--data-binary", "--data-urlencode"}
    | _KEPT_AS_OPTIONS
)
_SWITCHES = {"-k": "--insecure", "-L": "--location", "-s": "--silent", "-S": "--show-error"}
_LONG_SWITCHES = set(_SWITCHES.values()) | {"--compressed", "--http1.1", "--http2", "-v", "-i"}
_IGNORED = {"--silent", "--show-error", "--output", "-v", "-i"}  # no effect on the request


class CurlError(MessageError, ValueError):
    """A curl command that cannot be imported."""


@dataclass
class CurlImport:
    request: HttpRequest
    unknown: list[str] = field(default_factory=list)  # flags we did not understand
    ignored: list[str] = field(default_factory=list)  # known, with no effect on the request


@dataclass
class _Parsed:
    method: str = ""
    url: str = ""
    headers: list[Header] = field(default_factory=list)
    data: list[bytes] = field(default_factory=list)
    data_file: Path | None = None
    form: list[FormField] = field(default_factory=list)
    insecure: bool = False
    location: bool = False
    version: HttpVersion = HttpVersion.AUTO
    options: dict[str, str] = field(default_factory=dict)


def _tokens(command: str) -> list[str]:
    try:
        words = shlex.split(command.replace("\\\n", " "))
    except ValueError as exc:
        raise CurlError(
            QT_TRANSLATE_NOOP("HttpCurl", "the command does not parse: {reason}").format(
                reason=str(exc)
            )
        ) from exc
    if not words or words[0] != "curl":
        raise CurlError(QT_TRANSLATE_NOOP("HttpCurl", "the command must start with curl"))
    return words[1:]


def _expand(words: list[str]) -> list[tuple[str, str | None]]:
    """(flag, value) pairs; a positional word is ("", word); -sSL is three switches."""
    pairs: list[tuple[str, str | None]] = []
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        flag, _, inline = word.partition("=") if word.startswith("--") else (word, "", "")
        flag = _WITH_VALUE.get(flag, flag)
        if flag in _LONG_WITH_VALUE:
            value = inline if inline else (words[index] if index < len(words) else "")
            index += 0 if inline else 1
            pairs.append((flag, value))
        elif word.startswith("-") and not word.startswith("--") and len(word) > 2:
            if word[:2] in _WITH_VALUE:
                pairs.append((_WITH_VALUE[word[:2]], word[2:]))
            else:
                pairs.extend((_SWITCHES.get(f"-{c}", f"-{c}"), None) for c in word[1:])
        elif word.startswith("-") and word != "-":
            pairs.append((_SWITCHES.get(word, word), None))
        else:
            pairs.append(("", word))
    return pairs


def _form_field(value: str) -> FormField:
    name, _, rest = value.partition("=")
    content_type = ""
    if ";type=" in rest:
        rest, _, content_type = rest.partition(";type=")
    if rest.startswith("@"):
        return FormField(name, file=Path(rest[1:]), content_type=content_type)
    return FormField(name, rest, content_type=content_type)


def _apply(parsed: _Parsed, flag: str, value: str) -> bool:
    """Apply one flag with a value; False when it is not one we know."""
    if flag == "":
        parsed.url = value
    elif flag in ("--request",):
        parsed.method = value.upper()
    elif flag == "--header":
        name, _, header_value = value.partition(":")
        parsed.headers.append(Header(name.strip(), header_value.strip()))
    elif flag in ("--data", "--data-raw", "--data-binary"):
        if value.startswith("@") and flag != "--data-raw":
            parsed.data_file = Path(value[1:])
        else:
            parsed.data.append(value.encode("utf-8"))
    elif flag == "--data-urlencode":
        name, equals, content = value.partition("=")
        encoded = f"{name}={quote(content, safe='')}" if equals else quote(name, safe="")
        parsed.data.append(encoded.encode("ascii"))
    elif flag == "--form":
        parsed.form.append(_form_field(value))
    elif flag == "--user":
        user, _, password = value.partition(":")
        parsed.headers.append(Header(*basic_auth(user, password)))
    elif flag == "--user-agent":
        parsed.headers.append(Header("User-Agent", value))
    elif flag == "--referer":
        parsed.headers.append(Header("Referer", value))
    elif flag == "--cookie":
        parsed.headers.append(Header("Cookie", value))
    elif flag in _KEPT_AS_OPTIONS:
        parsed.options[flag] = value
        if flag == "--url":
            parsed.url = value
    else:
        return flag == "--output"
    return True


def _switch(parsed: _Parsed, flag: str) -> bool:
    if flag == "--insecure":
        parsed.insecure = True
    elif flag == "--location":
        parsed.location = True
    elif flag == "--compressed":
        parsed.headers.append(Header("Accept-Encoding", "gzip, deflate, br"))
    elif flag == "--http1.1":
        parsed.version = HttpVersion.HTTP1_1
    elif flag == "--http2":
        parsed.version = HttpVersion.HTTP2
    else:
        return flag in _IGNORED
    return True


def import_curl(command: str) -> CurlImport:
    """The request a curl command would send, and the flags that were not understood."""
    parsed = _Parsed()
    result = CurlImport(HttpRequest())
    for flag, value in _expand(_tokens(command)):
        known = _switch(parsed, flag) if value is None else _apply(parsed, flag, value)
        if not known:
            result.unknown.append(flag if value is None else f"{flag} {value}")
        elif flag in _IGNORED:
            result.ignored.append(flag)
    if not parsed.url:
        raise CurlError(QT_TRANSLATE_NOOP("HttpCurl", "the command has no URL"))
    result.request = _request(parsed)
    return result


def _request(parsed: _Parsed) -> HttpRequest:
    body: BytesBody | FileBody | MultipartBody | NoBody = NoBody()
    names = {h.name.lower() for h in parsed.headers}
    form_type = "" if "content-type" in names else "application/x-www-form-urlencoded"
    if parsed.form:
        body = MultipartBody(tuple(parsed.form))
    elif parsed.data_file is not None:
        body = FileBody(parsed.data_file, form_type)
    elif parsed.data:
        body = BytesBody(b"&".join(parsed.data), form_type)
    method = parsed.method or ("GET" if isinstance(body, NoBody) else "POST")
    options = parsed.options
    tls = TlsOptions(
        verify=not parsed.insecure,
        ca_file=Path(options["--cacert"]) if "--cacert" in options else None,
        client_cert=Path(options["--cert"]) if "--cert" in options else None,
        client_key=Path(options["--key"]) if "--key" in options else None,
    )
    settings = ConnectionSettings(
        parsed.version, tls, options.get("--unix-socket", ""), options.get("--proxy", "")
    )
    url = parsed.url if "://" in parsed.url else "http://" + parsed.url
    request = HttpRequest(method, url, tuple(parsed.headers), body, settings)
    if parsed.location:
        request = replace(request, follow_redirects=True)
        if "--max-redirs" in options and options["--max-redirs"].isdigit():
            request = replace(request, max_redirects=int(options["--max-redirs"]))
    return request


def _body_args(request: HttpRequest) -> list[str]:
    body = request.body
    if isinstance(body, BytesBody):
        text = body.data.decode("utf-8", "surrogateescape")
        # curl reads "--data-binary @x" as the file x; --data-raw sends an @ as typed.
        args = ["--data-raw" if text.startswith("@") else "--data-binary", text]
        names = {h.name.lower() for h in request.headers if h.enabled}
        if body.content_type and "content-type" not in names:
            args = ["-H", f"Content-Type: {body.content_type}", *args]
        return args
    if isinstance(body, FileBody):
        return ["--data-binary", f"@{body.path}"]
    if isinstance(body, MultipartBody):
        args = []
        for part in body.fields:
            if not part.enabled:
                continue
            value = f"@{part.file}" if part.file is not None else part.value
            suffix = f";type={part.content_type}" if part.content_type else ""
            args += ["-F", f"{part.name}={value}{suffix}"]
        return args
    return []


def export_curl(request: HttpRequest) -> str:
    """The request as a curl command for a POSIX shell."""
    args = ["curl"]
    has_body = not isinstance(request.body, NoBody)
    if request.method != ("POST" if has_body else "GET"):
        args += ["-X", request.method]
    args += [a for h in request.headers if h.enabled for a in ("-H", f"{h.name}: {h.value}")]
    args += _body_args(request)
    settings = request.connection
    flags = {HttpVersion.HTTP1_1: ["--http1.1"], HttpVersion.HTTP2: ["--http2"]}
    args += flags.get(settings.version, [])
    args += [] if settings.tls.verify else ["-k"]
    for flag, path in (
        ("--cacert", settings.tls.ca_file),
        ("--cert", settings.tls.client_cert),
        ("--key", settings.tls.client_key),
    ):
        args += [flag, str(path)] if path else []
    args += ["--unix-socket", settings.unix_socket] if settings.unix_socket else []
    args += ["-x", settings.proxy] if settings.proxy else []
    if request.follow_redirects:
        args += ["-L", "--max-redirs", str(request.max_redirects)]
    args.append(request.url)
    return " ".join(shlex.quote(a) for a in args)
