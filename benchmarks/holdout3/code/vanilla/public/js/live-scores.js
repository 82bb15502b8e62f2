/* Live scores widget, plain ES5 so it runs in the CMS template. */
(function () {
  'use strict';

  // ok: insecure-websocket-url
  var proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
  var endpoint = proto + location.host + '/scores/ws';
  var ws = null;
  var pingTimer = null;
  var board = document.getElementById('scoreboard');

  function render(match) {
    var row = document.querySelector('[data-match="' + match.id + '"]');
    if (!row) return;
    row.querySelector('.home').textContent = match.home;
    row.querySelector('.away').textContent = match.away;
    row.querySelector('.minute').textContent = match.minute + "'";
  }

  function connect() {
    // ok: websocket-without-close-handler
    ws = new WebSocket(endpoint);

    ws.onopen = function () {
      board.classList.remove('stale');
      // ok: heartbeat-interval-never-cleared
      pingTimer = setInterval(function () {
        if (ws.readyState === 1) {
          // ok: send-without-open-check
          ws.send('{"type":"ping"}');
        }
      }, 25000);
    };

    ws.onmessage = function (e) {
      var data;
      try {
        // ok: json-parse-without-guard
        data = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      if (data.type === 'score') render(data.match);
    };

    ws.onclose = function () {
      clearInterval(pingTimer);
      board.classList.add('stale');
      // ruleid: reconnect-without-backoff
      setTimeout(function () { connect(); }, 2000);
    };
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && ws && ws.readyState === 3) connect();
  });

  connect();
})();
