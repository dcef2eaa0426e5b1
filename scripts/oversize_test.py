#!/usr/bin/env python3
"""Oversized bodies against the release server: stream a gigabyte at each kind of endpoint
(a form posted without JavaScript, a server function called by the script, a signed-out form,
the plan's upload form, a plain route, a page), declared and chunked, and check that each is
answered (413, or for the upload form a redirect back with the message next to the file field)
long before the gigabyte ends, and that the server's resident memory grew by less than 10 MB
over all of them.

The upload form reads up to its limit (the largest clip, 50 MB) before it refuses, and holds
the clip in memory while it does; it is measured and printed, not held to 10 MB (see the README).
Last, a 45 MB clip is served to several slow readers and zipped into several copies of the
carer's data at once, and the server's memory must grow by less than one clip.

Usage: scripts/oversize_test.py <server binary>   (prints what it measured; exit 1 on failure)
Standard library only.
"""
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

GIGABYTE = 1 << 30
MOST_GROWTH = 10 << 20
DEMO_PASSWORD = "demo carer portal"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def resident(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise SystemExit("no VmRSS")


def stream(port, method, path, headers, chunked, start=b""):
    """Streams a gigabyte; returns (status line, bytes written before the answer, seconds)."""
    connection = socket.create_connection(("127.0.0.1", port))
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers)
    head += "Transfer-Encoding: chunked\r\n\r\n" if chunked else f"Content-Length: {GIGABYTE}\r\n\r\n"
    answered = threading.Event()
    written = [0]

    def send():
        block = b"a" * 65536
        try:
            connection.sendall(head.encode())
            if start:
                connection.sendall((f"{len(start):x}\r\n".encode() + start + b"\r\n") if chunked else start)
            while written[0] < GIGABYTE and not answered.is_set():
                connection.sendall((f"{len(block):x}\r\n".encode() + block + b"\r\n") if chunked else block)
                written[0] += len(block)
        except OSError:
            pass

    began = time.monotonic()
    sender = threading.Thread(target=send)
    sender.start()
    answer = b""
    connection.settimeout(120)
    while b"\r\n\r\n" not in answer:
        piece = connection.recv(4096)
        if not piece:
            break
        answer += piece
    answered.set()
    seconds = time.monotonic() - began
    sent = written[0]
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    connection.close()
    sender.join()
    return answer.split(b"\r\n", 1)[0].decode(errors="replace"), sent, seconds


