# A Web Push service of the tests' own, on loopback, playing both sides a browser's push
# service and the browser play: it makes subscriptions (a P-256 key pair and an auth secret of
# its own for each, as a browser does), receives the server's pushes at their endpoints, checks
# each one's VAPID signature (RFC 8292) and headers, and decrypts its payload (RFC 8291,
# aes128gcm) with Mozilla's reference implementation (http_ece), independent of the server's.
#
#   POST /subscribe?mode=ok|gone|flaky   -> {"endpoint", "keys": {"p256dh", "auth"}}
#   POST /push/<id>                      <- the server's push; answered 201, or 410 (gone), or
#                                           500 once then 201 (flaky)
#   GET  /log                            -> every push received, checked and decrypted
#
# Prints its port on the first line of standard output.

import base64
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


lock = threading.Lock()
subscriptions = {}  # id -> {key, auth, mode, seen}
log = []


def check_vapid(header, audience):
    """What the Authorization header says and whether its signature holds."""
    out = {"vapid_ok": False}
    if not header or not header.startswith("vapid "):
        out["vapid_error"] = "no vapid authorization"
        return out
    params = dict(p.strip().split("=", 1) for p in header[len("vapid "):].split(","))
    token, key = params.get("t", ""), params.get("k", "")
    out["vapid_k"] = key
    try:
        head, claims, signature = token.split(".")
        public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
        raw = unb64url(signature)
        der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        public.verify(der, f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
        header_json = json.loads(unb64url(head))
        claims_json = json.loads(unb64url(claims))
    except (ValueError, InvalidSignature) as e:
        out["vapid_error"] = f"bad token: {e!r}"
        return out
    now = time.time()
    out.update(
        alg=header_json.get("alg"),
        aud=claims_json.get("aud"),
        sub=claims_json.get("sub"),
        exp_in=claims_json.get("exp", 0) - now,
    )
    out["vapid_ok"] = (
        header_json.get("alg") == "ES256"
        and claims_json.get("aud") == audience
        and 0 < claims_json.get("exp", 0) - now <= 24 * 3600
        and bool(claims_json.get("sub"))
    )
    return out


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/log":
            with lock:
                body = json.dumps(log).encode()
            return self.answer(200, body)
        self.answer(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path.startswith("/subscribe"):
            mode = self.path.partition("mode=")[2] or "ok"
            key = ec.generate_private_key(ec.SECP256R1())
            auth = os.urandom(16)
            point = key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
            with lock:
                sid = str(len(subscriptions) + 1)
                subscriptions[sid] = {"key": key, "auth": auth, "mode": mode, "seen": 0}
            reply = {
                "endpoint": f"{origin}/push/{sid}",
                "keys": {"p256dh": b64url(point), "auth": b64url(auth)},
            }
            return self.answer(201, json.dumps(reply).encode())
        if self.path.startswith("/push/"):
            sid = self.path[len("/push/"):]
            with lock:
                sub = subscriptions.get(sid)
                if sub is not None:
                    sub["seen"] += 1
                    seen = sub["seen"]
            if sub is None:
                return self.answer(404)
            record = {
                "subscription": sid,
                "content_encoding": self.headers.get("Content-Encoding"),
                "ttl": self.headers.get("TTL"),
                "urgency": self.headers.get("Urgency"),
                "bytes": len(body),
            }
            record.update(check_vapid(self.headers.get("Authorization"), origin))
            try:
                plain = http_ece.decrypt(
                    body, private_key=sub["key"], auth_secret=sub["auth"], version="aes128gcm"
                )
                record["payload"] = plain.decode()
            except Exception as e:  # the record says what failed; the test asserts on it
                record["decrypt_error"] = repr(e)
            if sub["mode"] == "gone":
                status = 410
            elif sub["mode"] == "flaky" and seen == 1:
                status = 500
            else:
                status = 201
            record["status"] = status
            with lock:
                log.append(record)
            return self.answer(status, b"")
        self.answer(404)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
