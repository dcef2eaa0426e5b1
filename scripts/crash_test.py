#!/usr/bin/env python3
"""Crash safety: kill -9 the portal at random moments while people save and upload, restart
it, and check that nothing acknowledged was lost and nothing is half-stored.

Each round: start the server on a fresh port, let several carers autosave their answers (each
save carries a sequence number) and add pictures to their plans concurrently, kill -9 the
server after a random 50-800 ms, then open the database as the restarted server would and check:

- every carer's stored answer is the last save they saw acknowledged, or a later one they sent
  (a save may be on disk without its acknowledgement having reached the client, never the
  reverse);
- every picture they saw acknowledged is in their plan, and every picture in any plan has its
  full-size file and thumbnail complete on disk (a JPEG from its first marker to its last);
- `PRAGMA integrity_check` passes.

Usage: scripts/crash_test.py <server binary> [rounds]   (prints the counts; exit 1 on any loss)
Standard library only, so it runs wherever Python 3 does.
"""
import http.cookiejar
import os
import random
import re
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib

CARERS = 6
# A plan takes at most 50 files, so a new set of carers starts every few rounds.
ROUNDS_PER_CARER = 5
PASSWORD = "crash test password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tiny_png():
    """A 16x16 PNG: the upload pipeline decodes it and stores a JPEG and a thumbnail."""
    raw = b"".join(b"\x00" + bytes([x * 16 % 256, 80, 160] * 16)[:48] for x in range(16))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Person:
    """A carer on their own phone: their own cookies and their own address (the portal runs as if
    behind the council's load balancer, which names the address in X-Forwarded-For), so the
    per-address limits on registering and signing in, which last across restarts, count each
    carer apart."""

    def __init__(self, base, email, address):
        self.base = base
        self.email = email
        self.address = address
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def post(self, path, body, content_type="application/x-www-form-urlencoded", accept="text/html"):
        request = urllib.request.Request(self.base + path, data=body, method="POST")
        request.add_header("Origin", self.base)
        request.add_header("X-Forwarded-For", self.address)
        request.add_header("Content-Type", content_type)
        request.add_header("Accept", accept)
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", "")

    def form(self, path, fields, accept="text/html"):
        return self.post(path, urllib.parse.urlencode(fields).encode(), accept=accept)

    def sign_in(self):
        status, location = self.form("/api/account/sign-in", {"email": self.email, "password": PASSWORD, "next": "/home"})
        return status == 303 and location == "/home"

    def register(self, outbox):
        """Registers, then finishes the account from the link emailed to the outbox folder."""
        status, location = self.form("/api/account/register", {
            "role": "carer", "name": "Crash Test", "email": self.email, "password": PASSWORD})
        assert (status, location) == (303, "/register/check-email"), f"registering {self.email}: {status}"
        mails = [open(os.path.join(outbox, name), encoding="utf-8").read()
                 for name in sorted(os.listdir(outbox)) if name.endswith(".eml")]
        mail = next(m for m in reversed(mails) if f"To: {self.email}" in m)
        code = re.search(r"/register/confirm/(\S+)", mail).group(1)
        status, location = self.form("/api/account/confirm-registration", {"code": code})
        assert (status, location) == (303, "/home"), f"confirming {self.email}: {status} {location}"

    def upload(self, picture, label):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in [("upload_section", "important"), ("alt_text", label), ("caption", label)]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\n'
            f"Content-Type: image/png\r\n\r\n".encode() + picture + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.post("/plan/upload", b"".join(parts), f"multipart/form-data; boundary={boundary}")


def start(binary, data, port):
    env = dict(os.environ, PORTAL_DATA_DIR=data, PORTAL_BIND=f"127.0.0.1:{port}", RUST_LOG="error",
               PORTAL_TRUST_FORWARDED_FOR="true")
    server = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the portal did not start")


def drive(person, acked, stop):
    """Saves one answer over and over (sequence numbers) and now and then a picture."""
    picture = tiny_png()
    sequence = acked["sent"]
    while not stop.is_set():
        sequence += 1
        acked["sent"] = sequence
        try:
            if sequence % 10 == 0:
                status, location = person.upload(picture, f"picture {sequence}")
                if status == 303 and "added=1" in location:
                    acked["pictures"].add(f"picture {sequence}")
            else:
                status, _ = person.form(
                    "/api/assessment/save",
                    {"page": "working", "intent": "stay", "working": f"save {sequence}"},
                    accept="application/json",
                )
                if status == 200:
                    acked["last_save"] = sequence
                    acked["saves"] += 1
        except (OSError, urllib.error.URLError):
            return


