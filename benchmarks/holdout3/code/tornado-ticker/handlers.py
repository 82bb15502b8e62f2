import json
import logging
from urllib.parse import urlparse

import requests
import tornado.ioloop
import tornado.web
import tornado.websocket

log = logging.getLogger("ticker")

ALLOWED_HOSTS = {"ticker.example.com", "www.example.com"}


def lookup_company(symbol: str) -> dict:
    # plain sync function; run in the default executor below
    # ok: blocking-call-in-async-handler
    return requests.get(f"https://refdata.example.com/companies/{symbol}", timeout=5).json()


class TickerSocket(tornado.websocket.WebSocketHandler):
    waiters: set["TickerSocket"] = set()

    def check_origin(self, origin: str) -> bool:
        return urlparse(origin).hostname in ALLOWED_HOSTS

    def open(self):
        TickerSocket.waiters.add(self)
        self.symbols: set[str] = set()

    def on_close(self):
        TickerSocket.waiters.discard(self)

    async def on_message(self, message):
        try:
            # ok: json-parse-without-guard
            msg = json.loads(message)
        except json.JSONDecodeError:
            self.close(1007, "invalid json")
            return
        if msg.get("op") == "watch":
            sym = str(msg.get("symbol", "")).upper()[:8]
            self.symbols.add(sym)
            loop = tornado.ioloop.IOLoop.current()
            info = await loop.run_in_executor(None, lookup_company, sym)
            self.write_message({"op": "company", "symbol": sym, "name": info.get("name")})

    @classmethod
    def publish(cls, symbol: str, price: float):
        frame = json.dumps({"op": "tick", "symbol": symbol, "price": price})
        for waiter in cls.waiters:
            if symbol in waiter.symbols:
                try:
                    # ruleid: broadcast-without-backpressure
                    waiter.write_message(frame)
                except tornado.websocket.WebSocketClosedError:
                    log.info("dropping closed waiter")


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/ticker", TickerSocket)],
        websocket_ping_interval=20,
        websocket_ping_timeout=30,
        websocket_max_message_size=64 * 1024,
    )


if __name__ == "__main__":
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
