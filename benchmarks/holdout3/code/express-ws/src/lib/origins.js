'use strict';

const DEFAULT_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

const allowed = new Set(
  (process.env.WS_ALLOWED_ORIGINS || DEFAULT_ORIGINS.join(','))
    .split(',')
    .map((o) => o.trim().toLowerCase())
    .filter(Boolean),
);

if (process.env.NODE_ENV !== 'production') {
  allowed.add('http://localhost:5173');
  allowed.add('http://127.0.0.1:5173');
}

/**
 * Exact match on scheme + host + port. Browsers always send Origin on a
 * WebSocket handshake; a missing Origin means a non-browser client, which we
 * accept only when it presents a service token elsewhere.
 */
function isAllowedOrigin(origin) {
  if (!origin) return false;
  return allowed.has(String(origin).toLowerCase());
}

function describeAllowedOrigins() {
  return [...allowed].sort();
}

module.exports = { isAllowedOrigin, describeAllowedOrigins };