def jpeg_complete(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return False
    return data.startswith(b"\xff\xd8") and data.rstrip(b"\x00").endswith(b"\xff\xd9")


def check(data, people, state):
    """Opens the database as the restarted server will and counts what was lost."""
    db = sqlite3.connect(os.path.join(data, "portal.db"))
    lost_saves = lost_pictures = half_stored = 0
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    for person in people:
        acked = state[person.email]
        user = db.execute("SELECT id FROM users WHERE email = ?", (person.email,)).fetchone()[0]
        row = db.execute(
            "SELECT value FROM assessment_answers WHERE carer_id = ? AND question = 'working'", (user,)
        ).fetchone()
        stored = int("".join(ch for ch in row[0] if ch.isdigit()) or 0) if row else 0
        if stored < acked["last_save"]:
            lost_saves += 1
        labels = {r[0] for r in db.execute(
            "SELECT alt_text FROM plan_contributions WHERE person_id = ? AND kind = 'picture'", (user,))}
        lost_pictures += len(acked["pictures"] - labels)
    for (key,) in db.execute("SELECT file_key FROM plan_contributions WHERE kind = 'picture'"):
        for name in (key, key.replace(".jpg", "-thumb.jpg")):
            if not jpeg_complete(os.path.join(data, "files", name)):
                half_stored += 1
    db.close()
    return integrity, lost_saves, lost_pictures, half_stored


def main():
    binary = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    data = tempfile.mkdtemp(prefix="carer-portal-crash-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(binary, data, port)
    everyone, people, state = [], [], {}
    totals = {"kills": 0, "saves": 0, "pictures": 0, "lost_saves": 0, "lost_pictures": 0, "half_stored": 0, "damaged": 0}
    random.seed(int.from_bytes(os.urandom(4), "little"))
    for round_number in range(rounds):
        if round_number % ROUNDS_PER_CARER == 0:
            people = [Person(base, f"carer{round_number}-{n}@example.org", f"10.0.{round_number}.{n + 1}")
                      for n in range(CARERS)]
            for person in people:
                person.register(os.path.join(data, "outbox"))
                state[person.email] = {"sent": 0, "last_save": 0, "saves": 0, "pictures": set()}
            everyone += people
        for person in people:
            person.jar.clear()
            assert person.sign_in(), f"signing in {person.email}"
        stop = threading.Event()
        workers = [threading.Thread(target=drive, args=(p, state[p.email], stop)) for p in people]
        for w in workers:
            w.start()
        time.sleep(random.uniform(0.05, 0.8))
        server.send_signal(signal.SIGKILL)
        server.wait()
        totals["kills"] += 1
        stop.set()
        for w in workers:
            w.join()
        integrity, lost_saves, lost_pictures, half_stored = check(data, everyone, state)
        totals["lost_saves"] += lost_saves
        totals["lost_pictures"] += lost_pictures
        totals["half_stored"] += half_stored
        totals["damaged"] += integrity != "ok"
        server = start(binary, data, port)
    server.terminate()
    server.wait()
    totals["saves"] = sum(s["saves"] for s in state.values())
    totals["pictures"] = sum(len(s["pictures"]) for s in state.values())
    print(f"kill -9 rounds:                         {totals['kills']} ({len(everyone)} carers)")
    print(f"saves acknowledged:                     {totals['saves']}")
    print(f"pictures acknowledged:                  {totals['pictures']}")
    print(f"acknowledged saves lost:                {totals['lost_saves']}")
    print(f"acknowledged pictures lost:             {totals['lost_pictures']}")
    print(f"pictures half-stored (file or thumb):   {totals['half_stored']}")
    print(f"integrity_check failures:               {totals['damaged']}")
    failed = totals["lost_saves"] or totals["lost_pictures"] or totals["half_stored"] or totals["damaged"]
    if not failed:
        subprocess.run(["rm", "-rf", data])
    else:
        print(f"data kept in {data}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
