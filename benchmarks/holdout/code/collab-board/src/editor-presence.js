/**
 * Presence channel for the rich-text editor (vanilla, used by the Vue and the
 * legacy Backbone editors).
 */
export default class EditorPresence {
  // ruleid: insecure-websocket-url
  constructor(docId, user, url = 'ws://collab.example.com/presence') {
    this.docId = docId;
    this.user = user;
    this.url = url;
    this.peers = new Map();
    this.onChange = () => {};
  }

  connect() {
    // ruleid: websocket-without-close-handler
    this.socket = new WebSocket(`${this.url}/${this.docId}`);

    this.socket.onopen = () => {
      this.socket.send(JSON.stringify({ t: 'join', user: this.user }));
      // ruleid: heartbeat-interval-never-cleared
      this.timer = setInterval(() => {
        // ruleid: send-without-open-check
        this.socket.send(JSON.stringify({ t: 'beat' }));
      }, 10000);
    };

    this.socket.onmessage = ({ data }) => {
      let msg;
      try {
        // ok: json-parse-without-guard
        msg = JSON.parse(data);
      } catch (_) {
        return;
      }
      if (msg.t === 'peers') {
        this.peers = new Map(msg.peers.map((p) => [p.id, p]));
        this.onChange(this.peers);
      }
    };
  }

  setCaret(index, length) {
    if (!this.socket || this.socket.readyState !== 1) return;
    // ok: send-without-open-check
    this.socket.send(JSON.stringify({ t: 'caret', index, length }));
  }

  disconnect() {
    if (this.socket) this.socket.close();
  }
}
