import uWS from "uWebSockets.js";
import { verifyTicket } from "./tickets";

const ALLOWED = new Set(["https://app.example.com", "https://admin.example.com"]);
const decoder = new TextDecoder();

interface UserData {
  userId: string;
  topics: Set<string>;
}

const app = uWS.App();

// ok: websocket-server-without-origin-check
app.ws<UserData>("/live", {
  compression: uWS.DISABLED,
  maxPayloadLength: 16 * 1024,
  maxBackpressure: 512 * 1024,
  idleTimeout: 60,
  sendPingsAutomatically: true,

  upgrade: (res, req, context) => {
    const origin = req.getHeader("origin");
    const ticket = req.getHeader("sec-websocket-protocol");
    if (!ALLOWED.has(origin)) {
      res.writeStatus("403 Forbidden").end();
      return;
    }
    const userId = verifyTicket(ticket);
    if (!userId) {
      res.writeStatus("401 Unauthorized").end();
      return;
    }
    res.upgrade<UserData>(
      { userId, topics: new Set() },
      req.getHeader("sec-websocket-key"),
      ticket,
      req.getHeader("sec-websocket-extensions"),
      context,
    );
  },

  message: (ws, message) => {
    // ruleid: json-parse-without-guard
    const msg = JSON.parse(decoder.decode(message));
    const data = ws.getUserData();
    if (msg.op === "sub" && typeof msg.topic === "string" && msg.topic.startsWith(`user:${data.userId}:`)) {
      ws.subscribe(msg.topic);
      data.topics.add(msg.topic);
    }
  },

  drain: (ws) => {
    console.log("drained", ws.getUserData().userId, ws.getBufferedAmount());
  },
});

export function publish(topic: string, payload: object) {
  app.publish(topic, JSON.stringify(payload));
}

app.listen(9001, (token) => {
  // ok: insecure-websocket-url
  if (token) console.log("uWS listening on ws://0.0.0.0:9001/live");
});
