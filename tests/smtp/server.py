"""A real SMTP server for the tests (aiosmtpd): three listeners on loopback, like the three ways Masterplan sends.
  STARTTLS port: STARTTLS required, AUTH required (PLAIN and LOGIN) after TLS   -> smtp://user:pass@localhost:P
  SMTPS port:    TLS from the first byte, AUTH required                         -> smtps://user:pass@localhost:P
  relay port:    plain, no AUTH (a local relay)                                  -> smtp://localhost:P
Every message is stored in OUT as N.eml (the bytes as received) and N.json (what Python's email parser reads:
sender, recipients, decoded subject, text and HTML parts, Date, Message-ID), so a test checks the message a mail
client would show. Prints "ready" when listening; stops on SIGTERM.

  python tests/smtp/server.py --cert C --key K --out DIR --starttls-port P1 --smtps-port P2 --relay-port P3 --user U --password W
"""
import argparse, asyncio, email, email.policy, json, os, signal, ssl, threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Store:
    def __init__(self, out):
        self.out, self.n, self.lock = out, 0, threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.n += 1
            n = self.n
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = {}
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                parts[part.get_content_type()] = part.get_content()
        info = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos, "subject": str(msg["subject"]),
                "from": str(msg["from"]), "to": str(msg["to"]), "date": str(msg["date"]), "messageId": str(msg["message-id"]),
                "language": str(msg["content-language"]),
                "listUnsubscribe": str(msg["list-unsubscribe"]) if msg["list-unsubscribe"] else None,
                "listUnsubscribePost": str(msg["list-unsubscribe-post"]) if msg["list-unsubscribe-post"] else None,
                "text": parts.get("text/plain"), "html": parts.get("text/html"), "tls": server.transport.get_extra_info("ssl_object") is not None,
                "authenticated": bool(session.authenticated), "port": server.transport.get_extra_info("sockname")[1]}
        with open(os.path.join(self.out, f"{n}.eml"), "wb") as f:
            f.write(raw)
        with open(os.path.join(self.out, f"{n}.json"), "w") as f:
            json.dump(info, f)
        return "250 OK queued as masterplan-test-%d" % n


def main():
    ap = argparse.ArgumentParser()
    for name in ("--cert", "--key", "--out", "--user", "--password"):
        ap.add_argument(name, required=True)
    for name in ("--starttls-port", "--smtps-port", "--relay-port"):
        ap.add_argument(name, type=int, required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(a.cert, a.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == a.user and auth_data.password.decode() == a.password
        if ok:
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False, message="535 5.7.8 Authentication credentials invalid")

    store = Store(a.out)
    controllers = [
        Controller(store, hostname="127.0.0.1", port=a.starttls_port, tls_context=tls, require_starttls=True,
                   authenticator=authenticator, auth_required=True, auth_require_tls=True),
        Controller(store, hostname="127.0.0.1", port=a.smtps_port, ssl_context=tls, authenticator=authenticator,
                   auth_required=True, auth_require_tls=False, server_hostname="localhost"),
        Controller(store, hostname="127.0.0.1", port=a.relay_port),
    ]
    for c in controllers:
        c.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for c in controllers:
        c.stop()


if __name__ == "__main__":
    main()
