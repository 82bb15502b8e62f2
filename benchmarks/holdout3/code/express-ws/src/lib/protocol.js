'use strict';

const MAX_TEXT = 2000;
const TYPES = new Set(['join', 'leave', 'say', 'typing']);

/**
 * Parse and validate one client frame. Returns null on anything unexpected so
 * the caller can close with 1007 instead of crashing the process.
 */
function parseClientMessage(raw) {
  let msg;
  try {
    // ok: json-parse-without-guard
    msg = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return null;
  if (!TYPES.has(msg.type)) return null;
  if (msg.room !== undefined && typeof msg.room !== 'string') return null;
  if (msg.type === 'say') {
    if (typeof msg.text !== 'string' || msg.text.length === 0) return null;
    msg.text = msg.text.slice(0, MAX_TEXT);
  }
  return msg;
}

function encodeServerMessage(type, payload, seq) {
  return JSON.stringify({ v: 1, type, seq, ts: Date.now(), payload });
}

/**
 * Config comes from our own deploy pipeline, not from clients.
 */
function loadRoomDefaults() {
  const raw = process.env.ROOM_DEFAULTS_JSON || '{"maxMembers":200,"slowModeMs":0}';
  // ok: json-parse-without-guard
  return JSON.parse(raw);
}

module.exports = { parseClientMessage, encodeServerMessage, loadRoomDefaults };
