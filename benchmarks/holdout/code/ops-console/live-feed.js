/* global $, moment */
// Ops console live event feed. Loaded on /ops/* pages via <script src>.
(function () {
  'use strict';

  var socket = null;
  var $list = $('#event-feed');
  var MAX_ROWS = 300;

  function renderRow(evt) {
    var $row = $('<li/>').addClass('evt evt-' + evt.level);
    $row.append($('<time/>').text(moment(evt.ts).format('HH:mm:ss')));
    $row.append($('<span/>').text(evt.source + ': ' + evt.message));
    $list.prepend($row);
    $list.children().slice(MAX_ROWS).remove();
  }

  function connect() {
    // ruleid: insecure-websocket-url
    var url = 'ws://' + window.location.host + '/ops/events';
    socket = new WebSocket(url);

    socket.onopen = function () {
      $('#feed-status').text('live').removeClass('down');
      socket.send(JSON.stringify({ filter: $('#level-filter').val() }));
    };

    socket.onmessage = function (e) {
      // ruleid: json-parse-without-guard
      var evt = JSON.parse(e.data);
      renderRow(evt);
    };

    socket.onclose = function () {
      $('#feed-status').text('reconnecting…').addClass('down');
      // ruleid: reconnect-without-backoff
      setTimeout(connect, 3000);
    };
  }

  $('#level-filter').on('change', function () {
    // ruleid: send-without-open-check
    socket.send(JSON.stringify({ filter: $(this).val() }));
  });

  $(connect);
})();
