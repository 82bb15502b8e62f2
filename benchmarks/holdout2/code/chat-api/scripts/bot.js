#!/usr/bin/env node
// Support bot: answers FAQ keywords in the public lobby.
const WebSocket = require("ws");
const { answerFor } = require("./faq");

const CHAT_URL = process.env.CHAT_URL || "wss://chat.example.com/ws";
const BOT_COOKIE = process.env.BOT_COOKIE;

function connect() {
  // ok: websocket-without-close-handler, token-in-query-string
  const ws = new WebSocket(CHAT_URL, { headers: { Cookie: BOT_COOKIE, Origin: "https://chat.example.com" } });

  ws.on("open", () => {
    console.log("bot connected");
    // ok: send-without-open-check
    ws.send(JSON.stringify({ type: "join", roomId: "lobby" }));
  });

  ws.on("message", (raw) => {
    let msg;
    try {
      // ok: json-parse-without-guard
      msg = JSON.parse(raw.toString());
    } catch {
      return;
    }
    if (msg.type !== "said" || msg.from === "bot") return;
    const answer = answerFor(msg.text);
    if (answer && ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify({ type: "say", roomId: "lobby", text: answer }));
    }
  });

  ws.on("error", (err) => console.error("bot socket error", err.message));

  ws.on("close", (code) => {
    console.warn("bot disconnected", code);
    // ruleid: reconnect-without-backoff
    connect();
  });
}

connect();