def session_cookie(port):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/account/sign-in",
        data=urllib.parse.urlencode({"email": "carer@example.org", "password": DEMO_PASSWORD, "next": "/home"}).encode(),
        method="POST",
        headers={"Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/x-www-form-urlencoded"},
    )

    class Keep(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(Keep()).open(request, timeout=10)
    except urllib.error.HTTPError as error:
        cookie = error.headers.get("Set-Cookie", "")
        return cookie.split(";", 1)[0]
    raise SystemExit("signing in did not redirect")


def large_clip_served(port, pid, cookie):
    """A 45 MB clip added to the plan, then fetched by four slow readers at once and put in
    four copies of the carer's data: the server sends each as it reads it, so its memory grows
    by far less than one clip (it would grow by four or more if each were read whole)."""
    clip = b"\x00\x00\x00\x20ftypisom" + bytes(45 << 20)
    fields = [("upload_section", "important"), ("caption", "A long voice note"),
              ("alt_text", "Me talking about my week")]
    body = b"".join(f'--xyz\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                    for name, value in fields)
    body += (b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="note.mp4"\r\n'
             b"Content-Type: video/mp4\r\n\r\n" + clip + b"\r\n--xyz--\r\n")
    headers = {"Cookie": cookie, "Origin": f"http://127.0.0.1:{port}", "Accept": "application/json",
               "Content-Type": "multipart/form-data; boundary=xyz"}
    request = urllib.request.Request(f"http://127.0.0.1:{port}/plan/upload", data=body, headers=headers)
    urllib.request.urlopen(request, timeout=60).read()
    del body
    page = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/plan",
                                                         headers={"Cookie": cookie}), timeout=10).read().decode()
    clips = re.findall(r'/plan/files/(\d+)/full', page)
    if not clips:
        return ["the clip was not added to the plan"]
    paths = [f"/plan/files/{max(map(int, clips))}/full"] * 4 + ["/account/my-data"] * 4
    time.sleep(1)
    before = resident(pid)
    peak = [before]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], resident(pid))
            time.sleep(0.005)

    received = {}

    def fetch(n, path):
        answer = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                                               headers={"Cookie": cookie}), timeout=120)
        total = 0
        while piece := answer.read(1 << 20):
            total += len(piece)
            time.sleep(0.01)  # a phone on a slow connection
        received[n] = total

    sampler = threading.Thread(target=sample)
    sampler.start()
    readers = [threading.Thread(target=fetch, args=(n, path)) for n, path in enumerate(paths)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    done.set()
    sampler.join()
    growth = peak[0] - before
    print(f"a {len(clip):,}-byte clip sent to 4 readers and in 4 copies of the carer's data at once: "
          f"resident memory peaked {growth:,} bytes above where it began")
    failures = []
    if any(received.get(n, 0) < len(clip) for n in range(len(paths))):
        failures.append(f"not every reader got the whole clip: {received}")
    if growth >= len(clip):
        failures.append(f"serving the clip grew memory by {growth:,} bytes")
    return failures


def main():
    binary = sys.argv[1]
    port = free_port()
    data = tempfile.mkdtemp(prefix="oversize-")
    env = dict(os.environ, PORTAL_DATA_DIR=data, PORTAL_BIND=f"127.0.0.1:{port}", RUST_LOG="error",
               PORTAL_DEMO_DATA="true")
    server = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(400):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        cookie = session_cookie(port)
        form = [("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "text/html")]
        script = [("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")]
        multipart = [("Cookie", cookie), ("Content-Type", "multipart/form-data; boundary=xyz")]
        video = (b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\n'
                 b"Content-Type: video/mp4\r\n\r\n")
        cases = [
            ("form, no JavaScript", "POST", "/api/contact", form, b"", "413"),
            ("server function, script", "POST", "/api/assessment/save", script, b"", "413"),
            ("signed-out form", "POST", "/api/account/sign-in", form[1:], b"", "413"),
            ("plain route", "GET", "/plan/files/1/full", [("Cookie", cookie)], b"", "413"),
            ("page", "GET", "/home", [("Cookie", cookie)], b"", "413"),
        ]
        # Warm up: the first request of each kind allocates what every later one reuses.
        for _, method, path, headers, start, _ in cases:
            stream(port, method, path, headers, True, start)
        before = resident(server.pid)
        failures = []
        print(f"{'endpoint':28} {'framing':9} {'answer':28} {'read before answer':>19} {'seconds':>8}")
        for what, method, path, headers, start, expected in cases:
            for chunked in (False, True):
                line, sent, seconds = stream(port, method, path, headers, chunked, start)
                framing = "chunked" if chunked else "declared"
                print(f"{what:28} {framing:9} {line:28} {sent:>19,} {seconds:>8.3f}")
                if f" {expected} " not in line + " ":
                    failures.append(f"{what} ({framing}): {line}")
        time.sleep(0.5)
        after = resident(server.pid)
        growth = after - before
        print(f"resident memory: {before:,} bytes before, {after:,} after: grew by {growth:,} bytes")
        if growth >= MOST_GROWTH:
            failures.append(f"memory grew by {growth:,} bytes")
        for chunked in (False, True):
            line, sent, seconds = stream(port, "POST", "/plan/upload", multipart, chunked, video)
            framing = "chunked" if chunked else "declared"
            print(f"{'upload form':28} {framing:9} {line:28} {sent:>19,} {seconds:>8.3f}")
            if " 303 " not in line + " " or sent > (64 << 20):
                failures.append(f"upload ({framing}): {line} after {sent} bytes")
        time.sleep(0.5)
        print(f"resident memory after the upload form: {resident(server.pid):,} bytes")
        failures += large_clip_served(port, server.pid, cookie)
        if failures:
            print("FAILED:\n  " + "\n  ".join(failures))
            sys.exit(1)
        print("every oversized body was refused")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
